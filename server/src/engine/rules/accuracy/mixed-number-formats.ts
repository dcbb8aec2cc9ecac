import type {Figure} from '../../analyses/figures.js'
import {numbersOf, promotionCover} from '../../analyses/numbers.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/**
 * accuracy/mixed-number-formats: figures of one comparison in different formats ("1 in 4" and
 * "12%") or out of different denominators ("20 in 100" and "1 in 10"), in a sentence or
 * across two sentences of a paragraph.
 */
export const mixedNumberFormats: Rule = {
  id: 'accuracy/mixed-number-formats',
  family: 'accuracy',
  defaultSeverity: 'warning',
  description: 'Figures compared in mixed formats (1 in 4 and 12%) or out of different denominators (20 in 100 and 1 in 10).',
  check(ctx) {
    const {draft} = ctx
    const numbers = ctx.get(numbersOf)
    const covered = ctx.get(promotionCover)
    const out: RawFinding[] = []
    for (const m of numbers.mixed) {
      const s = draft.sentences[m.sentence]
      const o = draft.sentences[m.other.sentence]
      const offset = s.offset + m.figure.from
      const endOffset = s.offset + m.figure.to
      if (covered(m.sentence, offset, endOffset) || covered(m.other.sentence, o.offset + m.other.figure.from, o.offset + m.other.figure.to)) continue
      const actual = draft.text.slice(offset, endOffset)
      const other = draft.text.slice(o.offset + m.other.figure.from, o.offset + m.other.figure.to)
      out.push({ruleId: this.id, message: mixedMessage(m.other.figure, other, m.figure, actual), offset, endOffset, suggestions: [], actual})
    }
    return out
  },
}

const FORMAT_NAMES: Partial<Record<Figure['format'], string>> = {percentage: 'a percentage', frequency: 'a frequency', fraction: 'a fraction in words'}

/** "1,000" */
const grouped = (n: number): string => n.toLocaleString('en-US', {maximumFractionDigits: 1})

/**
 * The denominator both figures read best with: the largest frequency's denominator, else 100;
 * larger when a figure would be a fraction of a person ("0.5 in 100" reads as "5 in 1,000").
 */
export function commonDenominator(figures: readonly Figure[]): number {
  let d = Math.max(100, ...figures.filter((f) => f.format === 'frequency').map((f) => f.denominator ?? 100))
  while (d < 100_000 && figures.some((f) => f.value * d < 10 && Math.abs(f.value * d - Math.round(f.value * d)) > 0.05)) d *= 10
  return d
}

export function mixedMessage(a: Figure, aText: string, b: Figure, bText: string): string {
  const d = commonDenominator([a, b])
  const as = (f: Figure) => `${grouped(Math.round(f.value * d * 10) / 10)} in ${grouped(d)}`
  const why =
    a.format === b.format
      ? `are out of different numbers (${grouped(a.denominator ?? 0)} and ${grouped(b.denominator ?? 0)})`
      : `are in different formats (${FORMAT_NAMES[a.format]} and ${FORMAT_NAMES[b.format]})`
  return `'${aText}' and '${bText}' ${why}, so readers cannot compare them reliably. Use one format with one denominator for every figure of a comparison, for example '${as(a)}' and '${as(b)}' (CDC Clear Communication Index; FDA, Communicating Risks and Benefits; IPDAS).`
}
