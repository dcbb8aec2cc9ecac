// Timing and memory of one command: wall time by process.hrtime.bigint() around the spawn,
// peak RSS from GNU time (`/usr/bin/time -v`, Debian package `time`) or, without it, from a
// preload that reports process.resourceUsage().maxRSS when the (Node) program exits.
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const GNU_TIME = '/usr/bin/time'
const RSS_PRELOAD = fileURLToPath(new URL('./report-rss.cjs', import.meta.url))
export const rssMethod = existsSync(GNU_TIME) ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS (preload)'

/**
 * Runs `node <args>` with stdout to `stdoutFile` (or discarded) and returns
 * {ms, cpuMs, rssMB, code, stderr}: wall time, CPU time (user + system; on a busy machine it
 * moves less than wall time), peak RSS. Only Node programs are run here, so the fallback preload works.
 */
export async function timeNode(args, {cwd, stdoutFile, env} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-bench-'))
  const report = join(dir, 'rss')
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore'
  const err = openSync(join(dir, 'stderr'), 'w')
  const useTime = existsSync(GNU_TIME)
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', '-o', report, process.execPath, ...args]] : [process.execPath, ['--require', RSS_PRELOAD, ...args]]
  const start = process.hrtime.bigint()
  const code = await new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {cwd, stdio: ['ignore', out, err], env: {...process.env, ...env, BENCH_RSS_FILE: report}})
    child.once('error', reject)
    child.once('exit', (c) => resolve(c))
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (typeof out === 'number') closeSync(out)
  closeSync(err)
  const stderr = readFileSync(join(dir, 'stderr'), 'utf8')
  let rssMB = NaN
  let cpuMs = NaN
  if (existsSync(report)) {
    const text = readFileSync(report, 'utf8')
    if (useTime) {
      const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN)
      rssMB = field('Maximum resident set size \\(kbytes\\)') / 1024
      cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000
    } else {
      const [kb, cpuMicros] = text.trim().split(' ').map(Number)
      rssMB = kb / 1024
      cpuMs = cpuMicros / 1000
    }
  }
  rmSync(dir, {recursive: true, force: true})
  return {ms, cpuMs, rssMB, code, stderr}
}

export const median = (xs) => percentile(xs, 50)

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN
  const sorted = [...xs].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}
