import {readabilityOf} from '../../analyses/readability.js'
import type {RawFinding, Rule} from '../../rule-context.js'

export const longSentence: Rule = {
  id: 'readability/long-sentence',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A sentence has more words than patients read easily (default 25).',
  check(ctx) {
    const {draft, config} = ctx
    const {sentenceCounts} = ctx.get(readabilityOf)
    const out: RawFinding[] = []
    for (const [i, s] of draft.sentences.entries()) {
      if (draft.paragraphs[s.paragraph].heading) continue
      const words = sentenceCounts[i].words
      if (words <= config.maxSentenceWords) continue
      out.push({
        ruleId: this.id,
        message: `Sentence has ${words} words; patients read sentences of ${config.maxSentenceWords} words or fewer more easily. Split it.`,
        offset: s.offset,
        endOffset: s.endOffset,
        suggestions: [],
      })
    }
    return out
  },
}
