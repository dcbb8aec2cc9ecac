import type {Sentence} from '../parse/draft.js'
import type {Token} from '../parse/tokens.js'
import type {ClassSpans} from '../terminology/matcher.js'
import type {Terminology} from '../terminology/terminology.js'
import {clausesOf} from './clauses.js'
import {isNegated} from './negation.js'
import {classSpansOf} from './class-spans.js'

/** Class spans of a sentence as [start, end) token ranges, per class, asked once each. */
export class Classes {
  private readonly found = new Map<string, Array<[number, number]>>()
  // The longest span of a class by where it ends and where it starts: a sentence asks once per
  // figure, and a scan of every span each time would be quadratic.
  private readonly byEnd = new Map<string, Map<number, [number, number]>>()
  private readonly byStart = new Map<string, Map<number, [number, number]>>()
  constructor(private readonly spans: ClassSpans) {}

  all(name: string): Array<[number, number]> {
    let list = this.found.get(name)
    if (!list) {
      list = this.spans.spansOf(name).map(([a, b]): [number, number] => [a, b])
      this.found.set(name, list)
    }
    return list
  }

  has(name: string): boolean {
    return this.all(name).length > 0
  }

  /** A span of the class that ends exactly at token `end`, the longest. */
  endingAt(name: string, end: number): [number, number] | undefined {
    return this.longest(this.byEnd, name, 1, (s, best) => s[0] < best[0]).get(end)
  }

  /** A span of the class that starts exactly at token `start`, the longest. */
  startingAt(name: string, start: number): [number, number] | undefined {
    return this.longest(this.byStart, name, 0, (s, best) => s[1] > best[1]).get(start)
  }

  /** The class's spans by one end (`side` 0: start, 1: end), the longest at each, built on first use. */
  private longest(cache: Map<string, Map<number, [number, number]>>, name: string, side: 0 | 1, longer: (s: [number, number], best: [number, number]) => boolean): Map<number, [number, number]> {
    let index = cache.get(name)
    if (!index) {
      index = new Map()
      for (const s of this.all(name)) {
        const best = index.get(s[side])
        if (!best || longer(s, best)) index.set(s[side], s)
      }
      cache.set(name, index)
    }
    return index
  }

  /** Spans of the class inside tokens [from, to). */
  within(name: string, from: number, to: number): Array<[number, number]> {
    return this.all(name).filter(([a, b]) => a >= from && b <= to)
  }
}

const QUOTES = /["“”]/g

/** The character ranges between quotation marks in a sentence's text. */
export function quotedRanges(text: string): Array<[number, number]> {
  const marks = [...text.matchAll(QUOTES)].map((m) => m.index!)
  const out: Array<[number, number]> = []
  for (let i = 0; i + 1 < marks.length; i += 2) out.push([marks[i], marks[i + 1]])
  return out
}

/**
 * One sentence as the number analysis reads it: its tokens and text, its class spans and
 * clauses, offsets relative to its start, and whether a place is inside quotation marks.
 */
export interface Reading {
  sentence: Sentence
  tokens: readonly Token[]
  /** The sentence's own text. */
  own: string
  cls: Classes
  /** The clause number of each token (analyses/clauses.ts). */
  clauses: Uint16Array
  /** A token's start and end, relative to the sentence's start. */
  at(t: Token): number
  end(t: Token): number
  /** Whether a place (relative to the sentence) is between quotation marks: a phrase mentioned, not said. */
  isQuoted(from: number): boolean
  /** Whether the sentence ends with a question mark. */
  question: boolean
  /**
   * Whether what tokens [start, end) say is not the text's own statement: asked, denied in
   * its clause, reported before it ("some headlines claim"), refuted after it ("… is
   * misleading") or called a myth, read as the phrase rules read it (analyses/negation.ts).
   */
  denied(start: number, end: number): boolean
}

// Beside a figure, "without" names an arm of a comparison ("without the drug, 30 in 100 relapse")
// and "false" a test result ("a false alarm in 5% of people"); neither denies the figure.
const NOT_DENIALS: ReadonlySet<string> = new Set(['without', 'false'])

export function readingOf(text: string, sentence: Sentence, terminology: Terminology): Reading {
  const own = text.slice(sentence.offset, sentence.endOffset)
  const quotes = quotedRanges(own)
  const tokens = sentence.tokens
  const spans = classSpansOf(sentence, terminology)
  const clauses = clausesOf(text, sentence)
  const question = /\?["'”’)\]]*\s*$/.test(own)
  const negation = {tokens, clauses, spans, question, text}
  return {
    sentence,
    tokens,
    own,
    cls: new Classes(spans),
    clauses,
    at: (t) => t.offset - sentence.offset,
    end: (t) => t.endOffset - sentence.offset,
    isQuoted: (from) => quotes.some(([a, b]) => from > a && from < b),
    question,
    // The words of the claim itself are its own: "no more than 1 in 10", "you won't be here" are not denials.
    denied: (start, end) => isNegated(negation, start, end, new Set(tokens.slice(start, end).map((t) => t.stem)), NOT_DENIALS),
  }
}
