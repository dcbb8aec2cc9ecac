import {statSync} from 'node:fs'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import fg from 'fast-glob'
import type {Ignore} from 'ignore'
import {UsageError} from './errors.js'

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export interface Selection {
  /** Files to lint, absolute, sorted. */
  files: string[]
  /** Files named on the command line that an ignore pattern matches: warned about, not linted. */
  ignored: string[]
}

/**
 * Expands the command line's files, directories and globs into a sorted list of files, as
 * ESLint does: directories are walked for the given extensions, globs are taken as written,
 * and a name that matches nothing is a usage error. `ignorer` (gitignore rules relative to
 * `cwd`) drops files silently from walks and globs; a file named outright is reported instead.
 */
export async function expandTargets(targets: string[], cwd: string, extensions: string[], ignorer?: Ignore): Promise<Selection> {
  const out = new Set<string>()
  const ignored = new Set<string>()
  const isIgnored = (abs: string): boolean => {
    if (!ignorer) return false
    const rel = relative(cwd, abs)
    // Files outside cwd are not covered by its ignore file (and the ignore package rejects ../ paths).
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false
    return ignorer.ignores(sep === '/' ? rel : rel.split(sep).join('/'))
  }
  const ext = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`
  for (const target of targets) {
    const abs = resolve(cwd, target)
    let stat
    try {
      stat = statSync(abs)
    } catch {
      stat = undefined
    }
    if (stat?.isFile()) {
      if (isIgnored(abs)) ignored.add(abs)
      else out.add(abs)
      continue
    }
    const pattern = stat?.isDirectory() ? `${fg.convertPathToPattern(abs)}/**/*.${ext}` : fg.isDynamicPattern(target) ? target : undefined
    if (!pattern) throw new UsageError(`No such file or directory: ${target}`)
    const found = (await fg(pattern, {cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED, onlyFiles: true})).map((f) => resolve(f))
    if (found.length === 0 && !stat) throw new UsageError(`No files matching the pattern "${target}" were found.`)
    const kept = found.filter((f) => !isIgnored(f))
    if (found.length > 0 && kept.length === 0) throw new UsageError(`All files matched by "${target}" are ignored (see .oncolintignore, or use --no-ignore).`)
    for (const f of kept) out.add(f)
  }
  for (const f of out) ignored.delete(f)
  return {files: [...out].sort(), ignored: [...ignored].sort()}
}
