import type {Token} from '../parse/tokens.js'
import {isNumber} from '../parse/tokens.js'
import type {Element} from './pattern.js'

/** A phrase found in a run of tokens: tokens [start, end) matched pattern of `ref`. */
export interface Match<R> {
  ref: R
  start: number
  end: number
}

interface TrieNode<R> {
  next: Map<string, TrieNode<R>>
  ends: R[]
}

const key = (e: Element): string =>
  e.kind === 'stem' ? `s:${e.value}` : e.kind === 'word' ? `w:${e.value}` : e.kind === 'num' ? '#' : '*'

/**
 * All phrase patterns of the terminology set in one trie over tokens: a sentence is matched
 * once for every entry (not one pass per entry), and the work per start token is bounded by
 * the trie's depth, so matching is linear in the text.
 */
export class PhraseMatcher<R> {
  private readonly root: TrieNode<R> = {next: new Map(), ends: []}

  add(sequence: Element[], ref: R): void {
    let node = this.root
    for (const element of sequence) {
      const k = key(element)
      let child = node.next.get(k)
      if (!child) node.next.set(k, (child = {next: new Map(), ends: []}))
      node = child
    }
    if (!node.ends.includes(ref)) node.ends.push(ref)
  }

  /** Every match in `tokens`, in order of start then length (longest first). */
  match(tokens: readonly Token[]): Match<R>[] {
    const out: Match<R>[] = []
    const stack: Array<[TrieNode<R>, number]> = []
    for (let start = 0; start < tokens.length; start++) {
      const found: Match<R>[] = []
      stack.push([this.root, start])
      while (stack.length) {
        const [node, at] = stack.pop()!
        for (const ref of node.ends) if (at > start) found.push({ref, start, end: at})
        const token = tokens[at]
        if (!token) continue
        const stemChild = node.next.get(`s:${token.stem}`)
        if (stemChild) stack.push([stemChild, at + 1])
        const wordChild = node.next.get(`w:${token.word}`)
        if (wordChild) stack.push([wordChild, at + 1])
        if (isNumber(token.word)) {
          const numChild = node.next.get('#')
          if (numChild) stack.push([numChild, at + 1])
        }
        const anyChild = node.next.get('*')
        if (anyChild) stack.push([anyChild, at + 1])
      }
      found.sort((a, b) => b.end - a.end)
      out.push(...found)
    }
    return out
  }
}
