import {normalizeWord} from '../parse/tokens.js'
import type {WordNet} from './wordnet.js'

/**
 * What the spun-term detector knows, compiled once from terminology/standard-terms.yaml and
 * WordNet (the build stores it in dist/spun-index.json): each standard term's words, and for
 * each word the synonyms a spinning tool could put in its place, all by stem.
 */
export interface SpunIndexData {
  /** Each term as written ("lymph node"), its words' stems, and its source. */
  terms: Array<{term: string; stems: string[]; source: string}>
  /**
   * Per term and word position: the stem sequences of its synonyms, each with whether it is
   * rare (few tagged senses in WordNet's corpus: a word a writer is unlikely to choose), the
   * synonyms as written that have those stems, and whether it is a related word rather than a
   * synonym (WordNet.related: a thing named by a hypernym or hyponym of another sense).
   */
  alts: Array<Array<Array<[string[], boolean, string[], boolean]>>>
  /** Stem sequences that look like a swap but are standard: the allow list and WordNet's own compounds. */
  allowed: string[]
}

/** At most this many tagged senses, and a synonym counts as rare. */
const RARE = 5
/** Synonyms shorter than this, or opening with one of these words, are never a swap (too common to mean anything). */
const MIN_LETTERS = 3
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'up', 'out', 'off', 'down', 'over', 'be', 'is', 'do', 'get', 'go', 'make', 'take', 'set', 'run', 'put', 'have', 'one', 'it'])

export const stemsOf = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean)
    .map((w) => normalizeWord(w).stem)

/**
 * Whether a spinning tool putting `synonym` for `word` makes a garbled term, rather than the
 * same word in another form: an abbreviation or a longer form of it ("lab" for laboratory,
 * "higher" for high), the expansion of an acronym ("positron emission tomography" for PET),
 * or a past participle, which WordNet lists as an adjective but writers use as a verb
 * ("received treatment" is not a swapped "standard treatment").
 */
function isSwap(word: string, synonym: string, parts: readonly string[]): boolean {
  if (parts.length === 1) {
    const [a, b] = word.length <= synonym.length ? [word, synonym] : [synonym, word]
    if (b.startsWith(a)) return false
    if (/ed$/.test(synonym) && !/ed$/.test(word)) return false
  }
  return true
}

/** A word's synonyms; for a noun made from a verb ("screening") its verb's too ("sift" for screen). */
function synonymsOf(wordnet: WordNet, word: string): Set<string> {
  const out = wordnet.synonyms(word)
  if (word.endsWith('ing')) for (const verb of [word.slice(0, -3), `${word.slice(0, -3)}e`]) for (const s of wordnet.synonyms(verb)) out.add(s)
  return out
}

/**
 * Whether a spinning tool putting `related` (WordNet.related) for a word of a term makes a
 * garble a reader cannot take for plain English: one rare word ("cancer material" and "cancer
 * setting" are English), mostly a noun ("travels" in "cancer travels" is the verb). A word of
 * any standard term is no garble either ("palliative treatment", "cancer care").
 */
const isRelatedSwap = (wordnet: WordNet, related: string): boolean =>
  /^[a-z]+$/.test(related) && wordnet.frequency(related) <= RARE && wordnet.mostlyNoun(related)

export function compileSpunIndex(groups: ReadonlyArray<{source: string; terms: readonly string[]}>, allow: readonly string[], wordnet: WordNet): SpunIndexData {
  const terms: SpunIndexData['terms'] = []
  const alts: SpunIndexData['alts'] = []
  const vocabulary = new Set<string>()
  const termWords = new Set(groups.flatMap((g) => g.terms.flatMap((t) => stemsOf(t))))
  for (const group of groups) {
    for (const term of group.terms) {
      const words = term.split(' ')
      const stems = words.map((w) => normalizeWord(w).stem)
      // An acronym (written in capitals in the data: CT, PET, MRI) has no synonyms but its expansion.
      const acronym = (w: string): boolean => /^[A-Z]{2,}$/.test(w)
      for (const s of stems) vocabulary.add(s)
      terms.push({term, stems, source: group.source})
      alts.push(
        words.map((written) => {
          const out: Array<[string[], boolean, string[], boolean]> = []
          const seen = new Map<string, [string[], boolean, string[], boolean]>()
          const word = written.toLowerCase()
          if (acronym(written)) return out
          const synonyms = synonymsOf(wordnet, word)
          const candidates: Array<[string, boolean]> = [...synonyms].map((w) => [w, false])
          for (const w of wordnet.related(word)) if (!synonyms.has(w) && isRelatedSwap(wordnet, w)) candidates.push([w, true])
          for (const [synonym, related] of candidates) {
            const parts = synonym.split(/[\s-]+/).filter(Boolean)
            // A phrase that opens with a function word ("in advance", "of import") is no swap a reader would take for a term.
            if (FUNCTION_WORDS.has(parts[0]) || synonym.replace(/[^a-z]/g, '').length < MIN_LETTERS) continue
            if (!isSwap(word, synonym, parts)) continue
            const synStems = stemsOf(synonym)
            // An inflection or spelling of the word itself or of another word of the term, or a
            // phrase that holds the word ("in advance" for advanced), is no swap.
            if (synStems.some((s) => stems.includes(s))) continue
            if (related && synStems.some((s) => termWords.has(s))) continue // see isRelatedSwap
            const key = synStems.join(' ')
            const known = seen.get(key)
            if (known) {
              if (!known[2].includes(parts.join(' '))) known[2].push(parts.join(' '))
              continue
            }
            const alt: [string[], boolean, string[], boolean] = [synStems, !related && parts.length === 1 && wordnet.frequency(synonym) <= RARE, [parts.join(' ')], related]
            seen.set(key, alt)
            out.push(alt)
            for (const s of synStems) vocabulary.add(s)
          }
          return out
        }),
      )
    }
  }
  // WordNet's own compounds made of these words ("lymph gland") are English, not a garbled term;
  // so is every standard term ("blood flow" is not a swapped "blood stream").
  const allowed = new Set([...allow, ...terms.map((t) => t.term)].map((a) => stemsOf(a).join(' ')))
  for (const lemma of wordnet.lemmas()) {
    if (!lemma.includes(' ') && !lemma.includes('-')) continue
    const stems = stemsOf(lemma)
    if (stems.length > 1 && stems.every((s) => vocabulary.has(s))) allowed.add(stems.join(' '))
  }
  return {terms, alts, allowed: [...allowed].sort()}
}
