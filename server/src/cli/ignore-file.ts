import {join} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {UnreadableFileError, readRegularFile} from '../engine/data-file.js'
import {UsageError} from './errors.js'

const IGNORE_FILE = '.oncolintignore'
/** An ignore file is a list of patterns: one past this is a mistake, refused before it is read. */
const MAX_IGNORE_BYTES = 1_000_000

/**
 * The ignore rules of a run: `.oncolintignore` in the working directory (gitignore syntax,
 * like ESLint's .eslintignore) plus --ignore-pattern lines. Undefined when there are none.
 * The file must be a regular file of at most MAX_IGNORE_BYTES: a FIFO or a link to /dev/zero
 * is a usage error, not a hang.
 */
export function loadIgnore(cwd: string, patterns: readonly string[]): Ignore | undefined {
  let text: string | undefined
  try {
    text = readRegularFile(join(cwd, IGNORE_FILE), MAX_IGNORE_BYTES).bytes.toString('utf8')
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new UsageError(`${IGNORE_FILE}: ${e.reason}`)
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  if (text === undefined && patterns.length === 0) return undefined
  return ignore().add(text ?? '').add([...patterns])
}
