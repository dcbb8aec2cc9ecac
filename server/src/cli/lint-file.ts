import {createHash} from 'node:crypto'
import {extname} from 'node:path'
import {FILE_HEADERS_ONLY, createTwoFilesPatch} from 'diff'
import {applyFixes, lint, withDefaults, type LintResult} from '../engine/index.js'
import {configFor, type ResolvedConfig} from '../config/load-config.js'
import {terminologyIdentity} from '../engine/terminology/load.js'
import {FileProblem, errorText} from './errors.js'
import {asProblem, readDraft, type Draft} from './read-draft.js'
import {displayPath, emptyReport, toReport, type LintedFile} from './report.js'
import {writeFix} from './write.js'

export type FixMode = 'off' | 'write' | 'dry-run'

export interface FileJob {
  filePath: string
  fix: FixMode
  cwd: string
  /**
   * With --cache: the config part of the cache key, worked out by the main thread before any
   * file is linted. Were it worked out after linting, a config or terminology file edited in
   * between could file a report made with the old one under the new one's key.
   */
  configKey?: string
  /**
   * Whether the report keeps the readability stats: only the JSON and HTML reports and the cache
   * read them, and kept for every file of a large run they were garbage collection's work for
   * nothing (the per-paragraph figures of 200 drafts). Kept unless the run says otherwise.
   */
  keepStats?: boolean
  /**
   * Whether the file was named on the command line: --fix then writes through it when it is a
   * symbolic link. A file a folder walk found is never a link (links are not followed there),
   * and one that has become a link by the time its fix is written is not fixed.
   */
  named?: boolean
}

export interface FileOutcome extends LintedFile {
  /** Plain data throughout: a lint thread sends it to the main thread by structured clone. */
  ruleErrors: LintResult['ruleErrors']
  /** With --fix-dry-run: the unified diff of the fixes, when there are any. */
  patch?: string
  /** With --cache: what the cache keys this result on, the linted text and the config it was linted with. */
  key?: CacheKey
}

export interface CacheKey {
  hash: string
  config: string
}

// ESLint's limit: a fix can make another fixable, but never loop for ever.
const MAX_FIX_PASSES = 10

export const languageOf = (path: string): string => (/^\.(txt|text)$/i.test(extname(path)) ? 'plaintext' : 'markdown')

/** The SHA-256 of the text's UTF-8 bytes. */
const hashText = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * The config a file is linted with, its terminology and its language, as one cache key part.
 * The terminology enters by its files' bytes (terminologyIdentity), not its compiled version:
 * a run whose files are all cached then never compiles it.
 */
export function configKey(resolved: ResolvedConfig, filePath: string): string {
  return hashText(`${JSON.stringify(resolved.config)}\0${terminologyIdentity(resolved.terminologyFiles)}\0${languageOf(filePath)}`)
}

/**
 * Everything done to one file: read, lint, fix (or diff the fixes), lint what remains. The CLI
 * passes the config it resolved for the file's folder; looking it up again walked the folders
 * with three stats each, per file.
 */
export function lintFile(job: FileJob, resolved: ResolvedConfig = configFor(job.filePath, job.cwd)): FileOutcome {
  let draft: Draft
  try {
    draft = readDraft(job.filePath)
  } catch (e) {
    return notLinted(job.filePath, asProblem(e).reason, resolved)
  }
  return lintText(job.filePath, draft.text, resolved, job, draft.bytes)
}

/** The outcome for a file that was not linted, and why (a FileProblem's reason). */
export function notLinted(filePath: string, reason: string, resolved: Pick<ResolvedConfig, 'config'>): FileOutcome {
  return {report: emptyReport(filePath), text: '', config: withDefaults(resolved.config), ruleErrors: [], failure: reason}
}

/**
 * Lints a text, and with job.fix fixes it: on disk ('write': `bytes` are the file's bytes as
 * read, for write.ts's checks) or as a patch ('dry-run'). A fix that cannot be written leaves
 * the report of the text on disk and says why in `failure`.
 */
export function lintText(filePath: string, original: string, resolved: ResolvedConfig, job: Pick<FileJob, 'fix' | 'cwd' | 'configKey' | 'keepStats' | 'named'>, bytes?: Buffer): FileOutcome {
  const {config, terminology} = resolved
  const languageId = languageOf(filePath)
  let text = original
  const first = lint(text, {languageId, config, terminology})
  let result = first
  let failure: string | undefined
  if (job.fix !== 'off') {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixes(text, result.findings)
      if (fixed.applied.length === 0 || fixed.text === text) break
      text = fixed.text
      result = lint(text, {languageId, config, terminology})
    }
  }
  let patch: string | undefined
  if (text !== original) {
    if (job.fix === 'write') {
      try {
        if (!bytes) throw new FileProblem('no file to write to; not fixed')
        writeFix(filePath, bytes, text, job.named === true)
      } catch (e) {
        failure = e instanceof FileProblem ? e.reason : `could not be written (${errorText(e)}); not fixed`
        // The report is of the text that is still on disk.
        text = original
        result = first
      }
    } else patch = dryRunPatch(filePath, job.cwd, original, text, bytes)
  }
  return {
    report: toReport(filePath, text, job.keepStats === false ? {findings: result.findings, stats: undefined} : result),
    text,
    config: withDefaults(config),
    ruleErrors: result.ruleErrors,
    patch,
    // A file not fixed is not cached: its stored report would stand for the fixed text's hash.
    key: job.configKey === undefined || failure !== undefined ? undefined : {hash: hashText(text), config: job.configKey},
    failure,
  }
}

/**
 * The unified diff --fix-dry-run prints for a file, made from its bytes on disk so that `git
 * apply` and `patch` accept it: a byte-order mark the text drops is put back on both sides.
 */
function dryRunPatch(filePath: string, cwd: string, original: string, fixed: string, bytes: Buffer | undefined): string {
  const name = displayPath(filePath, cwd)
  const bom = bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : ''
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, bom + original, bom + fixed, undefined, undefined, {headerOptions: FILE_HEADERS_ONLY})
}
