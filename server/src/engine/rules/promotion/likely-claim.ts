import {likelySentences} from '../../claims/likely-sentences.js'
import type {Rule} from '../../rule-context.js'

/**
 * promotion/likely-claim: a sentence that the promotion model (claims/claim-model.ts) reads as a
 * promotional claim while no promotion or accuracy rule reports in it. A second opinion, given as
 * information: the rules say which claim and why; this says only that the sentence reads like one.
 * A misconception reads like a claim to it ("once the bones are involved, nothing more can be
 * done"), and the accuracy rule's message is the one that helps.
 */
export const likelyClaim: Rule = {
  id: 'promotion/likely-claim',
  family: 'promotion',
  defaultSeverity: 'info',
  defersTo: ['promotion', 'accuracy'],
  description: 'A sentence that reads like a promotional claim to a model trained on labelled sentences, where no promotion or accuracy rule reports.',
  check(ctx) {
    return likelySentences(ctx, 'promotion').map(({offset, endOffset}) => ({ruleId: this.id, message: MESSAGE, offset, endOffset, suggestions: [], actual: ctx.draft.text.slice(offset, endOffset)}))
  },
}

export const MESSAGE =
  "This sentence reads like a promotional claim (an outcome promised, the provider praised, a product sold), though no rule names the claim: oncolint's model of sentences labelled by editors puts it with the claims. If it is one, give the evidence with its source, or remove it; if it is a fair statement, ignore this note (FTC Health Products Compliance Guidance)."
