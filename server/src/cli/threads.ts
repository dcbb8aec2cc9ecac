import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Worker as WorkerThread} from 'node:worker_threads'
import {DataFileError} from '../engine/index.js'
import {UsageError, errorText} from './errors.js'
import {configResolver, type ResolvedConfig} from '../config/load-config.js'
import {lintFile, type FileJob, type FileOutcome} from './lint-file.js'

/**
 * When worker threads pay off. A worker first spends a while loading oncolint and its
 * terminology (and warming up), so it needs about that much linting to take over: some 200 KB
 * of drafts (docs/performance.md has the figures). Below a handful of files there is nothing
 * to share.
 */
export const MIN_FILES_FOR_THREADS = 8
export const BYTES_PER_THREAD = 200_000
/**
 * On two cores a worker does not pay: on the bench corpus two threads took longer than one
 * (docs/performance.md). Linting is bound by memory traffic (parse trees, small objects), not
 * by arithmetic, and the second core also runs the garbage collector's threads; with more
 * cores the workers have room.
 */
export const MIN_CORES_FOR_THREADS = 3

/**
 * node:worker_threads, loaded when a thread is started or is one: the CLI asks on every start
 * whether it runs as a lint thread, and loading the module only to answer is a cost every run
 * would pay.
 */
const workerThreads = () => process.getBuiltinModule('node:worker_threads')

/** What a lint thread is started with in its argv, so it knows itself without loading worker_threads. */
const WORKER_FLAG = '--oncolint-lint-thread'

interface WorkerInput {
  oncolintWorker: true
  jobs: FileJob[]
  /** The next job index, shared by every thread: each takes the next file when it is free. */
  counter: SharedArrayBuffer
}

type SerializedError = {kind: 'data'; file: string; line: number; problem: string} | {kind: 'usage' | 'other'; message: string}
type WorkerMessage = {index: number; outcome: FileOutcome} | {index: number; error: SerializedError} | {done: true}

/** How many threads lint: the setting, or with 'auto' as many as the amount of text keeps busy, one per core at most. */
export function threadCount(setting: number | 'auto', files: number, bytes: number): number {
  if (!workerEntry()) return 1
  if (setting !== 'auto') return Math.max(1, Math.min(setting, files))
  return autoThreads(files, bytes, availableParallelism())
}

export function autoThreads(files: number, bytes: number, cores: number): number {
  if (files < MIN_FILES_FOR_THREADS || bytes < BYTES_PER_THREAD || cores < MIN_CORES_FOR_THREADS) return 1
  return Math.max(1, Math.min(cores, files, 1 + Math.floor(bytes / BYTES_PER_THREAD)))
}

/**
 * Lints the jobs on `threads` threads: the main thread and threads-1 workers take files from
 * one shared counter, so a slow file never holds up the rest. Results come back in job order.
 */
export async function lintFiles<J extends FileJob>(jobs: readonly J[], threads: number, configOf: (job: J) => ResolvedConfig): Promise<FileOutcome[]> {
  const entry = workerEntry()
  if (threads <= 1 || jobs.length < 2 || !entry) return jobs.map((job) => lintFile(job, configOf(job)))
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const counter = new Int32Array(shared)
  const results: Array<FileOutcome | undefined> = new Array(jobs.length)
  let filled = 0
  let failure: unknown
  let mainDone = false
  let alive = 0
  let settle!: () => void
  const settled = new Promise<void>((resolve) => (settle = resolve))
  const check = () => {
    if (failure !== undefined || filled === jobs.length || (mainDone && alive === 0)) settle()
  }
  const store = (index: number, outcome: FileOutcome) => {
    results[index] = outcome
    filled++
    check()
  }
  const fail = (e: unknown) => {
    failure ??= e
    Atomics.store(counter, 0, jobs.length) // nobody takes another file
    check()
  }
  const input: WorkerInput = {oncolintWorker: true, jobs: [...jobs], counter: shared}
  const workers = Array.from({length: Math.min(threads, jobs.length) - 1}, () => {
    const worker: WorkerThread = new (workerThreads().Worker)(entry, {workerData: input, argv: [WORKER_FLAG]})
    alive++
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.on('message', (m: WorkerMessage) => {
      if ('error' in m) fail(revive(m.error))
      else if ('outcome' in m) store(m.index, m.outcome)
    })
    worker.on('error', fail)
    worker.once('exit', () => {
      alive--
      check()
    })
    return {worker, exited}
  })
  // ONCOLINT_WORKERS_ONLY=1 leaves every file to the workers: the tests use it to be sure each
  // outcome crosses threads (the main thread would otherwise take the first files while the
  // workers start up, and with small files all of them).
  const mainLints = process.env.ONCOLINT_WORKERS_ONLY !== '1'
  for (let i = mainLints ? Atomics.add(counter, 0, 1) : jobs.length; i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    try {
      store(i, lintFile(jobs[i], configOf(jobs[i])))
    } catch (e) {
      fail(e)
      break
    }
    // Let the workers' finished files in while this thread works.
    await new Promise((resume) => setImmediate(resume))
  }
  mainDone = true
  check()
  await settled
  if (failure !== undefined) {
    // Let a worker finish the file it is writing rather than cut it off mid-rename.
    await Promise.all(workers.map((w) => w.exited))
    throw failure
  }
  // Every file is done: a worker still starting up has nothing left to do.
  await Promise.all(workers.map((w) => w.worker.terminate()))
  const missing = results.indexOf(undefined)
  if (missing >= 0) throw new Error(`a lint thread stopped before finishing ${jobs[missing].filePath}`)
  return results as FileOutcome[]
}

/** True in a thread started by lintFiles: index.ts then runs the worker loop instead of the CLI. */
export function isLintWorker(): boolean {
  if (!process.argv.includes(WORKER_FLAG)) return false
  const {isMainThread, workerData} = workerThreads()
  return !isMainThread && (workerData as Partial<WorkerInput> | undefined)?.oncolintWorker === true
}

export function runLintWorker(): void {
  const {workerData, parentPort} = workerThreads()
  const {jobs, counter: shared} = workerData as WorkerInput
  const counter = new Int32Array(shared)
  const port = parentPort!
  // Each folder's config looked up once in this thread, as the main thread does.
  const configOf = configResolver(jobs[0]?.cwd ?? process.cwd())
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    try {
      port.postMessage({index: i, outcome: lintFile(jobs[i], configOf(jobs[i].filePath))} satisfies WorkerMessage)
    } catch (e) {
      port.postMessage({index: i, error: serialize(e)} satisfies WorkerMessage)
      break
    }
  }
  port.postMessage({done: true} satisfies WorkerMessage)
}

/**
 * The file a worker starts from: the bundle itself (dist/cli.js, whose entry checks
 * isLintWorker). From TypeScript source (tests under tsx) there is none: a worker would not
 * inherit tsx's loader, so the caller lints on this thread.
 */
function workerEntry(): string | undefined {
  const self = fileURLToPath(import.meta.url)
  return self.endsWith('.ts') ? undefined : self
}

function serialize(e: unknown): SerializedError {
  if (e instanceof DataFileError) return {kind: 'data', file: e.file, line: e.line, problem: e.problem}
  if (e instanceof UsageError) return {kind: 'usage', message: e.message}
  return {kind: 'other', message: errorText(e)}
}

function revive(e: SerializedError): Error {
  if (e.kind === 'data') return new DataFileError(e.file, e.line, e.problem)
  if (e.kind === 'usage') return new UsageError(e.message)
  return new Error(e.message)
}
