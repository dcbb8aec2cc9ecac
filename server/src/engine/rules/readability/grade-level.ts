import {explainedWords} from '../../analyses/jargon.js'
import {readabilityOf} from '../../analyses/readability.js'
import type {Draft} from '../../parse/draft.js'
import {blockKind} from '../../readability/blocks.js'
import {addTo, grades, longWordsOf, round1, ZERO, type Counts, type Grades} from '../../readability/stats.js'
import type {LintContext, RawFinding, Rule} from '../../rule-context.js'

const fmt = (n: number): string => round1(n).toFixed(1)

/**
 * SMOG is the formula health-literacy research trusts most for patient text. McLaughlin built
 * it on samples of 30 sentences; for 10 to 29 sentences NCI's and CDC's instructions give the
 * short-passage method (the polysyllables scaled up to 30 sentences, which the formula's 30/S
 * does), and for fewer than 10 sentences no grade is valid. So a scope is judged only when it
 * has at least 10 prose sentences, and the message names the method used.
 */
const MIN_SENTENCES = 10
const FULL_SAMPLE = 30
/** A section of a reported page is reported too only when it is this many grades harder than the page. */
const SECTION_MARGIN = 2
/** Sentence length plain-language guides aim at; the yardstick for "what drives the grade". */
const PLAIN_SENTENCE_WORDS = 15
/** One driver "dominates" when its excess over plain text is this many times the other's. */
const DOMINANT = 1.5
/** Grades closer than this are the same grade for the message. */
const SAME_GRADE = 0.5
/** How many of a page's hardest sections its message names. */
const NAMED_SECTIONS = 3

/** A part of the draft the rule judges: its prose sentences and their counts. */
interface Scope {
  sentences: number[]
  counts: Counts
  /** SMOG and the rest with the medical terms the draft explains counted as easy words. */
  judged: Grades
  /** The same without that discount. */
  plain: Grades
}

export const gradeLevel: Rule = {
  id: 'readability/grade-level',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A page or section reads above the target grade (SMOG), where it has enough sentences for SMOG to be valid.',
  check(ctx) {
    const {draft, config} = ctx
    const target = config.targetGrade
    const {sentenceCounts, explainedCounts} = ctx.get(readabilityOf)
    const explained = ctx.get(explainedWords)
    // Only prose is graded: a heading is a label and a list is read item by item.
    const prose = draft.paragraphs.map((p) => blockKind(draft, p) === 'prose')
    const scopeOf = (paragraphs: readonly number[]): Scope => {
      const sentences = paragraphs.filter((p) => prose[p]).flatMap((p) => draft.paragraphs[p].sentences)
      const counts = {...ZERO}
      const lighter = {...ZERO}
      for (const i of sentences) {
        addTo(counts, sentenceCounts[i])
        addTo(lighter, explainedCounts[i])
      }
      return {sentences, counts, judged: grades(lighter), plain: grades(counts)}
    }
    // The grade shown is the grade compared: "8.0" is never "above the target of 8".
    const above = (s: Scope, than: number): boolean => s.sentences.length >= MIN_SENTENCES && round1(s.judged.smog) > than

    const out: RawFinding[] = []
    const page = scopeOf(draft.paragraphs.map((_, i) => i))
    const sections = draft.sections.map((section) => ({section, scope: scopeOf(section.paragraphs)}))
    const pageReported = above(page, target)
    if (pageReported) {
      const [offset, endOffset] = pageAnchor(draft)
      const hardest = sections
        .filter(({scope}) => scope.sentences.length >= MIN_SENTENCES && round1(scope.judged.smog) > target && scope.sentences.length < page.sentences.length)
        .sort((a, b) => b.scope.judged.smog - a.scope.judged.smog)
        .slice(0, NAMED_SECTIONS)
        .map(({section, scope}) => `${section.title ? `'${short(section.title)}'` : 'the opening'} (${fmt(scope.judged.smog)})`)
      const named = hardest.length ? ` Hardest sections: ${hardest.join(', ')}.` : ''
      out.push({
        ruleId: this.id,
        message: `The page reads at ${gradeText(page)}, above the target of ${target}. ${drivers(draft, page, target, explained)}${named}`,
        offset,
        endOffset,
        suggestions: [],
      })
    }
    for (const {section, scope} of sections) {
      // A section that is the whole page's prose was judged as the page.
      if (scope.sentences.length === page.sentences.length && pageReported) continue
      if (!above(scope, target)) continue
      if (pageReported && round1(scope.judged.smog) < round1(page.judged.smog) + SECTION_MARGIN) continue
      const head = draft.paragraphs[section.paragraphs[0]]
      const [offset, endOffset] = head.heading ? [head.offset, head.endOffset] : sentenceRange(ctx, scope.sentences[0])
      const name = section.title ? `Section '${short(section.title)}'` : 'The opening section'
      const than = pageReported ? `, well above the target of ${target} and the page (${fmt(page.judged.smog)})` : `, above the target of ${target}`
      out.push({ruleId: this.id, message: `${name} reads at ${gradeText(scope)}${than}. ${drivers(draft, scope, target, explained)}`, offset, endOffset, suggestions: []})
    }
    return out
  },
}

const TITLE_CHARS = 60
/** A section title on one line (a setext heading can span several), short enough to quote: sentence-long headings are cut at a word. */
const short = (heading: string): string => {
  const title = heading.replace(/\s+/g, ' ')
  return title.length <= TITLE_CHARS ? title : `${title.slice(0, title.lastIndexOf(' ', TITLE_CHARS))} …`
}

/** Where a page's finding sits: its first heading when the page opens with one (its title), else its first sentence. */
function pageAnchor(draft: Draft): [number, number] {
  const first = draft.paragraphs[0]
  if (first?.heading) return [first.offset, first.endOffset]
  const sentence = draft.sentences.find((s) => !draft.paragraphs[s.paragraph].heading) ?? draft.sentences[0]
  return [sentence.offset, sentence.endOffset]
}

function gradeText(s: Scope): string {
  const n = s.sentences.length
  const method = n >= FULL_SAMPLE ? `SMOG on ${n} sentences` : `SMOG, short-passage method, on ${n} sentences`
  const plain = s.plain.smog - s.judged.smog >= SAME_GRADE ? `; ${fmt(s.plain.smog)} counting the medical terms it explains` : ''
  return `grade ${fmt(s.judged.smog)} (${method}; Flesch-Kincaid ${fmt(s.judged.fleschKincaid)}${plain})`
}

/**
 * What makes the grade high. SMOG grows with the square root of long words per sentence,
 * that is (words a sentence) x (share of long words): each factor is compared with plain
 * text at the target grade (15-word sentences, and the share of long words that then gives
 * the target), and the larger excess is named first.
 */
function drivers(draft: Draft, s: Scope, target: number, explained: ReadonlySet<number>): string {
  const {words} = s.counts
  const sentences = s.sentences.length
  const {polysyllables, examples} = longWords(draft, s.sentences, explained)
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
