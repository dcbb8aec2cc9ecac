import {closeSync, fstatSync, openSync, readSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {crc32} from 'node:zlib'
import type {Severity} from '../engine/index.js'
import type {CacheKey} from './lint-file.js'
import {readSpan, writeOutputFile, type FileSpan} from './output.js'
import {statsJson, type FileReport} from './report.js'

/** Bumped whenever the stored shape changes, so an older layout is never misread. */
const CACHE_FORMAT = 2

/**
 * One file's line in the cache's header. Its report is kept in the body as the JSON text of
 * its messages and of its stats, back to back, so a run that reuses it copies the bytes into
 * the JSON report, or parses only the part a format needs; the header alone says what the exit
 * code and --fix need.
 */
interface StoredEntry extends CacheKey {
  /** Messages by severity: error, warning, info. */
  counts: [number, number, number]
  /** Whether a message has a safe fix: --fix lints such a file again. */
  fixable: boolean
  /** Where its report lies in the body (bytes from the body's start), and the byte lengths of the messages' JSON and the stats' JSON. */
  at: [number, number, number]
  /** CRC-32 of those bytes: a damaged entry is noticed before it is used. */
  crc: number
}

interface CacheHeader {
  oncolint: string
  format: number
  files: Record<string, StoredEntry>
}

/** An entry as a run holds it: its JSON in the cache file read, or made by this run. */
interface Entry extends CacheKey {
  counts: [number, number, number]
  fixable: boolean
  messages: FileSpan | string
  stats: FileSpan | string
  /** For an entry read from the file: its CRC-32, and whether its bytes were found to match it. */
  crc?: number
  verified?: boolean
}

export type SeverityCounts = Record<Severity, number>

/** What a report taken from the cache is made of, for the JSON format to copy and main to count. */
interface StoredReport {
  counts: SeverityCounts
  messages: FileSpan
  stats: FileSpan
}

const storedReports = new WeakMap<FileReport, StoredReport>()

/**
 * The messages and stats of a report taken from the cache, as spans of the cache file, and
 * their counts by severity; undefined for any other report (a fresh one, or one a filter made
 * anew). The spans can be read until the cache is saved or closed.
 */
export const storedReport = (report: FileReport): StoredReport | undefined => storedReports.get(report)

/**
 * The --cache file: per file, the hash of its text and of the config and terminology it was
 * linted with, and the report. An entry is reused only when all of those match and the cache
 * was written by this oncolint version; a file that does not look like that is ignored.
 *
 * Layout: one line of JSON (CacheHeader), then the body, the reports' JSON back to back. A
 * run with every file unchanged reads the header only, checks the CRC of the reports it
 * reuses, and copies them into its output: it never parses 20 MB of JSON nor holds it.
 */
export class LintCache {
  private readonly seen = new Set<string>()

  private constructor(
    readonly path: string,
    private readonly version: string,
    private files: Map<string, Entry>,
    /** The cache file read, open until save() or close(): the stored reports are read from it. */
    private fd: number | undefined,
    /** Whether the file on disk no longer says what this cache holds. */
    private dirty: boolean,
    private readonly notice: (line: string) => void,
  ) {}

  /** Reads the cache's header at `location` (a file, or a folder to hold .oncolintcache); notes problems on stderr. */
  static load(location: string, cwd: string, version: string, notice: (line: string) => void): LintCache {
    let path = resolve(cwd, location)
    try {
      if (statSync(path).isDirectory()) path = join(path, '.oncolintcache')
    } catch {
      // no file yet: it is written after this run
    }
    const empty = () => new LintCache(path, version, new Map(), undefined, true, notice)
    let fd: number
    try {
      fd = openSync(path, 'r')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return empty()
      throw e
    }
    const problem = (why: string) => {
      closeSync(fd)
      notice(ignoring(path, why))
      return empty()
    }
    let header: {text: string; bodyStart: number; bodyLength: number}
    try {
      header = readHeader(fd)
    } catch (e) {
      closeSync(fd)
      throw e
    }
    let data: unknown
    try {
      data = JSON.parse(header.text)
    } catch {
      return problem('not valid JSON')
    }
    if (!isObject(data) || typeof data.oncolint !== 'string' || data.format === undefined || !isObject(data.files)) return problem('not an oncolint cache')
    if (data.oncolint !== version) return problem(`written by oncolint ${data.oncolint}, this is ${version}`)
    if (data.format !== CACHE_FORMAT) return problem(`cache format ${JSON.stringify(data.format)}, this oncolint writes format ${CACHE_FORMAT}`)
    const files = new Map<string, Entry>()
    for (const [file, stored] of Object.entries(data.files)) {
      if (!isStoredEntry(stored, header.bodyLength)) return problem(`bad entry for ${file}`)
      const [offset, messagesLength, statsLength] = stored.at
      const position = header.bodyStart + offset
      files.set(file, {
        hash: stored.hash,
        config: stored.config,
        counts: stored.counts,
        fixable: stored.fixable,
        messages: {fd, position, length: messagesLength},
        stats: {fd, position: position + messagesLength, length: statsLength},
        crc: stored.crc,
      })
    }
    return new LintCache(path, version, files, fd, false, notice)
  }

  /**
   * The stored report for a file, if it was linted from this very text with this very config.
   * Its messages and stats are parsed when first read; the JSON format copies them instead.
   */
  get(filePath: string, key: CacheKey): {report: FileReport; fixable: boolean} | undefined {
    this.seen.add(filePath)
    const entry = this.files.get(filePath)
    if (!entry || entry.hash !== key.hash || entry.config !== key.config) return undefined
    if (!this.intact(entry)) {
      // Reports already handed out were checked one by one and stand; nothing else is trusted.
      this.notice(ignoring(this.path, `damaged entry for ${filePath}`))
      this.files = new Map([...this.files].filter(([, e]) => e.verified))
      this.dirty = true
      return undefined
    }
    return {report: reportOf(filePath, entry), fixable: entry.fixable}
  }

  set(report: FileReport, key: CacheKey): void {
    this.seen.add(report.filePath)
    this.files.set(report.filePath, {
      hash: key.hash,
      config: key.config,
      counts: countsOf(report.messages),
      fixable: report.messages.some((m) => m.suggestions.some((s) => s.safe)),
      messages: JSON.stringify(report.messages),
      stats: statsJson(report) ?? JSON.stringify(report.stats),
    })
    this.dirty = true
  }

  /**
   * Writes the cache atomically, dropping entries of files that are gone; a run that changed
   * nothing writes nothing. Closes the cache: stored reports cannot be read after.
   */
  save(): void {
    const kept: Array<[string, Entry]> = []
    let dropped = false
    for (const [file, entry] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // A file this run linted or looked up exists (or did a moment ago).
      if (this.seen.has(file) || exists(file)) kept.push([file, entry])
      else dropped = true
    }
    if (this.dirty || dropped) {
      const files: Record<string, StoredEntry> = {}
      const body: Array<string | FileSpan> = []
      let offset = 0
      for (const [file, entry] of kept) {
        const messagesLength = byteLength(entry.messages)
        const statsLength = byteLength(entry.stats)
        const crc = entry.crc ?? crc32(entry.stats as string, crc32(entry.messages as string))
        files[file] = {hash: entry.hash, config: entry.config, counts: entry.counts, fixable: entry.fixable, at: [offset, messagesLength, statsLength], crc}
        body.push(entry.messages, entry.stats)
        offset += messagesLength + statsLength
      }
      const header: CacheHeader = {oncolint: this.version, format: CACHE_FORMAT, files}
      writeOutputFile(this.path, [`${JSON.stringify(header)}\n`, ...body])
    }
    this.close()
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  /** Whether an entry's bytes in the file still match their CRC (read once, into a reused buffer). */
  private intact(entry: Entry): boolean {
    if (entry.verified || typeof entry.messages === 'string' || typeof entry.stats === 'string') return true
    const whole = {fd: entry.messages.fd, position: entry.messages.position, length: entry.messages.length + entry.stats.length}
    if (whole.length > scratch.length) scratch = Buffer.allocUnsafe(Math.max(whole.length, scratch.length * 2, 1 << 18))
    let bytes: Buffer
    try {
      bytes = readSpan(whole, scratch)
    } catch {
      return false
    }
    entry.verified = crc32(bytes) === entry.crc
    return entry.verified
  }
}

/** Reused for every entry checked: fresh memory is slow to touch, and a run checks 20 MB. */
let scratch = Buffer.alloc(0)

const ignoring = (path: string, why: string) => `oncolint: ignoring the cache ${path} (${why}); it will be rewritten`

/** A report whose messages and stats are parsed from the cache when first read. */
function reportOf(filePath: string, entry: Entry): FileReport {
  const parse = (part: FileSpan | string) => JSON.parse(typeof part === 'string' ? part : readSpan(part, Buffer.allocUnsafe(part.length)).toString('utf8'))
  let messages: FileReport['messages'] | undefined
  let stats: FileReport['stats'] | undefined
  // Own enumerable getters, in the order of a fresh report, so JSON.stringify and spreading see a plain report.
  const report = {filePath} as FileReport
  Object.defineProperties(report, {
    messages: {enumerable: true, get: () => (messages ??= parse(entry.messages))},
    stats: {enumerable: true, get: () => (stats ??= parse(entry.stats))},
  })
  const [error, warning, info] = entry.counts
  if (typeof entry.messages !== 'string' && typeof entry.stats !== 'string') storedReports.set(report, {counts: {error, warning, info}, messages: entry.messages, stats: entry.stats})
  return report
}

function countsOf(messages: FileReport['messages']): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0]
  for (const m of messages) counts[m.severity === 'error' ? 0 : m.severity === 'warning' ? 1 : 2]++
  return counts
}

