/**
 * Most chunks of a Markdown draft are one paragraph of prose with no Markdown syntax in it, or
 * one ATX heading line. Such a chunk reads the same to remark (micromark, mdast, then
 * mdast-util-to-nlcst) as to the sentence parser alone, which costs about a third as much:
 * Markdown parsing was two thirds of the engine's time on a 200-draft corpus. This test is
 * deliberately narrow: a chunk with anything remark could read as syntax (any character that
 * can open inline syntax, a line that could open a block, indentation, whitespace at a line end)
 * goes through remark. test/unit/plain-markdown.test.ts checks that both ways give the same
 * parse on every chunk of the fixtures and on generated ones.
 */

// Characters that can start inline Markdown (code, emphasis, links, HTML, autolinks, escapes),
// carriage returns (kept to the remark path) and NUL (remark reads it as U+FFFD).
const INLINE_SYNTAX = /[`*_[\]<\\\r\0]|&(?:#|[A-Za-z][A-Za-z\d]*;)/
// What can open a block at the start of a line: headings, block quotes, list markers, thematic
// breaks, setext underlines, fences, ordered list numbers; and indentation (code, continuation).
const BLOCK_START = /^(?:[#>\-+=~\s]|\d{1,9}[.)])/
const TRAILING_SPACE = /\s$/
const ATX_HEADING = /^(#{1,6}) +(?=\S)/

export interface PlainProse {
  /**
   * The prose of the chunk without the line endings after it (remark's paragraph ends at its
   * last character, and the sentence parser reads "5.\n" otherwise than "5."), a heading's
   * marker blanked out: offsets are the chunk's own.
   */
  text: string
  heading: boolean
}

/** The chunk as plain prose for the sentence parser, or undefined when remark must read it. */
export function asPlainProse(chunk: string): PlainProse | undefined {
  if (INLINE_SYNTAX.test(chunk)) return undefined
  const lines = chunk.split('\n')
  // Blank lines may only follow the prose (chunks end at a blank line).
  let last = lines.length - 1
  while (last >= 0 && lines[last].trim() === '') last--
  if (last < 0) return undefined
  for (let i = last + 1; i < lines.length; i++) if (lines[i] !== '') return undefined
  const prose = lines.slice(0, last + 1).join('\n')
  const heading = ATX_HEADING.exec(lines[0])
  if (heading) {
    if (last !== 0) return undefined
    const content = lines[0].slice(heading[0].length)
    if (content.endsWith('#') || BLOCK_START.test(content) || TRAILING_SPACE.test(content)) return undefined
    return {text: ' '.repeat(heading[0].length) + prose.slice(heading[0].length), heading: true}
  }
  for (let i = 0; i <= last; i++) {
    const line = lines[i]
    if (line === '' || BLOCK_START.test(line) || TRAILING_SPACE.test(line)) return undefined
  }
  return {text: prose, heading: false}
}
