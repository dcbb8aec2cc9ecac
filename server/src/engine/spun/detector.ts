import type {Token} from '../parse/tokens.js'
import type {SpunIndexData} from './index.js'

/** A phrase read as a standard term with a word or two swapped for synonyms. */
export interface SpunMatch {
  /** Index into the index's terms. */
  term: number
  /** Token range. */
  start: number
  end: number
}

type Alt = [stems: string[], rare: boolean, written: string[], related: boolean]

const NO_ALTS: readonly Alt[] = []
const NO_TERMS: readonly number[] = []
/** Words that join a term's words ("quality of life", "head and neck cancer"): kept, they say nothing of which term is meant. */
const GLUE = new Set(['of', 'and', 'versus'])

/**
 * Finds standard terms with a word swapped for a WordNet synonym ("lymph hubs" for lymph
 * nodes, "side impacts" for side effects, "medium jeopardy" for intermediate risk) in a run
 * of tokens. A reading counts when every word of the term is there, as written or as one of
 * its synonyms, at least one word is swapped, the phrase is not itself standard (the allow
 * list, WordNet's own compounds), and a common word only stands for the head: with the head
 * left as written, a swapped modifier must be rare (unless two other words of the term stand
 * as written), and with no word left as written one of the swapped words must be rare, since
 * common words side by side are too often plain English. A related word (a thing named by a
 * hypernym or hyponym of a sense the term does not mean: "blood containers") is the only swap
 * of its reading. The longest reading at a place wins.
 */
export class SpunDetector {
  /**
   * Where a reading can start: by the first token's stem and then the second's, the terms it
   * may be (the pair narrows a common word like "cancer" to the few terms that go on with the
   * next word). Readings whose first word stands for several (a synonym of two words) are
   * kept by the first stem alone.
   */
  private readonly starts = new Map<string, Map<string, number[]>>()
  private readonly startsLong = new Map<string, number[]>()
  private readonly allowed: ReadonlySet<string>
  /** Each term's words as written, split once: read on every token a reading compares. */
  private readonly written: ReadonlyArray<readonly string[]>
  /** Per term and position, its synonyms by their first stem: one lookup per token read. */
  private readonly altsByFirst: Array<Array<Map<string, Alt[]>>>

  constructor(private readonly data: SpunIndexData) {
    data.terms.forEach((t, term) => {
      // A related word is the only swap of its reading, so it pairs with the other word as written.
      const firsts = [t.stems[0], ...data.alts[term][0].filter(([stems, , , related]) => stems.length === 1 && !related).map(([stems]) => stems[0])]
      const seconds = [t.stems[1], ...data.alts[term][1].filter(([, , , related]) => !related).map(([stems]) => stems[0])]
      for (const first of new Set(firsts)) for (const second of new Set(seconds)) this.add(first, second, term)
      for (const [stems, , , related] of data.alts[term][0]) if (related && stems.length === 1) this.add(stems[0], t.stems[1], term)
      for (const [stems, , , related] of data.alts[term][1]) if (related) this.add(t.stems[0], stems[0], term)
      for (const [stems] of data.alts[term][0]) {
        if (stems.length === 1) continue
        const list = this.startsLong.get(stems[0]) ?? []
        if (!list.includes(term)) list.push(term)
        this.startsLong.set(stems[0], list)
      }
    })
    this.allowed = new Set(data.allowed)
    this.written = data.terms.map((t) => t.term.split(' '))
    this.altsByFirst = data.alts.map((positions) =>
      positions.map((alts) => {
        const byFirst = new Map<string, Alt[]>()
        for (const alt of alts) {
          const list = byFirst.get(alt[0][0])
          if (list) list.push(alt)
          else byFirst.set(alt[0][0], [alt])
        }
        return byFirst
      }),
    )
  }

  private add(first: string, second: string, term: number): void {
    let bySecond = this.starts.get(first)
    if (!bySecond) this.starts.set(first, (bySecond = new Map()))
    const list = bySecond.get(second)
    if (!list) bySecond.set(second, [term])
    else if (!list.includes(term)) list.push(term)
  }

  term(index: number): {term: string; source: string} {
    return this.data.terms[index]
  }

  find(tokens: readonly Token[]): SpunMatch[] {
    const out: SpunMatch[] = []
    for (let i = 0; i < tokens.length; ) {
      let best: SpunMatch | undefined
      const next = tokens[i + 1]
      const paired = next !== undefined && !next.breakBefore ? this.starts.get(tokens[i].stem)?.get(next.stem) : undefined
      for (const term of paired ?? NO_TERMS) {
        const end = this.read(tokens, i, term)
        if (end > 0 && (!best || end > best.end)) best = {term, start: i, end}
      }
      for (const term of this.startsLong.get(tokens[i].stem) ?? NO_TERMS) {
        const end = this.read(tokens, i, term)
        if (end > 0 && (!best || end > best.end)) best = {term, start: i, end}
      }
      if (best) {
        out.push(best)
        i = best.end
      } else i++
    }
    return out
  }

