import type {Lack} from '../../analyses/numbers.js'
import {numbersOf, promotionCover} from '../../analyses/numbers.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/**
 * accuracy/survival-statistic: a survival or death figure without its frame - no time frame
 * ("5-year"), no cancer type - a change in survival with no time frame or years ("survival
 * has doubled"), relative survival explained as the chance of being alive, and a survival
 * claim in vague words with no figure and no time ("most people with it don't survive").
 */
export const survivalStatistic: Rule = {
  id: 'accuracy/survival-statistic',
  family: 'accuracy',
  defaultSeverity: 'warning',
  description: 'A survival or death figure with no time frame or cancer type, a survival claim in vague words ("most don\'t survive"), or relative survival explained as the chance of being alive.',
  check(ctx) {
    const numbers = ctx.get(numbersOf)
    const covered = ctx.get(promotionCover)
    const out: RawFinding[] = []
    for (const [i, f] of numbers.bySentence) {
      if (f.question || numbers.refuted(i)) continue
      const s = ctx.draft.sentences[i]
      const report = (from: number, to: number, message: string): boolean => {
        const offset = s.offset + from
        const endOffset = s.offset + to
        if (covered(i, offset, endOffset)) return false
        out.push({ruleId: this.id, message, offset, endOffset, suggestions: [], actual: ctx.draft.text.slice(offset, endOffset)})
        return true
      }
      if (f.relativeSurvival && report(f.relativeSurvival.from, f.relativeSurvival.to, RELATIVE_SURVIVAL)) continue
      if (f.definition) continue
      let done = false
      for (const figure of f.figures) {
        if (figure.relative || figure.quoted || figure.example || figure.denied || (figure.measure !== 'survival' && figure.measure !== 'death')) continue
        // The reader's own estimate, worked out for them ("your doctor estimates your chance of a cure at 60%"), is no group's statistic.
        if (numbers.individualNear(i) && f.personal.some((p) => p.from <= figure.from && p.to >= figure.to)) continue
        const lacks: Lack[] = []
        if (!numbers.timeFrame(i, figure.measure === 'death')) lacks.push('time frame')
        // A named source (a trial, a registry) defines the group its figure is about.
        if (!numbers.group(i) && !numbers.sourced(i)) lacks.push('cancer type')
        if (lacks.length && report(figure.from, figure.to, figureMessage(figure.measure, lacks))) {
          done = true
          break
        }
      }
      if (done) continue
      // "Most people with pancreatic cancer don't survive": no figure and no time at all.
      if (f.vague.some((v) => report(v.from, v.to, VAGUE))) continue
      for (const change of f.changes) {
        if (change.of !== 'survival' || change.quoted || change.denied) continue
        const lacks: Lack[] = []
        if (!numbers.timeFrame(i, false)) lacks.push('time frame')
        if (!numbers.yearsNear(i)) lacks.push('years compared')
        if (lacks.length && report(change.from, change.to, changeMessage(lacks))) break
      }
    }
    return out
  },
}

const NCI = '(NCI, Understanding Cancer Prognosis)'

const missing = (lacks: readonly Lack[]): string => {
  const words = lacks.map((l) => (l === 'time frame' ? 'no time frame' : l === 'cancer type' ? 'no cancer type' : 'no years compared'))
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]
}

/** The message for a survival or death figure that lacks its frame. */
export const figureMessage = (measure: 'survival' | 'death', lacks: readonly Lack[]): string =>
  `This ${measure} figure has ${missing(lacks)}, so a reader cannot tell what it describes or compare it with anything. Say over what time (${measure === 'survival' ? 'such as 5-year survival' : 'such as within 5 years of diagnosis, or each year'}), for which cancer and stage, and where it comes from, for example '5-year relative survival for people with colon cancer that has spread to distant organs is about 14% (SEER)' ${NCI}.`

/** The message for a change in survival given without its time frame or years. */
export const changeMessage = (lacks: readonly Lack[]): string =>
  `This change in survival has ${missing(lacks)}, so a reader cannot tell how much survival changed. Give both figures with their time frame and years, for example '5-year relative survival rose from about 49% for people diagnosed in the mid-1970s to about 69% for those diagnosed in 2013 to 2019' ${NCI}.`

export const RELATIVE_SURVIVAL =
  `Relative survival is not the chance of being alive: it compares people who have the cancer with people of the same age who do not. Explain it as a comparison, for example 'people with this cancer are about 60% as likely as people without it to be alive 5 years after diagnosis' ${NCI}.`

/** The message for a survival claim in vague words with no figure and no time. */
export const VAGUE =
  "'Most' or 'few' with no figure and no time frame says neither how many people nor over what time: readers take such words to mean very different numbers, and survival means nothing without a time. Give the figure with its time frame and group, for example '5-year relative survival for pancreatic cancer is about 13% (SEER)' (NCI, Understanding Cancer Prognosis; FDA, Communicating Risks and Benefits)."
