import type {Draft, Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {provider, type LintContext} from '../rule-context.js'
import type {Terminology} from '../terminology/terminology.js'
import {hasCitationNearby} from './citation.js'
import {figuresOf, PROPORTIONS, sameShare, shareAs, type Figure, type Format, type SentenceFigures, unnumberedOf} from './figures.js'
import {refutedByNext} from './negation.js'
import {phraseHits} from './phrase-hits.js'
import {classSpansOf} from './class-spans.js'

/** What a statistic lacks for a reader to judge it, as the readability report lists it. */
export type Lack = 'time frame' | 'cancer type' | 'stage' | 'source' | 'absolute numbers' | 'years compared' | 'one format' | 'group framing'

/** Order in which a statistic's lacks are listed: what changes its meaning most first. */
const LACK_ORDER: readonly Lack[] = ['absolute numbers', 'time frame', 'years compared', 'cancer type', 'stage', 'group framing', 'one format', 'source']

/** Two figures of one comparison in different formats, or frequencies out of different denominators. */
export interface Mixed {
  sentence: number
  figure: Figure
  /** The earlier figure it is compared with (in its own sentence or the one before). */
  other: {sentence: number; figure: Figure}
}

/** The draft's numbers: each sentence's figures, read with the sentences around them. */
export interface DraftNumbers {
  /** The figures of each sentence that has any, by sentence index. */
  readonly bySentence: ReadonlyMap<number, SentenceFigures>
  /** The sentence or the next one names where its figures come from. */
  sourced(i: number): boolean
  /** The sentence, the two before it in its paragraph, or its section's heading name the cancer. */
  group(i: number): boolean
  /** The same places name the stage. */
  stage(i: number): boolean
  /** The sentence or its section's heading gives a time frame; a rate's period counts for deaths and risks when `rate`. */
  timeFrame(i: number, rate: boolean): boolean
  /** The sentence or the next one (same paragraph) gives absolute numbers. */
  absoluteNear(i: number): boolean
  /** The sentence or the one before (same paragraph) gives an outcome figure a reader may take as their own. */
  prognosisNear(i: number): boolean
  /** The sentence or the one before names a year (the years a change is measured between). */
  yearsNear(i: number): boolean
  /** Figures of one comparison in mixed formats, the later of each pair, one per sentence. */
  readonly mixed: readonly Mixed[]
  /** The sentence says it rests on group statistics ("going by the figures", "the numbers show"). */
  basis(i: number): boolean
  /** The sentence or the one before (same paragraph) says the reader's figure was worked out for them. */
  individualNear(i: number): boolean
  /** The sentence or the next one (same paragraph) names the starting risk or absolute numbers a relative change leaves out. */
  baselineNear(i: number): boolean
  /** The next sentence (same paragraph) opens by denying this one: "Vitamin D halves the risk. This is not true." */
  refuted(i: number): boolean
}

/** The number analysis of the draft: computed once per lint, when a rule or the report first asks. */
export const numbersOf = provider('numbers', (ctx): DraftNumbers => readDraftNumbers(ctx.draft, ctx.terminology))

interface FrameWords {
  version: string
  group: boolean
  stage: boolean
  /** An estimate worked out for the reader ("your doctor used a risk calculator"). */
  individual: boolean
  /** The starting risk a relative change leaves out ("ask what the starting risk was"). */
  baseline: boolean
}

const FRAME = memoSlot<FrameWords>('frame words of a sentence with no figure')

/** What a sentence with no figure (a heading, the sentence before or after) says that frames a figure near it. */
function frameWords(sentence: Sentence, terminology: Terminology): FrameWords {
  const known = sentence.memo.get(FRAME)
  if (known && known.version === terminology.version) return known
  const spans = classSpansOf(sentence, terminology)
  const has = (name: string) => spans.spansOf(name).length > 0
  const value = {version: terminology.version, group: has('cancer-group'), stage: has('cancer-stage'), individual: has('individual-estimate'), baseline: has('baseline-mention')}
  return sentence.memo.set(FRAME, value)
}

const STANDS_FOR_NUMBER = memoSlot<{version: string; value: boolean}>('whether a word of a sentence stands for a number')

/** Whether a word stands for a number ("statistically", "odds"), kept in the sentence's memo: a moved sentence copies its tokens on first read. */
function standsForNumber(sentence: Sentence, terminology: Terminology): boolean {
  const known = sentence.memo.get(STANDS_FOR_NUMBER)
  if (known && known.version === terminology.version) return known.value
  return sentence.memo.set(STANDS_FOR_NUMBER, {version: terminology.version, value: sentence.tokens.some((t) => terminology.numerals.standsForNumber(t))}).value
}

export function readDraftNumbers(draft: Draft, terminology: Terminology): DraftNumbers {
  const bySentence = new Map<number, SentenceFigures>()
  draft.sentences.forEach((s, i) => {
    const f = figuresOf(draft.text, s, terminology)
    if (f) bySentence.set(i, f)
    // "Only 8% of people live five years. Your odds are poor.": the next sentence may apply the figure;
    // "Statistically, your tumour is going to come back.": a word for numbers stands in for one.
    else if ((bySentence.get(i - 1)?.prognosis && draft.sentences[i - 1].paragraph === s.paragraph) || standsForNumber(s, terminology)) {
      const unnumbered = unnumberedOf(draft.text, s, terminology)
      if (unnumbered) bySentence.set(i, unnumbered)
    }
  })
  const samePara = (i: number, j: number): boolean => j >= 0 && j < draft.sentences.length && draft.sentences[i].paragraph === draft.sentences[j].paragraph
  const at = (i: number): SentenceFigures | undefined => bySentence.get(i)
  // The document's title (its first heading) frames every section under it.
  const top = draft.paragraphs.find((p) => p.heading)
  const headingOf = (i: number): number[] => {
    const section = draft.sections[draft.paragraphs[draft.sentences[i].paragraph].section]
    const first = section ? draft.paragraphs[section.paragraphs[0]] : undefined
    const titles = first?.heading ? [...first.sentences] : []
    if (top && top !== first) titles.push(...top.sentences)
    return titles
  }
  const frame = (i: number): {group: boolean; stage: boolean} => at(i) ?? frameWords(draft.sentences[i], terminology)
  const around = (i: number): number[] => [i, ...[i - 1, i - 2].filter((j) => samePara(i, j)), ...headingOf(i)]
  const numbers: DraftNumbers = {
    bySentence,
    sourced: (i) => at(i)?.source === true || (samePara(i, i + 1) && at(i + 1)?.source === true) || hasCitationNearby(draft, i),
    group: (i) => around(i).some((j) => frame(j).group),
    stage: (i) => around(i).some((j) => frame(j).stage),
    timeFrame: (i, rate) => [i, ...headingOf(i)].some((j) => at(j)?.timeFrame === true || (rate && at(j)?.ratePeriod === true)),
    absoluteNear: (i) => at(i)?.absolute === true || (samePara(i, i + 1) && at(i + 1)?.absolute === true),
    prognosisNear: (i) => at(i)?.prognosis === true || (samePara(i, i - 1) && at(i - 1)?.prognosis === true),
    yearsNear: (i) => [i, i - 1].some((j) => (j === i || samePara(i, j)) && (at(j)?.figures.some((f) => f.format === 'year') ?? false)),
    mixed: mixedFormats(draft, bySentence),
    refuted: (i) => refutedByNext(draft, i, terminology),
    basis: (i) => at(i)?.basis === true,
    individualNear: (i) => at(i)?.individualEstimate === true || (samePara(i, i - 1) && (at(i - 1)?.individualEstimate ?? frameWords(draft.sentences[i - 1], terminology).individual)),
    baselineNear: (i) => at(i)?.baselineNamed === true || (samePara(i, i + 1) && (at(i + 1)?.baselineNamed ?? frameWords(draft.sentences[i + 1], terminology).baseline)),
  }
  return numbers
}

/** Figures a reader compares: proportions that are levels, not relative changes, and not mentioned in quotes. */
const comparable = (f: Figure): boolean => PROPORTIONS.has(f.format) && !f.relative && !f.quoted && !f.denied && f.restatedBy === undefined && !f.medianHalf

/** Whether two figures of one comparison are in different formats, or frequencies out of different denominators. */
export function clash(a: Figure, b: Figure): boolean {
  if (a.format !== b.format) return true
  return a.format === 'frequency' && a.denominator !== b.denominator
}

/**
 * The later figure of each clash in a sentence, or between it and the sentence before it in
 * the same paragraph (a comparison a reader makes in one go), one per sentence.
 */
function mixedFormats(draft: Draft, bySentence: ReadonlyMap<number, SentenceFigures>): Mixed[] {
  const out: Mixed[] = []
  for (const [i, f] of bySentence) {
    if (f.question) continue
    const before = bySentence.get(i - 1)
    const earlier: Array<{sentence: number; figure: Figure}> =
      before && !before.question && draft.sentences[i - 1].paragraph === draft.sentences[i].paragraph ? before.figures.filter(comparable).map((figure) => ({sentence: i - 1, figure})) : []
    let first = true
    for (const figure of f.figures) {
      if (!comparable(figure)) continue
      // "The risk is 2%. That is the same as 20 in 1,000 people.": the figure before, converted.
      const converts = first && f.opensRestating && earlier.some((e) => e.sentence === i - 1 && sameShare(e.figure.value, shareAs(e.figure, figure)))
      first = false
      if (converts) continue
      const other = earlier.find((e) => clash(e.figure, figure))
      if (other) {
        out.push({sentence: i, figure, other})
        break
      }
      earlier.push({sentence: i, figure})
    }
  }
  return out
}

/** One statistic of the draft as the readability report lists it. */
export interface NumberStat {
  offset: number
  endOffset: number
  text: string
  /** What it measures: survival, deaths, risk, outcome, relative change, median or survival time, proportion. */
  measure: string
  format: Format
  /** What a reader needs to judge it that the text does not give (empty when nothing is missing). */
  lacks: Lack[]
}

/**
 * Every statistic of the draft with what it lacks, for the readability report: proportions,
 * relative changes and survival times. Counts, years, ages, stages and sizes are not listed.
 */
export const numberStats = provider('number statistics', (ctx): NumberStat[] => listStatistics(ctx.draft, ctx.get(numbersOf)))

export function listStatistics(draft: Draft, numbers: DraftNumbers): NumberStat[] {
  const out: NumberStat[] = []
  const mixedAt = new Set<Figure>()
  for (const m of numbers.mixed) {
    mixedAt.add(m.figure)
    mixedAt.add(m.other.figure)
  }
  for (const [i, f] of numbers.bySentence) {
    const s = draft.sentences[i]
    for (const figure of f.figures) {
      const change = figure.relative ? f.changes.find((c) => c.from <= figure.from && c.to >= figure.to) : undefined
      const listed = (PROPORTIONS.has(figure.format) && !figure.relative) || change !== undefined || figure.measure === 'median'
      if (!listed || figure.quoted || figure.example || figure.restates !== undefined) continue
      const lacks = new Set<Lack>()
      if (!numbers.sourced(i)) lacks.add('source')
      if (mixedAt.has(figure)) lacks.add('one format')
      if (f.personal.some((p) => p.from <= figure.to && p.to >= figure.from)) lacks.add('group framing')
      let measure: string = figure.measure
      if (change) {
        measure = change.of === 'survival' ? 'change in survival' : 'relative change'
        if (change.of === 'risk' && !numbers.absoluteNear(i)) lacks.add('absolute numbers')
        if (!numbers.timeFrame(i, true)) lacks.add('time frame')
        if (change.of === 'survival' && !numbers.yearsNear(i)) lacks.add('years compared')
      } else if (figure.measure === 'survival' || figure.measure === 'death') {
        if (!numbers.timeFrame(i, figure.measure === 'death')) lacks.add('time frame')
        if (!numbers.group(i)) lacks.add('cancer type')
        if (!numbers.stage(i)) lacks.add('stage')
      } else if (figure.measure === 'risk') {
        if (!numbers.timeFrame(i, true)) lacks.add('time frame')
      } else if (figure.measure === 'median') {
        measure = 'median or survival time'
        if (!numbers.group(i)) lacks.add('cancer type')
      }
      const offset = s.offset + (change ? change.from : figure.from)
      const endOffset = s.offset + (change ? change.to : figure.to)
      out.push({offset, endOffset, text: draft.text.slice(offset, endOffset), measure, format: figure.format, lacks: LACK_ORDER.filter((l) => lacks.has(l))})
    }
  }
  return out.sort((a, b) => a.offset - b.offset)
}

/**
 * Whether a promotion finding already covers words of a sentence: a figure the provider
 * claims ("our survival rate is 90%") is the promotion rule's problem, reported once. A phrase
 * rule that reports figures (one whose phrases a nearby source excuses) covers the figures of
 * its whole sentence; another promotion phrase covers the words it spans. Asked of the rules' traits
 * and families, never of their ids.
 */
export const promotionCover = provider('promotion cover of figures', (ctx: LintContext) => {
  const bySentence = new Map<number, Array<{offset: number; endOffset: number; whole: boolean}>>()
  for (const hit of ctx.get(phraseHits)) {
    const rule = ctx.rulesById.get(hit.entry.rule)
    if (rule?.family !== 'promotion') continue
    const list = bySentence.get(hit.sentence) ?? []
    list.push({offset: hit.offset, endOffset: hit.endOffset, whole: rule.phrase?.excusedByCitation === true})
    bySentence.set(hit.sentence, list)
  }
  /** `wholeSentence`: whether a figure rule's hit anywhere in the sentence counts, or only a hit on these words. */
  return (sentence: number, offset: number, endOffset: number, wholeSentence = true): boolean =>
    (bySentence.get(sentence) ?? []).some((h) => (wholeSentence && h.whole) || (h.offset < endOffset && offset < h.endOffset))
})
