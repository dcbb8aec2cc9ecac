import {likelySentences} from '../../claims/likely-sentences.js'
import type {Rule} from '../../rule-context.js'

/**
 * accuracy/likely-misconception: a sentence that the accuracy model (claims/claim-model.ts) reads
 * as a misconception while no accuracy rule names one. A second opinion, given as information:
 * the rules say what is wrong and offer the standard wording; this says only that the sentence
 * reads like the misconceptions editors correct, and offers no edit.
 */
export const likelyMisconception: Rule = {
  id: 'accuracy/likely-misconception',
  family: 'accuracy',
  defaultSeverity: 'info',
  defersTo: ['accuracy', 'promotion'],
  description: 'A sentence that reads like a misconception to a model trained on labelled sentences, where no accuracy rule names it.',
  check(ctx) {
    return likelySentences(ctx, 'accuracy').map(({offset, endOffset}) => ({ruleId: this.id, message: MESSAGE, offset, endOffset, suggestions: [], actual: ctx.draft.text.slice(offset, endOffset)}))
  },
}

export const MESSAGE =
  "This sentence reads like a misconception about cancer (what causes it, how it spreads, what a stage, test or treatment means), though no rule names one: oncolint's model of sentences labelled by editors puts it with the misconceptions. Check it against a source such as NCI's pages (cancer.gov); if it is correct, ignore this note."
