import {sep} from 'node:path'
import pc from 'picocolors'
import {storedCounts, storedStylish} from '../cache.js'
import {outputText, type FileSpan, type Output} from '../output.js'
import {printablePath, printableText, safeLineStart} from '../printable.js'
import {displayPath, type LintedFile, type ReportMessage} from '../report.js'
import type {FormatContext} from './index.js'

type Colors = ReturnType<typeof pc.createColors>
const PLAIN = pc.createColors(false)

/**
 * ESLint's "stylish" layout: findings grouped by file, then one summary line. Text from drafts
 * and file names is made printable (printable.ts): no control character reaches the terminal,
 * and no line starts as a CI runner's command.
 */
export function formatStylish(files: readonly LintedFile[], ctx: FormatContext): string {
  return outputText(stylishOutput(files, ctx))
}

/**
 * formatStylish's output, with the rows of each report taken from the cache copied in as they
 * are stored there (without colour, a stored report's rows are its stylishRows): the default
 * output of a --cache run over 200 drafts is 3.6 MB of rows, which took four fifths of the
 * run to parse back from the stored messages, lay out and encode again.
 */
export function stylishOutput(files: readonly LintedFile[], ctx: FormatContext): Output {
  const c = ctx.color ? pc.createColors(true) : PLAIN
  const pathOf = displayPaths(ctx.cwd)
  const parts: Array<string | FileSpan> = []
  let text = ''
  const totals = {error: 0, warning: 0, info: 0}
  let fixable = 0
  let failed = 0
  for (const {report, failure} of files) {
    const stored = ctx.color || failure !== undefined ? undefined : storedStylish(report)
    if (stored) {
      const counts = storedCounts(report)!
      if (counts.error + counts.warning + counts.info === 0) continue
      for (const s of SEVERITIES) totals[s] += counts[s]
      fixable += stored.fixable
      parts.push(`${text}\n${pathOf(report.filePath)}\n`, stored.rows)
      text = ''
      continue
    }
    const {messages} = report
    if (messages.length === 0 && failure === undefined) continue
    for (const m of messages) {
      totals[m.severity]++
      if (hasSafeFix(m)) fixable++
    }
    // A file not linted or not fixed: one row saying why, before what remains (as ESLint shows a fatal error).
    const failureRow = failure === undefined ? '' : (failed++, `  ${c.dim('0:0')}  ${c.red('error')}    ${printableText(failure)}\n`)
    // One part per file: written out part by part, not first joined into one 3 MB string.
    parts.push(`${text}\n${c.underline(pathOf(report.filePath))}\n${failureRow}${c === PLAIN ? stylishRows(messages) : rows(messages, c)}`)
    text = ''
  }
  const problems = totals.error + totals.warning + totals.info
  if (problems === 0 && failed === 0) return ''
  const mark = totals.error || failed ? c.red('✖') : c.yellow('⚠')
  const failedNote = failed ? `; ${failed} file${failed === 1 ? '' : 's'} failed` : ''
  text += `\n${mark} ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)${failedNote}\n`
  if (fixable) text += `  ${fixable} of them can be fixed with the \`--fix\` option.\n`
  parts.push(text)
  return parts
}

const SEVERITIES = ['error', 'warning', 'info'] as const

/**
 * displayPath for the files of one report, worked out once per folder: the path of a file is
 * its folder's, then its name. path.relative for each of 200 files was half of what laying out
 * the default output of a --cache run took (1 ms of 2).
 */
function displayPaths(cwd: string): (filePath: string) => string {
  const shown = displayPathsOf(cwd)
  return (filePath) => safeLineStart(printablePath(shown(filePath)))
}

function displayPathsOf(cwd: string): (filePath: string) => string {
  const folders = new Map<string, string>()
  return (filePath) => {
    const cut = filePath.lastIndexOf(sep) + 1
    if (cut === 0) return displayPath(filePath, cwd)
    const folder = filePath.slice(0, cut)
    let shown = folders.get(folder)
    if (shown === undefined) {
      const path = displayPath(filePath, cwd)
      folders.set(folder, (shown = path.slice(0, path.length - (filePath.length - cut))))
    }
    return shown + filePath.slice(cut)
  }
}

/** Whether --fix would apply something for this message (the summary counts these). */
export const hasSafeFix = (m: ReportMessage): boolean => m.suggestions.some((s) => s.safe)

const rowsMade = new WeakMap<readonly ReportMessage[], string>()

/**
 * One file's rows of the stylish output without colour, a line per message: what the cache
 * stores beside each report, so that output is copied, not made again. Made once per list of
 * messages (the cache and the format of one run share it).
 */
export function stylishRows(messages: readonly ReportMessage[]): string {
  let made = rowsMade.get(messages)
  if (made === undefined) rowsMade.set(messages, (made = rows(messages, PLAIN)))
  return made
}

function rows(messages: readonly ReportMessage[], c: Colors): string {
  let width = 0
  for (const m of messages) width = Math.max(width, `${m.line}:${m.column}`.length)
  const sev = {error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info')}
  let out = ''
  for (const m of messages) out += `  ${c.dim(`${m.line}:${m.column}`.padEnd(width))}  ${sev[m.severity]}${' '.repeat(7 - m.severity.length)}  ${printableText(m.message)}  ${c.dim(printableText(m.ruleId))}\n`
  return out
}
