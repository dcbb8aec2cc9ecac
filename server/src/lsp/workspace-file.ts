import {randomBytes} from 'node:crypto'
import {closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import {basename, dirname, join, sep} from 'node:path'

/** Why the server will not write a file: said to the user after the file's name. */
export class WriteRefused extends Error {}

export const isInside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)

const realOrUndefined = (path: string): string | undefined => {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

/**
 * Where writing `file` really goes, if that is inside one of the workspace folders `roots`: the
 * file's real path (every symlink in it resolved), or for a file not there yet the real path of
 * its folder joined with its name. A symlinked .oncolintrc, or a symlinked folder above it, that
 * leads out of the workspace is refused, as is a path that is not a regular file. A symlink
 * whose target is missing is replaced itself (by rename), so nothing outside is created.
 */
export function realTargetInside(file: string, roots: readonly string[]): string {
  const realRoots = roots.map(realOrUndefined).filter((r): r is string => r !== undefined)
  const folder = realOrUndefined(dirname(file))
  if (folder === undefined) throw new WriteRefused('its folder does not exist')
  const real = realOrUndefined(file) ?? join(folder, basename(file))
  if (!realRoots.some((root) => isInside(real, root))) {
    throw new WriteRefused(`${real === file ? 'it is outside the workspace' : `it leads outside the workspace, to ${real}`}; oncolint writes only inside the workspace`)
  }
  const st = statSync(real, {throwIfNoEntry: false})
  if (st && !st.isFile()) throw new WriteRefused('it is not a regular file')
  return real
}

/**
 * Replaces `file` (a real path, see realTargetInside) with `text` the way editors save: a new
 * file beside it, created exclusively, written and flushed, with the old file's mode (and owner,
 * where allowed), then renamed over it. A crash or a full disk leaves the old file whole, and a
 * reader never sees half of the new one.
 */
export function writeAtomically(file: string, text: string): void {
  const before = statSync(file, {throwIfNoEntry: false})
  const temp = join(dirname(file), `.${basename(file)}.oncolint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', before ? before.mode & 0o7777 : 0o666)
  try {
    try {
      writeSync(fd, text)
      if (before) {
        // The umask applied at creation: set the old mode exactly.
        fchmodSync(fd, before.mode & 0o7777)
        try {
          fchownSync(fd, before.uid, before.gid)
        } catch {
          // Only root may give a file away: otherwise the file is the writer's, as an editor's save makes it.
        }
      }
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (e) {
    try {
      unlinkSync(temp)
    } catch {
      // already renamed or never made
    }
    throw e
  }
}
