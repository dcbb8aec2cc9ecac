/**
 * The shared root of a medical noun in -sis and the words made from it: "metastasis",
 * "metastases", "metastatic", "metastasize"; "diagnosis", "diagnostic"; "necrosis", "necrotic".
 * A page that has explained "metastasis" has explained "metastatic cancer" too: readers meet
 * the adjective after the noun, and NCI's pages explain the noun and then use the adjective.
 * The Porter stemmer keeps these apart ("metastasi", "metastat"), so the family is read here
 * from the Greek endings alone. Other endings are left out on purpose: "carcinoma" and
 * "carcinogen" share letters, not meaning.
 */
const ENDINGS = /(?:sis|ses|size|sizes|sized|sizing|tic|tically)$/

/** The family root of a word, or undefined when it has no -sis family ending or too short a root. */
export function familyRoot(word: string): string | undefined {
  const w = word.toLowerCase()
  const m = ENDINGS.exec(w)
  if (!m) return undefined
  // "prognos-tic" and "progno-sis": a root's final s belongs to either.
  const root = w.slice(0, m.index).replace(/s$/, '')
  return root.length >= 5 ? root : undefined
}

/** The family roots of the words of a term ("metastatic breast cancer" gives "metasta"). */
export function familyRoots(term: string): string[] {
  const out: string[] = []
  for (const word of term.split(/[^\p{L}]+/u)) {
    const root = familyRoot(word)
    if (root) out.push(root)
  }
  return out
}
