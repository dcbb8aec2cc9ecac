import {createHash} from 'node:crypto'
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'
import {extname} from 'node:path'
import {FILE_HEADERS_ONLY, createTwoFilesPatch} from 'diff'
import {applyFixes, lint, withDefaults, type LintResult} from '../engine/index.js'
import {configFor, type ResolvedConfig} from '../config/load-config.js'
import {terminologyIdentity} from '../engine/terminology/load.js'
import {displayPath, toReport, type LintedFile} from './report.js'
import {readText, writeIfUnchanged} from './write.js'

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
}

export interface FileOutcome extends LintedFile {
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
export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex')

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
let scratch = Buffer.alloc(0)

/**
 * What --cache needs of a file, from one read: hashText(readText(file)), computed from the
 * bytes, and whether it looks binary (the test of write.ts's isBinaryFile: a NUL in the first
 * 8 KB), so each file is opened once. For a file of valid UTF-8 the hash is hashText's (its
 * text encodes back to those very bytes); for one that is not, it is a hash no text has, so
 * such a file is never found in the cache. The bytes go into one reused buffer and are never
 * decoded: strings and fresh memory would cost more than the hash.
 */
export function probeFile(file: string): {hash: string; binary: boolean} {
  const fd = openSync(file, 'r')
  try {
    // The size it has now, as readFileSync reads a file: one read for a draft.
    const size = fstatSync(fd).size
    if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2, 1 << 16))
    let n = 0
    while (n < size) {
      const got = readSync(fd, scratch, n, size - n, n)
      if (got === 0) break // it shrank meanwhile
      n += got
    }
    const bytes = scratch.subarray(0, n)
    const hash = createHash('sha256').update(bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes).digest('hex')
    return {hash, binary: bytes.subarray(0, 8192).includes(0)}
  } finally {
    closeSync(fd)
  }
}

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
  const original = readText(job.filePath)
  return lintText(job.filePath, original, resolved, job)
}

export function lintText(filePath: string, original: string, resolved: ResolvedConfig, job: Pick<FileJob, 'fix' | 'cwd' | 'configKey' | 'keepStats'>): FileOutcome {
  const {config, terminology} = resolved
  const languageId = languageOf(filePath)
  let text = original
  let result = lint(text, {languageId, config, terminology})
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
    if (job.fix === 'write') writeIfUnchanged(filePath, original, text)
    else {
      const name = displayPath(filePath, job.cwd)
      patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, original, text, undefined, undefined, {headerOptions: FILE_HEADERS_ONLY})
    }
  }
  return {
    report: toReport(filePath, text, job.keepStats === false ? {findings: result.findings, stats: undefined} : result),
    text,
    config: withDefaults(config),
    ruleErrors: result.ruleErrors,
    patch,
    key: job.configKey === undefined ? undefined : {hash: hashText(text), config: job.configKey},
  }
}
