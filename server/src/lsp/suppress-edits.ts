/**
 * Where a suppression comment goes, so that adding it silences the finding and changes nothing
 * else. In Markdown an HTML comment that starts a line interrupts a paragraph (CommonMark HTML
 * block, type 2): a comment line put inside a paragraph or between list items would split it
 * in the rendered page and in oncolint's own readability figures. So a comment gets its own
 * line only where a block starts (after a blank line or a heading); elsewhere it goes at the
 * end of the line, inline. Plain text has no such rule: there the comment always gets its own
 * line.
 */

/** Text to insert at `offset`; `snippet` is the same text with the reason as a tab stop. */
export interface Insertion {
  offset: number
  newText: string
  snippet: string
}

const REASON = 'reason'

interface Line {
  start: number
  /** End of the line's content, before its line ending. */
  end: number
  text: string
  /** The line ending after it: \r\n, \n, a lone \r (as CommonMark and the editor read them), or '' at the end. */
  eol: string
}

/** The line holding `offset`; an offset on a line ending belongs to the line it ends. */
function lineAt(text: string, offset: number): Line {
  // The \n of a \r\n is part of the same ending as the \r.
  if (text[offset] === '\n' && text[offset - 1] === '\r') offset--
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
  const lf = text.indexOf('\n', offset)
  const cr = text.indexOf('\r', offset)
  const end = Math.min(lf < 0 ? text.length : lf, cr < 0 ? text.length : cr)
  const eol = end === cr ? (text[end + 1] === '\n' ? '\r\n' : '\r') : end === lf ? '\n' : ''
  return {start, end, text: text.slice(start, end), eol}
}

const previousLine = (text: string, line: Line): Line | undefined => (line.start === 0 ? undefined : lineAt(text, line.start - 1))

const nextLine = (text: string, line: Line): Line | undefined => (line.eol === '' ? undefined : lineAt(text, line.end + line.eol.length))

/**
 * The line ending an inserted line gets: the one of the line it is put beside, else of the line
 * before (the last line may have none), else the document's first, else \n. A comment line must
 * not bring a \n into a CR-only or CRLF file.
 */
function eolNear(text: string, line: Line): string {
  if (line.eol) return line.eol
  const before = previousLine(text, line)?.eol
  if (before) return before
  const first = /\r\n|\r|\n/.exec(text)
  return first ? first[0] : '\n'
}

const indentOf = (line: Line): string => /^[ \t]*/.exec(line.text)![0]
const isBlank = (line: Line | undefined): boolean => !line || line.text.trim() === ''
const isAtxHeading = (line: Line | undefined): boolean => !!line && /^ {0,3}#{1,6}(?:\s|$)/.test(line.text)

/** May a comment line be put right before `line` without joining or splitting a block? */
function blockStartsAt(text: string, line: Line, markdown: boolean): boolean {
  if (!markdown) return true
  const prev = previousLine(text, line)
  return isBlank(prev) || isAtxHeading(prev)
}

/** After the line's last visible character: trailing spaces (a Markdown hard break) stay last. */
const contentEnd = (line: Line): number => line.start + line.text.trimEnd().length

function comment(directive: string, rules: string, withReason: boolean): {text: string; snippet: string} {
  const body = `oncolint-${directive}${rules ? ` ${rules}` : ''}`
  return withReason
    ? {text: `<!-- ${body} -- ${REASON} -->`, snippet: `<!-- ${escapeSnippet(body)} -- \${1:${REASON}} -->`}
    : {text: `<!-- ${body} -->`, snippet: `<!-- ${escapeSnippet(body)} -->`}
}

const escapeSnippet = (s: string): string => s.replace(/[$}\\]/g, '\\$&')

const NEXT_LINE = /^(\s*<!--\s*oncolint-disable-next-line)((?:[ \t,]+[\w/-]*[\w/])+)/

/**
 * "Disable <rule> for this line": a disable-next-line comment on its own line above the line
 * of `offset` (same indentation), added to the rule list of such a comment already there, or a
 * disable-line comment at the end of the line where a comment line would split a block.
 */
