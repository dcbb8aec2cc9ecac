import type {Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import type {Token} from '../parse/tokens.js'

/**
 * Where the clauses of a sentence start, so that context is read the way a person reads it:
 * a "no" in one clause does not deny the next ("There is no cure, and nothing can be done"),
 * and a claim and the one who makes it are looked for in the same clause. A clause starts at
 * the sentence's start, after ; : a dash or a bracket, at a conjunction or subordinator after a
 * comma (", and", ", so", ", because", ", which"), at a subordinator with no comma ("because",
 * "although", "unless"), and after the comma that closes a leading subordinate clause
 * ("Because there is no cure, chemotherapy is pointless").
 */

// Words that open a clause when a comma stands before them.
const AFTER_COMMA = new Set(['and', 'but', 'so', 'yet', 'or', 'nor', 'because', 'although', 'though', 'while', 'whereas', 'unless', 'if', 'when', 'which', 'who', 'whom', 'whose', 'where', 'since', 'then', 'however', 'otherwise', 'instead', 'therefore', 'thus'])
// Words that open a clause wherever they stand.
const ALWAYS = new Set(['because', 'although', 'though', 'whereas', 'unless', 'but'])
// A leading clause opened by one of these ends at its first comma ("Without a cure, treatment
// is pointless": the "without" of the leading phrase does not deny the main clause).
const LEADING = new Set(['because', 'although', 'though', 'if', 'when', 'while', 'since', 'once', 'unless', 'as', 'whereas', 'after', 'before', 'until', 'whenever', 'without'])
// "so" opens a clause (no comma needed) when a subject or a question word follows it: "has no cure so it cannot", "so what's the point".
const SUBJECT_AFTER_SO = new Set(['it', 'they', 'you', 'we', 'he', 'she', 'there', 'the', 'this', 'that', 'these', 'those', 'i', 'your', 'our', 'their', 'its', 'nothing', 'no', 'what', "what's", 'whats', 'why'])
const HARD = /[;:()[\]—–]|\s-\s|\n/

const CLAUSES = memoSlot<Uint16Array>('clause number of each token of a sentence')

/** The clause number of each token of the sentence, counted from 0; kept in the sentence's memo. */
export function clausesOf(text: string, sentence: Sentence): Uint16Array {
  return sentence.memo.getOr(CLAUSES, () => clauseNumbers(text, sentence.tokens))
}

export function clauseNumbers(text: string, tokens: readonly Token[]): Uint16Array {
  const out = new Uint16Array(tokens.length)
  let clause = 0
  let leading = tokens.length > 0 && LEADING.has(tokens[0].word)
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]
    let starts = false
    if (t.breakBefore) {
      const between = text.slice(tokens[i - 1].endOffset, t.offset)
      if (HARD.test(between)) starts = true
      else if (between.includes(',')) {
        if (AFTER_COMMA.has(t.word) || leading) starts = true
      }
    }
    if (!starts && ALWAYS.has(t.word)) starts = true
    if (!starts && t.word === 'so' && i + 1 < tokens.length && SUBJECT_AFTER_SO.has(tokens[i + 1].word)) starts = true
    if (starts) {
      clause++
      leading = LEADING.has(t.word)
    }
    out[i] = clause
  }
  return out
}

/** The token range [from, to) of the clause(s) that tokens [start, end) stand in. */
export function clauseRange(clauses: Uint16Array, start: number, end: number): [number, number] {
  const {from, to} = boundsOf(clauses)
  return [from[clauses[start]], to[clauses[Math.max(start, end - 1)]]]
}

// The first token and the end of each clause, worked out once per sentence: callers ask for
// the clause of every figure and phrase, and a walk to the clause's edges each time would be
// quadratic in a sentence that never ends.
const BOUNDS = new WeakMap<Uint16Array, {from: Uint32Array; to: Uint32Array}>()

function boundsOf(clauses: Uint16Array): {from: Uint32Array; to: Uint32Array} {
  let bounds = BOUNDS.get(clauses)
  if (bounds) return bounds
  const count = clauses.length === 0 ? 0 : clauses[clauses.length - 1] + 1
  bounds = {from: new Uint32Array(count), to: new Uint32Array(count)}
  for (let i = clauses.length - 1; i >= 0; i--) bounds.from[clauses[i]] = i
  for (let i = 0; i < clauses.length; i++) bounds.to[clauses[i]] = i + 1
  BOUNDS.set(clauses, bounds)
  return bounds
}
