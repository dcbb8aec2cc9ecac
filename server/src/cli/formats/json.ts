import {storedReport} from '../cache.js'
import {outputText, type FileSpan, type Output} from '../output.js'
import {statsJson, type LintedFile, type ReportMessage} from '../report.js'

/** The contract for CI tools: [{filePath, messages, stats}], one line. */
export function formatJson(files: readonly LintedFile[]): string {
  return outputText(jsonOutput(files))
}

/** Messages written per part: a file with hundreds of thousands of findings is never one string (V8 caps a string at 512 MB). */
const MESSAGES_PER_PART = 2000

/**
 * formatJson's output, made part by part as it is written out (never one string of the whole
 * report), with each report taken whole from the cache spliced in as it is stored there (the
 * JSON.stringify of its messages and of its stats) rather than parsed and written out again:
 * byte for byte the same report. A file that could not be linted or fixed has, first in its
 * messages, one as ESLint reports a fatal error: `{"ruleId": null, "fatal": true, "severity":
 * "error", "message": why, …}` with line and column 0.
 */
export function jsonOutput(files: readonly LintedFile[]): Output {
  return {
    *[Symbol.iterator](): Generator<string | FileSpan> {
      yield '['
      for (let i = 0; i < files.length; i++) {
        const {report, failure} = files[i]
        const head = `${i > 0 ? ',' : ''}{"filePath":${JSON.stringify(report.filePath)},"messages":`
        const stored = failure === undefined ? storedReport(report) : undefined
        if (stored) {
          yield head
          yield stored.messages
          yield ',"stats":'
          yield stored.stats
          yield '}'
          continue
        }
        yield head
        yield* messagesJson(report.messages, failure)
        yield `,"stats":${report.stats === null ? 'null' : (statsJson(report) ?? JSON.stringify(report.stats))}}`
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
export const fatalMessage = (message: string) => ({ruleId: null, fatal: true, severity: 'error', message, line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, endOffset: 0, suggestions: []})
