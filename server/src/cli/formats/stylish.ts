import pc from 'picocolors'
import {countBySeverity, displayPath, type LintedFile} from '../report.js'
import type {FormatContext} from './index.js'

/** ESLint's "stylish" layout: findings grouped by file, then one summary line. */
export function formatStylish(files: readonly LintedFile[], ctx: FormatContext): string {
  const c = pc.createColors(ctx.color)
  const sev = {error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info')}
  let out = ''
  let fixable = 0
  for (const {report: r} of files) {
    if (r.messages.length === 0) continue
    out += `\n${c.underline(displayPath(r.filePath, ctx.cwd))}\n`
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length))
    for (const m of r.messages) {
      if (m.suggestions.some((s) => s.safe)) fixable++
      out += `  ${c.dim(`${m.line}:${m.column}`.padEnd(width))}  ${sev[m.severity]}${' '.repeat(7 - m.severity.length)}  ${m.message}  ${c.dim(m.ruleId)}\n`
    }
  }
  const totals = countBySeverity(files.map((f) => f.report))
  const problems = totals.error + totals.warning + totals.info
  if (problems === 0) return ''
  const mark = totals.error ? c.red('✖') : c.yellow('⚠')
  out += `\n${mark} ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)\n`
  if (fixable) out += `  ${fixable} of them can be fixed with the \`--fix\` option.\n`
  return out
}
