import {relative, sep} from 'node:path'
import {location} from 'vfile-location'
import type {Finding, LintConfig, LintResult, Severity} from '../engine/index.js'
import type {FileSpan} from './output.js'

/** One linted file as reports see it: the CLI's JSON contract for CI tools. */
export interface FileReport {
  filePath: string
  messages: ReportMessage[]
  /** Null when the run's output shows no readability figures (see FileJob.keepStats), and for a file that was not linted. */
  stats: LintResult['stats'] | null
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

export type SeverityCounts = Record<Severity, number>

/** A report linted by this run, with what some formats need besides it: the text it describes and its config. */
export interface LintedFile {
  report: FileReport
  /** The text the report's offsets point into (after fixes, when fixing). */
  text: string
  /** The config that applied, defaults filled in (the HTML report shows its targetGrade). */
  config: LintConfig
  /**
   * Why the file was not linted (binary, too long, unreadable: its report is empty) or not
   * fixed (read-only, changed meanwhile: its report is of the text on disk). Every format
   * shows it, and the run's exit code is 2.
   */
  failure?: string
  /** Its report as this run stored it in the --cache file: the outputs copy these parts instead of making them again. */
  stored?: StoredParts
}

/**
 * A report's parts as the --cache file stores them, back to back: the JSON of its messages and
 * of its stats and its rows of the default output without colour, each made by this run
 * (a string) or read from the cache file (a span of it). The JSON report and the default
 * output copy them as they are; a part left out was not checked against its CRC, and is not
 * copied.
 */
export interface StoredParts {
  counts: SeverityCounts
  /** How many of its messages have a safe fix. */
  fixable: number
  json?: {messages: string | FileSpan; stats: string | FileSpan}
  rows?: string | FileSpan
}

/**
 * A file whose report was taken from the --cache file as it is: its counts and stored parts,
 * and its messages, stats and text read only when a format asks for them (a warm run copies
 * the stored parts and parses nothing).
 */
export interface CachedFile {
  filePath: string
  config: LintConfig
  failure?: undefined
  /** Undefined once a filter has dropped some of its messages: its stored parts no longer describe it. */
  stored?: StoredParts
  counts: SeverityCounts
  report: CachedReport
  /** The text the report describes, read from disk (the file was hashed a moment ago). */
  readText: () => string
}

/** One file of a run's report, as the formats take it. */
export type ReportedFile = LintedFile | CachedFile

/** A report from the cache, its messages and stats parsed on first use, each on its own. */
export class CachedReport {
  private messagesRead: ReportMessage[] | undefined
  private statsRead: {value: FileReport['stats']} | undefined

  constructor(
    readonly filePath: string,
    private readonly read: {messages: () => ReportMessage[]; stats: () => FileReport['stats']},
  ) {}

  messages(): ReportMessage[] {
    this.messagesRead ??= this.read.messages()
    return this.messagesRead
  }

  stats(): FileReport['stats'] {
    this.statsRead ??= {value: this.read.stats()}
    return this.statsRead.value
  }

  /** Only the messages `keep` keeps; the stats as they are, still unread. */
  filtered(keep: (m: ReportMessage) => boolean): CachedReport {
    return new CachedReport(this.filePath, {messages: () => this.messages().filter(keep), stats: () => this.stats()})
  }
}

/** Whether the file's report was taken from the cache. */
export const isCached = (file: ReportedFile): file is CachedFile => file.report instanceof CachedReport

/** The file's messages: as linted, or parsed from the cache (its stats left unread). */
export const messagesOf = (file: ReportedFile): ReportMessage[] => (file.report instanceof CachedReport ? file.report.messages() : file.report.messages)

/** The file's stats: as linted, or parsed from the cache (its messages left unread). */
export const statsOf = (file: ReportedFile): FileReport['stats'] => (file.report instanceof CachedReport ? file.report.stats() : file.report.stats)

/** The file's report, whole: as linted, or parsed from the cache. */
export const reportOf = (file: ReportedFile): FileReport => (file.report instanceof CachedReport ? {filePath: file.report.filePath, messages: messagesOf(file), stats: statsOf(file)} : file.report)

/** The text the file's report describes. */
export const textOf = (file: ReportedFile): string => (isCached(file) ? file.readText() : file.text)

/** Its messages by severity; for a report from the cache, as its header says, without parsing it. */
export const countsOf = (file: ReportedFile): SeverityCounts => (isCached(file) ? file.counts : countBySeverity([file.report]))

/** Whether --fix would apply something for this message (the default output's summary counts these). */
export const hasSafeFix = (m: ReportMessage): boolean => m.suggestions.some((s) => s.safe)

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
 * The report of one file, plain data: a lint thread sends it to the main thread by structured
 * clone, which reads every property. Without stats (a run whose output never shows them) its
 * stats are null.
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
  // and the cache read them: kept only when asked for (writing JSON nobody reads costs a run
  // more than it seems: docs/performance.md).
  const stats = result.stats ? reportedStats(result.stats) : null
  return {filePath, messages, stats}
}

/** The report of a file that was not linted: no messages, no stats (LintedFile.failure says why). */
export const emptyReport = (filePath: string): FileReport => ({filePath, messages: [], stats: null})

type Stats = LintResult['stats']
type Scope = Stats['document']

/**
 * The stats with grades to two decimals. The formulas are estimates, good to a tenth of a
 * grade at best; their seventeen digits made the JSON report much larger (docs/performance.md),
 * and so slower to write and to read, for no information.
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

export function countBySeverity(reports: ReadonlyArray<Pick<FileReport, 'messages'>>): SeverityCounts {
  const totals = {error: 0, warning: 0, info: 0}
  for (const r of reports) for (const m of r.messages) totals[m.severity]++
  return totals
}
