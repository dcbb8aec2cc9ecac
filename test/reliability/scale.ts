/**
 * How many fast-check runs a property gets. CI runs the figures written in the tests (10,000+
 * cases in all, about a minute on a 2-core machine); ONCOLINT_FUZZ_SCALE multiplies them for
 * a longer local hunt (ONCOLINT_FUZZ_SCALE=10 npx mocha test/reliability/never-crash.test.ts),
 * and ONCOLINT_FUZZ_SEED replays a failure that fast-check reported.
 */
import type {Parameters} from 'fast-check'

const scale = Number(process.env.ONCOLINT_FUZZ_SCALE ?? '1')
const seed = process.env.ONCOLINT_FUZZ_SEED

if (!(scale > 0)) throw new Error(`ONCOLINT_FUZZ_SCALE must be a number above 0, got "${process.env.ONCOLINT_FUZZ_SCALE}"`)

/** fast-check parameters for a property that runs `base` cases in CI. */
export function runs<T>(base: number): Parameters<T> {
  return {numRuns: Math.max(1, Math.round(base * scale)), ...(seed ? {seed: Number(seed)} : {})}
}

/** A time bound that grows with the scale, for the mocha timeout of a property. */
export const timeoutFor = (baseMs: number): number => Math.round(baseMs * Math.max(1, scale))
