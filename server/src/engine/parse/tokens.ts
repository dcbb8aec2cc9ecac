import {stemmer} from 'stemmer'

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
  /** Punctuation such as , ; : ( or a dash stands before it: phrases do not run across it. */
  breakBefore?: boolean
}

// Words keep inner apostrophes (doesn't, patient's) and numbers keep inner . and , (1.5, 10,000).
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%$#+&]/gu
const NUMBER = /^\d/

export function isNumber(word: string): boolean {
  return NUMBER.test(word)
}

let spelling: ReadonlyMap<string, string> = new Map()

/** British -> American spellings folded before stemming (terminology/spelling.yaml). */
export function setSpellingMap(map: ReadonlyMap<string, string>): void {
  spelling = map
  normalized.clear()
}

const normalized = new Map<string, {word: string; stem: string}>()

/** One normalisation for text and patterns alike, so both sides always agree. */
export function normalizeWord(raw: string): {word: string; stem: string} {
  let hit = normalized.get(raw)
  if (!hit) {
    let word = raw.toLowerCase().replace(/’/g, "'")
    if (word.endsWith("'s")) word = word.slice(0, -2)
    word = spelling.get(word) ?? word
    hit = {word, stem: /^[\p{L}]/u.test(word) ? stemmer(word) : word}
    // Bounded: a pasted dump of random strings must not grow it without end.
    if (normalized.size > 100_000) normalized.clear()
    normalized.set(raw, hit)
  }
  return hit
}

const PLAIN_WORD = /^[A-Za-z]+$/

/** Appends the tokens of `text` (which starts at `offset` in the source) to `into`. */
export function tokenize(text: string, offset: number, into: Token[]): Token[] {
  // Most words are plain letters: one token, no regex walk.
  if (PLAIN_WORD.test(text)) {
    const {word, stem} = normalizeWord(text)
    into.push({word, stem, offset, endOffset: offset + text.length})
    return into
  }
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(text))) {
    const {word, stem} = normalizeWord(m[0])
    into.push({word, stem, offset: offset + m.index, endOffset: offset + m.index + m[0].length})
  }
  return into
}
