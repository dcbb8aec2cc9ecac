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

/** Why a file was refused: not a regular file (its stat says what it is), or over its size limit. */
export type Refusal = {kind: 'type'; stat: Stats} | {kind: 'size'; size: number; maxBytes: number; grew: boolean}

/** A file that cannot be read as asked: not a regular file, or over its size limit. The message is one line. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly refusal: Refusal,
  ) {
    super(`${file}: ${reason}`)
  }
}

/** What a file that is not a regular file is, for messages: "a FIFO", "a character device"… */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  if (stat.isSymbolicLink()) return 'a symbolic link'
  return 'a regular file'
}

const notRegular = (file: string, stat: Stats) => new UnreadableFileError(file, `not a regular file (${kindOf(stat)})`, {kind: 'type', stat})

const tooLargeError = (file: string, size: number, maxBytes: number, grew: boolean, tooLarge?: (size: number) => string) =>
  new UnreadableFileError(
    file,
    tooLarge ? tooLarge(size) : `too large (${size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')})`,
    {
      kind: 'size',
      size,
      maxBytes,
      grew,
    },
  )

/**
 * Reads a regular file of at most `maxBytes` bytes. A FIFO, a device (/dev/zero), a socket or
 * a folder is refused before anything is read (UnreadableFileError): opened without blocking (a
 * FIFO with no writer would wait for ever) and checked on the open file, so it cannot be swapped
 * in between. Reading stops one byte past the limit, so a file that grows meanwhile is refused
 * too, and one whose size stat does not tell (in /proc) is read to its end. `tooLarge` says,
 * from the size, why an oversized file is refused. Errors opening or reading are thrown as
 * they come (ENOENT, EACCES…).
 */
export function readRegularFile(file: string, maxBytes: number, tooLarge?: (size: number) => string): {bytes: Buffer; stat: Stats} {
  // O_NONBLOCK only changes how FIFOs and devices open (it is not defined on Windows, where opening a named pipe does not block either).
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw notRegular(file, stat)
    if (stat.size > maxBytes) throw tooLargeError(file, stat.size, maxBytes, false, tooLarge)
    // One byte more than the size allows: a file that grew meanwhile is noticed, not cut.
    let bytes: Buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1)
    let n = 0
    for (;;) {
      const got = readSync(fd, bytes, n, bytes.length - n, n)
      if (got === 0) break
      n += got
      if (n > maxBytes) throw tooLargeError(file, n, maxBytes, true, tooLarge)
      if (n === bytes.length) bytes = grown(bytes, maxBytes + 1)
    }
    return {bytes: bytes.subarray(0, n), stat}
  } finally {
    closeSync(fd)
  }
}

/** A buffer twice as long (at most `limit`) starting with the bytes of `bytes`. */
function grown(bytes: Buffer, limit: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(Math.max(bytes.length * 2, 64 * 1024), limit))
  bytes.copy(bigger)
  return bigger
}

/**
 * Checks, without reading it, that a file is a regular file of at most `maxBytes` (throws
 * UnreadableFileError if not); a file that is not there passes (whoever reads it reports that).
 */
export function checkRegularFile(file: string, maxBytes: number): void {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch {
    return
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw notRegular(file, stat)
    if (stat.size > maxBytes) throw tooLargeError(file, stat.size, maxBytes, false)
  } finally {
    closeSync(fd)
  }
}

/** The engine's word for what a refused data file is. */
const shortKind = (st: Stats): string =>
  st.isDirectory()
    ? 'a folder'
    : st.isFIFO()
      ? 'a FIFO'
      : st.isSocket()
        ? 'a socket'
        : st.isCharacterDevice() || st.isBlockDevice()
          ? 'a device'
          : 'not a regular file'

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`)

/**
 * The text of a data file the engine is told to read (`what`: "terminology file"): a regular
 * file (a symlink to one is fine) of at most `maxBytes`, read as readRegularFile reads, else a
 * DataFileError in one line.
 */
export function readDataFile(file: string, what: string, maxBytes: number): string {
  try {
    return readRegularFile(file, maxBytes).bytes.toString('utf8')
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      const {refusal} = e
      if (refusal.kind === 'type') throw new DataFileError(file, 1, `${what} must be a regular file, not ${shortKind(refusal.stat)}`)
      throw new DataFileError(
        file,
        1,
        refusal.grew ? `${what} is over the limit of ${size(maxBytes)}` : `${what} is ${size(refusal.size)}, over the limit of ${size(maxBytes)}`,
      )
    }
    const code = (e as NodeJS.ErrnoException).code
    // Windows will not open a folder at all; elsewhere fstat tells.
    if (code === 'EISDIR') throw new DataFileError(file, 1, `${what} must be a regular file, not a folder`)
    throw new DataFileError(file, 1, `cannot read ${what} (${code ?? e})`)
  }
}

/** A terminology file's text, checked as readDataFile says. */
export const readTerminologyFile = (file: string): string => readDataFile(file, 'terminology file', MAX_TERMINOLOGY_BYTES)
