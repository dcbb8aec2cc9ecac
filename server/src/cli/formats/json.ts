import type {FileSpan, Output} from '../output.js'
import {messagesOf, statsOf, type ReportedFile, type ReportMessage} from '../report.js'

/** Messages written per part: a file with hundreds of thousands of findings is never one string (V8 caps a string at 512 MB). */
const MESSAGES_PER_PART = 2000

/**
 * The contract for CI tools: [{filePath, messages, stats}], one line. Made part by part as it
 * is written out (never one string of the whole report), with each report's stored JSON
 * (StoredParts: the JSON.stringify of its messages and of its stats, from the cache file or
 * made for it by this run) spliced in as it is rather than parsed and written out again: byte
 * for byte the same report. A file that could not be linted or fixed has, first in its
 * messages, one as ESLint reports a fatal error: `{"ruleId": null, "fatal": true, "severity":
 * "error", "message": why, …}` with line and column 0.
 */
export function jsonOutput(files: readonly ReportedFile[]): Output {
  return {
    *[Symbol.iterator](): Generator<string | FileSpan> {
      yield '['
      for (let i = 0; i < files.length; i++) {
        const file = files[i]
        const {failure} = file
        const head = `${i > 0 ? ',' : ''}{"filePath":${JSON.stringify(file.report.filePath)},"messages":`
        const stored = failure === undefined ? file.stored?.json : undefined
        if (stored) {
          yield head
          yield stored.messages
          yield ',"stats":'
          yield stored.stats
          yield '}'
          continue
        }
        yield head
        yield* messagesJson(messagesOf(file), failure)
        yield `,"stats":${JSON.stringify(statsOf(file))}}`
      }
      yield ']\n'
    },
  }
}

/** JSON.stringify(messages), in parts of MESSAGES_PER_PART messages, after a fatal message for `failure`. */
function* messagesJson(messages: readonly ReportMessage[], failure: string | undefined): Generator<string> {
  const fatal = failure === undefined ? '' : JSON.stringify(fatalMessage(failure))
  if (messages.length <= MESSAGES_PER_PART) {
    const json = JSON.stringify(messages)
    yield fatal ? `[${fatal}${messages.length ? ',' : ''}${json.slice(1)}` : json
    return
  }
  yield `[${fatal}`
  for (let i = 0; i < messages.length; i += MESSAGES_PER_PART) {
    yield `${i > 0 || fatal ? ',' : ''}${JSON.stringify(messages.slice(i, i + MESSAGES_PER_PART)).slice(1, -1)}`
  }
  yield ']'
}

/** What the JSON report shows first for a file that was not linted or not fixed (ESLint's shape for a fatal error). */
const fatalMessage = (message: string) => ({ruleId: null, fatal: true, severity: 'error', message, line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, endOffset: 0, suggestions: []})
