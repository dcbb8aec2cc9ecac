export interface Label {
  draft: string
  /** `family` or `family/rule`. */
  label: string
  phrase: string
  start: number
  end: number
}
export interface Tally {
  found: number
  total: number
}
export interface Score {
  found: number
  total: number
  families: Map<string, Tally>
  rules: Map<string, Tally>
  missed: string[]
  problems: string[]
}
export interface ReportFile {
  filePath: string
  messages: Array<{ruleId: string; offset: number; endOffset: number}>
}
export function readLabels(dir: string): {labels: Label[]; problems: string[]}
export function answers(label: string, ruleId: string): boolean
export function score(report: ReportFile[], dir: string): Score
export function formatScore(score: Score): string
