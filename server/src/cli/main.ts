import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import {DataFileError, withDefaults, type Severity} from '../engine/index.js'
import {configFor, configResolver, type ResolvedConfig} from '../config/load-config.js'
import {HELP, parseCli, type CliOptions} from './args.js'
import {LintCache, type CacheHit, type StoredPart} from './cache.js'
import {UsageError, errorText} from './errors.js'
import {expandTargets, type Selection} from './files.js'
import {FORMATTERS} from './formats/index.js'
import {loadIgnore} from './ignore-file.js'
import {configKey, languageOf, lintText, notLinted, type FileJob, type FileOutcome, type FixMode} from './lint-file.js'
import {writeOutput, writeOutputFile} from './output.js'
import {printablePath} from './printable.js'
import {readDraft, probeFile} from './read-draft.js'
import {RANK, countBySeverity, isCached, countsOf, displayPath, type CachedFile, type LintedFile, type ReportedFile, type SeverityCounts} from './report.js'
import {listRules, printConfig, version} from './rules-info.js'
import {selectShard} from './shard.js'
import {lintFiles, threadCount} from './threads.js'
import {relaunched, relaunchForBatch, SEMI_SPACE_MB} from './relaunch.js'
import {checkOutputPath} from './write.js'

export interface CliIo {
  cwd: string
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
  /** Lints a batch of this many bytes in a new process and returns its exit code, or undefined to lint here (relaunch.ts). */
  relaunch?: (bytes: number) => number | undefined
}

/**
 * The process's own streams. Standard input is set up only when it is read (a `-` target):
 * setting it up loads Node's file and stream modules, a cost a run that never reads it would
 * pay for nothing.
 */
function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin
    },
    relaunch: relaunchForBatch,
  }
}

/**
 * Runs the command line; returns the exit code: 0 clean, 1 error findings (or too many
 * warnings), 2 a usage or configuration error (nothing written), or a file that could not be
 * linted or fixed (the others are, and the whole report is written).
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const options = parseCli(argv)
    if (options.help) return io.stdout.write(HELP), 0
    if (options.version) return io.stdout.write(`${version()}\n`), 0
    if (options.listRules) return io.stdout.write(listRules()), 0
    if (options.printConfig) return io.stdout.write(printConfig(options.printConfig, io.cwd)), 0
    if (options.targets.length === 0) throw new UsageError('No files given. Try: oncolint <files|dirs|globs...> (or --help)')
    // Before any draft is fixed: a report that cannot be written would leave fixed drafts and no report.
    if (options.outputFile !== undefined && options.outputFile !== '-') checkOutputPath(resolve(io.cwd, options.outputFile), '--output-file')

    const run = await lintTargets(options, io)
    if (typeof run === 'number') return run
    let totals: SeverityCounts
    try {
      totals = await writeReport(run, options, io)
    } finally {
      // Reports taken from the cache are read from its file until the report is written.
      run.cache?.close()
    }
    const failed = run.files.filter((f) => f.failure !== undefined).length
    if (failed > 0) {
      io.stderr.write(`oncolint: ${failed} file${failed === 1 ? '' : 's'} could not be ${options.fix ? 'linted or fixed' : 'linted'} (see above); exit code 2\n`)
      return 2
    }
    if (totals.error > 0) return 1
    if (options.maxWarnings >= 0 && totals.warning > options.maxWarnings) {
      io.stderr.write(`oncolint found too many warnings (maximum: ${options.maxWarnings}).\n`)
      return 1
    }
    return 0
  } catch (e) {
    if (e instanceof UsageError || e instanceof DataFileError) {
      io.stderr.write(`oncolint: ${e.message}\n`)
      return 2
    }
    io.stderr.write(`oncolint: ${errorText(e)}\n`)
    return 2
  }
}

/** Formats and writes the report, saves the cache; returns the counts that set the exit code. */
async function writeReport(run: Run, options: CliOptions, io: CliIo): Promise<SeverityCounts> {
  // --min-severity drops findings entirely; --quiet only hides warnings (they still count, as in ESLint).
  const kept = run.files.map((f) => atLeast(f, options.minSeverity))
  const shown = options.quiet ? kept.map((f) => atLeast(f, 'error')) : kept
  const ctx = {cwd: io.cwd, color: colored(options), version: run.version}
  const report = FORMATTERS[options.format](shown, ctx)

  if (run.patches) io.stdout.write(run.patches)
  if (options.outputFile !== undefined && options.outputFile !== '-') writeOutputFile(resolve(io.cwd, options.outputFile), report)
  else await writeOutput(io.stdout, report, io.stdout === process.stdout)
  if (run.cache) {
    try {
      run.cache.save()
    } catch (e) {
      io.stderr.write(`oncolint: could not write the cache ${printablePath(run.cache.path)}: ${errorText(e)}\n`)
    }
  }
  const totals: SeverityCounts = {error: 0, warning: 0, info: 0}
  for (const f of kept) {
    const counts = countsOf(f)
    for (const s of SEVERITIES) totals[s] += counts[s]
  }
  return totals
}

