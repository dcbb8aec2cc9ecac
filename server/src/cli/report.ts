import {relative} from 'node:path'
import pc from 'picocolors'
import {location} from 'vfile-location'
import type {Finding, LintResult, Severity} from '../engine/index.js'

/** One linted file as reports see it: the CLI's JSON contract for CI tools. */
export interface FileReport {
  filePath: string
  messages: ReportMessage[]
  stats: LintResult['stats']
}

export interface ReportMessage {
  ruleId: string
  severity: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  suggestions: Array<{title: string; safe: boolean; edits: Array<{offset: number; endOffset: number; newText: string}>}>
}

/** Findings with 1-based lines and columns (UTF-16 code units, as editors count them). */
export function toReport(filePath: string, text: string, result: LintResult): FileReport {
  const place = location(text)
  const messages = result.findings.map((f: Finding): ReportMessage => {
    const start = place.toPoint(f.offset) ?? {line: 1, column: 1}
    const end = place.toPoint(f.endOffset) ?? endPoint(text)
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset: f.offset,
      endOffset: f.endOffset,
      suggestions: f.suggestions.map((s) => ({title: s.title, safe: s.safe, edits: s.edits.map((e) => ({...e}))})),
    }
  })
  return {filePath, messages, stats: result.stats}
}

// vfile-location has no point for the offset one past the last character.
function endPoint(text: string): {line: number; column: number} {
  const lines = text.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1].length + 1}
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(reports) + '\n'
}

/** ESLint's "stylish" layout: findings grouped by file, then one summary line. */
export function formatStylish(reports: FileReport[], cwd: string, color: boolean): string {
  const c = pc.createColors(color)
  const sev = {error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info')}
  let out = ''
  const totals = {error: 0, warning: 0, info: 0}
  let fixable = 0
  for (const r of reports) {
    if (r.messages.length === 0) continue
    out += `\n${c.underline(relative(cwd, r.filePath) || r.filePath)}\n`
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length))
    for (const m of r.messages) {
      totals[m.severity]++
      if (m.suggestions.some((s) => s.safe)) fixable++
      out += `  ${c.dim(`${m.line}:${m.column}`.padEnd(width))}  ${sev[m.severity]}${' '.repeat(7 - m.severity.length)}  ${m.message}  ${c.dim(m.ruleId)}\n`
    }
  }
  const problems = totals.error + totals.warning + totals.info
  if (problems === 0) return ''
  const mark = totals.error ? c.red('✖') : c.yellow('⚠')
  out += `\n${mark} ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)\n`
  if (fixable) out += `  ${fixable} of them can be fixed with the \`--fix\` option.\n`
  return out
}
