import {unexplainedSuppression, unknownRuleInDirective} from './directives.js'
import {undefinedJargon} from './jargon.js'
import {passiveVoice} from './passive-voice.js'
import {phraseRule} from './phrase-rule.js'
import {gradeLevel, longParagraph, longSentence} from './readability-metrics.js'
import type {Rule} from './rule.js'

/** Every rule oncolint has. Phrase rules take their phrases from terminology/*.yaml. */
export const RULES: readonly Rule[] = [
  phraseRule('accuracy/nonstandard-term', 'warning', 'A garbled or non-standard term is used where a standard medical term exists.'),
  phraseRule('accuracy/misconception', 'error', 'A common misconception about cancer spread is stated as fact.'),
  phraseRule('accuracy/absolute-statement', 'error', 'An absolute or fatalistic statement about metastatic cancer that is not true for every patient.'),
  phraseRule('accuracy/primary-site-naming', 'error', 'Metastatic cancer is named after the organ it spread to instead of where it started.'),
  gradeLevel,
  longSentence,
  longParagraph,
  passiveVoice,
  phraseRule('readability/complex-word', 'info', 'A wordy or hard word has a plain alternative.'),
  undefinedJargon,
  phraseRule('promotion/superlative', 'warning', 'A superlative about a hospital, doctor or treatment (best, No. 1, leading).'),
  phraseRule('promotion/hype', 'warning', 'Hype words that oversell a treatment (miracle, breakthrough, cutting-edge).'),
  phraseRule('promotion/cure-claim', 'error', 'A claim to cure or eliminate cancer, presented as certain.'),
  phraseRule('promotion/absolute-claim', 'error', 'An absolute claim about results or safety (100% success, no side effects).'),
  phraseRule('promotion/unproven-therapy', 'error', 'An alternative remedy presented as treating or curing cancer.'),
  phraseRule('promotion/unsupported-statistic', 'warning', 'A success, cure or survival rate given as a selling point.'),
  phraseRule('promotion/testimonial', 'warning', 'Patient testimonials used as evidence of results.'),
  phraseRule('promotion/call-to-action', 'warning', 'Advertising calls to act (call now, book today, limited slots).'),
  unexplainedSuppression,
  unknownRuleInDirective,
]

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]))