interface Run {
  files: ReportedFile[]
  /** --fix-dry-run: the unified diff of every file's fixes. */
  patches?: string
  cache?: LintCache
  /** oncolint's version (read from package.json, once a run). */
  version: string
}

/** Whether the report is written in colour: never to a file. */
const colored = (options: CliOptions): boolean => options.color && (options.outputFile === undefined || options.outputFile === '-')

/**
 * What of a report taken from the cache this run reads, and so has checked first: only the
 * stylish rows when the default output, without colour, shows every message (the run copies
 * them in); otherwise the report itself (messages and stats).
 */
function partsRead(options: CliOptions): StoredPart[] {
  return options.format === 'stylish' && !colored(options) && options.minSeverity === 'info' && !options.quiet ? ['rows'] : ['report']
}

/** The run's report, or the exit code of the process that linted it instead (relaunch.ts). */
async function lintTargets(options: CliOptions, io: CliIo): Promise<Run | number> {
  const {cwd} = io
  const fix: FixMode = options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'off'
  const stdin = options.targets.includes('-')
  if (stdin && fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the fixes')
  const ignorer = options.ignore ? loadIgnore(cwd, options.ignorePatterns) : undefined
  const selection = selectShard(await expandTargets(options.targets.filter((t) => t !== '-'), cwd, options.extensions, ignorer), options.shard, cwd)
  // A large batch read from files, not from the cache, is linted where the garbage collector has more room.
  if (io.relaunch && !stdin && !options.cache) {
    const code = io.relaunch(selection.files.reduce((n, file) => n + sizeOf(file), 0))
    if (code !== undefined) return code
  }
  // Every config is read before any file is touched: a bad one stops the run with nothing written.
  const configs = selection.files.map(configResolver(cwd))
  // Each file's terminology is compiled before any file is linted, for the same reason; with
  // --cache only for the files that are not found there (below), so a run with every file
  // unchanged compiles none.
  if (!options.cache) for (const config of configs) config.terminology
  const stdinText = stdin ? await readAll(io.stdin) : undefined
  const stdinConfig = stdin ? configFor(options.stdinFilename, cwd) : undefined
  for (const file of selection.ignored) {
    io.stderr.write(`oncolint: warning: ${shown(file, cwd)}: File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n`)
  }

  const oncolint = version()
  const cache = options.cache ? LintCache.load(options.cacheLocation, cwd, oncolint, (line) => io.stderr.write(`${line}\n`)) : undefined
  try {
    const run = await lintSelection(selection, configs, cache, {options, io, fix, stdinText, stdinConfig})
    // A file that could not be linted or fixed costs only itself: it is reported with the others.
    for (const f of run.files) if (f.failure !== undefined) io.stderr.write(`oncolint: ${shown(f.report.filePath, cwd)}: ${f.failure}\n`)
    return {...run, version: oncolint}
  } catch (e) {
    cache?.close()
    throw e
  }
}

/** A path for a line on stderr: relative to cwd, control characters escaped. */
const shown = (file: string, cwd: string): string => printablePath(displayPath(file, cwd))

async function lintSelection(
  selection: Selection,
  configs: ResolvedConfig[],
  cache: LintCache | undefined,
  {options, io, fix, stdinText, stdinConfig}: {options: CliOptions; io: CliIo; fix: FixMode; stdinText?: string; stdinConfig?: ResolvedConfig},
): Promise<Omit<Run, 'version'>> {
  const {cwd} = io
  const selected = selection.files
  const results: Array<ReportedFile | undefined> = new Array(selected.length)
  const jobs: Array<FileJob & {index: number}> = []
  const keys = new Map<string, string>()
  const filled = new Map<ResolvedConfig, LintedFile['config']>()
  const parts = partsRead(options)
  // Only these formats and the cache read a report's readability figures.
  const keepStats = cache !== undefined || options.format === 'json' || options.format === 'html'
  selected.forEach((filePath, index) => {
    const named = selection.named.has(filePath)
    if (!cache) return void jobs.push({filePath, fix, cwd, index, keepStats, named})
    const config = configs[index]
    const probe = probeFile(filePath)
    if (probe.problem) return void (results[index] = notLinted(filePath, probe.problem.reason, config))
    // The config part of the key, worked out once per config and language.
    const keyId = `${config.file}\0${languageOf(filePath)}`
    let configPart = keys.get(keyId)
    if (configPart === undefined) keys.set(keyId, (configPart = configKey(config, filePath)))
    const hit = cache.get(filePath, {hash: probe.hash, config: configPart}, parts)
    // A file with fixes left to apply is linted again when fixing; otherwise its stored report stands.
    if (!hit || (fix !== 'off' && hit.stored.fixable > 0)) return void jobs.push({filePath, fix, cwd, index, configKey: configPart, named})
    let defaults = filled.get(config)
    if (!defaults) filled.set(config, (defaults = withDefaults(config.config)))
    results[index] = cachedFile(hit, filePath, defaults)
  })
  for (const job of jobs) configs[job.index].terminology

  // process.hrtime, not performance.now(): the global `performance` loads Node's perf_hooks.
  const started = process.hrtime.bigint()
  const bytes = jobs.reduce((n, job) => n + sizeOf(job.filePath), 0)
  const threads = threadCount(options.concurrency, jobs.length, bytes)
  const outcomes = await lintFiles(jobs, threads, (job) => configs[job.index])
  if (options.debug) {
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6)
    const room = relaunched() ? ` (relaunched with a ${SEMI_SPACE_MB} MB semi-space)` : ''
    io.stderr.write(`oncolint: debug: ${selected.length} files, ${selected.length - jobs.length} from the cache, ${jobs.length} linted on ${threads} thread${threads === 1 ? '' : 's'} in ${ms} ms${room}\n`)
  }
  let patches = ''
  outcomes.forEach((outcome, i) => {
    reportRuleErrors(outcome, io.stderr)
    // Rule failures are worth seeing again; dry-run results describe text that is not on disk.
    const key = outcome.failure === undefined && outcome.ruleErrors.length === 0 && outcome.patch === undefined ? outcome.key : undefined
    results[jobs[i].index] = cache && key ? {...outcome, stored: cache.set(outcome.report, key)} : outcome
  })
  for (const outcome of outcomes) patches += outcome.patch ?? ''

  let files = results as ReportedFile[]
  if (selection.failures.length > 0) {
    // Files and folders the walk could not take, in path order with the rest.
    const none = {config: {}}
    files = [...files, ...selection.failures.map((f) => notLinted(f.path, f.reason, none))].sort((a, b) => (a.report.filePath < b.report.filePath ? -1 : a.report.filePath > b.report.filePath ? 1 : 0))
  }
  if (stdinText !== undefined && stdinConfig) {
    const name = options.stdinFilename ? resolve(cwd, options.stdinFilename) : '<stdin>'
    const outcome = lintText(name, stdinText, stdinConfig, {fix, cwd})
    reportRuleErrors(outcome, io.stderr)
    patches = (outcome.patch ?? '') + patches
    files.unshift(outcome)
  }
  return {files, patches: fix === 'dry-run' ? patches : undefined, cache}
}

