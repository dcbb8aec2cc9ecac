import {aboutAmenity} from '../analyses/claim-subject.js'
import {classSpansOf} from '../analyses/class-spans.js'
import {clausesOf} from '../analyses/clauses.js'
import {hasCitationNearby} from '../analyses/citation.js'
import {CLAIM_LABEL, framedAsBelief, refutedByNext} from '../analyses/negation.js'
import {memoSlot} from '../parse/memo.js'
import type {LintContext} from '../rule-context.js'
import type {Token} from '../parse/tokens.js'
import type {ClassSpans} from '../terminology/matcher.js'
import {claimFeatures} from './claim-model.js'
import {claimModel, MODEL_FAMILIES, type ModelFamily} from './load.js'

/**
 * How sure each family's model must be. At these levels, on new wording kept out of the
 * training, the rules and the model together found most claims at few false alarms
 * (docs/rules/promotion/likely-claim.md, docs/rules/accuracy/likely-misconception.md).
 */
export const LIKELY: Record<ModelFamily, number> = {promotion: 0.9, accuracy: 0.97}
/** Fewer words than this are a label, a date line or a fragment of a list, too little for a model to read (the rules read slogans). */
const MIN_WORDS = 6
/** A glossary label is a term, not part of a claim: "Post-remission therapy: This is the second phase". */
const LABEL = /^[^.!?:\n]{1,40}:\s+/
/**
 * A class a sentence must hold for a family's model to read it (terminology/classes): the
 * accuracy model learned misconceptions about cancer, and a model's strong words ("always",
 * "showed") also stand in sentences about a knee or a drip line.
 */
const TOPIC: Partial<Record<ModelFamily, string>> = {accuracy: 'cancer-topic'}
/** A class of terminology/classes/promotion.yaml: the answers to a survey ("patients who answered our survey"). */
const SURVEY = 'survey-answer'
/** Whether a clause of the sentence is about an amenity ("Care-home news: the new minibus has been a real game-changer"). */
function aboutAnAmenity(tokens: readonly Token[], clauses: Uint16Array, spans: ClassSpans): boolean {
  if (spans.spansOf('amenity').length === 0) return false
  for (let i = 0; i < tokens.length; i++) if ((i === 0 || clauses[i] !== clauses[i - 1]) && aboutAmenity(tokens, clauses, spans, i, i + 1)) return true
  return false
}

/** Where a topic word stands inside one of these, it is not the topic: "stage four of the hospital renovation" is no cancer's stage. */
const NOT_TOPIC = 'other-stage'

/** Whether the sentence holds a word of the topic class outside @other-stage. */
function onTopic(spans: ClassSpans, topic: string): boolean {
  const outside = spans.spansOf(NOT_TOPIC)
  return spans.spansOf(topic).some(([a, b]) => !outside.some(([c, d]) => a >= c && b <= d))
}

/**
 * How likely each family's model finds a claim in a sentence, worked out for every family at
 * once from one reading of its words, and whether it asks; null for a line of a list with no
 * full stop ("• metastatic tumour, tumours or disease"), which is no sentence to a model. Kept
 * with the sentence, so an edit reads only the sentences it changed.
 */
interface Reading {
  scores: Record<ModelFamily, number>
  question: boolean
  /** Opens with a fact-check's label ("Claim: …"): the claim is checked, not made. */
  labelled: boolean
}
const READING = memoSlot<Reading | null>('how likely the models find a claim in a sentence')

/**
 * The sentences a family's model (claims/claim-model.ts) reads as a claim of that family: full
 * sentences of six words or more that end in a full stop, question or exclamation mark, outside
 * headings, that the text does not hold at a distance. Offsets of the first and last word. (Where
 * a rule reports in the sentence, lint() drops the model's finding: the rule's `defersTo`.)
 */
export function likelySentences(ctx: LintContext, family: ModelFamily): Array<{offset: number; endOffset: number}> {
  const {draft} = ctx
  const out: Array<{offset: number; endOffset: number}> = []
  draft.sentences.forEach((sentence, i) => {
    // Headings are the rules' to read: a title is a fragment to a model ("Secondary cancers (metastases)").
    if (draft.paragraphs[sentence.paragraph].heading) return
    // The word count is asked inside the memo: a moved sentence copies its words on first read.
    const reading = sentence.memo.getOr(READING, (): Reading | null => {
      if (sentence.words.length < MIN_WORDS) return null
      const text = draft.text.slice(sentence.offset, sentence.endOffset).trim()
      if (!/[.!?]["'”’)]*$/.test(text)) return null
      const features = claimFeatures(text.replace(LABEL, ''))
      const scores = Object.fromEntries(MODEL_FAMILIES.map((f) => [f, claimModel(f).scoreFeatures(features)])) as Record<ModelFamily, number>
      return {scores, question: /\?["'”’)\]]*$/.test(text), labelled: CLAIM_LABEL.test(text)}
    })
    if (!reading || reading.scores[family] < LIKELY[family]) return
    const spans = classSpansOf(sentence, ctx.terminology)
    const topic = TOPIC[family]
    if (topic !== undefined && !onTopic(spans, topic)) return
    // A figure with its source named is a supported figure, as for the statistics rules ("published in the annual report");
    // one of patients who answered a survey is what they said, not an outcome ("92% of patients who answered our survey said …").
    if (family === 'promotion' && sentence.tokens.some((t) => ctx.terminology.numerals.mayBeNumber(t)) && (hasCitationNearby(draft, i) || spans.spansOf(SURVEY).length > 0)) return
    // A belief reported or refuted is the text correcting it: "Some people think sugar feeds cancer. This is not true."
    if (reading.labelled || framedAsBelief(sentence.tokens, spans, reading.question) || refutedByNext(draft, i, ctx.terminology)) return
    // A sentence about a car park or a sale of coats makes no claim about care (the promotion rules' `careClaim`).
    if (aboutAnAmenity(sentence.tokens, clausesOf(draft.text, sentence), spans)) return
    out.push({offset: sentence.words[0].offset, endOffset: sentence.words[sentence.words.length - 1].endOffset})
  })
  return out
}
