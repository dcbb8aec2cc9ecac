import type {Comment} from './parse/draft.js'
import type {Finding} from './types.js'

/**
 * Inline directives, markdownlint/ESLint style, in HTML comments:
 *   <!-- oncolint-disable-next-line promotion/superlative -- reason -->
 *   <!-- oncolint-disable accuracy/misconception -- reason --> ... <!-- oncolint-enable -->
 *   <!-- oncolint-disable-file readability -- reason -->
 * A rule list may name rule ids or whole families; none means every rule.
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file'
  rules: string[]
  reason: string
  offset: number
  endOffset: number
}

const DIRECTIVE = /^\s*oncolint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*)$/

export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = []
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body)
    if (!m) continue
    const [list, ...reason] = m[2].split(/\s--\s?|\s--$/)
    out.push({
      kind: m[1] as Directive['kind'],
      rules: list.split(/[\s,]+/).filter(Boolean),
      reason: reason.join(' -- ').trim(),
      offset: c.offset,
      endOffset: c.endOffset,
    })
  }
  return out
}

const covers = (rules: string[], ruleId: string): boolean =>
  rules.length === 0 || rules.some((r) => r === ruleId || r === ruleId.split('/')[0])

/**
 * Where each line starts. A line ends at \r\n, \n or a lone \r, as in CommonMark and in the
 * positions the editor and the reports show: counting \n alone would make a CR-only file one
 * line, and a disable-line comment silence its rule in the whole file.
 */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return starts
}

/** Drops the findings that directives switch off. */
export function applyDirectives(text: string, directives: readonly Directive[], findings: Finding[]): Finding[] {
  if (directives.length === 0) return findings
  const lineStarts = lineStartsOf(text)
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  // Worked out once per rule id, not per finding: a long draft may hold thousands of both.
  const plans = new Map<string, {file: boolean; lines: Set<number>; rangeOffsets: number[]; rangeOff: boolean[]}>()
  const planFor = (ruleId: string) => {
    let plan = plans.get(ruleId)
    if (!plan) {
      const mine = directives.filter((d) => covers(d.rules, ruleId))
      const ranges = mine.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.offset - b.offset)
      const lines = new Set<number>()
      for (const d of mine) {
        if (d.kind === 'disable-next-line') lines.add(lineOf(d.endOffset) + 1)
        if (d.kind === 'disable-line') lines.add(lineOf(d.offset))
      }
      plan = {file: mine.some((d) => d.kind === 'disable-file'), lines, rangeOffsets: ranges.map((d) => d.offset), rangeOff: ranges.map((d) => d.kind === 'disable')}
      plans.set(ruleId, plan)
    }
    return plan
  }
  return findings.filter((f) => {
    const plan = planFor(f.ruleId)
    if (plan.file || (plan.lines.size > 0 && plan.lines.has(lineOf(f.offset)))) return false
    // Ranges apply in document order: the last disable/enable before the finding wins.
    let lo = 0
    let hi = plan.rangeOffsets.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (plan.rangeOffsets[mid] < f.offset) lo = mid + 1
      else hi = mid
    }
    return !(lo > 0 && plan.rangeOff[lo - 1])
  })
}
