import {closeSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {UsageError} from './errors.js'

/** A draft's text as the engine sees it: UTF-8 without a byte-order mark. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file. `content` is the text, or a function that writes to the open file.
 */
export function writeAtomically(file: string, content: string | ((fd: number) => void), mode?: number): void {
  mkdirSync(dirname(file), {recursive: true})
  const tmp = `${file}.oncolint-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`
  try {
    if (typeof content === 'string') writeFileSync(tmp, content, mode === undefined ? undefined : {mode})
    else {
      const fd = openSync(tmp, 'w', mode)
      try {
        content(fd)
      } finally {
        closeSync(fd)
      }
    }
    renameSync(tmp, file)
  } catch (e) {
    try {
      unlinkSync(tmp)
    } catch {
      // the temporary file was never made
    }
    throw e
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * Writes fixed text over a draft, but only where it can be written back faithfully: never
 * over one that changed since it was read, is read-only or is not valid UTF-8 (its bytes
 * would be lost); a byte-order mark is kept, and a symbolic link's target is fixed.
 */
export function writeIfUnchanged(file: string, expected: string, text: string): void {
  const target = realpathSync(file)
  const bytes = readFileSync(target)
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new UsageError(`${file} is not valid UTF-8; not fixed`)
  }
  if (readText(target) !== expected) throw new UsageError(`${file} changed on disk while being linted; not fixed`)
  const {mode} = statSync(target)
  // As root every file is writable: honour the permission bits the writer set.
  if ((mode & 0o222) === 0) throw new UsageError(`${file} is read-only; not fixed`)
  const bom = bytes.subarray(0, 3).equals(BOM)
  writeAtomically(target, bom ? `\uFEFF${text}` : text, mode)
}

/** A NUL byte in the first 8 KB: an image or other binary named like a draft. */
export function isBinaryFile(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(8192)
    const n = readSync(fd, head, 0, head.length, 0)
    return head.subarray(0, n).includes(0)
  } finally {
    closeSync(fd)
  }
}
