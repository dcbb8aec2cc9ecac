import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'

/** A file that cannot be read as asked: not a regular file, or over its size limit. The message is one line. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

/**
 * Reads a regular file of at most `maxBytes` bytes. A FIFO, a device (/dev/zero), a socket or
 * a folder is refused before anything is read: opened without blocking (a FIFO with no writer
 * would wait for ever) and checked on the open file, so it cannot be swapped in between. A
 * file that grows past the limit while being read is refused too. `tooLarge` says, from the
 * size, why an oversized file is refused.
 */
export function readRegularFile(file: string, maxBytes: number, tooLarge?: (size: number) => string): {bytes: Buffer; stat: Stats} {
  // O_NONBLOCK only changes how FIFOs and devices open; it does nothing to a regular file's reads.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new UnreadableFileError(file, `not a regular file (${kindOf(stat)})`)
    const refuse = (size: number) => new UnreadableFileError(file, tooLarge ? tooLarge(size) : `too large (${size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')})`)
    if (stat.size > maxBytes) throw refuse(stat.size)
    // One byte more than the limit allows: a file that grew meanwhile is noticed, not cut.
    const bytes = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1)
    let n = 0
    for (let got = 1; got > 0 && n < bytes.length; n += got) got = readSync(fd, bytes, n, bytes.length - n, n)
    if (n > maxBytes) throw refuse(n)
    return {bytes: bytes.subarray(0, n), stat}
  } finally {
    closeSync(fd)
  }
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
    if (!stat.isFile()) throw new UnreadableFileError(file, `not a regular file (${kindOf(stat)})`)
    if (stat.size > maxBytes) throw new UnreadableFileError(file, `too large (${stat.size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')})`)
  } finally {
    closeSync(fd)
  }
}

export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  if (stat.isSymbolicLink()) return 'a symbolic link'
  return 'a regular file'
}
