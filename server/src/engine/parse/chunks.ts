/**
 * Splits a draft into chunks that parse the same alone as in the whole document, so each
 * can be parsed once and reused while the writer edits another one. A chunk ends at a blank
 * line followed by a line that starts at column 0 (indented lines may continue a list item),
 * never inside fenced code, front matter or an HTML comment.
 *
 * A wall of text with no blank line is cut too, so no chunk (and so no paragraph or sentence)
 * grows without bound: the sentence parser's work is quadratic in a paragraph's sentences and
 * some rules' in a sentence's words, so one pasted paragraph of a few hundred KB froze the linter.
 * Past MAX_CHUNK a chunk ends before the next unindented line; past HARD_CHUNK (a stray "<!--"
 * or a list item of that size) before any line, or at a space inside a longer line, anywhere
 * but in fenced code (code is not prose, and costs little).
 */
const MAX_CHUNK = 8_192
const HARD_CHUNK = 2 * MAX_CHUNK

/**
 * The next place at or after `from` where `needle` stands, remembered: each needle is searched
 * for once per occurrence, not once per line (a line-by-line search of a text that has none
 * scanned to its end at every line).
 */
function finder(text: string, needle: string): (from: number) => number {
  let at = -2
  return (from) => {
    if (at !== -1 && at < from) at = text.indexOf(needle, from)
    return at === -1 ? text.length : at
  }
}

/** The last place of `needle` in text[from, to), or -1. */
function lastIn(next: (from: number) => number, needle: string, from: number, to: number): number {
  let last = -1
  for (let at = next(from); at + needle.length <= to; at = next(at + 1)) last = at
  return last
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x1680 && /\s/.test(String.fromCharCode(c)))

export function splitChunks(text: string, isMarkdown: boolean): Array<[number, number]> {
  const chunks: Array<[number, number]> = []
  const nextLF = finder(text, '\n')
  const nextCR = finder(text, '\r')
  const nextOpen = finder(text, '<!--')
  const nextClose = finder(text, '-->')
  let chunkStart = 0
  let fence: string | undefined
  let inComment = false
  let inFrontMatter = false
  let previousBlank = false
  let lineStart = 0
  let lineNo = 0
  while (lineStart <= text.length) {
    // Lines end at \n, \r\n or a lone \r, as in CommonMark (a file with \r alone is still lines).
    const lineEnd = Math.min(nextLF(lineStart), nextCR(lineStart))
    const endingLength = lineEnd >= text.length ? 0 : text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1
    // Most lines open with a letter: neither blank, indented, a fence nor front matter.
    const first = lineEnd > lineStart ? text.charCodeAt(lineStart) : -1
    const plainStart = first !== -1 && !isSpace(first) && first !== 96 && first !== 126 && first !== 45 && first !== 43 && first !== 46 && first !== 0xfeff
    const line = plainStart ? '' : text.slice(lineStart, lineEnd)
    const blank = !plainStart && line.trim() === ''
    const open = !fence && !inComment && !inFrontMatter
    const size = lineStart - chunkStart
    const soft = open && !blank && (plainStart || !/^\s/.test(line)) && (previousBlank || size >= MAX_CHUNK)
    if (size > 0 && (soft || (!fence && size >= HARD_CHUNK))) {
      chunks.push([chunkStart, lineStart])
      chunkStart = lineStart
    }
    if (isMarkdown) {
      if (!plainStart && lineNo === 0 && /^\uFEFF?(?:---|\+\+\+)\s*$/.test(line)) inFrontMatter = true
      else if (!plainStart && inFrontMatter && /^(?:---|\.\.\.|\+\+\+)\s*$/.test(line)) inFrontMatter = false
      else if (!plainStart && !inFrontMatter && !inComment) {
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)
        if (fence) {
          if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined
        } else if (f) fence = f[1]
      }
      if (!fence && !inFrontMatter && (nextOpen(lineStart) < lineEnd || (inComment && nextClose(lineStart) < lineEnd))) {
        const opened = lastIn(nextOpen, '<!--', lineStart, lineEnd)
        const closed = lastIn(nextClose, '-->', lineStart, lineEnd)
        if (opened >= 0 && closed < opened) inComment = true
        else if (inComment && closed >= 0) inComment = false
      }
    }
    if (!fence && lineEnd - chunkStart > HARD_CHUNK) {
      for (let cut = text.indexOf(' ', Math.max(lineStart, chunkStart + HARD_CHUNK)); cut >= 0 && cut < lineEnd; cut = text.indexOf(' ', chunkStart + HARD_CHUNK)) {
        chunks.push([chunkStart, cut + 1])
        chunkStart = cut + 1
      }
    }
    previousBlank = blank
    lineNo++
    if (endingLength === 0) break
    lineStart = lineEnd + endingLength
  }
  chunks.push([chunkStart, text.length])
  return chunks
}
