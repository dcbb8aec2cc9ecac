import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {BINARY_SAMPLE_CHARS, MAX_TEXT_BYTES, MAX_TEXT_CHARS, notLintable, tooLong} from '../engine/input.js'
import {UnreadableFileError, kindOf, readRegularFile} from '../engine/data-file.js'
import {FileProblem, errorReason} from './errors.js'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** A draft as read from disk: its text as the engine sees it and the bytes it came from. */
export interface Draft {
  text: string
  bytes: Buffer
}

const tooLarge = (bytes: number) => tooLong(`${(bytes / 1e6).toFixed(1)} MB`)

/**
 * Reads a draft: UTF-8 (an invalid byte becomes U+FFFD, as an editor shows it), without its
 * byte-order mark. A file that is not lintable (engine/input.ts: binary, too long) or cannot be
 * read (not a regular file, no permission…) is a FileProblem: that file is reported, the run
 * goes on.
 */
export function readDraft(file: string): Draft {
  let bytes: Buffer
  try {
    bytes = readRegularFile(file, MAX_TEXT_BYTES, tooLarge).bytes
  } catch (e) {
    throw asProblem(e)
  }
  const text = decode(bytes)
  const problem = notLintable(text)
  if (problem) throw new FileProblem(problem)
  return {text, bytes}
}

/** The text of a draft's bytes: UTF-8 without a byte-order mark. */
export const decode = (bytes: Buffer): string => (bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes).toString('utf8')

/** An error reading a file as the FileProblem it is for that file. */
export function asProblem(e: unknown): FileProblem {
  if (e instanceof FileProblem) return e
  if (e instanceof UnreadableFileError) return new FileProblem(e.reason.endsWith('not linted') ? e.reason : `${e.reason}, not linted`)
  const err = e as NodeJS.ErrnoException
  // "EACCES: permission denied, open '/x/y.md'": the path is shown with the problem already.
  return new FileProblem(`cannot be read (${errorReason(err)}), not linted`)
}

let scratch = Buffer.alloc(0)

/**
 * What --cache needs of a file, from one read: the SHA-256 of its text's UTF-8 (hashText of
 * readDraft's text, computed from the bytes), or why it is not linted (readDraft's test, the
 * same answer). For a file of valid UTF-8 the hash is hashText's (its text encodes back to
 * those very bytes); for one that is not, it is a hash no text has, so such a file is never
 * found in the cache. The bytes go into one reused buffer, and only the start of a file (for
 * the binary test) is decoded: strings and fresh memory would cost more than the hash.
 */
export function probeFile(file: string): {hash: string; problem?: undefined} | {hash?: undefined; problem: FileProblem} {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    return {problem: asProblem(e)}
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return {problem: new FileProblem(`not a regular file (${kindOf(stat)}), not linted`)}
    // The size it has now, as readFileSync reads a file: one read for a draft.
    const size = stat.size
    if (size > MAX_TEXT_BYTES) return {problem: new FileProblem(tooLarge(size))}
    if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2, 1 << 16))
    let n = 0
    while (n < size) {
      const got = readSync(fd, scratch, n, size - n, n)
      if (got === 0) break // it shrank meanwhile
      n += got
    }
    const bytes = scratch.subarray(0, n)
    const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes
    // Four bytes a character at most: enough bytes for the whole sample, cut after it.
    const sample = body.subarray(0, 4 * BINARY_SAMPLE_CHARS).toString('utf8', 0).slice(0, BINARY_SAMPLE_CHARS)
    const problem = notLintable(body.length > MAX_TEXT_CHARS ? body.toString('utf8') : sample)
    if (problem) return {problem: new FileProblem(problem)}
    return {hash: createHash('sha256').update(body).digest('hex')}
  } catch (e) {
    return {problem: asProblem(e)}
  } finally {
    closeSync(fd)
  }
}
