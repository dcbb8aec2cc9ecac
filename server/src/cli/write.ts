import {mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {UsageError} from './errors.js'

/** A draft's text as the engine sees it: UTF-8 without a byte-order mark. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file.
 */
export function writeAtomically(file: string, text: string, mode?: number): void {
  mkdirSync(dirname(file), {recursive: true})
  const tmp = `${file}.oncolint-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`
  try {
    writeFileSync(tmp, text, mode === undefined ? undefined : {mode})
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

/** Writes fixed text over a draft, but never over one that changed since it was read. */
export function writeIfUnchanged(file: string, expected: string, text: string): void {
  if (readText(file) !== expected) throw new UsageError(`${file} changed on disk while being linted; not fixed`)
  writeAtomically(file, text, statSync(file).mode)
}
