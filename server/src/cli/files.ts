import {lstatSync, readdirSync, statSync, type Dirent, type Stats} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import type {Ignore} from 'ignore'
import picomatch from 'picomatch'
import {kindOf} from '../engine/data-file.js'
import {UsageError, errorReason} from './errors.js'
import {escapeBytes} from './printable.js'

/** Folders a walk never enters (besides any whose name starts with a dot). */
const SKIPPED_FOLDERS = new Set(['node_modules'])

export interface Selection {
  /** Files to lint, absolute, sorted; each real file once (the same file under two names is linted under the first). */
  files: string[]
  /** Those of `files` named on the command line (not found by a walk): --fix writes through them when they are links. */
  named: Set<string>
  /** Files named on the command line that an ignore pattern matches: warned about, not linted. */
  ignored: string[]
  /** Files and folders a walk could not take (a name that is not UTF-8, a path too long, no permission…), with why. */
  failures: Array<{path: string; reason: string}>
}

/**
 * Expands the command line's files, directories and globs into a sorted list of files, as
 * ESLint does: directories are walked for the given extensions, globs are taken as written,
 * and a name that matches nothing is a usage error. `ignorer` (gitignore rules relative to
 * `cwd`) drops files silently from walks and globs; a file named outright is reported instead.
 *
 * Symbolic links: a path named on the command line is followed (a link to a file or a
 * folder); inside a walk, links are not followed at all (as ESLint 9 does), so a walk never
 * leaves the folder it was given, never loops, and --fix never writes outside it. Names
 * starting with a dot and node_modules are skipped. A part of the tree that cannot be read
 * costs only itself: it is listed in `failures` and the walk goes on.
 */
export async function expandTargets(targets: string[], cwd: string, extensions: string[], ignorer?: Ignore): Promise<Selection> {
  const out = new Set<string>()
  const named = new Set<string>()
  const ignored = new Set<string>()
  const failures: Selection['failures'] = []
  const relativeOf = (abs: string): string | undefined => {
    const rel = relative(cwd, abs)
    // Files outside cwd are not covered by its ignore file (and the ignore package rejects ../ paths).
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined
    return sep === '/' ? rel : rel.split(sep).join('/')
  }
  const isIgnored = (abs: string, folder = false): boolean => {
    const rel = ignorer && relativeOf(abs)
    return rel !== undefined && ignorer!.ignores(folder ? `${rel}/` : rel)
  }
  const extensionPattern = extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`
  const hasExtension = picomatch(extensionPattern, {dot: false})
  for (const target of targets) {
    const abs = resolve(cwd, target)
    let stat: Stats | undefined
    try {
      stat = statSync(abs, {throwIfNoEntry: false})
    } catch (e) {
      failures.push({path: abs, reason: `cannot be read (${errorReason(e)}), not linted`})
      continue
    }
    if (stat?.isFile()) {
      if (isIgnored(abs)) ignored.add(abs)
      else out.add(abs), named.add(abs)
      continue
    }
    if (stat && !stat.isDirectory()) {
      failures.push({path: abs, reason: `not a regular file (${kindOf(stat)}), not linted`})
      continue
    }
    let found: string[]
    if (stat?.isDirectory()) {
      found = walk(abs, {matches: (_path, name) => hasExtension(name), failures, skip: (dir) => isIgnored(dir, true)})
    } else if (picomatch.scan(target).isGlob) {
      found = globbed(target, cwd, failures, (dir) => isIgnored(dir, true))
      if (found.length === 0) throw new UsageError(`No files matching the pattern "${target}" were found.`)
    } else throw new UsageError(`No such file or directory: ${target}`)
    const kept = found.filter((f) => !isIgnored(f))
    if (found.length > 0 && kept.length === 0) throw new UsageError(`All files matched by "${target}" are ignored (see .oncolintignore, or use --no-ignore).`)
    for (const f of kept) out.add(f)
  }
  for (const f of out) ignored.delete(f)
  return {files: onePerFile([...out].sort()), named, ignored: [...ignored].sort(), failures}
}

/** The files a glob matches, taken as written (relative to cwd, or absolute), by walking its fixed leading folders. */
function globbed(pattern: string, cwd: string, failures: Selection['failures'], skip: (dir: string) => boolean): string[] {
  const written = pattern.replace(/^(\.\/)+/, '')
  const {base, glob} = picomatch.scan(written)
  const matcher = picomatch(written, {dot: false})
  const absolute = isAbsolute(written)
  const shown = (abs: string) => {
    const path = absolute ? abs : relative(cwd, abs)
    return sep === '/' ? path : path.split(sep).join('/')
  }
  // Without ** a match lies as many folders down as the glob has slashes: no deeper walk.
  const maxDepth = glob.includes('**') ? Infinity : glob.split('/').length - 1
  const root = resolve(cwd, base || '.')
  if (!statSync(root, {throwIfNoEntry: false})?.isDirectory()) return []
  return walk(root, {matches: (path) => matcher(shown(path)), failures, skip, maxDepth})
}

interface WalkOptions {
  matches: (path: string, name: string) => boolean
  failures: Selection['failures']
  skip: (dir: string) => boolean
  maxDepth?: number
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** Files under `root` (depth first, not following links) for which `matches` holds. */
function walk(root: string, {matches, failures, skip, maxDepth = Infinity}: WalkOptions): string[] {
  const files: string[] = []
  const folders: Array<[string, number]> = [[root, 0]]
  for (let next = folders.pop(); next; next = folders.pop()) {
    const [dir, depth] = next
    let entries: Array<Dirent<Buffer>>
    try {
      entries = readdirSync(dir, {withFileTypes: true, encoding: 'buffer'})
    } catch (e) {
      failures.push({path: dir, reason: `folder cannot be read (${errorReason(e)}), not linted`})
      continue
    }
    for (const entry of entries) {
      const raw = entry.name
      if (raw[0] === 0x2e) continue // a dot file or folder
      let name: string
      try {
        name = utf8.decode(raw)
      } catch {
        // Node would hand the name on with U+FFFD in place of its bytes: a file no one can open.
        const lossy = raw.toString('utf8')
        if (entry.isDirectory() || matches(join(dir, lossy), lossy)) {
          failures.push({path: join(dir, escapeBytes(raw)), reason: `its name is not valid UTF-8, not ${entry.isDirectory() ? 'searched' : 'linted'}`})
        }
        continue
      }
      const path = join(dir, name)
      let type: Dirent<Buffer> | Stats = entry
      // Some file systems do not say what an entry is: ask (without following a link).
      if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice()) {
        try {
          type = lstatSync(path)
        } catch {
          continue
        }
      }
      if (type.isDirectory()) {
        if (depth < maxDepth && !SKIPPED_FOLDERS.has(name) && !skip(path)) folders.push([path, depth + 1])
      } else if (type.isFile() && matches(path, name)) files.push(path)
    }
  }
  return files
}

/**
 * The files with each real file once: a hard link, or a file named twice (once through a
 * link), is linted under the first of its names in path order.
 */
function onePerFile(sorted: string[]): string[] {
  const seen = new Set<string>()
  return sorted.filter((file) => {
    let stat: Stats | undefined
    try {
      stat = statSync(file, {bigint: false, throwIfNoEntry: false})
    } catch {
      return true // reported when it is read
    }
    if (!stat) return true
    const key = `${stat.dev}:${stat.ino}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