export function disableLine(text: string, offset: number, ruleId: string, markdown: boolean): Insertion {
  const line = lineAt(text, offset)
  const prev = previousLine(text, line)
  const existing = prev && NEXT_LINE.exec(prev.text)
  if (prev && existing) {
    const at = prev.start + existing[0].length
    return {offset: at, newText: `, ${ruleId}`, snippet: `, ${escapeSnippet(ruleId)}`}
  }
  if (blockStartsAt(text, line, markdown)) {
    const c = comment('disable-next-line', ruleId, true)
    const indent = indentOf(line)
    const eol = eolNear(text, line)
    return {offset: line.start, newText: `${indent}${c.text}${eol}`, snippet: `${escapeSnippet(indent)}${c.snippet}${eol}`}
  }
  const c = comment('disable-line', ruleId, true)
  return {offset: contentEnd(line), newText: ` ${c.text}`, snippet: ` ${c.snippet}`}
}

/**
 * "Disable <rule> for the selected lines": a disable comment before the first line and an
 * enable comment after the last, each on its own line where that splits no block.
 */
export function disableLines(text: string, startOffset: number, endOffset: number, ruleId: string, markdown: boolean): Insertion[] {
  const first = lineAt(text, startOffset)
  const last = lineAt(text, Math.max(startOffset, endOffset))
  const disable = comment('disable', ruleId, true)
  const enable = comment('enable', ruleId, false)
  const indent = indentOf(first)
  const prev = previousLine(text, first)
  const open: Insertion = blockStartsAt(text, first, markdown)
    ? {offset: first.start, newText: `${indent}${disable.text}${eolNear(text, first)}`, snippet: `${escapeSnippet(indent)}${disable.snippet}${eolNear(text, first)}`}
    : {offset: contentEnd(prev!), newText: ` ${disable.text}`, snippet: ` ${disable.snippet}`}
  const next = nextLine(text, last)
  const ownLine = !markdown || isBlank(next)
  const eol = eolNear(text, last)
  const close: Insertion = ownLine
    ? {offset: last.end, newText: `${eol}${indent}${enable.text}`, snippet: `${eol}${escapeSnippet(indent)}${enable.snippet}`}
    : {offset: contentEnd(last), newText: ` ${enable.text}`, snippet: ` ${enable.snippet}`}
  return [open, close]
}

/** "Disable <rule> for this file": a disable-file comment on the first line, after any front matter. */
export function disableFile(text: string, ruleId: string, markdown: boolean): Insertion {
  const c = comment('disable-file', ruleId, true)
  const offset = markdown ? frontMatterEnd(text) : 0
  const eol = eolNear(text, lineAt(text, offset))
  // Front matter that ends the file without a line ending: start a new line first.
  const lead = offset > 0 && !'\r\n'.includes(text[offset - 1]) ? eol : ''
  return {offset, newText: `${lead}${c.text}${eol}`, snippet: `${lead}${c.snippet}${eol}`}
}

/** Offset just after YAML (---) or TOML (+++) front matter, 0 when there is none. */
export function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n?|\n)/.exec(text)
  if (!open) return 0
  const close = open[1] === '---' ? /(?<=^|[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/ : /(?<=^|[\r\n])\+\+\+[ \t]*(?:\r\n?|\n|$)/
  const rest = text.slice(open[0].length)
  const m = close.exec(rest)
  return m ? open[0].length + m.index + m[0].length : 0
}

/** "Add a reason": ` -- reason` just before the closing `-->` of a suppression comment at [offset, endOffset). */
export function addReason(text: string, offset: number, endOffset: number): Insertion | undefined {
  const comment = text.slice(offset, endOffset)
  if (!comment.endsWith('-->')) return undefined
  const at = offset + comment.slice(0, -3).trimEnd().length
  return {offset: at, newText: ` -- ${REASON}`, snippet: ` -- \${1:${REASON}}`}
}
