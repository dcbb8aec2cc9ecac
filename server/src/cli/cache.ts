import {closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats} from 'node:fs'
import {join, resolve} from 'node:path'
import {crc32} from 'node:zlib'
import {stylishRows} from './formats/stylish.js'
import type {CacheKey} from './lint-file.js'
import {readSpan, scratchBuffer, writeOutputFile, type FileSpan} from './output.js'
import {CachedReport, hasSafeFix, type FileReport, type ReportMessage, type StoredParts} from './report.js'

/** Bumped whenever the stored shape changes, so an older layout is never misread. */
const CACHE_FORMAT = 5

/**
 * One file's line in the cache's header. Its report is kept in the body as the JSON text of
 * its messages and of its stats, then its rows of the stylish output (without colour), back to
 * back, so a run that reuses it copies the bytes into the JSON report or the default output,
 * or parses only the part a format needs; the header alone says what the exit code and --fix
 * need.
 */
export interface StoredEntry extends CacheKey {
  /** Messages by severity: error, warning, info. */
  counts: [number, number, number]
  /** How many messages have a safe fix: --fix lints such a file again, the stylish summary counts them. */
  fixable: number
  /** Where its parts lie in the body (bytes from the body's start), and the byte lengths of the messages' JSON, the stats' JSON and the rows. */
  at: [number, number, number, number]
  /**
   * CRC-32 of the report (messages and stats), of the rows, and of the entry's own fields
   * (headerCrc: hash, config, counts, fixable, at and the two CRCs): a damaged entry is
   * noticed before it is used. The counts decide the exit code and --fix, and are read
   * without the report: they need a check of their own.
   */
  crc: [number, number, number]
}

/**
 * What a run reads of the reports it takes from the cache, and so checks against their CRC
 * before it uses them: the report (its messages and stats), or only the stylish rows (the
 * default output without colour and without filters reads nothing else).
 */
export type StoredPart = 'report' | 'rows'

interface CacheHeader {
  oncolint: string
  format: number
  files: Record<string, StoredEntry>
}

/** An entry as a run holds it: its parts in the cache file read, or made by this run. */
interface Entry extends CacheKey {
  counts: [number, number, number]
  fixable: number
  messages: FileSpan | string
  stats: FileSpan | string
  rows: FileSpan | string
  /** For an entry read from the file: the CRC-32s of its report and rows, and which parts were found to match them. */
  crc?: [number, number]
  verified?: {report?: boolean; rows?: boolean}
}

/** A report taken from the cache: its parts as stored (spans of the cache file, readable until it is saved or closed), and the report they hold. */
export interface CacheHit {
  stored: StoredParts
  report: CachedReport
}

