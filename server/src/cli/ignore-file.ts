import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import ignore, {type Ignore} from 'ignore'

export const IGNORE_FILE = '.oncolintignore'

/**
 * The ignore rules of a run: `.oncolintignore` in the working directory (gitignore syntax,
 * like ESLint's .eslintignore) plus --ignore-pattern lines. Undefined when there are none.
 */
export function loadIgnore(cwd: string, patterns: readonly string[]): Ignore | undefined {
  let text: string | undefined
  try {
    text = readFileSync(join(cwd, IGNORE_FILE), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  if (text === undefined && patterns.length === 0) return undefined
  return ignore().add(text ?? '').add([...patterns])
}
