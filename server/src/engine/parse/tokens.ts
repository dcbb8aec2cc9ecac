import {stemmer} from 'stemmer'
import {irregularLemma} from './inflections.js'
import {Memo} from './memo.js'

/**
 * A word (or one of the symbols % $ # + &) as the phrase matcher sees it. Hyphens and
 * slashes split words, so "high-goal" and "high goal" give the same tokens.
 */
export interface Token {
  /** Lower-cased text, spelling folded (tumour -> tumor), possessive 's removed. */
  word: string
  /** Porter stem of `word`: what unquoted pattern words compare against. */
  stem: string
  offset: number
  endOffset: number
  /**
   * Punctuation such as , ; : ( or a dash stands before it: phrases do not run across it.
   * Always set (false by default), so every token has one shape for the matcher's hot loops.
   */
  breakBefore: boolean
  /** Its normalised word, one object shared by every token of the same text (normalizeWord). */
  norm: Normalized
}

/**
 * A word as normalizeWord gives it, one object per distinct text, shared by all its tokens,
 * with a slot where the phrase matcher keeps what it found for the word (matcher.ts edgesOf):
 * a token is then matched without a lookup by its text.
 */
export interface Normalized {
  readonly word: string
  readonly stem: string
  /** Written with a capital first letter (a name: "Riverside Clinic", "Dr Mehta"), as `<Name>` in patterns asks. */
  readonly capital: boolean
  /** The stem of its lemma when it is an irregular form whose stem differs (shrank -> "shrink"); a pattern word matches either. */
  readonly lemmaStem: string | undefined
  /**
   * The matchers that asked (their current epoch objects) and their answers, side by side, in
   * each matcher's slot: a sentence is read by several matchers in turn (the class levels,
   * finds, unless, with), and one slot for all made each of them look the word up again by its text.
   */
  seenBy: object[]
  edges: unknown[]
}

// Words keep inner apostrophes (doesn't, patient's) and numbers keep inner . and , (1.5, 10,000).
// A trademark sign (™ ®) is a word of its own: it marks a brand, which patterns may ask for.
// An equals sign is read as the word "means": notes, forum posts and slides write a definition
// as "Stage 4 = 6 months max" or "palliative = giving up", and patterns say "means" once.
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%$#+&™®=]/gu
const NUMBER = /^\d/

export function isNumber(word: string): boolean {
  return NUMBER.test(word)
}

let spelling: ReadonlyMap<string, string> = new Map()

/** British -> American spellings folded before stemming (terminology/spelling.yaml); returns the map it replaces. */
export function setSpellingMap(map: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const previous = spelling
  spelling = map
  normalized.clear()
  wordShapes.clear()
  return previous
}

const normalized = new Map<string, Normalized>()

/**
 * Determiners written with a capital only because they open a sentence or a heading ("The
 * capsule is swallowed", "This Tea"): they are not part of a name, so `<Name>` does not take them.
 */
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'these', 'that', 'those', 'our', 'your', 'my', 'his', 'her', 'its', 'their', 'each', 'every', 'some', 'any', 'all', 'no'])

/**
 * A cache key that keeps no other string alive. V8 cuts a substring of 13 or more characters
 * as a view of the whole string, so a word of a draft kept as a key would keep the draft's
 * paragraph (in the server, of a version long since edited) in memory; joining flattens.
 */
const ownKey = (text: string): string => (text.length < 13 ? text : (text + ' ').slice(0, -1))

/** One normalisation for text and patterns alike, so both sides always agree. */
export function normalizeWord(raw: string): Normalized {
  let hit = normalized.get(raw)
  if (!hit) {
    // toLowerCase and replace return their own string when nothing changes: the word is cut from the key.
    const key = ownKey(raw)
    let word = key === '=' ? 'means' : key.toLowerCase().replace(/’/g, "'")
    if (word.endsWith("'s")) word = word.slice(0, -2)
    word = spelling.get(word) ?? word
    const stem = /^[\p{L}]/u.test(word) ? stemmer(word) : word
    const lemma = irregularLemma(word)
    const lemmaStem = lemma && !lemma.includes('_') ? stemmer(lemma) : undefined
    hit = {word, stem, capital: /^\p{Lu}/u.test(key) && !NOT_NAMES.has(word), lemmaStem: lemmaStem !== stem ? lemmaStem : undefined, seenBy: [], edges: []}
    // Bounded: a pasted dump of random strings must not grow it without end.
    if (normalized.size > 100_000) normalized.clear()
    normalized.set(key, hit)
  }
  return hit
}

const PLAIN_WORD = /^[A-Za-z]+$/

/** Appends the tokens of `text` (which starts at `offset` in the source) to `into`. */
export function tokenize(text: string, offset: number, into: Token[]): Token[] {
  // Most words are plain letters: one token, no regex walk.
  if (PLAIN_WORD.test(text)) {
    const norm = normalizeWord(text)
    into.push({word: norm.word, stem: norm.stem, offset, endOffset: offset + text.length, breakBefore: false, norm})
    return into
  }
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(text))) {
    const norm = normalizeWord(m[0])
    into.push({word: norm.word, stem: norm.stem, offset: offset + m.index, endOffset: offset + m.index + m[0].length, breakBefore: false, norm})
  }
  return into
}

/**
 * One distinct word as written: its tokens, offsets counted from its start, and what other
 * parts of the engine work out once per word and keep here, so a word of a draft costs one
 * lookup in all (readSentence's) and not one per part of the engine.
 */
export interface WordShape {
  readonly tokens: readonly Token[]
  /** What is worked out once per distinct word (its readability facts, say), by slots of their owners. */
  readonly memo: Memo
}

const wordShapes = new Map<string, WordShape>()
const MAX_CACHED_WORD = 64

/**
 * The shape of one word of the text: what `tokenize` gives, kept per word as most words recur
 * (a draft's every word is one lookup, no regex). The tokens are shared: copy them, do not
 * change them.
 */
export function wordShape(text: string): WordShape {
  let hit = wordShapes.get(text)
  if (!hit) {
    hit = {tokens: tokenize(text, 0, []), memo: new Memo()}
    // Bounded like `normalized`; a long "word" (a pasted hash) is not worth keeping.
    if (text.length > MAX_CACHED_WORD) return hit
    if (wordShapes.size > 100_000) wordShapes.clear()
    wordShapes.set(ownKey(text), hit)
  }
  return hit
}
