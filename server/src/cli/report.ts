import {relative, sep} from 'node:path'
import {location} from 'vfile-location'
import type {Finding, LintConfig, LintResult, Severity} from '../engine/index.js'

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

/** A report with what some formats need besides it: the text it describes and its config. */
export interface LintedFile {
  report: FileReport
  /** The text the report's offsets point into (after fixes, when fixing). */
  text: string
  /** The config that applied, defaults filled in (the HTML report shows its targetGrade). */
  config: LintConfig
}

/** Turns 0-based UTF-16 offsets into 1-based lines and columns (UTF-16 code units, as editors count). */
export function pointsOf(text: string): (offset: number) => {line: number; column: number} {
  const place = location(text)
  return (offset) => place.toPoint(offset) ?? (offset <= 0 ? {line: 1, column: 1} : endPoint(text))
}

// vfile-location has no point for the offset one past the last character.
function endPoint(text: string): {line: number; column: number} {
  const lines = text.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1].length + 1}
}

/**
 * The report of one file. Without stats (a run whose output never shows them), reading its
 * stats is a bug and throws, rather than printing a report with figures missing.
 */
export function toReport(filePath: string, text: string, result: {findings: LintResult['findings']; stats: LintResult['stats'] | undefined}): FileReport {
  const pointAt = pointsOf(text)
  const messages = result.findings.map((f: Finding): ReportMessage => {
    const start = pointAt(f.offset)
    const end = pointAt(f.endOffset)
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
      suggestions: f.suggestions.map((s) => ({title: s.title, safe: s.safe, edits: s.edits.map((e) => ({offset: e.offset, endOffset: e.endOffset, newText: e.newText}))})),
    }
  })
  // The stats are most of a report (per paragraph figures) and only the JSON and HTML reports
  // and the cache read them: rounded and written out only when asked for (the default output
  // of 200 drafts spent 5% of its time writing JSON nobody read).
  const figures = result.stats
  let stats: Stats | undefined
  let json: string | undefined
  const rounded = (): Stats => {
    if (!figures) throw new Error(`oncolint: internal error: the stats of ${filePath} were not kept for this run`)
    return (stats ??= reportedStats(figures))
  }
  const report = {filePath, messages} as FileReport
  Object.defineProperty(report, 'stats', {enumerable: true, get: rounded})
  statsText.set(report, () => (json ??= JSON.stringify(rounded())))
  return report
}

const statsText = new WeakMap<FileReport, () => string>()

/** The JSON of a fresh report's stats, as written in the report; undefined for other reports. */
export const statsJson = (report: FileReport): string | undefined => statsText.get(report)?.()

type Stats = LintResult['stats']
type Scope = Stats['document']

/**
 * The stats with grades to two decimals. The formulas are estimates, good to a tenth of a
 * grade at best; their seventeen digits made the JSON report of 200 drafts 28% larger (about
 * 6 MB), and so slower to write and to read, for no information.
 */
function reportedStats(stats: Stats): Stats {
  const scope = (s: Scope): Scope => ({...s, grades: rounded(s.grades), gradesExplained: rounded(s.gradesExplained)})
  return {document: scope(stats.document), sections: stats.sections.map(scope), paragraphs: stats.paragraphs.map(scope), hardestSentences: stats.hardestSentences, numbers: stats.numbers}
}

const round2 = (n: number): number => Math.round(n * 100) / 100

function rounded(g: Scope['grades']): Scope['grades'] {
  return {
    smog: round2(g.smog),
    fleschKincaid: round2(g.fleschKincaid),
    fleschReadingEase: round2(g.fleschReadingEase),
    gunningFog: round2(g.gunningFog),
    colemanLiau: round2(g.colemanLiau),
    automatedReadability: round2(g.automatedReadability),
    daleChall: round2(g.daleChall),
    daleChallGrade: g.daleChallGrade,
  }
}

/** The path as a report shows it: relative to cwd, with forward slashes on every platform. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath) || filePath
  return sep === '/' ? rel : rel.split(sep).join('/')
}

export const RANK: Record<Severity, number> = {info: 0, warning: 1, error: 2}

export function countBySeverity(reports: readonly FileReport[]): Record<Severity, number> {
  const totals = {error: 0, warning: 0, info: 0}
  for (const r of reports) for (const m of r.messages) totals[m.severity]++
  return totals
}
