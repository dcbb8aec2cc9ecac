import {readFileSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {CacheKey} from './lint-file.js'
import type {FileReport} from './report.js'
import {writeAtomically} from './write.js'

/** Bumped whenever the stored shape changes, so an older layout is never misread. */
const CACHE_FORMAT = 1

interface CacheEntry extends CacheKey {
  report: Omit<FileReport, 'filePath'>
}

interface CacheFile {
  oncolint: string
  format: number
  files: Record<string, CacheEntry>
}

/**
 * The --cache file: per file, the hash of its text and of the config and terminology it was
 * linted with, and the report. An entry is reused only when all of those match and the cache
 * was written by this oncolint version; a file that does not look like that is ignored.
 */
export class LintCache {
  private constructor(
    readonly path: string,
    private readonly version: string,
    private readonly files: Map<string, CacheEntry>,
    /** Whether the file on disk no longer says what this cache holds. */
    private dirty: boolean,
  ) {}

  /** Reads the cache at `location` (a file, or a folder to hold .oncolintcache); notes problems on stderr. */
  static load(location: string, cwd: string, version: string, notice: (line: string) => void): LintCache {
    let path = resolve(cwd, location)
    try {
      if (statSync(path).isDirectory()) path = join(path, '.oncolintcache')
    } catch {
      // no file yet: it is written after this run
    }
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new LintCache(path, version, new Map(), true)
      throw e
    }
    const problem = (why: string) => {
      notice(`oncolint: ignoring the cache ${path} (${why}); it will be rewritten`)
      return new LintCache(path, version, new Map(), true)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return problem('not valid JSON')
    }
    if (!isObject(data) || typeof data.oncolint !== 'string' || data.format === undefined || !isObject(data.files)) return problem('not an oncolint cache')
    if (data.oncolint !== version || data.format !== CACHE_FORMAT) return problem(`written by oncolint ${data.oncolint}, this is ${version}`)
    const files = new Map<string, CacheEntry>()
    for (const [file, entry] of Object.entries(data.files)) {
      if (!isEntry(entry)) return problem(`bad entry for ${file}`)
      files.set(file, entry)
    }
    return new LintCache(path, version, files, false)
  }

  /** The stored report for a file, if it was linted from this very text with this very config. */
  get(filePath: string, key: CacheKey): FileReport | undefined {
    const entry = this.files.get(filePath)
    if (!entry || entry.hash !== key.hash || entry.config !== key.config) return undefined
    return {filePath, messages: entry.report.messages, stats: entry.report.stats}
  }

  set(report: FileReport, key: CacheKey): void {
    this.files.set(report.filePath, {hash: key.hash, config: key.config, report: {messages: report.messages, stats: report.stats}})
    this.dirty = true
  }

  /** Writes the cache atomically, dropping entries of files that are gone; a run that changed nothing writes nothing. */
  save(): void {
    const files: Record<string, CacheEntry> = {}
    let dropped = false
    for (const [file, entry] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (exists(file)) files[file] = entry
      else dropped = true
    }
    if (!this.dirty && !dropped) return
    const data: CacheFile = {oncolint: this.version, format: CACHE_FORMAT, files}
    writeAtomically(this.path, JSON.stringify(data))
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isEntry(v: unknown): v is CacheEntry {
  if (!isObject(v) || typeof v.hash !== 'string' || typeof v.config !== 'string' || !isObject(v.report)) return false
  const {messages, stats} = v.report
  return Array.isArray(messages) && messages.every(isMessage) && isObject(stats) && isObject(stats.document)
}

function isMessage(m: unknown): boolean {
  if (!isObject(m)) return false
  const numbers = ['line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset'] as const
  return typeof m.ruleId === 'string' && typeof m.message === 'string' && ['error', 'warning', 'info'].includes(m.severity as string) && numbers.every((k) => Number.isInteger(m[k])) && Array.isArray(m.suggestions)
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
