import {phraseHits} from '../../analyses/phrase-hits.js'
import {claimModel} from '../../claims/load.js'
import {memoSlot} from '../../parse/memo.js'
import {familyOf, type RawFinding, type Rule} from '../../rule-context.js'

/** How sure the model must be. At this level, on new wording kept out of its training, it found 8 claims in 10 and raised 1 false finding in 40 true sentences. */
export const LIKELY = 0.9
/** Fewer words than this are a label, a date line or a fragment of a list, too little for the model to read (the rules read slogans). */
const MIN_WORDS = 6
const LABEL = /^[^.!?:\n]{1,40}:\s+/
const SCORE = memoSlot<number>('how likely the promotion model finds a claim in a sentence')

/**
 * promotion/likely-claim: a sentence that the promotion model (claims/claim-model.ts) reads as a
 * promotional claim while no promotion rule names it. A second opinion, given as information:
 * the rules say which claim and why; this says only that the sentence reads like one.
 */
export const likelyClaim: Rule = {
  id: 'promotion/likely-claim',
  family: 'promotion',
  defaultSeverity: 'info',
  description: 'A sentence that reads like a promotional claim to a model trained on labelled sentences, where no promotion rule names the claim.',
  check(ctx) {
    const {draft} = ctx
    const named = new Set(ctx.get(phraseHits).filter((h) => familyOf(h.entry.rule) === 'promotion').map((h) => h.sentence))
    const model = claimModel()
    const out: RawFinding[] = []
    draft.sentences.forEach((sentence, i) => {
      // Headings are the rules' to read: a title is a fragment to the model ("Secondary cancers (metastases)").
      if (named.has(i) || sentence.words.length < MIN_WORDS || draft.paragraphs[sentence.paragraph].heading) return
      const text = draft.text.slice(sentence.offset, sentence.endOffset).trim()
      // A line of a list with no full stop ("• metastatic tumour, tumours or disease") is no sentence to the model.
      if (!/[.!?]["'”’)]*$/.test(text)) return
      // A glossary label is a term, not part of a claim: "Post-remission therapy: This is the second phase".
      const score = sentence.memo.getOr(SCORE, () => model.score(text.replace(LABEL, '')))
      if (score < LIKELY) return
      const start = sentence.words[0].offset
      const end = sentence.words[sentence.words.length - 1].endOffset
      out.push({ruleId: this.id, message: MESSAGE, offset: start, endOffset: end, suggestions: [], actual: draft.text.slice(start, end)})
    })
    return out
  },
}

export const MESSAGE =
  "This sentence reads like a promotional claim (an outcome promised, the provider praised, a product sold), though no rule names the claim: oncolint's model of sentences labelled by editors puts it with the claims. If it is one, give the evidence with its source, or remove it; if it is a fair statement, ignore this note (FTC Health Products Compliance Guidance)."
