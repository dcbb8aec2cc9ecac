import type {Sentence as NlcstSentence} from 'nlcst'
import {Memo} from './memo.js'
import {tokenize, wordShape, type Token, type WordShape} from './tokens.js'

// A sentence of the parse tree read into what rules use: its words (for readability counts)
// and its tokens (for the phrase matcher), with their offsets in the document, and a memo.

/** A word as written (hyphenated words whole), for readability counts. */
export interface Word {
  text: string
  offset: number
  endOffset: number
  /** The record of this word's text shared by all its uses (tokens.ts); undefined for a word whose parts stand apart. */
  shape: WordShape | undefined
}

export interface Sentence {
  readonly offset: number
  readonly endOffset: number
  /** Index into Draft.paragraphs (set by each parse that uses the sentence). */
  paragraph: number
  readonly words: Word[]
  /** What the phrase matcher reads: words split at hyphens, plus % $ # + &. */
  readonly tokens: Token[]
  /**
   * Results that depend only on the sentence's own text, kept with its cached chunk so an
   * edit elsewhere reuses them (slots made by their owners: parse/memo.ts). A rule that scans
   * every word of every sentence should keep its per-sentence result here.
   */
  readonly memo: Memo
}

// "During metastasis, cancer cells" is not the phrase "metastasis cancer".
const PHRASE_BREAK = /[,;:()[\]{}"“”«»—–]|^-+$/
// The same inside one word ("cancer;spread"), and a full stop between a lower-case and a
// capital letter: "mets.Cancer" is two sentences run together ("No.1", "U.S." and "e.g." are not).
const INNER_BREAK = /[,;:()[\]{}"“”«»—–]|--/
const runOnSentences = (text: string, end: number, next: number): boolean =>
  /[.!?]/.test(text.slice(end, next)) && /\p{Ll}/u.test(text[end - 1]) && /\p{Lu}/u.test(text[next])

/** The sentence's words and tokens, at offsets `base` further on than the node's. */
export function readSentence(node: NlcstSentence, skip: ReadonlyArray<readonly [number, number]>, base: number): Sentence {
  const offset = (node.position?.start.offset ?? 0) + base
  const endOffset = (node.position?.end.offset ?? offset - base) + base
  const words: Word[] = []
  const tokens: Token[] = []
  let pendingBreak = false
  // A full stop the sentence parser left inside a sentence ("tumors. spreads", a run-on the
  // writer did not capitalise; "e.g. surgery") ends a phrase before a lower-case word; before
  // a capital it may close an abbreviation ("Dr. Lee"), which does not.
  let fullStop = false
  // parse-english reads "12,000" as "12", ",", "000": a number's thousands separator is no
  // phrase break, and the number is one word and one token, as "1.5" is.
  let thousands = false
  const children = node.children
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (skip.length && skip.some(([a, b]) => start < b && end > a)) {
      pendingBreak = true
      continue
    }
    const before = tokens.length
    if (thousands && child.type === 'WordNode') {
      thousands = false
      const word = words[words.length - 1]
      const text = `${word.text},${wordText(child)}`
      const {breakBefore} = tokens.pop()!
      tokenize(text, word.offset, tokens)
      tokens[tokens.length - 1].breakBefore = breakBefore
      words[words.length - 1] = {text, offset: word.offset, endOffset: end + base, shape: wordShape(text)}
      continue
    }
    if (child.type === 'PunctuationNode' && isThousandsSeparator(children, i)) {
      thousands = true
      continue
    }
    if (child.type === 'WordNode') {
      const text = wordText(child)
      if (fullStop && /^\p{Ll}/u.test(text)) pendingBreak = true
      // The parser keeps a full stop before a lower-case word on the word before it ("tumors.").
      fullStop = /[.!?]$/.test(text)
      words.push({text, offset: start + base, endOffset: end + base, shape: tokenizeWord(child, text, start, base, tokens)})
    } else if (child.type === 'SymbolNode' && child.value.includes('|')) {
      // A table's or a menu's cell border: "metastasis | Cancer cells" is not "metastasis cancer".
      pendingBreak = true
    } else if (child.type === 'SymbolNode') {
      tokenize(child.value, start + base, tokens)
    } else if (child.type === 'SourceNode' || (child.type === 'PunctuationNode' && PHRASE_BREAK.test(child.value))) {
      pendingBreak = true
    } else if (child.type === 'PunctuationNode' && /^[.!?]+$/.test(child.value)) {
      fullStop = true
    }
    if (pendingBreak && tokens.length > before) {
      tokens[before].breakBefore = true
      pendingBreak = false
    }
  }
  return {offset, endOffset, paragraph: -1, words, tokens, memo: new Memo()}
}

/**
 * The tokens of a word node. Its parts may stand apart in the source: the parser reads
 * "fatal.<!-- note -->Next" as one word, the comment between its parts being no text to it,
 * so offsets are then mapped part by part rather than counted through the joined text. A
 * full stop or a phrase break inside a word ("mets.Cancer", "cancer;spread") ends a phrase
 * as it does between words.
 */
function tokenizeWord(
  node: {children: Array<{value: string; position?: {start: {offset?: number}; end: {offset?: number}}}>},
  text: string,
  start: number,
  base: number,
  into: Token[],
): WordShape | undefined {
  const parts = node.children
  // The usual case: the word's parts stand together, so its tokens are counted from its start.
  let together = true
  for (let i = 1; i < parts.length && together; i++) together = parts[i].position?.start.offset === parts[i - 1].position?.end.offset
  if (together) {
    const origin = start + base
    const shape = wordShape(text)
    const shaped = shape.tokens
    for (let k = 0; k < shaped.length; k++) {
      const t = shaped[k]
      const token: Token = {word: t.word, stem: t.stem, offset: t.offset + origin, endOffset: t.endOffset + origin, breakBefore: false, norm: t.norm}
      if (k > 0 && (INNER_BREAK.test(text.slice(shaped[k - 1].endOffset, t.offset)) || runOnSentences(text, shaped[k - 1].endOffset, t.offset)))
        token.breakBefore = true
      into.push(token)
    }
    return shape
  }
  const local = tokenize(text, 0, [])
  for (let k = 1; k < local.length; k++) {
    const end = local[k - 1].endOffset
    const next = local[k].offset
    if (INNER_BREAK.test(text.slice(end, next)) || runOnSentences(text, end, next)) local[k].breakBefore = true
  }
  const at: number[] = []
  for (const p of parts) for (let k = 0; k < p.value.length; k++) at.push((p.position?.start.offset ?? NaN) + base + k)
  for (const t of local) {
    const offset = at[t.offset]
    const endOffset = at[t.endOffset - 1] + 1
    if (Number.isInteger(offset) && Number.isInteger(endOffset))
      into.push({word: t.word, stem: t.stem, offset, endOffset, breakBefore: t.breakBefore, norm: t.norm})
  }
}

/**
 * Whether the comma at `i` groups a number's digits: right after a word that is a number of one
 * to three digits (or one grouped already) and right before three digits and nothing else, or
 * two digits and another such comma.
 */
function isThousandsSeparator(children: NlcstSentence['children'], i: number): boolean {
  const comma = children[i]
  const prev = children[i - 1]
  const next = children[i + 1]
  if (comma.type !== 'PunctuationNode' || comma.value !== ',' || prev?.type !== 'WordNode' || next?.type !== 'WordNode') return false
  if (prev.position?.end.offset !== comma.position?.start.offset || comma.position?.end.offset !== next.position?.start.offset) return false
  if (!/^\d{1,3}$/.test(wordText(prev))) return false
  const digits = wordText(next)
  // Indian grouping puts two digits between commas before the last three: 1,50,000.
  // The parser may keep a sentence's full stop on its last word ("567.").
  return /^\d{3}(?:\.\d+)?\.?$/.test(digits) || (/^\d{2}$/.test(digits) && isThousandsSeparator(children, i + 2))
}

function wordText(node: {children: Array<{value: string}>}): string {
  if (node.children.length === 1) return node.children[0].value
  let s = ''
  for (const c of node.children) s += c.value
  return s
}

/**
 * A cached chunk's sentence seen at its place in this version of the document. Words and
 * tokens are shifted only when a rule reads them: most sentences of a long draft have no
 * phrase match and memoised counts, so an edit does not copy the whole document's tokens.
 */
class ShiftedSentence implements Sentence {
  readonly offset: number
  readonly endOffset: number
  private shiftedWords?: Word[]
  private shiftedTokens?: Token[]

  constructor(
    private readonly source: Sentence,
    private readonly by: number,
    public paragraph: number,
  ) {
    this.offset = source.offset + by
    this.endOffset = source.endOffset + by
  }

  get words(): Word[] {
    return (this.shiftedWords ??= this.source.words.map((w) => ({text: w.text, offset: w.offset + this.by, endOffset: w.endOffset + this.by, shape: w.shape})))
  }

  get tokens(): Token[] {
    return (this.shiftedTokens ??= this.source.tokens.map((t): Token => {
      return {word: t.word, stem: t.stem, offset: t.offset + this.by, endOffset: t.endOffset + this.by, breakBefore: t.breakBefore, norm: t.norm}
    }))
  }

  get memo(): Memo {
    return this.source.memo
  }
}

/** A cached sentence where this version has it: itself when it has not moved (the usual case). */
export function shiftSentence(s: Sentence, by: number, paragraph: number): Sentence {
  if (by !== 0) return new ShiftedSentence(s, by, paragraph)
  s.paragraph = paragraph
  return s
}
