import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js'
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js'

/**
 * The lemma of an irregular inflection, from WordNet's exception lists (as wink-lexicon ships
 * them): shrank and shrunk -> shrink, metastases -> metastasis, beaten -> beat. A pattern word
 * matches by its Porter stem, which covers regular inflections (cure, cures, cured, curing)
 * but not these; a token carries its lemma's stem beside its own, and the matcher tries both.
 * A form that is also a word of its own ("found" a charity) keeps its own stem as well: the
 * matcher tries both.
 */
export function irregularLemma(word: string): string | undefined {
  const lower = word.toLowerCase()
  const lemma = verbExceptions[lower] ?? nounExceptions[lower]
  return lemma !== undefined && !AUXILIARIES.has(lemma) ? lemma : undefined
}

/**
 * The auxiliaries keep their forms apart: "has" and "have", "is" and "are" carry agreement a
 * fix must keep ("has a tendency to" -> "tends to", "have a tendency to" -> "tend to"), and
 * patterns name the forms they mean.
 */
const AUXILIARIES = new Set(['be', 'have', 'do'])
