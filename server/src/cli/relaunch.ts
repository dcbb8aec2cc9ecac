import {spawnSync} from 'node:child_process'
import {constants} from 'node:os'

/**
 * A large batch is linted in a process with a larger young generation. Linting allocates many
 * short-lived objects (tokens, parse trees, class spans); with V8's default semi-space of 16 MB
 * a scavenge runs every few milliseconds and copies what is still alive, and on the spun bench
 * pages the garbage collector took about an eighth of the run. V8 reads the size only when the
 * process starts (setting the flag later changes nothing), so the CLI starts itself again with
 * it, before any terminology is loaded or anything written. docs/performance.md has the figures.
 */
export const RELAUNCH_BYTES = 1_000_000
export const SEMI_SPACE_MB = 64
/** Set in the relaunched process, so it never relaunches itself; set it to stay in one process. */
export const RELAUNCHED = 'ONCOLINT_YOUNG_GENERATION'

/** Whether this process is the relaunched one (for --debug). */
export const relaunched = (): boolean => process.env[RELAUNCHED] !== undefined

/**
 * Runs this command again with a larger young generation when `bytes` of drafts are to be
 * linted; returns its exit code, or undefined when this process should lint (a small batch,
 * already relaunched, a semi-space set by the user, or a child that could not be started).
 */
export function relaunchForBatch(bytes: number): number | undefined {
  if (bytes < RELAUNCH_BYTES || relaunched() || process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return undefined
  const script = process.argv[1]
  if (script === undefined) return undefined
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {...process.env, [RELAUNCHED]: '1'},
  })
  if (child.error) return undefined
  if (child.signal) return 128 + (constants.signals[child.signal] ?? 0)
  return child.status ?? 2
}