/**
 * The --cache file: per file, the hash of its text and of the config and terminology it was
 * linted with, and the report. An entry is reused only when all of those match and the cache
 * was written by this oncolint version; a file that does not look like that is ignored.
 *
 * Layout: one line of JSON (CacheHeader), then the body: per file the report's JSON and its
 * stylish rows, back to back. A run with every file unchanged reads the header only, checks
 * the CRC of the parts it reuses (the JSON report, or the rows of the default output), and
 * copies them into its output: it never parses megabytes of JSON nor holds them.
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
    let stat: Stats | undefined
    try {
      stat = statSync(path)
      if (stat.isDirectory()) stat = statSync((path = join(path, '.oncolintcache')))
    } catch {
      // no file yet: it is written after this run
    }
    const empty = () => new LintCache(path, version, new Map(), undefined, true, notice)
    // A device or FIFO (/dev/null: no cache kept) is written to, never read: reading a FIFO waits for a writer.
    if (stat && !stat.isFile()) return empty()
    let fd: number
    try {
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
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
    for (const [file, entry] of Object.entries(data.files)) {
      if (!isStoredEntry(entry, header.bodyLength)) return problem(`bad entry for ${file}`)
      if (entry.crc[2] !== headerCrc(entry)) return problem(`damaged entry for ${file}`)
      const [offset, messagesLength, statsLength, rowsLength] = entry.at
      const position = header.bodyStart + offset
      files.set(file, {
        hash: entry.hash,
        config: entry.config,
        counts: entry.counts,
        fixable: entry.fixable,
        messages: {fd, position, length: messagesLength},
        stats: {fd, position: position + messagesLength, length: statsLength},
        rows: {fd, position: position + messagesLength + statsLength, length: rowsLength},
        crc: [entry.crc[0], entry.crc[1]],
        verified: {},
      })
    }
    return new LintCache(path, version, files, fd, false, notice)
  }

  /**
   * The stored report for a file, if it was linted from this very text with this very config,
   * once the `parts` the run reads are found intact. Its messages and stats are parsed when
   * first read; the JSON and stylish formats copy its stored parts instead.
   */
  get(filePath: string, key: CacheKey, parts: readonly StoredPart[] = ['report']): CacheHit | undefined {
    this.seen.add(filePath)
    const entry = this.files.get(filePath)
    if (!entry || entry.hash !== key.hash || entry.config !== key.config) return undefined
    if (!parts.every((part) => this.intact(entry, part))) {
      // Reports already handed out were checked one by one and stand; nothing else is trusted.
      this.notice(ignoring(this.path, `damaged entry for ${filePath}`))
      this.files = new Map([...this.files].filter(([, e]) => e !== entry && (e.verified?.report || e.verified?.rows)))
      this.dirty = true
      return undefined
    }
    return this.hitOf(filePath, entry)
  }

  /** Stores a report made by this run; returns its parts as stored, for the outputs to copy rather than make again. */
  set(report: FileReport, key: CacheKey): StoredParts {
    this.seen.add(report.filePath)
    const {messages} = report
    const entry: Entry = {
      hash: key.hash,
      config: key.config,
      counts: countsOf(messages),
      fixable: messages.filter(hasSafeFix).length,
      messages: JSON.stringify(messages),
      stats: JSON.stringify(report.stats),
      rows: stylishRows(messages),
    }
    this.files.set(report.filePath, entry)
    this.dirty = true
    const [error, warning, info] = entry.counts
    return {counts: {error, warning, info}, fixable: entry.fixable, json: {messages: entry.messages, stats: entry.stats}, rows: entry.rows}
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
        const rowsLength = byteLength(entry.rows)
        const [reportCrc, rowsCrc] = entry.crc ?? [crc32(entry.stats as string, crc32(entry.messages as string)), crc32(entry.rows as string)]
        const stored: StoredEntry = {hash: entry.hash, config: entry.config, counts: entry.counts, fixable: entry.fixable, at: [offset, messagesLength, statsLength, rowsLength], crc: [reportCrc, rowsCrc, 0]}
        stored.crc[2] = headerCrc(stored)
        files[file] = stored
        body.push(entry.messages, entry.stats, entry.rows)
        offset += messagesLength + statsLength + rowsLength
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

  /**
   * Whether a part of an entry still matches its CRC in the file (read once, into the reused
   * scratch buffer: fresh memory is slow to touch, and a run checks megabytes).
   */
  private intact(entry: Entry, part: StoredPart): boolean {
    const {messages, stats, rows, crc, verified} = entry
    if (!crc || !verified || typeof messages === 'string' || typeof stats === 'string' || typeof rows === 'string') return true
    if (verified[part]) return true
    const span = part === 'rows' ? rows : {fd: messages.fd, position: messages.position, length: messages.length + stats.length}
    let bytes: Buffer
    try {
      bytes = readSpan(span, scratchBuffer(span.length))
    } catch {
      return false
    }
    verified[part] = crc32(bytes) === crc[part === 'rows' ? 1 : 0]
    return verified[part]
  }

  /**
   * An entry as the run takes it: its stored parts that were found intact, and a report whose
   * messages and stats are parsed from the cache when first read, checked first if the run did
   * not ask for them (it never should: a damaged report found that late stops the run instead
   * of being linted again).
   */
  private hitOf(filePath: string, entry: Entry): CacheHit {
    const parse = (part: FileSpan | string): unknown => {
      if (typeof part === 'string') return JSON.parse(part)
      if (!this.intact(entry, 'report')) throw new Error(`the cache ${this.path} was damaged while being read`)
      return JSON.parse(readSpan(part, scratchBuffer(part.length)).toString('utf8'))
    }
    const [error, warning, info] = entry.counts
    const {messages, stats, rows, verified} = entry
    const stored: StoredParts = {
      counts: {error, warning, info},
      fixable: entry.fixable,
      json: verified?.report ? {messages, stats} : undefined,
      rows: verified?.rows ? rows : undefined,
    }
    const report = new CachedReport(filePath, {messages: () => parse(messages) as ReportMessage[], stats: () => parse(stats) as FileReport['stats']})
    return {stored, report}
  }
}

/** The CRC-32 of an entry's fields other than itself (its crc[2]). */
export const headerCrc = (e: StoredEntry): number => crc32(JSON.stringify([e.hash, e.config, e.counts, e.fixable, e.at, e.crc[0], e.crc[1]]))

const ignoring = (path: string, why: string) => `oncolint: ignoring the cache ${path} (${why}); it will be rewritten`

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
  // Read through the scratch buffer; what a header longer than one chunk has read so far is copied out.
  const chunks: Buffer[] = []
  const text = (last: Buffer) => (chunks.length ? Buffer.concat([...chunks, last]) : last).toString('utf8')
  let read = 0
  while (read < size) {
    const want = Math.min(1 << 18, size - read)
    const chunk = scratchBuffer(want).subarray(0, want)
    const got = readSync(fd, chunk, 0, chunk.length, read)
    if (got === 0) break
    const newline = chunk.subarray(0, got).indexOf(0x0a)
    if (newline >= 0) {
      const bodyStart = read + newline + 1
      return {text: text(chunk.subarray(0, newline)), bodyStart, bodyLength: size - bodyStart}
    }
    chunks.push(Buffer.from(chunk.subarray(0, got)))
    read += got
  }
  return {text: text(Buffer.alloc(0)), bodyStart: read, bodyLength: 0}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

const isCounts = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every(isCount)

function isStoredEntry(v: unknown, bodyLength: number): v is StoredEntry {
  if (!isObject(v) || typeof v.hash !== 'string' || typeof v.config !== 'string' || !isCount(v.fixable)) return false
  const {counts, at, crc} = v
  if (!isCounts(counts, 3) || !isCounts(crc, 3) || !isCounts(at, 4)) return false
  return at[0] + at[1] + at[2] + at[3] <= bodyLength
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