/** A file's size for the thread count; 0 for one that cannot be looked at (it is reported when read). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/**
 * A file whose report was taken from the cache. Its text is read only if a format shows it
 * (HTML, SARIF): the file was hashed a moment ago, so it is the text the report describes.
 */
function cachedFile({stored, report}: CacheHit, filePath: string, config: LintedFile['config']): CachedFile {
  return {filePath, config, stored, counts: stored.counts, report, readText: () => readDraft(filePath).text}
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info']

/**
 * The file with only the messages of severity `min` or above: the very same file when that
 * drops none, so a report from the cache is written as stored. What is not filtered (the
 * text, the stats) is passed through unread; the stored parts, which no longer describe it,
 * are not.
 */
function atLeast(file: ReportedFile, min: Severity): ReportedFile {
  const counts = countsOf(file)
  if (SEVERITIES.every((s) => RANK[s] >= RANK[min] || counts[s] === 0)) return file
  const keep = (m: {severity: Severity}) => RANK[m.severity] >= RANK[min]
  if (isCached(file)) {
    const report = file.report.filtered(keep)
    return {...file, stored: undefined, counts: countBySeverity([{messages: report.messages()}]), report}
  }
  const {report} = file
  return {...file, stored: undefined, report: {filePath: report.filePath, messages: report.messages.filter(keep), stats: report.stats}}
}

function reportRuleErrors(outcome: FileOutcome, stderr: NodeJS.WritableStream): void {
  for (const e of outcome.ruleErrors) stderr.write(`oncolint: rule ${e.ruleId} failed on ${printablePath(outcome.report.filePath)}: ${printablePath(e.message)}\n`)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '')
}
