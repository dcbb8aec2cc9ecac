import type {Severity} from '../../engine/index.js'
import {displayPath, type LintedFile} from '../report.js'
import type {FormatContext} from './index.js'

const COMMAND: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
 * which the runner turns into annotations on the pull request's diff.
 */
export function formatGithub(files: readonly LintedFile[], ctx: FormatContext): string {
  let out = ''
  for (const {report} of files) {
    const file = displayPath(report.filePath, ctx.cwd)
    for (const m of report.messages) {
      const props: Array<[string, string | number]> = [['file', file], ['line', m.line], ['endLine', m.endLine]]
      // GitHub only takes columns when the annotation starts and ends on the same line.
      if (m.line === m.endLine) props.push(['col', m.column], ['endColumn', m.endColumn])
      props.push(['title', m.ruleId])
      out += `::${COMMAND[m.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(m.message)}\n`
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
