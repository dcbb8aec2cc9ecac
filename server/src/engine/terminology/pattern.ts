import {normalizeWord, tokenize} from '../parse/tokens.js'

/** One position of a compiled pattern. */
export type Element = (
  | {kind: 'stem'; value: string}
  | {kind: 'word'; value: string}
  | {kind: 'num'}
  /** A word written with a capital first letter: part of a name. */
  | {kind: 'name'}
  | {kind: 'any'}
  /** A word class of terminology/classes.yaml: any of its members (one or more words). */
  | {kind: 'class'; value: string}
) & {
  /** Comes right after a `...` gap: may follow punctuation, as the gap's words may. */
  afterGap?: boolean
}

/** Marks where a gap ends while expanding; removed before the sequences are returned. */
const GAP_END = {kind: 'any', gapEnd: true} as const

/** How many word sequences one pattern may stand for before it is "too broad". */
export const MAX_EXPANSIONS = 10_000
/**
 * ...all the patterns of one terminology file together, and all the files of a loaded set (the
 * built-in ones and a writer's): each phrasing costs time and memory to compile, so without a
 * total a file of many broad patterns would take minutes and gigabytes. The built-in set and
 * each of its files stay under half of these (a test checks), leaving room for a writer's.
 */
export const MAX_FILE_PHRASINGS = 50_000
export const MAX_SET_PHRASINGS = 150_000
/** How many other words `...` may skip. */
export const GAP_WORDS = 4

export class PatternError extends Error {}

/**
 * Expands a phrase pattern (syntax in docs/terminology-format.md) into the word sequences
 * it stands for. The syntax has no repetition, so the expansion is finite and matching
 * stays linear in the text.
 */
export function expandPattern(pattern: string, knownClass?: (name: string) => boolean): Element[][] {
  const src = pattern.trim()
  let pos = 0

  const fail = (what: string): never => {
    throw new PatternError(`${what} at column ${pos + 1} of pattern "${pattern}"`)
  }
  const cross = (a: Element[][], b: Element[][]): Element[][] => {
    if (a.length * b.length > MAX_EXPANSIONS) fail(`pattern is too broad (more than ${MAX_EXPANSIONS} phrasings)`)
    const out: Element[][] = []
    for (const x of a) for (const y of b) out.push([...x, ...y])
    return out
  }

  // sequence := item* ; stops at ) | ] or end
  const sequence = (): Element[][] => {
    let acc: Element[][] = [[]]
    for (;;) {
      while (src[pos] === ' ') pos++
      const c = src[pos]
      if (c === undefined || c === ')' || c === ']' || c === '|') return acc
      acc = cross(acc, item())
    }
  }

  const item = (): Element[][] => {
    const c = src[pos]
    if (c === '(' || c === '[') {
      // (a|b) picks one alternative; [a|b] may also pick none.
      const close = c === '(' ? ')' : ']'
      pos++
      const alts: Element[][] = c === '[' ? [[]] : []
      for (;;) {
        alts.push(...sequence())
        if (alts.length > MAX_EXPANSIONS) fail(`pattern is too broad (more than ${MAX_EXPANSIONS} phrasings)`)
        if (src[pos] === '|') { pos++; continue }
        if (src[pos] === close) { pos++; return alts }
        return fail(`missing "${close}"`)
      }
    }
    if (src.startsWith('...', pos)) {
      pos += 3
      return Array.from({length: GAP_WORDS + 1}, (_, n) => [...Array.from({length: n}, () => ({kind: 'any'}) as Element), GAP_END as Element])
    }
    if (src.startsWith('<num>', pos)) {
      pos += 5
      return [[{kind: 'num'}]]
    }
    if (src.startsWith('<Name>', pos)) {
      pos += 6
      return [[{kind: 'name'}]]
    }
    if (c === '@') {
      const m = /^@([a-z0-9]+(?:-[a-z0-9]+)*)/.exec(src.slice(pos))
      if (!m) fail('a class name after "@"')
      pos += m![0].length
      if (knownClass && !knownClass(m![1])) fail(`unknown class "@${m![1]}"`)
      return [[{kind: 'class', value: m![1]}]]
    }
    if (c === '"') {
      const end = src.indexOf('"', pos + 1)
      if (end < 0) fail('missing closing quote')
      const words = tokenize(src.slice(pos + 1, end), 0, [])
      pos = end + 1
      if (words.length === 0) fail('empty quotes')
      return [words.map((t) => ({kind: 'word', value: t.word}) as Element)]
    }
    const start = pos
    while (pos < src.length && !' ()[]|"<@'.includes(src[pos]) && !src.startsWith('...', pos)) pos++
    if (pos === start) fail(`unexpected "${c}"`)
    // Each word by its stem: regular inflections share it, irregular ones (shrank) are read as
    // their lemma's stem by the tokens themselves (parse/tokens.ts).
    const words = tokenize(src.slice(start, pos), 0, [])
    return [words.map((t) => ({kind: 'stem', value: normalizeWord(t.word).stem}) as Element)]
  }

  const result = sequence()
  if (pos < src.length) fail(`unexpected "${src[pos]}"`)
  const nonEmpty = result.filter((seq) => seq.some((e) => e.kind !== 'any' && e.kind !== 'name' && e !== (GAP_END as Element)))
  if (nonEmpty.length !== result.length) fail('pattern can match nothing but gaps and names')
  return result.map((seq) => trimGaps(markGapEnds(seq)))
}

/** Drops the gap-end markers and flags the element after each gap. */
function markGapEnds(seq: Element[]): Element[] {
  const out: Element[] = []
  let afterGap = false
  for (const e of seq) {
    if (e === (GAP_END as Element)) {
      afterGap = true
      continue
    }
    out.push(afterGap && e.kind !== 'any' ? {...e, afterGap: true} : e)
    afterGap = false
  }
  return out
}

/** A gap at either end of a phrase would only widen the flagged range. */
function trimGaps(seq: Element[]): Element[] {
  let a = 0
  let b = seq.length
  while (a < b && seq[a].kind === 'any') a++
  while (b > a && seq[b - 1].kind === 'any') b--
  return seq.slice(a, b)
}
