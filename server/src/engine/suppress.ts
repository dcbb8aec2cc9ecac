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

/** Drops the findings that directives switch off. */
export function applyDirectives(text: string, directives: readonly Directive[], findings: Finding[]): Finding[] {
  if (directives.length === 0) return findings
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
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
  return findings.filter((f) => {
    const line = lineOf(f.offset)
    let off = false
    for (const d of directives) {
      if (d.kind === 'disable-file' && covers(d.rules, f.ruleId)) return false
      if (d.kind === 'disable-next-line' && lineOf(d.endOffset) + 1 === line && covers(d.rules, f.ruleId)) return false
      if (d.kind === 'disable-line' && lineOf(d.offset) === line && covers(d.rules, f.ruleId)) return false
      // Ranges apply in document order: the last disable/enable before the finding wins.
      if (d.offset < f.offset && (d.kind === 'disable' || d.kind === 'enable') && covers(d.rules, f.ruleId)) off = d.kind === 'disable'
    }
    return !off
  })
}
