import {phraseHits} from '../analyses/phrase-hits.js'
import {memoSlot} from '../parse/memo.js'
import {familyOf, type LintContext} from '../rule-context.js'
import {claimModel, type ModelFamily} from './load.js'

/** How sure a model must be. At this level, on new wording kept out of its training, the rules and the model together found most claims (docs/rules/promotion/likely-claim.md). */
export const LIKELY = 0.9
/** Fewer words than this are a label, a date line or a fragment of a list, too little for a model to read (the rules read slogans). */
const MIN_WORDS = 6
/** A glossary label is a term, not part of a claim: "Post-remission therapy: This is the second phase". */
const LABEL = /^[^.!?:\n]{1,40}:\s+/
const SCORES = memoSlot<Partial<Record<ModelFamily, number>>>('how likely the models find a claim in a sentence')

/**
 * The sentences a family's model (claims/claim-model.ts) reads as a claim of that family while
 * no phrase rule of the family names one: full sentences of six words or more that end in a
 * full stop, question or exclamation mark, outside headings. Offsets of the first and last word.
 */
export function likelySentences(ctx: LintContext, family: ModelFamily): Array<{offset: number; endOffset: number}> {
  const {draft} = ctx
  const named = new Set(ctx.get(phraseHits).filter((h) => familyOf(h.entry.rule) === family).map((h) => h.sentence))
  const model = claimModel(family)
  const out: Array<{offset: number; endOffset: number}> = []
  draft.sentences.forEach((sentence, i) => {
    // Headings are the rules' to read: a title is a fragment to a model ("Secondary cancers (metastases)").
    if (named.has(i) || sentence.words.length < MIN_WORDS || draft.paragraphs[sentence.paragraph].heading) return
    const text = draft.text.slice(sentence.offset, sentence.endOffset).trim()
    // A line of a list with no full stop ("• metastatic tumour, tumours or disease") is no sentence to a model.
    if (!/[.!?]["'”’)]*$/.test(text)) return
    const scores = sentence.memo.getOr(SCORES, (): Partial<Record<ModelFamily, number>> => ({}))
    const score = (scores[family] ??= model.score(text.replace(LABEL, '')))
    if (score < LIKELY) return
    out.push({offset: sentence.words[0].offset, endOffset: sentence.words[sentence.words.length - 1].endOffset})
  })
  return out
}
