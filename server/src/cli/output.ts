import {readSync, writeSync} from 'node:fs'
import {writeOutputPath} from './write.js'

/** A stretch of an open file, copied into the output without being loaded as a string. */
export interface FileSpan {
  fd: number
  position: number
  length: number
}

/**
 * What a report is: text, or text with spans of another file spliced in. A --cache run's JSON
 * report is mostly stored reports (megabytes of them): copied through one small buffer they
 * cost a fraction of decoding them into strings and encoding them again (one non-Latin-1
 * character makes V8 keep a string at two bytes a character, and fresh memory is slow to
 * touch); docs/performance.md has the figures.
 */
export type Output = string | Iterable<string | FileSpan>

/** The least the scratch buffer holds: a chunk of output, and most reports checked against their CRC. */
const CHUNK = 1 << 18

let scratch = Buffer.alloc(0)

/**
 * A buffer of at least `size` bytes, the same one for every caller in turn: what it holds is
 * good until the next call. The cache's checks and the output's copies all go through it,
 * because fresh memory is slow to touch: the first write to each page of it costs a page
 * fault, more than the copy itself (docs/performance.md).
 */
export function scratchBuffer(size: number): Buffer {
  if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, CHUNK))
  return scratch
}

/** The span's bytes, into `into` (at least span.length long); a file that shrank since is an error. */
export function readSpan(span: FileSpan, into: Buffer): Buffer {
  for (let n = 0; n < span.length; ) {
    const got = readSync(span.fd, into, n, span.length - n, span.position + n)
    if (got === 0) throw new Error('a file being copied into the report was cut short')
    n += got
  }
  return into.subarray(0, span.length)
}

/**
 * Writes the output to a stream. `reuseBuffers` may be set for process.stdout only: a chunk
 * it has written out (nothing left queued, writableLength 0) frees the buffer to be filled
 * again. To a file or a terminal it writes before write() returns; to a pipe that is full (its
 * reader is slower) it queues the rest, and the next chunk waits until it drains rather than
 * going into fresh memory (megabytes of output to `| cat` would be a page fault every 4 KB).
 * Any other stream keeps every chunk, each in a buffer of its own.
 */
export async function writeOutput(stream: NodeJS.WritableStream & {writableLength?: number; destroyed?: boolean}, output: Output, reuseBuffers = false): Promise<void> {
  if (typeof output === 'string') {
    stream.write(output)
    return
  }
  const chunks = chunksOf(output)
  for (let next = chunks.next(); !next.done; ) {
    const flowing = stream.write(next.value)
    // 'drain' comes only after a write() that said to wait (returned false), once nothing is queued.
    if (reuseBuffers && !flowing && stream.writableLength !== 0 && !stream.destroyed) await drained(stream)
    next = chunks.next(!reuseBuffers || stream.writableLength !== 0)
  }
}

/** Once the stream has written out what it queued, or failed (a reader that went away: EPIPE) or closed. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done).off('close', done)
      resolve()
    }
    stream.on('drain', done).on('error', done).on('close', done)
  })
}

/** Writes the output to a path the user named, safely whatever it is (write.ts, writeOutputPath). */
export function writeOutputFile(file: string, output: Output): void {
  writeOutputPath(file, typeof output === 'string' ? output : (fd) => {
    const chunks = chunksOf(output)
    for (let next = chunks.next(); !next.done; next = chunks.next(false)) writeAll(fd, next.value)
  })
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let n = 0; n < bytes.length; ) n += writeSync(fd, bytes, n, bytes.length - n)
}

/** The buffer output chunks are filled in: not the scratch buffer, which making a part may use (a report parsed from the cache). */
let chunkBuffer = Buffer.alloc(0)

/**
 * The parts gathered into chunks, filled in place in one reused buffer: the consumer is done
 * with each chunk before it asks for the next, or says it kept it (next(true)), and the next
 * chunk goes into a new buffer. The parts may be made as they are asked for.
 */
function* chunksOf(parts: Iterable<string | FileSpan>): Generator<Buffer, void, boolean> {
  if (chunkBuffer.length < CHUNK) chunkBuffer = Buffer.allocUnsafe(CHUNK)
  let buffer = chunkBuffer
  let used = 0
  const handedOut = (kept: boolean) => {
    if (kept) {
      if (buffer === chunkBuffer) chunkBuffer = Buffer.alloc(0)
      buffer = Buffer.allocUnsafe(CHUNK)
    }
    used = 0
  }
  for (const part of parts) {
    if (typeof part === 'string') {
      const length = Buffer.byteLength(part)
      if (used > 0 && length > buffer.length - used) handedOut(yield buffer.subarray(0, used))
      if (length > buffer.length) yield Buffer.from(part)
      else used += buffer.write(part, used)
      continue
    }
    for (let done = 0; done < part.length; ) {
      if (used === buffer.length) handedOut(yield buffer.subarray(0, used))
      const want = Math.min(part.length - done, buffer.length - used)
      const got = readSync(part.fd, buffer, used, want, part.position + done)
      if (got === 0) throw new Error('a file being copied into the report was cut short')
      used += got
      done += got
    }
  }
  if (used > 0) handedOut(yield buffer.subarray(0, used))
}
