import {syllable} from 'syllable'

// Words the `syllable` package miscounts (checked by hand); it is right for most words,
// so it stays the counter and only these are corrected. A Map, not an object literal: a draft's
// "constructor" or "toString" must not find Object.prototype's members.
const OVERRIDES = new Map<string, number>(
  Object.entries({
    science: 2, sciences: 2, area: 3, areas: 3, fatigue: 2, going: 2, doing: 2, being: 2, seeing: 2,
    heterogeneity: 7, heterogeneous: 5, diagnoses: 4, prognoses: 4, metastases: 4, create: 2, created: 3,
  }),
)

/**
 * Letters above which a word is not given to the `syllable` package. Some of its patterns
 * (`.[^aeiuoycgltdb]{2,}ed$`) backtrack quadratically on a long run of consonants, so a pasted
 * run of a few hundred thousand letters would block the language server for minutes. English
 * words stay far below this (the longest dictionary word has 45 letters); longer ones are URLs,
 * hashes or pasted data, counted by their vowel groups in linear time.
 */
const MAX_SYLLABLE_WORD = 64

const cache = new Map<string, number>()

/** Syllables in a word: acronyms are spoken letter by letter (CT = 2, MRI = 3). */
export function countSyllables(word: string): number {
  let n = cache.get(word)
  if (n === undefined) {
    // Bounded: a draft has a few thousand distinct words; a pasted dump must not grow it forever.
    if (cache.size > 50_000) cache.clear()
    n = count(word)
    // A huge word is not kept: it would pin its text, and counting it again is linear.
    if (word.length <= MAX_SYLLABLE_WORD) cache.set(word, n)
  }
  return n
}

function count(word: string): number {
  if (/^\p{Lu}{2,6}s?$/u.test(word)) return word.replace(/s$/, '').length
  const lower = word.toLowerCase()
  const known = OVERRIDES.get(lower)
  if (known !== undefined) return known
  // Hyphenated words are read as their parts.
  if (lower.includes('-')) return lower.split('-').filter(Boolean).reduce((n, part) => n + count(part), 0)
  if (lower.length > MAX_SYLLABLE_WORD) return Math.max(1, vowelGroups(lower))
  return Math.max(1, syllable(lower))
}

/** Runs of vowels (y included): a rough, linear count for strings that are not words. */
function vowelGroups(lower: string): number {
  let groups = 0
  let inVowels = false
  for (let i = 0; i < lower.length; i++) {
    const vowel = 'aeiouy'.includes(lower[i])
    if (vowel && !inVowels) groups++
    inVowels = vowel
  }
  return groups
}
