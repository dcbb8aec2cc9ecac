import type {Draft} from '../parse/draft.js'
import type {Counts, ReadabilityStats} from '../readability/stats.js'
import type {Terminology} from '../terminology/terminology.js'
import type {JargonUse} from './jargon.js'
import type {PhraseHit} from './phrase-hits.js'
import type {Directive} from '../suppress.js'
import type {Finding, LintConfig, RuleGroup, Severity} from '../types.js'

/** What every rule reads: one parsed draft, shared by all rules of a run. */
export interface RuleContext {
  draft: Draft
  config: LintConfig
  terminology: Terminology
  /** Phrase matches of the whole terminology set, after context checks and overlap resolution. */
  hits: readonly PhraseHit[]
  stats: ReadabilityStats
  /** Readability counts of each sentence, computed once per run. */
  sentenceCounts: readonly Counts[]
  /** Offsets of the words of terms the draft explains (rules/jargon.ts explainedWordOffsets). */
  explained: ReadonlySet<number>
  /** The first use of each jargon term and whether it is explained there (rules/jargon.ts firstJargonUses). */
  jargonUses: readonly JargonUse[]
  /** oncolint-disable… comments of the draft. */
  directives: readonly Directive[]
}

export type RawFinding = Omit<Finding, 'severity'>

export interface Rule {
  id: string
  family: RuleGroup
  defaultSeverity: Severity
  /** One line, for --list-rules and the docs. */
  description: string
  check(ctx: RuleContext): RawFinding[]
}
