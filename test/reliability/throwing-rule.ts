/** A rule that fails, for the fault isolation tests (engine, CLI and server). */
import {RULES, type Rule} from '../../server/src/engine/index.js'

/** Fails on every draft that has a sentence (one that has none, it passes). */
export const THROWING_RULE: Rule = {
  id: 'readability/test-throws',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A rule that fails, for fault isolation tests.',
  check(ctx) {
    if (ctx.draft.sentences.length) throw new TypeError('boom on purpose')
    return []
  },
}

/**
 * Runs `body` with THROWING_RULE in the registry every caller of lint() uses (the CLI and the
 * server pass no rule list): the registry is a plain array, so a test can add one and take it out.
 */
export async function withThrowingRule<T>(body: () => Promise<T> | T): Promise<T> {
  const registry = RULES as Rule[]
  registry.unshift(THROWING_RULE)
  try {
    return await body()
  } finally {
    registry.splice(registry.indexOf(THROWING_RULE), 1)
  }
}
