import {severityFor, type Family, type LintConfig, type RuleGroup, type Severity} from './config.js'
import type {Draft} from './parse/draft.js'
import type {Terminology} from './terminology/terminology.js'
import type {Finding} from './types.js'

export type RawFinding = Omit<Finding, 'severity'>

/**
 * What a phrase rule (a rule whose phrases are terminology entries) tells the shared phrase
 * analysis about its entries: the analysis asks the rule, it never tests rule ids.
 */
export interface PhraseRuleTraits {
  /** The built-in data file its entries live in (terminology/<name>.yaml). */
  data: string
  /** Whether a negation, question or myth cue in the sentence cancels an entry's match (an entry may say otherwise). */
  negatable: boolean
  /** Whether a source cited in the sentence or the next excuses a match (a figure that is sourced is supported). */
  excusedByCitation: boolean
  /** Whether the draft can explain its terms, so only an unexplained first use is a problem (jargon). */
  explainable: boolean
  /** Whether its claims are about care and made, so a clause whose subject is an amenity ("the car park", "the coats") is not one, nor a claim named in quotation marks ("the 'revolutionary' advert"). */
  careClaim: boolean
  /** Whether its words are praise a business may carry in its name ("Cutting Edge Landscapes"), so such a name is not a claim (analyses/claim-subject.ts). */
  praise: boolean
}

export interface Rule {
  /** `<group>/<name>`, kebab-case; its doc is docs/rules/<id>.md. */
  id: string
  family: RuleGroup
  defaultSeverity: Severity
  /** One line, for --list-rules and the docs. */
  description: string
  /** Set for phrase rules: how the shared phrase analysis treats their entries. */
  phrase?: PhraseRuleTraits
  /**
   * Set for a second opinion (a model's finding): the families whose other rules speak first.
   * Its finding is dropped where a finding of theirs overlaps it, since theirs says what is wrong.
   */
  defersTo?: readonly Family[]
  check(ctx: LintContext): RawFinding[]
}

/** A shared analysis of a draft: computed when a rule first asks for it, once per lint. */
export interface Provider<T> {
  readonly name: string
  compute(ctx: LintContext): T
}

export const provider = <T>(name: string, compute: (ctx: LintContext) => T): Provider<T> => ({name, compute})

/**
 * What every rule reads: the parsed draft, the config, the terminology, and the shared
 * analyses by name (`ctx.get(phraseHits)`), each computed on first use and kept for the rest
 * of the lint, like markdownlint's lib/cache. Nothing is computed for a rule that is off.
 */
export class LintContext {
  private readonly values = new Map<Provider<unknown>, unknown>()
  private readonly onOff = new Map<string, boolean>()
  readonly rulesById: ReadonlyMap<string, Rule>

  constructor(
    readonly draft: Draft,
    readonly config: LintConfig,
    readonly terminology: Terminology,
    readonly rules: readonly Rule[],
  ) {
    this.rulesById = new Map(rules.map((r) => [r.id, r]))
  }

  get<T>(p: Provider<T>): T {
    if (this.values.has(p)) return this.values.get(p) as T
    const value = p.compute(this)
    this.values.set(p, value)
    return value
  }

  /** Whether a rule runs in this lint; answered once per rule (asked for every phrase match). */
  enabled(ruleId: string): boolean {
    let on = this.onOff.get(ruleId)
    if (on === undefined) {
      const fallback = this.rulesById.get(ruleId)?.defaultSeverity ?? 'warning'
      this.onOff.set(ruleId, (on = severityFor(this.config.rules, ruleId, fallback) !== 'off'))
    }
    return on
  }
}

/** The family of a rule id: its first part. */
export const familyOf = (ruleId: string): Family | 'oncolint' => ruleId.split('/')[0] as Family | 'oncolint'
