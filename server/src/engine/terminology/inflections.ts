import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js'
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js'
import {normalizeWord} from '../parse/tokens.js'

/**
 * The irregular inflections of a word, from WordNet's exception lists (as wink-lexicon ships
 * them): "shrink" -> shrank, shrunk; "metastasis" -> metastases; "beat" -> beaten. A pattern
 * word matches by its Porter stem, which covers regular inflections (cure, cures, cured,
 * curing) but not these: the matcher adds them as words of their own. Only single words: a
 * multi-word exception ("bade farewell") is not an inflection of a pattern word.
 */
let byLemma: Map<string, string[]> | undefined

export function irregularForms(lemma: string): readonly string[] {
  if (!byLemma) {
    byLemma = new Map()
    for (const exceptions of [verbExceptions, nounExceptions]) {
      for (const [form, base] of Object.entries(exceptions)) {
        if (/[\s_]/.test(form) || /[\s_]/.test(base) || form === base) continue
        const forms = byLemma.get(base) ?? []
        if (!forms.includes(form)) forms.push(form)
        byLemma.set(base, forms)
      }
    }
  }
  return byLemma.get(lemma.toLowerCase()) ?? []
}

/**
 * The irregular forms of `word` that its stem does not already match: what a stem edge of
 * the word must be joined by. "spread" has none; "shrink" has shrank and shrunk.
 */
export function extraForms(word: string): string[] {
  const stem = normalizeWord(word).stem
  return irregularForms(word).filter((form) => normalizeWord(form).stem !== stem)
}
