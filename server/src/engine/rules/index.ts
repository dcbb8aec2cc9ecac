import type {Rule} from '../rule-context.js'
import {absoluteStatement} from './accuracy/absolute-statement.js'
import {likelyMisconception} from './accuracy/likely-misconception.js'
import {misconception} from './accuracy/misconception.js'
import {mixedNumberFormats} from './accuracy/mixed-number-formats.js'
import {nonstandardTerm} from './accuracy/nonstandard-term.js'
import {primarySiteNaming} from './accuracy/primary-site-naming.js'
import {relativeRisk} from './accuracy/relative-risk.js'
import {statisticForOnePerson} from './accuracy/statistic-for-one-person.js'
import {survivalStatistic} from './accuracy/survival-statistic.js'
import {unexplainedSuppression} from './oncolint/unexplained-suppression.js'
import {unknownRuleInDirective} from './oncolint/unknown-rule.js'
import {absoluteClaim} from './promotion/absolute-claim.js'
import {callToAction} from './promotion/call-to-action.js'
import {cureClaim} from './promotion/cure-claim.js'
import {hype} from './promotion/hype.js'
import {likelyClaim} from './promotion/likely-claim.js'
import {superlative} from './promotion/superlative.js'
import {testimonial} from './promotion/testimonial.js'
import {unprovenTherapy} from './promotion/unproven-therapy.js'
import {unsupportedStatistic} from './promotion/unsupported-statistic.js'
import {complexWord} from './readability/complex-word.js'
import {gradeLevel} from './readability/grade-level.js'
import {longParagraph} from './readability/long-paragraph.js'
import {longSentence} from './readability/long-sentence.js'
import {passiveVoice} from './readability/passive-voice.js'
import {undefinedJargon} from './readability/undefined-jargon.js'

/**
 * Every rule oncolint has, in the order --list-rules shows them. A rule's home is its file,
 * rules/<family>/<name>.ts (its doc: docs/rules/<family>/<name>.md; a phrase rule's entries:
 * the terminology/ file it names). CONTRIBUTING.md says how to add one.
 */
export const RULES: readonly Rule[] = [
  nonstandardTerm,
  misconception,
  absoluteStatement,
  primarySiteNaming,
  relativeRisk,
  survivalStatistic,
  statisticForOnePerson,
  mixedNumberFormats,
  likelyMisconception,
  gradeLevel,
  longSentence,
  longParagraph,
  passiveVoice,
  complexWord,
  undefinedJargon,
  superlative,
  hype,
  cureClaim,
  absoluteClaim,
  unprovenTherapy,
  unsupportedStatistic,
  testimonial,
  callToAction,
  likelyClaim,
  unexplainedSuppression,
  unknownRuleInDirective,
]

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]))
