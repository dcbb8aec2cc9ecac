import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'

// Character references as CommonMark reads them (&amp; &#233; &#x1F600;).
const REFERENCE = /^&(?:#[xX][\da-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z\d]{1,31});/
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/
// What CommonMark drops from a paragraph's lines: the indentation and block quote markers of
// continuation lines, and whitespace before a line ending.
const DROPPED = /^[ \t\r>]$/

/**
 * The value of a Markdown text node rewritten to the length of its source, character for
 * character: remark drops whitespace at line ends, "> " and list indentation of continuation
 * lines, and decodes escapes and character references, but mdast-util-to-nlcst gives words
 * positions by counting through the value from the node's start, so every such change shifted
 * every later word of the paragraph (a fix then replaced the wrong characters). What was
 * dropped becomes spaces; a decoded reference keeps its character at the reference's end.
 * Undefined when the value does not line up with the source (left as it was).
 */
function alignToSource(source: string, value: string): string | undefined {
  if (source === value) return value
  const out: string[] = []
  // Where a reference's text also stands in the value ("&amp;amp;" is "&amp;" decoded once),
  // it is first taken as written; if the rest then does not line up, as decoded.
  const choices: Array<{i: number; j: number; parts: number}> = []
  const failed = new Set<number>()
  let i = 0
  let j = 0
  let decodeNext = false
  // Going back is rare and short; a bound keeps a crafted text from making it long.
  for (let budget = 4 * (source.length + value.length) + 1000; budget > 0; budget--) {
    if (i === source.length && j === value.length) return out.join('')
    const step = i < source.length ? next(source, value, i, j, decodeNext) : undefined
    decodeNext = false
    if (step?.choice) choices.push({i, j, parts: out.length})
    const state = step && (step.i * (value.length + 1) + step.j)
    if (step && !failed.has(state!)) {
      out.push(step.text)
      i = step.i
      j = step.j
      continue
    }
    // Dead end: go back to the last reference taken as written and decode it instead.
    failed.add(i * (value.length + 1) + j)
    const back = choices.pop()
    if (!back) return undefined
    ;({i, j} = back)
    out.length = back.parts
    decodeNext = true
  }
  return undefined
}

/** One step of the alignment from source[i] and value[j], or undefined at a mismatch. */
function next(source: string, value: string, i: number, j: number, decode: boolean): {text: string; i: number; j: number; choice?: boolean} | undefined {
  const s = source[i]
  const v = value[j]
  if (s === '&' && v !== undefined) {
    const ref = REFERENCE.exec(source.slice(i, i + 40))?.[0]
    if (ref) {
      const written = value.startsWith(ref, j)
      if (written && !decode) return {text: ref, i: i + ref.length, j: j + ref.length, choice: true}
      // Most references decode to one UTF-16 unit; astral and a few named ones to two.
      const after = source[i + ref.length]
      const k = isHighSurrogate(value.charCodeAt(j)) || (value[j + 1] !== after && value[j + 2] === after) ? 2 : 1
      return {text: ' '.repeat(Math.max(0, ref.length - k)) + value.slice(j, j + k), i: i + ref.length, j: j + k}
    }
  }
  if (s === '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '') && v === source[i + 1]) return {text: ' ', i: i + 1, j}
  if (s === v || (s === '\0' && v === '\uFFFD')) return {text: v, i: i + 1, j: j + 1}
  if (DROPPED.test(s)) return {text: ' ', i: i + 1, j}
  return undefined
}

/** Aligns every text node of a Markdown tree with `source` (see alignToSource). */
export function alignTextNodes(node: MdastRoot | MdastNodes, source: string): void {
  const stack: Array<MdastRoot | MdastNodes> = [node]
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'text' && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
      const aligned = alignToSource(source.slice(n.position.start.offset, n.position.end.offset), n.value)
      if (aligned !== undefined) n.value = aligned
    }
    if ('children' in n) for (const child of n.children) stack.push(child as MdastNodes)
  }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
