import {sep} from 'node:path'
import pc from 'picocolors'
import type {FileSpan, Output} from '../output.js'
import {printablePath, printableText, safeLineStart} from '../printable.js'
import {displayPath, hasSafeFix, messagesOf, type ReportMessage, type ReportedFile} from '../report.js'
import type {FormatContext} from './types.js'

type Colors = ReturnType<typeof pc.createColors>
const PLAIN = pc.createColors(false)

/**
 * ESLint's "stylish" layout: findings grouped by file, then one summary line. Text from drafts
 * and file names is made printable (printable.ts): no control character reaches the terminal,
 * and no line starts as a CI runner's command. A report's stored rows (StoredParts: without
 * colour, they are its stylishRows) are copied in as they are: a --cache run's default output
 * is mostly rows, far slower to parse back from the stored messages and lay out again.
 */
export function stylishOutput(files: readonly ReportedFile[], ctx: FormatContext): Output {
  const c = ctx.color ? pc.createColors(true) : PLAIN
  const pathOf = displayPaths(ctx.cwd)
  const parts: Array<string | FileSpan> = []
  let text = ''
  const totals = {error: 0, warning: 0, info: 0}
  let fixable = 0
  let failed = 0
  for (const file of files) {
    const {failure} = file
    const {filePath} = file.report
    const stored = ctx.color || failure !== undefined ? undefined : file.stored
    if (stored?.rows !== undefined) {
      const {counts} = stored
      if (counts.error + counts.warning + counts.info === 0) continue
      for (const s of SEVERITIES) totals[s] += counts[s]
      fixable += stored.fixable
      parts.push(`${text}\n${pathOf(filePath)}\n`, stored.rows)
      text = ''
      continue
    }
    const messages = messagesOf(file)
    if (messages.length === 0 && failure === undefined) continue
    for (const m of messages) {
      totals[m.severity]++
      if (hasSafeFix(m)) fixable++
    }
    // A file not linted or not fixed: one row saying why, before what remains (as ESLint shows a fatal error).
    const failureRow = failure === undefined ? '' : (failed++, `  ${c.dim('0:0')}  ${c.red('error')}    ${printableText(failure)}\n`)
    // One part per file: written out part by part, not first joined into one string of megabytes.
    parts.push(`${text}\n${c.underline(pathOf(filePath))}\n${failureRow}${c === PLAIN ? stylishRows(messages) : rows(messages, c)}`)
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
 * its folder's, then its name. path.relative for each file was a large part of laying out the
 * default output of a --cache run.
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

/**
 * One file's rows of the stylish output without colour, a line per message: what the cache
 * stores beside each report (StoredParts.rows), so that output is copied, not made again.
 */
export const stylishRows = (messages: readonly ReportMessage[]): string => rows(messages, PLAIN)

function rows(messages: readonly ReportMessage[], c: Colors): string {
  let width = 0
  for (const m of messages) width = Math.max(width, `${m.line}:${m.column}`.length)
  const sev = {error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info')}
  let out = ''
  for (const m of messages) out += `  ${c.dim(`${m.line}:${m.column}`.padEnd(width))}  ${sev[m.severity]}${' '.repeat(7 - m.severity.length)}  ${printableText(m.message)}  ${c.dim(printableText(m.ruleId))}\n`
  return out
}
