import {createHash} from 'node:crypto'
import {extname} from 'node:path'
import {FILE_HEADERS_ONLY, createTwoFilesPatch} from 'diff'
import {applyFixes, lint, withDefaults, type LintResult} from '../engine/index.js'
import {configFor, type ResolvedConfig} from '../config/load-config.js'
import {displayPath, toReport, type LintedFile} from './report.js'
import {readText, writeIfUnchanged} from './write.js'

export type FixMode = 'off' | 'write' | 'dry-run'

export interface FileJob {
  filePath: string
  fix: FixMode
  cwd: string
}

export interface FileOutcome extends LintedFile {
  ruleErrors: LintResult['ruleErrors']
  /** With --fix-dry-run: the unified diff of the fixes, when there are any. */
  patch?: string
  /** What the cache keys this result on: the linted text and the config it was linted with. */
  key: CacheKey
}

export interface CacheKey {
  hash: string
  config: string
}

// ESLint's limit: a fix can make another fixable, but never loop for ever.
const MAX_FIX_PASSES = 10

export const languageOf = (path: string): string => (/^\.(txt|text)$/i.test(extname(path)) ? 'plaintext' : 'markdown')

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The resolved config and terminology a file is linted with, as one cache key part. */
export function configKey(resolved: ResolvedConfig, filePath: string): string {
  return hashText(`${JSON.stringify(resolved.config)}\0${resolved.terminology.version}\0${languageOf(filePath)}`)
}

/** Everything done to one file: read, lint, fix (or diff the fixes), lint what remains. */
export function lintFile(job: FileJob): FileOutcome {
  const original = readText(job.filePath)
  const resolved = configFor(job.filePath, job.cwd)
  return lintText(job.filePath, original, resolved, job)
}

export function lintText(filePath: string, original: string, resolved: ResolvedConfig, job: Pick<FileJob, 'fix' | 'cwd'>): FileOutcome {
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
    report: toReport(filePath, text, result),
    text,
    config: withDefaults(config),
    ruleErrors: result.ruleErrors,
    patch,
    key: {hash: hashText(text), config: configKey(resolved, filePath)},
  }
}
