import {numbersOf, promotionCover} from '../../analyses/numbers.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/**
 * accuracy/relative-risk: a relative change of a risk ("halves the risk", "cuts deaths by
 * 20%", "30% less likely", "four times the risk") with no starting risk or absolute figure in
 * its sentence or the next. Reads the number analysis (analyses/numbers.ts).
 */
export const relativeRisk: Rule = {
  id: 'accuracy/relative-risk',
  family: 'accuracy',
  defaultSeverity: 'warning',
  description: 'A relative change in risk ("halves the risk", "cuts deaths by 20%") with no absolute numbers beside it.',
  check(ctx) {
    const numbers = ctx.get(numbersOf)
    const out: RawFinding[] = []
    for (const [i, f] of numbers.bySentence) {
      if (f.question || f.definition || f.changes.length === 0 || numbers.absoluteNear(i) || numbers.baselineNear(i) || numbers.refuted(i)) continue
      const s = ctx.draft.sentences[i]
      for (const change of f.changes) {
        if (change.of !== 'risk' || change.quoted || change.denied) continue
        const offset = s.offset + change.from
        const endOffset = s.offset + change.to
        if (ctx.get(promotionCover)(i, offset, endOffset)) continue
        const actual = ctx.draft.text.slice(offset, endOffset)
        out.push({ruleId: this.id, message: relativeRiskMessage(actual), offset, endOffset, suggestions: [], actual})
        break
      }
    }
    return out
  },
}

export const relativeRiskMessage = (actual: string): string =>
  `'${actual}' gives only a relative change, which does not show how big the benefit or harm is: 10 in 100 becoming 5 in 100 and 2 in 1,000 becoming 1 in 1,000 are both "halved". Give the starting risk and the absolute change over a stated time, for example 'from 10 in 100 to 5 in 100 people over 5 years' (FDA, Communicating Risks and Benefits; IPDAS).`
