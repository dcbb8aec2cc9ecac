import type {Draft, Paragraph} from '../parse/draft.js'

// What stands between a line's start and a list item's first word: indentation, block quote
// markers, the list marker, and any opening emphasis, link or bracket.
const LIST_LEAD = /^[ \t>]*(?:[-*+•]|\d{1,9}[.)])[ \t]+[*_[(`"“']*$/
// In plain text the marker is part of the paragraph's own text.
const PLAIN_LIST_START = /^(?:[-*+•]|\d{1,9}[.)])[ \t]+/

/**
 * Whether a paragraph is an item of a list: its line opens with a list marker. A list is read
 * item by item, not as running prose, so the grade formulas leave it out (grade-level.ts).
 */
export function isListItem(draft: Draft, paragraph: Paragraph): boolean {
  const {text} = draft
  const lineStart = text.lastIndexOf('\n', paragraph.offset - 1) + 1
  if (LIST_LEAD.test(text.slice(lineStart, paragraph.offset))) return true
  return draft.languageId === 'plaintext' && PLAIN_LIST_START.test(text.slice(paragraph.offset, paragraph.offset + 12))
}

/** The paragraph's kind for readability: a heading, a list item, or prose. */
export function blockKind(draft: Draft, paragraph: Paragraph): 'heading' | 'list item' | 'prose' {
  if (paragraph.heading) return 'heading'
  return isListItem(draft, paragraph) ? 'list item' : 'prose'
}
