import {readabilityOf} from '../../analyses/readability.js'
import type {RawFinding, Rule} from '../../rule-context.js'

export const longParagraph: Rule = {
  id: 'readability/long-paragraph',
  family: 'readability',
  defaultSeverity: 'info',
  description: 'A paragraph is longer than patients take in at once (default 120 words).',
  check(ctx) {
    const {draft, config} = ctx
    const {sentenceCounts} = ctx.get(readabilityOf)
    const out: RawFinding[] = []
    for (const p of draft.paragraphs) {
      if (p.heading) continue
      const words = p.sentences.reduce((n, i) => n + sentenceCounts[i].words, 0)
      if (words <= config.maxParagraphWords) continue
      out.push({
        ruleId: this.id,
        message: `Paragraph has ${words} words; keep paragraphs to ${config.maxParagraphWords} words or fewer so each makes one point.`,
        offset: p.offset,
        endOffset: p.endOffset,
        suggestions: [],
      })
    }
    return out
  },
}
