/**
 * Splits a draft into chunks that parse the same alone as in the whole document, so each
 * can be parsed once and reused while the writer edits another one. A chunk ends at a blank
 * line followed by a line that starts at column 0 (indented lines may continue a list item),
 * never inside fenced code, front matter or an HTML comment.
 */
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
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '')
    const blank = line.trim() === ''
    const open = !fence && !inComment && !inFrontMatter
    if (open && previousBlank && !blank && !/^\s/.test(line) && lineStart > chunkStart) {
      chunks.push([chunkStart, lineStart])
      chunkStart = lineStart
    }
    if (isMarkdown) {
      if (lineNo === 0 && /^(?:---|\+\+\+)\s*$/.test(line)) inFrontMatter = true
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
    previousBlank = blank
    lineNo++
    if (lineEnd === text.length) break
    lineStart = lineEnd + 1
  }
  chunks.push([chunkStart, text.length])
  return chunks
}
