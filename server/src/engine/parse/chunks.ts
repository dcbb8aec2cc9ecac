/**
 * Splits a draft into chunks that parse the same alone as in the whole document, so each
 * can be parsed once and reused while the writer edits another one. A chunk ends at a blank
 * line followed by a line that starts at column 0 (indented lines may continue a list item),
 * never inside fenced code, front matter or an HTML comment.
 *
 * A wall of text with no blank line is cut too, so no chunk (and so no paragraph or sentence)
 * grows without bound: the sentence parser's work is quadratic in a paragraph's sentences and
 * some rules' in a sentence's words, which froze the linter for minutes on a pasted 600 KB paragraph.
 * Past MAX_CHUNK a chunk ends before the next unindented line; past HARD_CHUNK (a stray "<!--"
 * or a list item of that size) before any line, or at a space inside a longer line, anywhere
 * but in fenced code (code is not prose, and costs little).
 */
export const MAX_CHUNK = 8_192
export const HARD_CHUNK = 2 * MAX_CHUNK

const LINE_END = /\r\n?|\n/g

export function splitChunks(text: string, isMarkdown: boolean): Array<[number, number]> {
  const chunks: Array<[number, number]> = []
  let chunkStart = 0
  let fence: string | undefined
  let inComment = false
  let inFrontMatter = false
  let previousBlank = false
  let lineStart = 0
  let lineNo = 0
  while (lineStart <= text.length) {
    // Lines end at \n, \r\n or a lone \r, as in CommonMark (a file with \r alone is still lines).
    LINE_END.lastIndex = lineStart
    const ending = LINE_END.exec(text)
    const lineEnd = ending ? ending.index : text.length
    const line = text.slice(lineStart, lineEnd)
    const blank = line.trim() === ''
    const open = !fence && !inComment && !inFrontMatter
    const size = lineStart - chunkStart
    const soft = open && !blank && !/^\s/.test(line) && (previousBlank || size >= MAX_CHUNK)
    if (size > 0 && (soft || (!fence && size >= HARD_CHUNK))) {
      chunks.push([chunkStart, lineStart])
      chunkStart = lineStart
    }
    if (isMarkdown) {
      if (lineNo === 0 && /^\uFEFF?(?:---|\+\+\+)\s*$/.test(line)) inFrontMatter = true
      else if (inFrontMatter && /^(?:---|\.\.\.|\+\+\+)\s*$/.test(line)) inFrontMatter = false
      else if (!inFrontMatter && !inComment) {
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)
        if (fence) {
          if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined
        } else if (f) fence = f[1]
      }
      if (!fence && !inFrontMatter) {
        const opened = line.lastIndexOf('<!--')
        const closed = line.lastIndexOf('-->')
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
    if (!ending) break
    lineStart = lineEnd + ending[0].length
  }
  chunks.push([chunkStart, text.length])
  return chunks
}