  /** Where a swapped reading of `term` starting at token `start` ends, or 0 for none. */
  private read(tokens: readonly Token[], start: number, term: number): number {
    const {stems} = this.data.terms[term]
    const alts = this.altsByFirst[term]
    let at = start
    let swapped = 0
    let kept = 0
    let rare = false
    let related = false
    // A common word put for a modifier while the head stays ("original tumor", "delicate
    // tissue") is too often plain English: a swapped modifier must be rare unless the head is
    // swapped too, or two words of a longer term stand as written ("liver role test").
    let commonModifier = false
    for (let pos = 0; pos < stems.length; pos++) {
      if (at >= tokens.length || (at > start && tokens[at].breakBefore)) return 0
      // The term's own word, or that word graded ("earliest stage", "larger tumour"): WordNet
      // lists some comparatives and superlatives as synonyms, but grading a word swaps nothing.
      if (tokens[at].stem === stems[pos] || graded(tokens[at].word, this.written[term][pos] ?? '')) {
        at++
        if (!GLUE.has(stems[pos])) kept++
        continue
      }
      let took = 0
      let tookRare = false
      let tookRelated = false
      for (const [alt, isRare, written, isRelated] of alts[pos].get(tokens[at].stem) ?? NO_ALTS) {
        if (alt.length <= took || at + alt.length > tokens.length) continue
        let ok = true
        for (let k = 1; k < alt.length && ok; k++) ok = tokens[at + k].stem === alt[k] && !tokens[at + k].breakBefore
        if (ok && writtenAs(tokens, at, written)) {
          took = alt.length
          tookRare = isRare
          tookRelated = isRelated
        }
      }
      if (took === 0) return 0
      // A gerund noun ("screening", "staging") swapped for a word in -s reads as a verb, not a
      // plural: "our information on advanced cancer covers treatment" is no "cancer screening".
      if (this.written[term][pos]?.endsWith('ing') && endsAsVerb(tokens[at + took - 1].word)) return 0
      rare ||= tookRare
      related ||= tookRelated
      if (pos < stems.length - 1 && !tookRare) commonModifier = true
      at += took
      swapped++
    }
    // A name ("the National Lung Screening Trial") is not a garbled term: every word capitalised, not at the sentence's start.
    let named = start > 0
    for (let k = start; k < at && named; k++) named = tokens[k].norm.capital
    if (named) return 0
    const headKept = tokens[at - 1].stem === stems[stems.length - 1]
    // A swapped head followed by an adverb in -ly or by "by" is a verb or a participle: "many
    // cancer cells rely heavily on glycolysis" is no "cell count". ("On" follows nouns as often:
    // "lymph hubs on both sides".)
    if (!headKept && at < tokens.length && !tokens[at].breakBefore && VERB_NEXT.test(tokens[at].word)) return 0
    if (swapped === 0 || (kept === 0 && !rare) || (headKept && commonModifier && kept < 2) || (related && swapped > 1)) return 0
    let key = tokens[start].stem
    for (let k = start + 1; k < at; k++) key += ` ${tokens[k].stem}`
    return this.allowed.has(key) ? 0 : at
  }
}

/**
 * Whether the tokens at `at` are one of the synonyms as written, or its plural: a shared stem
 * is not enough, since Porter gives a verb and an adjective one stem ("compares" and
 * "comparative", for "relative survival"), and a spinner swaps a word for a word of its kind.
 */
function writtenAs(tokens: readonly Token[], at: number, written: readonly string[]): boolean {
  return written.some((phrase) => {
    const parts = phrase.split(' ')
    return parts.every((part, k) => inflects(tokens[at + k].word, part))
  })
}

/** Words after a word that make it a verb: an adverb in -ly, or "by". */
const VERB_NEXT = /^(?:by|\p{L}{3,}ly)$/u

const endsAsVerb = (word: string): boolean => word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('ings')

const inflects = (word: string, base: string): boolean =>
  word === base || word === `${base}s` || word === `${base}es` || (base.endsWith('y') && word === `${base.slice(0, -1)}ies`)

/** Whether `word` is the comparative or superlative of `base` (early: earlier, earliest; large: larger; big: bigger). */
export function graded(word: string, base: string): boolean {
  if (base.length < 3 || !/(?:er|est)$/.test(word)) return false
  const root = word.replace(/(?:er|est)$/, '')
  return root === base || `${root}e` === base || (base.endsWith('y') && root === `${base.slice(0, -1)}i`) || (root.length > 3 && root.at(-1) === root.at(-2) && root.slice(0, -1) === base)
}
