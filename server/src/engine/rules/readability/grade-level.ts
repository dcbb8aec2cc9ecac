import {explainedWords} from '../../analyses/jargon.js'
import {readabilityOf} from '../../analyses/readability.js'
import type {Draft} from '../../parse/draft.js'
import {longWordsOf, round1, type ScopeStats} from '../../readability/stats.js'
import type {LintContext, RawFinding, Rule} from '../../rule-context.js'

const fmt = (n: number): string => round1(n).toFixed(1)

// SMOG is the formula health-literacy research trusts most for patient text; it needs a few
// sentences to mean anything, hence the minimums below.
const MIN_SECTION_SENTENCES = 3
const MIN_PARAGRAPH_SENTENCES = 2
/**
 * A paragraph is reported on its own only when it is this many grades above the target and,
 * inside a section already reported, this many grades above its section: otherwise the
 * section finding says it already, and findings would stack on the same text.
 */
const PARAGRAPH_MARGIN = 2
/** Sentence length plain-language guides aim at; the yardstick for "what drives the grade". */
const PLAIN_SENTENCE_WORDS = 15
/** One driver "dominates" when its excess over plain text is this many times the other's. */
const DOMINANT = 1.5
/** Grades closer than this are the same grade for the message. */
const SAME_GRADE = 0.5

export const gradeLevel: Rule = {
  id: 'readability/grade-level',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A section or paragraph reads above the target grade (SMOG).',
  check(ctx) {
    const {draft, config} = ctx
    const {stats} = ctx.get(readabilityOf)
    const target = config.targetGrade
    const explained = ctx.get(explainedWords)
    const out: RawFinding[] = []
    const sectionGrade = new Map<number, number>()
    draft.sections.forEach((section, i) => {
      const s = stats.sections[i]
      if (s.counts.sentences < MIN_SECTION_SENTENCES || !(judged(s) > target)) return
      sectionGrade.set(i, judged(s))
      const head = draft.paragraphs[section.paragraphs[0]]
      const [offset, endOffset] = head.heading ? [head.offset, head.endOffset] : sentenceRange(ctx, head.sentences[0])
      const body = section.paragraphs.filter((p) => !draft.paragraphs[p].heading).flatMap((p) => draft.paragraphs[p].sentences)
      const name = section.title ? `Section '${section.title}'` : 'The opening section'
      out.push({
        ruleId: this.id,
        message: `${name} reads at ${gradeText(s)}, above the target of ${target}. ${drivers(draft, s, body, target, explained)}`,
        offset,
        endOffset,
        suggestions: [],
      })
    })
    draft.paragraphs.forEach((p, i) => {
      const s = stats.paragraphs[i]
      if (p.heading || s.counts.sentences < MIN_PARAGRAPH_SENTENCES || !(judged(s) > target + PARAGRAPH_MARGIN)) return
      const section = sectionGrade.get(p.section)
      if (section !== undefined && judged(s) < section + PARAGRAPH_MARGIN) return
      const above = section !== undefined ? `well above the target of ${target} and its section (${fmt(section)})` : `well above the target of ${target}`
      out.push({
        ruleId: this.id,
        message: `Paragraph reads at ${gradeText(s)}, ${above}. ${drivers(draft, s, p.sentences, target, explained)}`,
        offset: p.offset,
        endOffset: p.endOffset,
        suggestions: [],
      })
    })
    return out
  },
}

/**
 * The grade the rule judges: SMOG with the medical terms the draft explains counted as easy
 * words. A writer who explains a needed term has done the right thing; a warning for it would
 * only teach them to leave the term out. The message gives the plain SMOG beside it.
 */
const judged = (s: ScopeStats): number => s.gradesExplained.smog

function gradeText(s: ScopeStats): string {
  const plain = s.grades.smog - judged(s) >= SAME_GRADE ? `; ${fmt(s.grades.smog)} counting the medical terms it explains` : ''
  return `grade ${fmt(judged(s))} (SMOG; Flesch-Kincaid ${fmt(s.grades.fleschKincaid)}${plain})`
}

/**
 * What makes the grade high. SMOG grows with the square root of long words per sentence,
 * that is (words a sentence) x (share of long words): each factor is compared with plain
 * text at the target grade (15-word sentences, and the share of long words that then gives
 * the target), and the larger excess is named first.
 */
function drivers(draft: Draft, s: ScopeStats, sentenceIdx: readonly number[], target: number, explained: ReadonlySet<number>): string {
  const {words, sentences} = s.counts
  const {polysyllables, examples} = longWords(draft, sentenceIdx, explained)
  const perSentence = words / Math.max(1, sentences)
  const share = polysyllables / Math.max(1, words)
  const targetShare = ((target - 3.1291) / 1.043) ** 2 / 30 / PLAIN_SENTENCE_WORDS
  const lengthExcess = perSentence / PLAIN_SENTENCE_WORDS
  const wordExcess = targetShare > 0 ? share / targetShare : Infinity
  const pct = `${Math.round(share * 100)}%`
  const such = examples.length ? `, such as ${examples.map((w) => `'${w}'`).join(', ')}` : ''
  const avg = fmt(perSentence)
  if (wordExcess >= DOMINANT * lengthExcess) return `Mostly long words: ${pct} of words have three or more syllables${such}; sentences average ${avg} words.`
  if (lengthExcess >= DOMINANT * wordExcess) return `Mostly long sentences: they average ${avg} words; ${pct} of words have three or more syllables${such}.`
  return `Long sentences and long words: sentences average ${avg} words, and ${pct} of words have three or more syllables${such}.`
}


/**
 * The long words (three or more syllables) the judged grade counts, and the ones to name:
 * those not on the familiar lists first (they are the ones worth replacing), then the most
 * used. Explained terms do not count; acronyms count but are not "long words" to a writer.
 */
function longWords(draft: Draft, sentenceIdx: readonly number[], explained: ReadonlySet<number>, limit = 3): {polysyllables: number; examples: string[]} {
  const seen = new Map<string, {count: number; familiar: boolean; syllables: number; order: number}>()
  let polysyllables = 0
  for (const i of sentenceIdx) {
    const sentence = draft.sentences[i]
    for (const w of longWordsOf(sentence)) {
      if (explained.size && explained.has(sentence.offset + w.at)) continue
      polysyllables++
      // Acronyms count but are not "long words" to a writer.
      const {name, familiar, syllables} = w.facts
      if (name === undefined) continue
      const known = seen.get(name)
      if (known) known.count++
      else seen.set(name, {count: 1, familiar, syllables, order: seen.size})
    }
  }
  const examples = [...seen.entries()]
    .sort(([, a], [, b]) => Number(a.familiar) - Number(b.familiar) || b.count - a.count || b.syllables - a.syllables || a.order - b.order)
    .slice(0, limit)
    .map(([w]) => w)
  return {polysyllables, examples}
}

function sentenceRange(ctx: LintContext, i: number): [number, number] {
  const s = ctx.draft.sentences[i]
  return [s.offset, s.endOffset]
}
