import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import fg from 'fast-glob'

export const DEFAULT_EXTENSIONS = ['md', 'markdown', 'txt']
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export class UsageError extends Error {}

/**
 * Expands the command line's files, directories and globs into a sorted list of files.
 * Directories are walked for drafts; a name that matches nothing is a usage error, as in ESLint.
 */
export async function expandTargets(targets: string[], cwd: string, extensions = DEFAULT_EXTENSIONS): Promise<string[]> {
  const out = new Set<string>()
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
      out.add(abs)
      continue
    }
    const pattern = stat?.isDirectory() ? `${fg.convertPathToPattern(abs)}/**/*.${ext}` : fg.isDynamicPattern(target) ? target : undefined
    if (!pattern) throw new UsageError(`No such file or directory: ${target}`)
    const found = await fg(pattern, {cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED, onlyFiles: true})
    if (found.length === 0 && !stat) throw new UsageError(`No files matching the pattern "${target}" were found.`)
    for (const f of found) out.add(resolve(f))
  }
  return [...out].sort()
}
