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

/**
 * Finds standard terms with a word swapped for a WordNet synonym ("lymph hubs" for lymph
 * nodes, "side impacts" for side effects, "medium jeopardy" for intermediate risk) in a run
 * of tokens. A reading counts when every word of the term is there, as written or as one of
 * its synonyms, at least one word is swapped, the phrase is not itself standard (the allow
 * list, WordNet's own compounds), and a common word only stands for the head: with the head
 * left as written, a swapped modifier must be rare, and with no word left as written one of
 * the swapped words must be rare, since common words side by side are too often plain English.
 * The longest reading at a place wins.
 */
export class SpunDetector {
  /** First stem of a reading -> [term, position 0 alternative or -1 for the word itself]. */
  private readonly starts = new Map<string, Array<[number, number]>>()
  private readonly allowed: ReadonlySet<string>

  constructor(private readonly data: SpunIndexData) {
    data.terms.forEach((t, term) => {
      this.add(t.stems[0], term, -1)
      data.alts[term][0].forEach(([stems], k) => this.add(stems[0], term, k))
    })
    this.allowed = new Set(data.allowed)
  }

  private add(stem: string, term: number, alt: number): void {
    const list = this.starts.get(stem)
    if (list) list.push([term, alt])
    else this.starts.set(stem, [[term, alt]])
  }

  term(index: number): {term: string; source: string} {
    return this.data.terms[index]
  }

  find(tokens: readonly Token[]): SpunMatch[] {
    const out: SpunMatch[] = []
    for (let i = 0; i < tokens.length; ) {
      let best: SpunMatch | undefined
      for (const [term] of this.starts.get(tokens[i].stem) ?? []) {
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
    const alts = this.data.alts[term]
    let at = start
    let swapped = 0
    let kept = 0
    let rare = false
    // A common word put for a modifier while the head stays ("original tumor", "delicate
    // tissue") is too often plain English: a swapped modifier must be rare unless the head is swapped too.
    let commonModifier = false
    const seen: string[] = []
    for (let pos = 0; pos < stems.length; pos++) {
      if (at >= tokens.length || (at > start && tokens[at].breakBefore)) return 0
      if (tokens[at].stem === stems[pos]) {
        seen.push(tokens[at].stem)
        at++
        kept++
        continue
      }
      let took = 0
      let tookRare = false
      for (const [alt, isRare] of alts[pos]) {
        if (alt.length <= took || at + alt.length > tokens.length) continue
        let ok = true
        for (let k = 0; k < alt.length && ok; k++) ok = tokens[at + k].stem === alt[k] && (k === 0 || !tokens[at + k].breakBefore)
        if (ok) {
          took = alt.length
          tookRare = isRare
        }
      }
      if (took === 0) return 0
      rare ||= tookRare
      if (pos < stems.length - 1 && !tookRare) commonModifier = true
      for (let k = 0; k < took; k++) seen.push(tokens[at + k].stem)
      at += took
      swapped++
    }
    const headKept = tokens[at - 1].stem === stems[stems.length - 1]
    if (swapped === 0 || (kept === 0 && !rare) || (headKept && commonModifier) || this.allowed.has(seen.join(' '))) return 0
    return at
  }
}
