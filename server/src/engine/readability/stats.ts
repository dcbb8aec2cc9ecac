import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {fleschKincaid} from 'flesch-kincaid'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {stemmer} from 'stemmer'
import type {Draft, Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {countSyllables} from './syllables.js'
import {healthWords} from './health-words.js'
import type {NumberStat} from '../analyses/numbers.js'

export interface Counts {
  sentences: number
  words: number
  syllables: number
  /** Words of three or more syllables (SMOG). */
  polysyllables: number
  /** Polysyllables that are not proper nouns, hyphenated or made so by -es/-ed/-ing (Gunning fog). */
  complex: number
  letters: number
  /** Words not on the Dale–Chall familiar list nor the health list. */
  difficult: number
}

export interface Grades {
  smog: number
  fleschKincaid: number
  fleschReadingEase: number
  gunningFog: number
  colemanLiau: number
  automatedReadability: number
  /** Dale–Chall raw score; `daleChallGrade` is the grade band it maps to. */
  daleChall: number
  daleChallGrade: [number, number]
}

export interface ScopeStats {
  offset: number
  endOffset: number
  /** Section heading, or '' for the text before the first heading. */
  title?: string
  counts: Counts
  grades: Grades
  /** The same grades with the medical terms this draft explains not counted as hard words. */
  gradesExplained: Grades
}

export interface SentenceStats {
  offset: number
  endOffset: number
  words: number
  /** Flesch–Kincaid grade of the sentence alone: ranks the hardest sentences. */
  grade: number
}

/** Counts of every sentence (Draft.sentences order) and the figures built from them. */
export interface Readability {
  sentenceCounts: Counts[]
  /** The same counts with the medical terms the draft explains counted as easy words. */
  explainedCounts: Counts[]
  stats: ReadingFigures
}

/** The reading figures of a draft: grades and counts of the document, sections, paragraphs. */
export interface ReadingFigures {
  document: ScopeStats
  sections: ScopeStats[]
  paragraphs: ScopeStats[]
  /** Up to ten sentences, hardest first. */
  hardestSentences: SentenceStats[]
}

/** What the readability report shows: the reading figures, and the draft's statistics with what each lacks. */
export interface ReadabilityStats extends ReadingFigures {
  numbers: NumberStat[]
}

export const ZERO: Counts = {sentences: 0, words: 0, syllables: 0, polysyllables: 0, complex: 0, letters: 0, difficult: 0}

/** Adds `b` into `a`. */
export function addTo(a: Counts, b: Counts): void {
  a.sentences += b.sentences
  a.words += b.words
  a.syllables += b.syllables
  a.polysyllables += b.polysyllables
  a.complex += b.complex
  a.letters += b.letters
  a.difficult += b.difficult
}


let familiar: Set<string> | undefined
function familiarStems(): Set<string> {
  // The Dale–Chall list has base forms only, and lacks common health words: compare stems.
  familiar ??= new Set([...daleChall, ...healthWords()].map((w) => stemmer(w.toLowerCase())))
  return familiar
}

/** True when a word is on the Dale–Chall familiar list or the health-words list (by stem). */
function isFamiliar(word: string, easy: Set<string>): boolean {
  return !/\p{L}/u.test(word) || easy.has(stemmer(word.toLowerCase()))
}

/** What the counts need to know of a word as written: the same for every use of it. */
export interface WordFacts {
  /** Has a letter or a digit: a word the formulas count. */
  counted: boolean
  syllables: number
  letters: number
  capitalised: boolean
  /** Not hyphenated and not ending in -es/-ed/-ing (Gunning fog's exceptions). */
  plainForm: boolean
  familiar: boolean
  /** Lower case, to name a long word once however it is written; undefined for an acronym (CT, MRIs). */
  name?: string
  /** What the word can be in a passive verb phrase (readability/passive.ts), filled in there on first use. */
  passive?: number
}

const COUNTED = /\p{L}|\d/u
const ACRONYM = /^\p{Lu}{2,}s?$/u

// Drafts repeat their words: each distinct word is looked at once, not at every use.
const factsCache = new Map<string, WordFacts>()
function factsOf(word: string): WordFacts {
  let facts = factsCache.get(word)
  if (!facts) {
    facts = {
      counted: COUNTED.test(word),
      syllables: countSyllables(word),
      letters: word.replace(/[^\p{L}\p{N}]/gu, '').length,
      capitalised: /^\p{Lu}/u.test(word),
      plainForm: !word.includes('-') && !/(?:es|ed|ing)$/i.test(word),
      familiar: isFamiliar(word, familiarStems()),
      name: ACRONYM.test(word) ? undefined : word.toLowerCase(),
    }
    // Bounded: a pasted dump of random strings must not grow it without end.
    if (factsCache.size > 50_000) factsCache.clear()
    factsCache.set(word, facts)
  }
  return facts
}

/**
 * The facts of each word of the sentence, kept in its memo: the counts and the passive finder
 * read them by index instead of each looking every word up again.
 */
export function wordFactsOf(sentence: Sentence): readonly WordFacts[] {
  let facts = sentence.memo.get(SENTENCE_FACTS)
  if (!facts) {
    const words = sentence.words
    const out: WordFacts[] = new Array(words.length)
    for (let i = 0; i < words.length; i++) {
      // Kept on the word's shape, shared by all its uses: a word of a draft is looked up once.
      const shape = words[i].shape
      const text = words[i].text
      out[i] = shape ? shape.memo.getOr(WORD_FACTS, () => factsOf(text)) : factsOf(text)
    }
    facts = sentence.memo.set(SENTENCE_FACTS, out)
  }
  return facts
}

const WORD_FACTS = memoSlot<WordFacts>('readability facts of a word')
const SENTENCE_FACTS = memoSlot<readonly WordFacts[]>('readability facts of a sentence\'s words')
const SENTENCE_COUNTS = memoSlot<Counts>('readability counts of a sentence')
const LONG_WORDS = memoSlot<readonly LongWord[]>('words of three or more syllables of a sentence')

/** A word of three or more syllables, at `at` from its sentence's start. */
export interface LongWord {
  facts: WordFacts
  at: number
}

/**
 * The sentence's words of three or more syllables (what SMOG counts), kept in the sentence's
 * memo with offsets relative to the sentence (they are gathered while the sentence is counted):
 * naming a section's long words after an edit neither re-reads every word nor moves a cached
 * sentence's words to their new offsets.
 */
export function longWordsOf(sentence: Sentence): readonly LongWord[] {
  return sentence.memo.get(LONG_WORDS) ?? (plainCounts(sentence), sentence.memo.get(LONG_WORDS)!)
}

/** The sentence's counts with no word discounted, and its long words, both kept in its memo. */
function plainCounts(sentence: Sentence): Counts {
  const known = sentence.memo.get(SENTENCE_COUNTS)
  if (known && sentence.memo.get(LONG_WORDS)) return known
  const longWords: LongWord[] = []
  const counts = sentence.memo.set(SENTENCE_COUNTS, countSentence(sentence, NONE, longWords))
  sentence.memo.set(LONG_WORDS, longWords)
  return counts
}

/** Counts of one sentence; words at offsets in `explained` are counted as easy words. */
export function countSentence(sentence: Sentence, explained: ReadonlySet<number> = NONE, longWords?: LongWord[]): Counts {
  const c: Counts = {sentences: 1, words: 0, syllables: 0, polysyllables: 0, complex: 0, letters: 0, difficult: 0}
  const words = sentence.words
  const all = wordFactsOf(sentence)
  for (let i = 0; i < words.length; i++) {
    const facts = all[i]
    if (!facts.counted) continue
    const isExplained = explained.size > 0 && explained.has(words[i].offset)
    c.words++
    c.syllables += facts.syllables
    c.letters += facts.letters
    if (facts.syllables >= 3) longWords?.push({facts, at: words[i].offset - sentence.offset})
    if (facts.syllables >= 3 && !isExplained) {
      c.polysyllables++
      const proper = facts.capitalised && i !== 0
      if (!proper && facts.plainForm) c.complex++
    }
    if (!isExplained && !facts.familiar) c.difficult++
  }
  return c
}

const NONE: ReadonlySet<number> = new Set()

export function grades(c: Counts): Grades {
  const daleChallScore = daleChallFormula({word: c.words, sentence: c.sentences, difficultWord: c.difficult})
  const band = daleChallGradeLevel(daleChallScore) as [number, number]
  return {
    smog: smogFormula({sentence: c.sentences, polysillabicWord: c.polysyllables}),
    fleschKincaid: fleschKincaid({sentence: c.sentences, word: c.words, syllable: c.syllables}),
    fleschReadingEase: flesch({sentence: c.sentences, word: c.words, syllable: c.syllables}),
    gunningFog: gunningFog({sentence: c.sentences, word: c.words, complexPolysillabicWord: c.complex}),
    colemanLiau: colemanLiau({sentence: c.sentences, word: c.words, letter: c.letters}),
    automatedReadability: automatedReadability({sentence: c.sentences, word: c.words, character: c.letters}),
    daleChall: daleChallScore,
    daleChallGrade: band,
  }
}

/**
 * Readability figures for the document, each section and each paragraph. Headings are not
 * sentences and are left out of the counts, so they do not merge into the text below them.
 */
export function readability(draft: Draft, explained: ReadonlySet<number>): Readability {
  const plain = draft.sentences.map(plainCounts)
  // Only sentences that use an explained term count differently in the second figure.
  const touched = new Set([...explained].map((offset) => sentenceAt(draft, offset)))
  const discounted = touched.size ? draft.sentences.map((s, i) => (touched.has(i) ? countSentence(s, explained) : plain[i])) : plain
  const scope = (sentenceIdx: number[], offset: number, endOffset: number, title?: string): ScopeStats => {
    // Summed in place: a new object per sentence per scope was most of what an edit left to collect.
    const counts = {...ZERO}
    const lighter = {...ZERO}
    for (const i of sentenceIdx) {
      addTo(counts, plain[i])
      addTo(lighter, discounted[i])
    }
    const plainGrades = grades(counts)
    // Most scopes use no explained term: the second figure is then the first.
    const explainedGrades = sameCounts(counts, lighter) ? {...plainGrades, daleChallGrade: [...plainGrades.daleChallGrade] as [number, number]} : grades(lighter)
    return {offset, endOffset, ...(title !== undefined ? {title} : {}), counts, grades: plainGrades, gradesExplained: explainedGrades}
  }
  const bodySentences = (paragraphs: number[]): number[] =>
    paragraphs.filter((p) => !draft.paragraphs[p].heading).flatMap((p) => draft.paragraphs[p].sentences)

  const all = draft.paragraphs.map((_, i) => i)
  const document = scope(bodySentences(all), 0, draft.text.length)
  const sections = draft.sections.map((s) => scope(bodySentences(s.paragraphs), s.offset, s.endOffset, s.title))
  const paragraphs = draft.paragraphs.map((p) => scope(p.heading ? [] : p.sentences, p.offset, p.endOffset))
  return {sentenceCounts: plain, explainedCounts: discounted, stats: {document, sections, paragraphs, hardestSentences: hardest(draft, plain, 10)}}
}

type Hard = SentenceStats

/** The `n` body sentences of the highest grade, the earlier first among equals: kept as they come, not all sorted. */
function hardest(draft: Draft, plain: Counts[], n: number): Hard[] {
  const before = (a: Hard, b: Hard): boolean => a.grade > b.grade || (a.grade === b.grade && a.offset < b.offset)
  const top: Hard[] = []
  draft.sentences.forEach((s, i) => {
    if (draft.paragraphs[s.paragraph].heading) return
    const c = plain[i]
    const grade = round1(fleschKincaid({sentence: 1, word: c.words, syllable: c.syllables}))
    if (!Number.isFinite(grade)) return
    if (top.length === n && !before({offset: s.offset, endOffset: s.endOffset, words: c.words, grade}, top[n - 1])) return
    const hard = {offset: s.offset, endOffset: s.endOffset, words: c.words, grade}
    let at = top.length
    while (at > 0 && before(hard, top[at - 1])) at--
    top.splice(at, 0, hard)
    if (top.length > n) top.pop()
  })
  return top
}


const sameCounts = (a: Counts, b: Counts): boolean =>
  a === b ||
  (a.sentences === b.sentences && a.words === b.words && a.syllables === b.syllables && a.polysyllables === b.polysyllables && a.complex === b.complex && a.letters === b.letters && a.difficult === b.difficult)

/** Index of the sentence holding `offset` (sentences are in document order). */
function sentenceAt(draft: Draft, offset: number): number {
  let lo = 0
  let hi = draft.sentences.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (draft.sentences[mid].offset <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

export const round1 = (n: number): number => Math.round(n * 10) / 10
