import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import {DataFileError, withDefaults} from '../engine/index.js'
import {configFor} from '../config/load-config.js'
import {HELP, parseCli, type CliOptions} from './args.js'
import {LintCache} from './cache.js'
import {UsageError} from './errors.js'
import {expandTargets} from './files.js'
import {FORMATTERS} from './formats/index.js'
import {loadIgnore} from './ignore-file.js'
import {configKey, hashText, lintText, type FileJob, type FileOutcome, type FixMode} from './lint-file.js'
import {RANK, countBySeverity, displayPath, type LintedFile} from './report.js'
import {listRules, printConfig, version} from './rules-info.js'
import {lintFiles, threadCount} from './threads.js'
import {isBinaryFile, readText, writeAtomically} from './write.js'

export interface CliIo {
  cwd: string
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
}

/** Runs the command line; returns the exit code (0 clean, 1 errors, 2 usage/config error). */
export async function runCli(argv: string[], io: CliIo = {cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin}): Promise<number> {
  try {
    const options = parseCli(argv)
    if (options.help) return io.stdout.write(HELP), 0
    if (options.version) return io.stdout.write(`${version()}\n`), 0
    if (options.listRules) return io.stdout.write(listRules()), 0
    if (options.printConfig) return io.stdout.write(printConfig(options.printConfig, io.cwd)), 0
    if (options.targets.length === 0) throw new UsageError('No files given. Try: oncolint <files|dirs|globs...> (or --help)')

    const run = await lintTargets(options, io)
    // --min-severity drops findings entirely; --quiet only hides warnings (they still count, as in ESLint).
    const kept = run.files.map((f) => withMessages(f, (m) => RANK[m.severity] >= RANK[options.minSeverity]))
    const shown = options.quiet ? kept.map((f) => withMessages(f, (m) => m.severity === 'error')) : kept
    const report = FORMATTERS[options.format](shown, {cwd: io.cwd, color: options.color && !options.outputFile, version: version()})

    if (run.patches) io.stdout.write(run.patches)
    if (options.outputFile) writeAtomically(resolve(io.cwd, options.outputFile), report)
    else io.stdout.write(report)
    if (run.cache) {
      try {
        run.cache.save()
      } catch (e) {
        io.stderr.write(`oncolint: could not write the cache ${run.cache.path}: ${(e as Error).message}\n`)
      }
    }

    const totals = countBySeverity(kept.map((f) => f.report))
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
    const err = e as NodeJS.ErrnoException
    io.stderr.write(`oncolint: ${err.code ? `${err.code}: ` : ''}${err.message}\n`)
    return 2
  }
}

interface Run {
  files: LintedFile[]
  /** --fix-dry-run: the unified diff of every file's fixes. */
  patches?: string
  cache?: LintCache
}

async function lintTargets(options: CliOptions, io: CliIo): Promise<Run> {
  const {cwd} = io
  const fix: FixMode = options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'off'
  const stdin = options.targets.includes('-')
  if (stdin && fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the fixes')
  const ignorer = options.ignore ? loadIgnore(cwd, options.ignorePatterns) : undefined
  const found = await expandTargets(options.targets.filter((t) => t !== '-'), cwd, options.extensions, ignorer)
  // An image or other binary named like a draft is skipped with one line, as a text linter would.
  const binary = found.files.filter(isBinaryFile)
  for (const file of binary) io.stderr.write(`oncolint: warning: ${displayPath(file, cwd)}: binary file, not linted\n`)
  const selection = binary.length ? {...found, files: found.files.filter((f) => !binary.includes(f))} : found
  // Every config is read before any file is touched: a bad one stops the run with nothing written.
  const configs = selection.files.map((file) => configFor(file, cwd))
  const stdinText = stdin ? await readAll(io.stdin) : undefined
  const stdinConfig = stdin ? configFor(options.stdinFilename, cwd) : undefined
  for (const file of selection.ignored) {
    io.stderr.write(`oncolint: warning: ${displayPath(file, cwd)}: File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n`)
  }

  const cache = options.cache ? LintCache.load(options.cacheLocation, cwd, version(), (line) => io.stderr.write(`${line}\n`)) : undefined
  const results: Array<LintedFile | undefined> = new Array(selection.files.length)
  const jobs: Array<FileJob & {index: number}> = []
  selection.files.forEach((filePath, index) => {
    if (cache) {
      const text = readText(filePath)
      const hit = cache.get(filePath, {hash: hashText(text), config: configKey(configs[index], filePath)})
      // A file with fixes left to apply is linted again when fixing; otherwise its stored report stands.
      const fixable = fix !== 'off' && hit?.messages.some((m) => m.suggestions.some((s) => s.safe))
      if (hit && !fixable) {
        results[index] = {report: hit, text, config: withDefaults(configs[index].config)}
        return
      }
    }
    jobs.push({filePath, fix, cwd, index})
  })

  const started = performance.now()
  const bytes = jobs.reduce((n, job) => n + statSync(job.filePath).size, 0)
  const threads = threadCount(options.concurrency, jobs.length, bytes)
  const outcomes = await lintFiles(jobs, threads)
  if (options.debug) {
    const ms = Math.round(performance.now() - started)
    io.stderr.write(`oncolint: debug: ${selection.files.length} files, ${selection.files.length - jobs.length} from the cache, ${jobs.length} linted on ${threads} thread${threads === 1 ? '' : 's'} in ${ms} ms\n`)
  }
  let patches = ''
  outcomes.forEach((outcome, i) => {
    results[jobs[i].index] = outcome
    reportRuleErrors(outcome, io.stderr)
    // Rule failures are worth seeing again; dry-run results describe text that is not on disk.
    if (cache && outcome.ruleErrors.length === 0 && outcome.patch === undefined) cache.set(outcome.report, outcome.key)
  })
  for (const outcome of outcomes) patches += outcome.patch ?? ''

  const files = results as LintedFile[]
  if (stdinText !== undefined && stdinConfig) {
    const name = options.stdinFilename ? resolve(cwd, options.stdinFilename) : '<stdin>'
    const outcome = lintText(name, stdinText, stdinConfig, {fix, cwd})
    reportRuleErrors(outcome, io.stderr)
    patches = (outcome.patch ?? '') + patches
    files.unshift(outcome)
  }
  return {files, patches: fix === 'dry-run' ? patches : undefined, cache}
}

function withMessages(file: LintedFile, keep: (m: LintedFile['report']['messages'][number]) => boolean): LintedFile {
  return {...file, report: {...file.report, messages: file.report.messages.filter(keep)}}
}

function reportRuleErrors(outcome: FileOutcome, stderr: NodeJS.WritableStream): void {
  for (const e of outcome.ruleErrors) stderr.write(`oncolint: rule ${e.ruleId} failed on ${outcome.report.filePath}: ${e.message}\n`)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '')
}
