/**
 * Most chunks of a Markdown draft are one paragraph of prose with no Markdown syntax in it, one
 * ATX heading line, or a list of one-line items. Such a chunk reads the same to remark
 * (micromark, mdast, then mdast-util-to-nlcst) as its blocks do to the sentence parser alone,
 * which costs far less (Markdown parsing was most of the engine's time: docs/performance.md).
 * The test is deliberately narrow: a chunk with anything remark could read
 * as syntax (any character that can open inline syntax, a line that could open another block,
 * indentation, whitespace at a line end) goes through remark. test/unit/plain-markdown.test.ts
 * checks that both ways give the same parse on every chunk of the fixtures and on generated ones.
 */

import type {List, ListItem, Root as MdastRoot} from 'mdast'
import type {Point} from 'unist'

// Characters that can start inline Markdown (code, emphasis, HTML, autolinks, escapes),
// carriage returns (kept to the remark path) and NUL (remark reads it as U+FFFD).
const INLINE_SYNTAX = /[`*_<\\\r\0]|&(?:#|[A-Za-z][A-Za-z\d]*;)/
// Brackets make a link or an image only with a destination right after the closing one, a
// second label, or a definition ("[label]: url"); a chunk is parsed on its own, so a
// definition elsewhere in the document never applies. Editorial brackets ("[T]he", "[sic]",
// "[1]"), common in quoted letters, leave the text as it is.
const LINK_SYNTAX = /\]\s*[([:]/
// What can open a block at the start of a line: headings, block quotes, list markers, thematic
// breaks, setext underlines, fences, ordered list numbers; and indentation (code, continuation).
const BLOCK_START = /^(?:[#>\-+=~\s]|\d{1,9}[.)])/
const TRAILING_SPACE = /\s$/
const ATX_HEADING = /^#{1,6} +(?=\S)/
// A list item marker with one space after it (more could open code inside the item).
const LIST_ITEM = /^(?:[-+]|\d{1,9}[.)]) (?=\S)/

/** A run of prose the sentence parser reads on its own: one paragraph of the result (or more). */
export interface ProseBlock {
  /** Where the block starts in the chunk. */
  start: number
  /** Its text: no Markdown marker, and no line ending after it (the parser reads "5.\n" otherwise than "5."). */
  text: string
}

export interface PlainProse {
  blocks: ProseBlock[]
  heading: boolean
  /**
   * The blocks are the items of a list. remark's bridge to sentences reads a list's items as
   * one run of text with breaks between them, not each on its own (a full stop closing one item
   * can join the word before it), so a list is handed to that bridge (listTree), only without
   * micromark.
   */
  list?: true
}

/** The chunk as plain prose for the sentence parser, or undefined when remark must read it. */
export function asPlainProse(chunk: string): PlainProse | undefined {
  if (INLINE_SYNTAX.test(chunk) || LINK_SYNTAX.test(chunk)) return undefined
  const lines = chunk.split('\n')
  // Blank lines may only follow the prose (chunks end at a blank line).
  let last = lines.length - 1
  while (last >= 0 && lines[last].trim() === '') last--
  if (last < 0) return undefined
  for (let i = last + 1; i < lines.length; i++) if (lines[i] !== '') return undefined
  const content = (line: string, marker: number): string | undefined => {
    const rest = line.slice(marker)
    return rest === '' || BLOCK_START.test(rest) || TRAILING_SPACE.test(rest) ? undefined : rest
  }

  const heading = ATX_HEADING.exec(lines[0])?.[0]
  if (heading) {
    const text = last === 0 ? content(lines[0], heading.length) : undefined
    return text === undefined || text.endsWith('#') ? undefined : {blocks: [{start: heading.length, text}], heading: true}
  }

  if (LIST_ITEM.test(lines[0])) {
    // Each item of a list is a paragraph of its own.
    const blocks: ProseBlock[] = []
    let lineStart = 0
    for (let i = 0; i <= last; i++) {
      const marker = LIST_ITEM.exec(lines[i])?.[0]
      const text = marker && content(lines[i], marker.length)
      if (!marker || text === undefined) return undefined
      blocks.push({start: lineStart + marker.length, text})
      lineStart += lines[i].length + 1
    }
    return {blocks, heading: false, list: true}
  }

  for (let i = 0; i <= last; i++) if (content(lines[i], 0) === undefined) return undefined
  return {blocks: [{start: 0, text: lines.slice(0, last + 1).join('\n')}], heading: false}
}

/**
 * The mdast remark makes of a list of one-line items (root > list > listItem > paragraph >
 * text, with positions), for mdast-util-to-nlcst: what it reads of a tree is its node types,
 * text values and positions.
 */
export function listTree(chunk: string, items: readonly ProseBlock[]): MdastRoot {
  const lineStarts = [0]
  for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  // Offsets are asked for in order, so the line is found by walking on from the last one.
  let line = 0
  const point = (offset: number): Point => {
    if (offset < lineStarts[line]) line = 0
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++
    return {line: line + 1, column: offset - lineStarts[line] + 1, offset}
  }
  const span = (start: number, end: number) => ({start: point(start), end: point(end)})
  const listItems: ListItem[] = items.map(({start, text}) => {
    const end = start + text.length
    const lineStart = chunk.lastIndexOf('\n', start - 1) + 1
    const itemStart = point(lineStart)
    return {
      type: 'listItem',
      spread: false,
      children: [{type: 'paragraph', children: [{type: 'text', value: text, position: span(start, end)}], position: span(start, end)}],
      position: {start: itemStart, end: point(end)},
    }
  })
  const first = listItems[0].position!.start.offset!
  const last = listItems[listItems.length - 1].position!.end.offset!
  const list: List = {type: 'list', ordered: /^\d/.test(chunk), spread: false, children: listItems, position: span(first, last)}
  return {type: 'root', children: [list], position: span(0, chunk.length)}
}
