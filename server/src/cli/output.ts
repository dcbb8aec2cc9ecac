import {readSync, writeSync} from 'node:fs'
import {writeAtomically} from './write.js'

/** A stretch of an open file, copied into the output without being loaded as a string. */
export interface FileSpan {
  fd: number
  position: number
  length: number
}

/**
 * What a report is: text, or text with spans of another file spliced in. A --cache run's JSON
 * report is mostly stored reports (20 MB for 200 drafts): copied through one small buffer they
 * cost a few ms, where decoding them into strings and encoding them again cost hundreds (one
 * non-Latin-1 character makes V8 keep a string at two bytes a character, and fresh memory is
 * slow to touch).
 */
export type Output = string | ReadonlyArray<string | FileSpan>

const CHUNK = 1 << 20

/** The whole output as one string (for tests and callers that want text). */
export function outputText(output: Output): string {
  if (typeof output === 'string') return output
  return output.map((part) => (typeof part === 'string' ? part : readSpan(part, Buffer.allocUnsafe(part.length)).toString('utf8'))).join('')
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
 * Writes the output to a stream. `reuseBuffers` may be set for process.stdout only: its
 * writes to a file or pipe finish before write() returns, so once nothing is left queued
 * (writableLength 0) the buffer can be filled again; any other stream gets a fresh one each time.
 */
export function writeOutput(stream: NodeJS.WritableStream & {writableLength?: number}, output: Output, reuseBuffers = false): void {
  if (typeof output === 'string') {
    stream.write(output)
    return
  }
  copyParts(output, (chunk) => {
    stream.write(chunk)
    return reuseBuffers && stream.writableLength === 0
  })
}

/** Writes the output to a file through a temporary file and a rename (writeAtomically). */
export function writeOutputFile(file: string, output: Output): void {
  writeAtomically(file, typeof output === 'string' ? output : (fd) => copyParts(output, (chunk) => (writeAll(fd, chunk), true)))
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let n = 0; n < bytes.length; ) n += writeSync(fd, bytes, n, bytes.length - n)
}

/**
 * Gathers the parts into 1 MB chunks for `sink`, which says whether the chunk's buffer may be
 * filled again (otherwise the next chunk gets a new one).
 */
function copyParts(parts: ReadonlyArray<string | FileSpan>, sink: (chunk: Buffer) => boolean): void {
  let buffer = Buffer.allocUnsafe(CHUNK)
  let used = 0
  const flush = () => {
    if (used === 0) return
    if (!sink(buffer.subarray(0, used))) buffer = Buffer.allocUnsafe(CHUNK)
    used = 0
  }
  for (const part of parts) {
    if (typeof part === 'string') {
      const length = Buffer.byteLength(part)
      if (length > buffer.length - used) flush()
      if (length > buffer.length) sink(Buffer.from(part))
      else used += buffer.write(part, used)
      continue
    }
    for (let done = 0; done < part.length; ) {
      if (used === buffer.length) flush()
      const want = Math.min(part.length - done, buffer.length - used)
      const got = readSync(part.fd, buffer, used, want, part.position + done)
      if (got === 0) throw new Error('a file being copied into the report was cut short')
      used += got
      done += got
    }
  }
  flush()
}
