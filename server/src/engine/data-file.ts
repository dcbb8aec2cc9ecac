import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'
import {DataFileError} from './errors.js'

/**
 * Bytes above which a terminology file is refused: far above any real list of terms (the shipped
 * files are under 100 KB each). A config names these files, and a config can come with a cloned
 * repository: whatever it names must not fill memory (`/dev/zero`) or block (a FIFO).
 */
export const MAX_TERMINOLOGY_BYTES = 1024 * 1024
/** Bytes above which a .oncolintrc is not read or edited: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024

const kindOf = (st: Stats): string =>
  st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file'

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`)

/**
 * The text of a data file the engine is told to read (`what`: "terminology file"): a regular
 * file (a symlink to one is fine) of at most `maxBytes`, else a DataFileError in one line. The
 * file is opened without blocking, so a FIFO with no writer is refused, not waited on for ever,
 * and its type and size are checked on the open descriptor before anything is read; reading
 * stops past maxBytes, so a file that grows meanwhile is refused too.
 */
export function readDataFile(file: string, what: string, maxBytes: number): string {
  let fd: number
  try {
    // O_NONBLOCK is not defined on Windows, where opening a named pipe does not block either.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // Windows will not open a folder at all; elsewhere fstat tells below.
    if (code === 'EISDIR') throw new DataFileError(file, 1, `${what} must be a regular file, not a folder`)
    throw new DataFileError(file, 1, `cannot read ${what} (${code ?? e})`)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new DataFileError(file, 1, `${what} must be a regular file, not ${kindOf(st)}`)
    if (st.size > maxBytes) throw new DataFileError(file, 1, `${what} is ${size(st.size)}, over the limit of ${size(maxBytes)}`)
    // Read in chunks up to the limit, not by the size stat gave: a file may grow meanwhile, and
    // some (in /proc) say 0 bytes and have more.
    const chunks: Buffer[] = []
    const chunk = Buffer.alloc(64 * 1024)
    let total = 0
    for (;;) {
      let n: number
      try {
        n = readSync(fd, chunk, 0, chunk.length, null)
      } catch (e) {
        throw new DataFileError(file, 1, `cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? e})`)
      }
      if (n === 0) break
      total += n
      if (total > maxBytes) throw new DataFileError(file, 1, `${what} is over the limit of ${size(maxBytes)}`)
      chunks.push(Buffer.from(chunk.subarray(0, n)))
    }
    return Buffer.concat(chunks, total).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** A terminology file's text, checked as readDataFile says. */
export const readTerminologyFile = (file: string): string => readDataFile(file, 'terminology file', MAX_TERMINOLOGY_BYTES)
