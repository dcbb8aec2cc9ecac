import {numbersOf} from '../../analyses/numbers.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/**
 * accuracy/statistic-for-one-person: a group statistic applied to the reader ("you have a 70%
 * chance", "your life expectancy is 6 months", "median survival is 12 months, so you have a
 * year to live").
 */
export const statisticForOnePerson: Rule = {
  id: 'accuracy/statistic-for-one-person',
  family: 'accuracy',
  defaultSeverity: 'warning',
  description: 'A survival or risk statistic applied to the reader as their own chance or time.',
  check(ctx) {
    const numbers = ctx.get(numbersOf)
    const out: RawFinding[] = []
    for (const [i, f] of numbers.bySentence) {
      // An estimate worked out for the reader (a prediction tool, their doctor from their results) is theirs, not a group's.
      if (f.question || f.caveat || f.personal.length === 0 || numbers.refuted(i) || numbers.individualNear(i)) continue
      const s = ctx.draft.sentences[i]
      for (const p of f.personal) {
        if (p.denied) continue
        // A forecast ("so you have a year") needs a figure of its own, an outcome figure here or just
        // before, or words that say it rests on statistics ("going by the figures").
        if (p.kind === 'forecast' && !p.withFigure && !numbers.prognosisNear(i) && !numbers.basis(i)) continue
        const offset = s.offset + p.from
        const endOffset = s.offset + p.to
        // A promotion finding on these words (an unsourced figure, a promise) is another problem:
        // what the text makes of a group's figure for the reader is reported beside it.
        out.push({ruleId: this.id, message: ONE_PERSON, offset, endOffset, suggestions: [], actual: ctx.draft.text.slice(offset, endOffset)})
        break
      }
    }
    return out
  },
}

export const ONE_PERSON =
  "Statistics describe groups of people, not one person: they cannot say what will happen to the reader, whose outlook depends on things no statistic includes. Give the figure for the group ('about 30 in 100 people with this cancer are alive 5 years after diagnosis'), and say what a median means: half the people lived longer than that, some much longer (NCI, Understanding Cancer Prognosis)."
