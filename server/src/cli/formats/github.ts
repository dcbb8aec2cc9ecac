import type {Severity} from '../../engine/index.js'
import {printablePath, printableText} from '../printable.js'
import {displayPath, messagesOf, type ReportedFile} from '../report.js'
import type {FormatContext} from './types.js'

const COMMAND: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
 * which the runner turns into annotations on the pull request's diff; a file that could not
 * be linted or fixed is one `::error` on the file. Control characters from drafts and file
 * names are shown as escapes (printable.ts) before the runner's own escaping, so none reaches
 * the log raw.
 */
export function formatGithub(files: readonly ReportedFile[], ctx: FormatContext): string {
  let out = ''
  for (const reported of files) {
    const {failure} = reported
    // CR and LF stay for the runner to decode (%0D, %0A): they are part of the file's name.
    const file = displayPath(reported.report.filePath, ctx.cwd).replace(/[^\r\n]+/g, printablePath)
    if (failure !== undefined) out += `::error file=${escapeProperty(file)},title=oncolint::${escapeData(printableText(failure))}\n`
    for (const m of messagesOf(reported)) {
      const props: Array<[string, string | number]> = [['file', file], ['line', m.line], ['endLine', m.endLine]]
      // GitHub only takes columns when the annotation starts and ends on the same line.
      if (m.line === m.endLine) props.push(['col', m.column], ['endColumn', m.endColumn])
      props.push(['title', printableText(m.ruleId)])
      out += `::${COMMAND[m.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(printableText(m.message))}\n`
    }
  }
  return out
}

// The escapes of @actions/core's command.ts: the runner decodes exactly these.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
