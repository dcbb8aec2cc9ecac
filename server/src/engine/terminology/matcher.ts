import type {Token} from '../parse/tokens.js'
import {isNumber} from '../parse/tokens.js'
import type {Element} from './pattern.js'

export interface SerializedMatcher {
  /** [label, from node, to node] */
  edges: Array<[string, number, number]>
  ends: Array<[number, number]>
  lenient: string[]
  nodes: number
}

/** A phrase found in a run of tokens: tokens [start, end) matched pattern of `ref`. */
export interface Match<R> {
  ref: R
  start: number
  end: number
}

const key = (e: Element): string =>
  e.kind === 'stem' ? `s:${e.value}` : e.kind === 'word' ? `w:${e.value}` : e.kind === 'num' ? '#' : '*'

/**
 * All phrase patterns of a terminology set in one trie over tokens: a sentence is matched
 * once for every entry (not one pass per entry), and the work per start token is bounded by
 * the trie's depth, so matching is linear in the text. Nodes are integers, so tens of
 * thousands of phrasings cost a few MB, not a Map per node.
 */
export class PhraseMatcher<R> {
  /** Edge label ("s:stem", "w:word", "#", "*") -> from node -> to node. A token looks up its
   * labels once; most labels have no edge at all, so most tokens cost two Map misses. */
  private readonly edges = new Map<string, Map<number, number>>()
  private readonly ends: R[][] = [[]]
  /** Edges that may cross punctuation: gaps, and the word right after a gap. */
  private readonly lenient = new Set<string>()
  private size = 1

  add(sequence: Element[], ref: R): void {
    let node = 0
    for (const element of sequence) {
      const label = key(element)
      let from = this.edges.get(label)
      if (!from) this.edges.set(label, (from = new Map()))
      let child = from.get(node)
      if (child === undefined) {
        child = this.size++
        this.ends.push([])
        from.set(node, child)
      }
      if (element.afterGap || element.kind === 'any') this.lenient.add(`${node}|${label}`)
      node = child
    }
    if (!this.ends[node].includes(ref)) this.ends[node].push(ref)
  }

  /** Every match in `tokens`, in order of start then length (longest first). */
  match(tokens: readonly Token[]): Match<R>[] {
    const out: Match<R>[] = []
    const stack: number[] = []
    const num = this.edges.get('#')
    const any = this.edges.get('*')
    // Each token's edge maps, looked up once for every start position.
    const stems = tokens.map((t) => this.edges.get(`s:${t.stem}`))
    const words = tokens.map((t) => this.edges.get(`w:${t.word}`))
    for (let start = 0; start < tokens.length; start++) {
      if (!stems[start] && !words[start] && !(num && isNumber(tokens[start].word))) continue
      const found: Match<R>[] = []
      stack.push(0, start)
      while (stack.length) {
        const at = stack.pop()!
        const node = stack.pop()!
        if (at > start) for (const ref of this.ends[node]) found.push({ref, start, end: at})
        const token = tokens[at]
        if (!token) continue
        // Punctuation before a token ends the phrase, except across a `...` gap.
        const blocked = at > start && token.breakBefore === true
        this.follow(stems[at], `s:${token.stem}`, node, blocked, stack, at)
        this.follow(words[at], `w:${token.word}`, node, blocked, stack, at)
        if (num && isNumber(token.word)) this.follow(num, '#', node, blocked, stack, at)
        if (any) this.follow(any, '*', node, blocked, stack, at)
      }
      found.sort((a, b) => b.end - a.end)
      for (const m of found) out.push(m)
    }
    return out
  }

  private follow(from: Map<number, number> | undefined, label: string, node: number, blocked: boolean, stack: number[], at: number): void {
    const child = from?.get(node)
    if (child !== undefined && (!blocked || this.lenient.has(`${node}|${label}`))) stack.push(child, at + 1)
  }

  /** The trie as plain data, with refs turned into numbers by `refId` (stored by the build). */
  serialize(refId: (ref: R) => number): SerializedMatcher {
    const edges: Array<[string, number, number]> = []
    for (const [label, from] of this.edges) for (const [node, child] of from) edges.push([label, node, child])
    return {
      edges,
      ends: this.ends.flatMap((refs, node) => refs.map((ref) => [node, refId(ref)] as [number, number])),
      lenient: [...this.lenient],
      nodes: this.size,
    }
  }

  static deserialize<R>(data: SerializedMatcher, refOf: (id: number) => R): PhraseMatcher<R> {
    const m = new PhraseMatcher<R>()
    for (const [label, node, child] of data.edges) {
      let from = m.edges.get(label)
      if (!from) m.edges.set(label, (from = new Map()))
      from.set(node, child)
    }
    m.size = data.nodes
    for (let i = 1; i < data.nodes; i++) m.ends.push([])
    for (const [node, id] of data.ends) m.ends[node].push(refOf(id))
    for (const edge of data.lenient) m.lenient.add(edge)
    return m
  }
}
