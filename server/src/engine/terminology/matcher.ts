import type {Token} from '../parse/tokens.js'
import {isNumber} from '../parse/tokens.js'
import type {Element} from './pattern.js'

export interface SerializedMatcher {
  edges: Array<[string, number]>
  ends: Array<[number, number]>
  any: number[]
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
 * the trie's depth, so matching is linear in the text. Nodes are integers and edges live in
 * one Map keyed "node|edge": tens of thousands of phrasings cost a few MB, not a Map each.
 */
export class PhraseMatcher<R> {
  private readonly edges = new Map<string, number>()
  private readonly ends: R[][] = [[]]
  /** Nodes with an `any` (gap) edge, so the common case skips that lookup. */
  private readonly hasAny: boolean[] = [false]
  /** Edges that may cross punctuation: gaps, and the word right after a gap. */
  private readonly lenient = new Set<string>()

  add(sequence: Element[], ref: R): void {
    let node = 0
    for (const element of sequence) {
      const edge = `${node}|${key(element)}`
      let child = this.edges.get(edge)
      if (child === undefined) {
        child = this.ends.length
        this.ends.push([])
        this.hasAny.push(false)
        this.edges.set(edge, child)
        if (element.kind === 'any') this.hasAny[node] = true
      }
      if (element.afterGap || element.kind === 'any') this.lenient.add(edge)
      node = child
    }
    if (!this.ends[node].includes(ref)) this.ends[node].push(ref)
  }

  private follow(edge: string, blocked: boolean, stack: number[], next: number): void {
    const child = this.edges.get(edge)
    if (child !== undefined && (!blocked || this.lenient.has(edge))) stack.push(child, next)
  }

  /** The trie as plain data, with refs turned into numbers by `refId` (stored by the build). */
  serialize(refId: (ref: R) => number): SerializedMatcher {
    return {
      edges: [...this.edges],
      ends: this.ends.flatMap((refs, node) => refs.map((ref) => [node, refId(ref)] as [number, number])),
      any: this.hasAny.flatMap((has, node) => (has ? [node] : [])),
      lenient: [...this.lenient],
      nodes: this.ends.length,
    }
  }

  static deserialize<R>(data: SerializedMatcher, refOf: (id: number) => R): PhraseMatcher<R> {
    const m = new PhraseMatcher<R>()
    for (const [edge, node] of data.edges) m.edges.set(edge, node)
    for (let i = 1; i < data.nodes; i++) {
      m.ends.push([])
      m.hasAny.push(false)
    }
    for (const [node, id] of data.ends) m.ends[node].push(refOf(id))
    for (const node of data.any) m.hasAny[node] = true
    for (const edge of data.lenient) m.lenient.add(edge)
    return m
  }

  /** Every match in `tokens`, in order of start then length (longest first). */
  match(tokens: readonly Token[]): Match<R>[] {
    const out: Match<R>[] = []
    const stack: number[] = []
    for (let start = 0; start < tokens.length; start++) {
      const found: Match<R>[] = []
      stack.push(0, start)
      while (stack.length) {
        const at = stack.pop()!
        const node = stack.pop()!
        if (at > start) for (const ref of this.ends[node]) found.push({ref, start, end: at})
        const token = tokens[at]
        if (!token) continue
        const prefix = `${node}|`
        // Punctuation before a token ends the phrase, except across a `...` gap.
        const blocked = at > start && token.breakBefore === true
        this.follow(`${prefix}s:${token.stem}`, blocked, stack, at + 1)
        this.follow(`${prefix}w:${token.word}`, blocked, stack, at + 1)
        if (isNumber(token.word)) this.follow(`${prefix}#`, blocked, stack, at + 1)
        if (this.hasAny[node]) this.follow(`${prefix}*`, blocked, stack, at + 1)
      }
      found.sort((a, b) => b.end - a.end)
      for (const m of found) out.push(m)
    }
    return out
  }
}
