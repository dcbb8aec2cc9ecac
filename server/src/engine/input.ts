/**
 * What oncolint agrees to lint, the same for the command line and the editor: both decide on
 * the decoded text (UTF-8, invalid bytes as U+FFFD, no byte-order mark), so a draft the CLI
 * skips is a draft the editor skips, and the other way round.
 */

/**
 * The longest text linted, in UTF-16 code units (what `string.length` counts and editors send).
 * Patient-education drafts are a few pages; linting takes time in proportion to the text
 * (docs/performance.md) and holds parse trees several times its size, so a longer text is
 * refused with a message rather than blocking an editor or filling a CI machine's memory.
 */
export const MAX_TEXT_CHARS = 2_000_000

/**
 * The most bytes a file of at most MAX_TEXT_CHARS characters can take in UTF-8: a UTF-16 code
 * unit is at most three bytes (and an invalid byte decodes to one U+FFFD). A larger file is
 * too long without being read.
 */
export const MAX_TEXT_BYTES = 3 * MAX_TEXT_CHARS

/** How much of a text the binary test looks at: its start, as git and grep do. */
export const BINARY_SAMPLE_CHARS = 8192

/**
 * When a text is binary: more than MAX_CONTROL_SHARE of its sample is control characters
 * (C0 other than tab, line feed, vertical tab, form feed and carriage return; DEL; C1), or
 * more than MAX_ODD_SHARE is control characters and U+FFFD together (what a byte that is not
 * UTF-8 decodes to). Random or compressed bytes decode to over half such characters; UTF-16
 * text to half NULs. A draft with a stray NUL, a pasted escape sequence or a few Latin-1
 * accents stays far below, and is linted: one NUL in an HTML comment must not hide a draft
 * from CI. (Perl's -B test uses the same one-third share.)
 */
const MAX_CONTROL_SHARE = 0.1
const MAX_ODD_SHARE = 1 / 3

// Counted by regular expressions: the CLI asks of every file before V8 has optimised anything,
// and a loop over 8 KB of characters ran slowly in the interpreter.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g
const REPLACED = /\ufffd/g

/** Whether a text (its first BINARY_SAMPLE_CHARS code units are looked at) is the bytes of an image or other binary file. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_SAMPLE_CHARS)
  const sample = text.length > n ? text.slice(0, n) : text
  const controls = sample.match(CONTROLS)?.length ?? 0
  const replaced = sample.match(REPLACED)?.length ?? 0
  return controls > n * MAX_CONTROL_SHARE || controls + replaced > n * MAX_ODD_SHARE
}

/** Why a text is not linted (binary, or too long), as one phrase ending in "not linted"; undefined when it is linted. */
export function notLintable(text: string): string | undefined {
  if (text.length > MAX_TEXT_CHARS) return tooLong(`${text.length.toLocaleString('en-US')} characters`)
  if (looksBinary(text)) return 'binary file (control bytes or invalid UTF-8 in its first 8 KB), not linted'
  return undefined
}

/** The phrase for a text over MAX_TEXT_CHARS, `size` saying how long it is. */
export const tooLong = (size: string): string => `too long (${size}; the limit is ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters), not linted`
