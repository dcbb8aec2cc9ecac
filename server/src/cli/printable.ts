/**
 * Text from drafts and file names made safe to print to a terminal or a CI log. A draft can
 * hold anything: an escape sequence (ESC [ … or OSC ESC ] …) would recolour, retitle or clear
 * the reader's terminal, and a line break followed by `::error …` is a command to GitHub
 * Actions. Control characters (C0, DEL, C1), Unicode line and paragraph separators and the
 * bidirectional overrides that can make text read differently from what it is are shown as
 * escapes (`\x1B`, `\u202E`); nothing of the text is dropped.
 */

// C0 and C1 controls, DEL, U+2028/U+2029, and the bidirectional embeddings, overrides and isolates.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const LINE_BREAKS = /[\t\n\v\f\r\u2028\u2029]+/g

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** A file name or path for a terminal: every control character escaped (a newline too: it is part of the name). */
export const printablePath = (s: string): string => s.replace(UNSAFE, escapeChar)

/** A message for a terminal: line breaks and tabs folded into one space (a heading that spans lines), other controls escaped. */
export const printableText = (s: string): string => s.replace(LINE_BREAKS, ' ').replace(UNSAFE, escapeChar)

/**
 * A line of a terminal report that a CI runner would take for one of its commands when it
 * starts with `::` (GitHub Actions) or `##` (Azure Pipelines' `##vso[`, TeamCity's
 * `##teamcity[`): a path shown at the start of a line gets `./` before it.
 */
export const safeLineStart = (line: string): string => (line.startsWith('::') || line.startsWith('##') ? `./${line}` : line)

/**
 * A name read from disk as bytes, for a message: its valid UTF-8 as text, every byte that is
 * not as `\xNN` (a Latin-1 `café.md` shows as `caf\xE9.md`), controls escaped.
 */
export function escapeBytes(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i)
    if (length === 0) {
      out += `\\x${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`
      i++
    } else {
      out += Buffer.from(bytes.subarray(i, i + length)).toString('utf8')
      i += length
    }
  }
  return printablePath(out)
}

/** The length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i]
  if (lead < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0
  if (lead === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if (lead === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0
  if (lead === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (lead === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  return 0
}
