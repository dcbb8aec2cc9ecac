import {accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, ftruncateSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {MAX_TEXT_BYTES} from '../engine/input.js'
import {readRegularFile} from '../engine/data-file.js'
import {FileProblem, UsageError, errorText, errorReason} from './errors.js'
import {decode} from './read-draft.js'

/** Writes content to an open file: the text, or a function that writes it. */
type Content = string | ((fd: number) => void)

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let n = 0; n < bytes.length; ) n += writeSync(fd, bytes, n, bytes.length - n)
}

function fill(fd: number, content: Content): void {
  if (typeof content === 'string') writeAll(fd, Buffer.from(content))
  else content(fd)
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file. `mode` (permission bits) is set on the new file whatever the umask,
 * and `owner` when given (as root, to keep a file's owner). Only ever for a path that is
 * absent or a regular file: a rename replaces whatever the name held.
 */
function writeAtomically(file: string, content: Content, mode?: number, owner?: {uid: number; gid: number}): void {
  mkdirSync(dirname(file), {recursive: true})
  const tmp = join(dirname(file), `.${basename(file)}.oncolint-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`)
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666)
    try {
      if (mode !== undefined) fchmodSync(fd, mode)
      if (owner) fchownSync(fd, owner.uid, owner.gid)
      fill(fd, content)
    } finally {
      closeSync(fd)
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

/** Writes over an existing file in place (same inode: its links, owner, mode and ACLs stay), as editors do. */
function writeInPlace(file: string, content: Buffer): void {
  const fd = openSync(file, 'r+')
  try {
    writeAll(fd, content)
    ftruncateSync(fd, content.length)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Where an output the user named (--output-file, --cache-location) goes, and how:
 * - absent or a regular file: written atomically (a temporary file renamed over it; an
 *   existing file keeps its permission bits);
 * - a symbolic link: the link is kept and what it points to is written, by the same rules;
 * - a device (/dev/null), a FIFO or a socket: written in place, as a stream, never replaced;
 * - a folder: an error.
 */
export function writeOutputPath(file: string, content: Content): void {
  const {target, stat} = outputTarget(file)
  if (!stat) return writeAtomically(target, content)
  if (stat.isDirectory()) throw new UsageError(`${file} is a folder; name a file to write to`)
  if (stat.isFile()) {
    try {
      return writeAtomically(target, content, stat.mode & 0o7777)
    } catch (e) {
      // A writable file in a folder this user cannot create files in: truncated and written in place.
      if (!cannotCreateIn(e)) throw e
    }
  }
  const fd = openSync(target, 'w')
  try {
    fill(fd, content)
  } finally {
    closeSync(fd)
  }
}

/** What writing to `file` writes to: its real path (symbolic links resolved) and what is there now, if anything. */
function outputTarget(file: string): {target: string; stat?: Stats} {
  let target = file
  try {
    target = realpathSync(file)
  } catch (e) {
    // A dangling link is written through: what it names is created.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    for (let hops = 0; hops < 40 && lstatSync(target, {throwIfNoEntry: false})?.isSymbolicLink(); hops++) {
      target = resolve(dirname(target), readlinkSync(target))
    }
  }
  return {target, stat: statSync(target, {throwIfNoEntry: false})}
}

/**
 * Checks, before anything is linted or fixed, that an output path can be written: a run that
 * fixed the drafts and then could not write its report would leave them changed with no
 * report. Throws a UsageError saying why not.
 */
export function checkOutputPath(file: string, option: string): void {
  let target: string
  let stat: Stats | undefined
  try {
    ;({target, stat} = outputTarget(file))
  } catch (e) {
    throw new UsageError(`${option} ${file}: ${errorReason(e)}`)
  }
  if (stat?.isDirectory()) throw new UsageError(`${option} ${file} is a folder; name a file to write to`)
  try {
    if (stat && !stat.isFile()) return accessSync(target, constants.W_OK)
    // A new or replaced file needs the nearest existing folder above it to be writable (folders are created).
    let dir = dirname(target)
    let found: Stats | undefined
    while (!(found = statSync(dir, {throwIfNoEntry: false})) && dirname(dir) !== dir) dir = dirname(dir)
    if (found && !found.isDirectory()) throw new UsageError(`${option} ${file}: ${dir} is not a folder`)
    // A folder that is not writable is fine when the file is: it is then written in place.
    if (stat) accessSync(target, constants.W_OK)
    else accessSync(dir, constants.W_OK)
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`${option} ${file} cannot be written (${errorReason(e)})`)
  }
}

/**
 * Writes fixed text over a draft, but only where it can be written back faithfully: never
 * over one that changed since it was read (`original`: its bytes then), is read-only, is not a
 * regular file or is not valid UTF-8 (its bytes would be lost). A byte-order mark is kept. A
 * symbolic link named on the command line is written through; `linkAllowed` false (a file a
 * folder walk found) refuses a draft that has become a link meanwhile.
 *
 * The file keeps its owner, group, mode and hard links: a file with other links, or owned by
 * someone else, or in a folder this user cannot create files in, is written in place, as
 * editors do; any other is written atomically (temporary file and rename), so a crash never
 * leaves half a draft. Any problem is a FileProblem: that file is reported, the run goes on.
 */
export function writeFix(file: string, original: Buffer, text: string, linkAllowed: boolean): void {
  if (!linkAllowed && lstatSync(file).isSymbolicLink()) throw new FileProblem('it became a symbolic link while being linted; not fixed')
  const target = realpathSync(file)
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(original)
  } catch {
    throw new FileProblem('not valid UTF-8 (its bytes would be lost); not fixed')
  }
  let now: {bytes: Buffer; stat: Stats}
  try {
    now = readRegularFile(target, MAX_TEXT_BYTES)
  } catch (e) {
    throw new FileProblem(`${errorText(e).replace(/^.*?: (not a regular file|too large)/, '$1')}; not fixed`)
  }
  if (!now.bytes.equals(original)) throw new FileProblem('changed on disk while being linted; not fixed')
  const {stat} = now
  // As root every file is writable: honour the permission bits the writer set.
  if ((stat.mode & 0o222) === 0) throw new FileProblem('read-only; not fixed')
  const bytes = Buffer.from(original.subarray(0, 3).equals(BOM) ? `\uFEFF${text}` : text)
  if (decode(bytes) !== text) throw new FileProblem('its fixed text does not round-trip; not fixed')
  try {
    if (keepInPlace(stat)) writeInPlace(target, bytes)
    else {
      try {
        writeAtomically(target, (fd) => writeAll(fd, bytes), stat.mode & 0o7777)
      } catch (e) {
        // A folder this user cannot create files in (the file itself is writable): in place.
        if (!cannotCreateIn(e)) throw e
        writeInPlace(target, bytes)
      }
    }
  } catch (e) {
    throw new FileProblem(`could not be written (${errorReason(e)}); not fixed`)
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

const cannotCreateIn = (e: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '')

/** Whether a rename would lose something of the file: a hard link, or an owner or group other than the new file's. */
function keepInPlace(stat: Stats): boolean {
  if (stat.nlink > 1) return true
  if (typeof process.getuid !== 'function' || typeof process.getgid !== 'function') return false
  return stat.uid !== process.getuid() || stat.gid !== process.getgid()
}