const byteLength = (part: FileSpan | string) => (typeof part === 'string' ? Buffer.byteLength(part) : part.length)

/**
 * The first line of the file (all of it when there is no newline) and where the body after
 * it starts. JSON.stringify writes no raw newline, and no UTF-8 sequence holds the byte 0x0a.
 */
function readHeader(fd: number): {text: string; bodyStart: number; bodyLength: number} {
  const size = fstatSync(fd).size
  const chunks: Buffer[] = []
  let read = 0
  while (read < size) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 18, size - read))
    const got = readSync(fd, chunk, 0, chunk.length, read)
    if (got === 0) break
    const newline = chunk.subarray(0, got).indexOf(0x0a)
    if (newline >= 0) {
      chunks.push(chunk.subarray(0, newline))
      const bodyStart = read + newline + 1
      return {text: Buffer.concat(chunks).toString('utf8'), bodyStart, bodyLength: size - bodyStart}
    }
    chunks.push(chunk.subarray(0, got))
    read += got
  }
  return {text: Buffer.concat(chunks).toString('utf8'), bodyStart: read, bodyLength: 0}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

function isStoredEntry(v: unknown, bodyLength: number): v is StoredEntry {
  if (!isObject(v) || typeof v.hash !== 'string' || typeof v.config !== 'string' || typeof v.fixable !== 'boolean' || !isCount(v.crc)) return false
  const {counts, at} = v
  if (!Array.isArray(counts) || counts.length !== 3 || !counts.every(isCount)) return false
  if (!Array.isArray(at) || at.length !== 3 || !at.every(isCount)) return false
  return at[0] + at[1] + at[2] <= bodyLength
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
