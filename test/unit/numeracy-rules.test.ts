import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import {mixedMessage, commonDenominator} from '../../server/src/engine/rules/accuracy/mixed-number-formats.js'
import {relativeRiskMessage} from '../../server/src/engine/rules/accuracy/relative-risk.js'
import {ONE_PERSON} from '../../server/src/engine/rules/accuracy/statistic-for-one-person.js'
import {changeMessage, figureMessage, RELATIVE_SURVIVAL, VAGUE} from '../../server/src/engine/rules/accuracy/survival-statistic.js'

const NUMBER_RULES = /^accuracy\/(relative-risk|survival-statistic|statistic-for-one-person|mixed-number-formats)$/

/** The number rules' findings on `text`: rule, the words it covers, and the finding itself. */
function found(text: string, config = {}) {
  return lint(text, {config}).findings
    .filter((f) => NUMBER_RULES.test(f.ruleId))
    .map((f) => ({rule: f.ruleId, text: text.slice(f.offset, f.endOffset), finding: f}))
}

describe('accuracy/relative-risk', () => {
  it('reports the relative change, from its verb to its figure, with the absolute form as advice and no edit', () => {
    const text = 'This drug cuts the risk of the cancer coming back by 50%.'
    const [f, ...rest] = found(text)
    assert.deepEqual(rest, [])
    assert.equal(f.rule, 'accuracy/relative-risk')
    assert.equal(f.text, 'cuts the risk of the cancer coming back by 50%')
    assert.deepEqual([f.finding.offset, f.finding.endOffset, f.finding.severity], [10, 56, 'warning'])
    assert.equal(f.finding.message, relativeRiskMessage('cuts the risk of the cancer coming back by 50%'))
    assert.match(f.finding.message, /from 10 in 100 to 5 in 100 people over 5 years/)
    assert.deepEqual(f.finding.suggestions, [])
  })
  it('reports a range of multiples whole: "15 to 30 times more likely"', () => {
    assert.deepEqual(found('People who smoke are 15 to 30 times more likely to get lung cancer.').map((f) => f.text), ['15 to 30 times more likely'])
  })
  it('reads a multiplying verb as a relative change: "halves the chance of dying"', () => {
    assert.deepEqual(found('Tamoxifen halves the chance of dying from breast cancer.').map((f) => f.text), ['halves the chance'])
  })
  it('is satisfied by absolute numbers in the same sentence or the next, not two sentences on', () => {
    assert.deepEqual(found('It halves the risk, from 4 in 100 to 2 in 100 people.'), [])
    assert.deepEqual(found('It cuts deaths by 20%. That is 1 fewer death for every 1,000 people screened over 10 years.'), [])
    assert.deepEqual(found('It cuts deaths by 20%. Screening is free. About 1 in 1,000 people die of bowel cancer each year.').map((f) => f.rule), ['accuracy/relative-risk'])
  })
  it('leaves a question, a quoted phrase and a reported claim alone', () => {
    assert.deepEqual(found('Does this drug really halve the risk?'), [])
    assert.deepEqual(found('Ask what "cuts the risk by 30%" means for you.'), [])
    assert.deepEqual(found('You may have heard that vitamin D cuts cancer deaths by 13 percent.'), [])
  })
  it('can be turned off', () => {
    assert.deepEqual(found('This drug cuts the risk by 50%.', {rules: {'accuracy/relative-risk': 'off'}}), [])
  })
})

describe('accuracy/survival-statistic', () => {
  it('reports a survival figure with no time frame and no cancer type, naming both', () => {
    const [f] = found('Only 5% of people survive.')
    assert.equal(f.text, '5%')
    assert.equal(f.finding.message, figureMessage('survival', ['time frame', 'cancer type']))
    assert.match(f.finding.message, /^This survival figure has no time frame and no cancer type, so/)
  })
  it('names only what is missing: a death figure with a cancer type but no time frame', () => {
    const [f] = found('The death rate from this cancer is 30%.')
    assert.equal(f.finding.message, figureMessage('death', ['time frame']))
    assert.match(f.finding.message, /^This death figure has no time frame, so/)
  })
  it('passes a figure with a time frame and a cancer type, and one whose section heading frames it', () => {
    assert.deepEqual(found('About 65% of people with colorectal cancer are alive 5 years after diagnosis.'), [])
    assert.deepEqual(found('# Colon cancer: 5-year survival\n\nFor cancer that has spread to distant organs, it is about 14%.\n'), [])
  })
  it('reports a change in survival with no time frame or years: "survival has doubled"', () => {
    const [f] = found('Survival has doubled thanks to new treatments.')
    assert.equal(f.text, 'Survival has doubled')
    assert.equal(f.finding.message, changeMessage(['time frame', 'years compared']))
  })
  it('reports relative survival explained as the chance of being alive', () => {
    const text = 'A 5-year relative survival rate of 70% means that 70 in 100 people are alive five years after diagnosis.'
    const [f] = found(text)
    assert.equal(f.text, 'relative survival rate of 70% means that 70 in 100 people are alive')
    assert.equal(f.finding.message, RELATIVE_SURVIVAL)
    assert.deepEqual(found('A 5-year relative survival rate of 70% means that people with the cancer are about 70% as likely as people without it to be alive five years after diagnosis.'), [])
  })
  it('leaves a figure the provider claims to promotion/unsupported-statistic: one finding per problem', () => {
    for (const text of ['Our immunotherapy boosts survival by 60%.', 'Our survival rate for stage 4 breast cancer is 90%.', 'At our centre, 85% of patients are alive.']) {
      const rules = lint(text).findings.map((f) => f.ruleId).filter((r) => r.startsWith('accuracy/') || r.startsWith('promotion/'))
      assert.deepEqual(rules, ['promotion/unsupported-statistic'], text)
    }
  })
  it('takes "according to our records" for the provider\'s own figure, not a source', () => {
    const rules = (text: string) => lint(text).findings.map((f) => f.ruleId).filter((r) => r === 'promotion/unsupported-statistic')
    assert.deepEqual(rules('Our clinic doubles survival, according to our records.'), ['promotion/unsupported-statistic'])
    assert.deepEqual(rules('Our clinic doubles survival, according to the national cancer registry.'), [])
  })
  it('reports the figure itself when the promotion rule is off', () => {
    assert.deepEqual(found('Our survival rate for stage 4 breast cancer is 90%.', {rules: {'promotion/unsupported-statistic': 'off'}}).map((f) => f.text), ['90%'])
  })
})

describe('accuracy/statistic-for-one-person', () => {
  it('reports a chance given as the reader\'s own, with the NCI message', () => {
    const [f] = found('With treatment, you have a 70% chance of living five years.')
    assert.equal(f.rule, 'accuracy/statistic-for-one-person')
    assert.equal(f.text, 'you have a 70% chance')
    assert.equal(f.finding.message, ONE_PERSON)
    assert.match(f.finding.message, /half the people lived longer than that/)
  })
  it('reports a forecast drawn from a median, in its sentence or the next', () => {
    assert.deepEqual(found('Median survival is 12 months, so you have a year to live.').map((f) => f.text), ['so you have a year to live'])
    assert.deepEqual(found('The survival rate is 50% at 5 years for this cancer. Your odds are a coin toss.').map((f) => f.text), ['Your odds are'])
  })
  it('passes "people like you", an example, and a caveat that statistics describe groups', () => {
    assert.deepEqual(found('Out of 100 people like you, about 40 would be alive five years after diagnosis of this cancer.'), [])
    assert.deepEqual(found('If your risk was 2 in 100, it would fall to 1 in 100.'), [])
    assert.deepEqual(found('Phrases like "you have a 70% chance" are misleading, because statistics describe groups, not individuals.'), [])
  })
})

describe('accuracy/mixed-number-formats', () => {
  it('reports the later figure, names both, and gives both in one format', () => {
    const text = 'Radiotherapy lowers the risk from 1 in 4 to 12%.'
    const [f] = found(text)
    assert.equal(f.text, '12%')
    assert.equal(f.finding.message, "'1 in 4' and '12%' are in different formats (a frequency and a percentage), so readers cannot compare them reliably. Use one format with one denominator for every figure of a comparison, for example '25 in 100' and '12 in 100' (CDC Clear Communication Index; FDA, Communicating Risks and Benefits; IPDAS).")
  })
  it('reports frequencies out of different denominators', () => {
    const [f] = found('Without treatment, 20 in 100 women relapse; with treatment, 1 in 10 do.')
    assert.equal(f.text, '1 in 10')
    assert.match(f.finding.message, /^'20 in 100' and '1 in 10' are out of different numbers \(100 and 10\)/)
  })
  it('reads across two sentences of a paragraph, not across paragraphs', () => {
    assert.deepEqual(found('About 40% of people live five years with this cancer. In other words, roughly 1 in 3.').map((f) => f.text), ['roughly 1 in 3'])
    assert.deepEqual(found('About 40% of people live five years with this cancer.\n\nRoughly 1 in 3 people have side effects.\n'), [])
  })
  it('passes one figure restated in another format, and figures in one format', () => {
    assert.deepEqual(found('Nearly a quarter (24%) of patients responded, compared with 12% on placebo.'), [])
    assert.deepEqual(found('About 7 out of 100 people had a rash and about 2 out of 100 stopped treatment.'), [])
  })
  it('picks a denominator no figure is a fraction of a person in', () => {
    const f = (value: number, format: 'percentage' | 'frequency', denominator: number) =>
      ({lead: 0, start: 0, end: 1, from: 0, to: 1, format, value, denominator, measure: 'risk', relative: false, quoted: false, example: false, denied: false, complement: false}) as const
    assert.equal(commonDenominator([f(0.25, 'frequency', 4), f(0.12, 'percentage', 100)]), 100)
    assert.equal(commonDenominator([f(0.005, 'percentage', 100), f(0.05, 'frequency', 20)]), 1000)
    assert.match(mixedMessage(f(0.125, 'frequency', 8), '1 in 8', f(0.003, 'frequency', 1000), '3 in 1,000'), /'125 in 1,000' and '3 in 1,000'/)
  })
})

describe('number rules read context as the phrase rules do (analyses/negation.ts)', () => {
  it('leave a figure reported before it, refuted after it, refuted by the next sentence, denied in its clause, or called a myth', () => {
    assert.deepEqual(found('News stories often report that a supplement lowers the risk by 40%.'), [])
    assert.deepEqual(found('Claims that a diet doubles survival are misleading.'), [])
    assert.deepEqual(found('Vitamin D halves the risk of cancer coming back. This is not true.'), [])
    assert.deepEqual(found('A median survival of 12 months does not mean that you have a year to live.'), [])
    assert.deepEqual(found('It is a myth that 9 in 10 people with cancer die of it.'), [])
  })
  it('still report the claim when the refutation is in another paragraph, and read "without" as an arm of a comparison', () => {
    assert.deepEqual(found('Vitamin D halves the risk of cancer coming back.\n\nThis is not true.\n').map((f) => f.text), ['halves the risk'])
    assert.deepEqual(found('Without screening, the risk of dying from bowel cancer rises by 30%.').map((f) => [f.rule, f.text]), [['accuracy/relative-risk', 'rises by 30%']])
    assert.deepEqual(found('The test misses about 1 in 10 cancers and gives a false alarm in 5% of people.').map((f) => f.text), ['5%'])
  })
  it('relative-risk: a sentence that names the missing starting risk teaches, it does not present', () => {
    assert.deepEqual(found('A drug that cuts the risk by half sounds impressive, but ask what the starting risk was.'), [])
    assert.deepEqual(found('This drug cuts the risk by half. Ask your doctor what the starting risk was.'), [])
    assert.deepEqual(found('This drug cuts the risk by half. Ask your doctor about it.').map((f) => f.text), ['cuts the risk by half'])
  })
})

describe('a figure restated, and a relative change given with its absolute change', () => {
  it('mixed-number-formats passes a conversion in the sentence or opening the next, and reports a conversion that is wrong', () => {
    assert.deepEqual(found('A risk of 2% is the same as 20 in 1,000 people.'), [])
    assert.deepEqual(found('A lifetime risk of 1 in 8 means about 125 in every 1,000 women will get the cancer.'), [])
    assert.deepEqual(found('The chance of a blood clot is about 3%. That is the same as 3 in every 100 people.'), [])
    const [f, ...rest] = found('The risk is 2%. That is the same as 1 in 20 people.')
    assert.deepEqual(rest, [])
    assert.equal(f.text, '1 in 20')
    assert.deepEqual([f.finding.offset, f.finding.endOffset], [36, 43])
  })
  it('mixed-number-formats passes the rest of a share given as a restatement, and reports a rest that does not add up', () => {
    assert.deepEqual(found('About 85% of people with this cancer are alive 5 years after diagnosis. That means about 15 in 100 are not.'), [])
    assert.deepEqual(found('About 85% of people with this cancer are alive 5 years after diagnosis. That means about 25 in 100 are not.').map((f) => f.text), ['about 25 in 100'])
  })
  it('mixed-number-formats reports the same share said of two groups', () => {
    assert.deepEqual(found('Nausea affects 1 in 4 people, while 25% lose their hair.').map((f) => f.text), ['25%'])
  })
  it('reads "a 25% relative reduction" as the relative change, so its absolute change is not a second format', () => {
    assert.deepEqual(found('That is a 25% relative reduction, which meant 2 fewer deaths in every 100 people treated.'), [])
    assert.deepEqual(found('The trial reported a 30% relative reduction.').map((f) => [f.rule, f.text]), [['accuracy/relative-risk', '30% relative reduction']])
  })
})

describe('accuracy/survival-statistic: death figures of a population are not survival statistics', () => {
  it('passes a risk of dying by age, a share of deaths and a difference in deaths', () => {
    assert.deepEqual(found('The chance of dying of prostate cancer climbs from about 1 in 1,000 at age 55 to about 8 in 1,000 at age 75.'), [])
    assert.deepEqual(found('Smoking is linked to about 85% of lung cancer deaths.'), [])
    assert.deepEqual(found('Lung cancer accounts for about 1 in 5 cancer deaths.'), [])
    assert.deepEqual(found('In the NLST trial, CT screening led to 3 fewer lung cancer deaths for every 1,000 people screened, compared with chest X-rays.'), [])
  })
  it('passes a population\'s death rate per 100,000 or by age, and reports the deaths of patients named by age', () => {
    assert.deepEqual(found('Death rates from colon cancer rise with age, from about 10 per 100,000 at age 50 to about 80 per 100,000 at age 80.'), [])
    assert.deepEqual(found('For men aged 70, about 5 in 1,000 die of prostate cancer.'), [])
    assert.deepEqual(found('Of people aged 70 with this cancer, about 40% die from it.').map((f) => f.text), ['about 40%'])
  })
  it('still reports the share of people with a cancer who die of it, and a chance of surviving with no time frame', () => {
    const [f] = found('Around 40 in 100 women with this cancer die of it.')
    assert.deepEqual([f.text, f.finding.message], ['Around 40 in 100', figureMessage('death', ['time frame'])])
    assert.deepEqual(found('The chance of surviving this cancer is 60%.').map((f) => f.text), ['60%'])
    assert.deepEqual(found('About 30% of the deaths are in people with this cancer, and 30% of people with it die.').map((f) => f.text), ['30%'])
  })
})

describe('accuracy/statistic-for-one-person: an estimate worked out for the reader is theirs', () => {
  it('passes a prediction tool, the doctor\'s estimate from the reader\'s results, and a decision aid\'s two options', () => {
    assert.deepEqual(found('Using an online prediction tool, your oncologist estimates your chance of the cancer returning within 10 years at about 25 in 100.'), [])
    assert.deepEqual(found('Your care team used a risk calculator with your details. It puts your chance of the cancer returning in 5 years at about 1 in 10.'), [])
    assert.deepEqual(found('Your chance of the cancer coming back is about 20 in 100; chemotherapy would lower it to about 16 in 100.'), [])
  })
  it('leaves the figure of an estimate made for the reader to no rule: not a survival figure missing its frame either', () => {
    assert.deepEqual(found('Given your test results, your doctor estimates your chance of a cure at about 60%.'), [])
    assert.deepEqual(found('Your Oncotype DX score suggests a 9% chance of the cancer coming back in 10 years.'), [])
    assert.deepEqual(found('Your chance of a cure is about 60%.').map((f) => f.rule).sort(), ['accuracy/statistic-for-one-person', 'accuracy/survival-statistic'])
  })
  it('reports a group figure read as the reader\'s own', () => {
    assert.deepEqual(found('Because 30% of patients relapse, your risk of relapse is 30%.').map((f) => f.text), ['your risk of relapse is 30%'])
  })
})

describe('accuracy/statistic-for-one-person: forecasts with no "you have N% chance"', () => {
  it('reports the forecast itself, from its first word to its figure, with the NCI message', () => {
    const cases: Array<[string, string]> = [
      ['You fall into the 40% who will relapse.', 'You fall into the 40%'],
      ['Most people with this cancer live about two years, so plan for two years.', 'so plan for two years'],
      ['Going by the survival figures, you have roughly a year and a half left.', 'you have roughly a year and a half left'],
      ['The numbers show that your cancer will return within three years.', 'your cancer will return'],
      ['With a 90% survival rate, you\'re all but guaranteed to get through this.', 'you\'re all but guaranteed to get through'],
      ['Half of people with this cancer are alive at 18 months, so that is roughly how long you have.', 'that is roughly how long you have'],
    ]
    for (const [text, words] of cases) {
      const hits = found(text).filter((f) => f.rule === 'accuracy/statistic-for-one-person')
      assert.deepEqual(hits.map((f) => f.text), [words], text)
      assert.equal(hits[0].finding.offset, text.indexOf(words), text)
      assert.equal(hits[0].finding.message, ONE_PERSON)
    }
  })
  it('reads a time to live in a sentence with no number ("less than a year"), but not a time of treatment', () => {
    assert.deepEqual(found('The data suggest you have less than a year.').map((f) => f.text), ['you have less than a year'])
    assert.deepEqual(found('According to the statistics, you probably have about 6 months.').map((f) => f.text), ['you probably have about 6 months'])
    assert.deepEqual(found('According to the statistics, you will have 6 months of chemotherapy.'), [])
  })
  it('needs a figure of its own, an outcome figure near, or words that say it rests on statistics', () => {
    assert.deepEqual(found('Your doctor may say that you have a few years left, but nobody can know for sure.'), [])
    assert.deepEqual(found('Based on your scan results, your doctor thinks your cancer will come back.'), [])
    assert.deepEqual(found('You will have scans every three months, so plan for about two years of follow-up.'), [])
    assert.deepEqual(found('Statistically, your tumour is going to come back.').map((f) => f.text), ['your tumour is going to come back'])
  })
  it('leaves an example: "if you are among the 1 in 10", "say you are one of", but not "the statistics say you"', () => {
    assert.deepEqual(found('If you are among the 1 in 10 people who get a rash, call your nurse.'), [])
    assert.deepEqual(found('Say you are one of the 20 in 100 people who get a rash: your nurse can help.'), [])
    assert.deepEqual(found('Statistics say you have a 30% chance of being alive in 5 years.').map((f) => f.text), ['you have a 30% chance'])
  })
})

describe('accuracy/survival-statistic: a death figure by a verb, and vague survival claims', () => {
  it('reads a cancer that kills as a death figure, a treatment that kills cells as none', () => {
    const [f] = found('This cancer kills 1 in 3 women who get it.')
    assert.deepEqual([f.rule, f.text, f.finding.message], ['accuracy/survival-statistic', '1 in 3', figureMessage('death', ['time frame'])])
    assert.deepEqual(found('Chemotherapy kills about 90% of the cancer cells in each cycle.'), [])
  })
  it('reports a survival claim in vague words with no figure and no time, from the share to the outcome', () => {
    const text = 'Most people with pancreatic cancer don\'t survive.'
    const [f, ...rest] = found(text)
    assert.deepEqual(rest, [])
    assert.deepEqual([f.rule, f.text, f.finding.offset, f.finding.endOffset], ['accuracy/survival-statistic', 'Most people with pancreatic cancer don\'t survive', 0, 48])
    assert.equal(f.finding.message, VAGUE)
    assert.match(VAGUE, /readers take such words to mean very different numbers/)
    assert.deepEqual(found('Few people survive this type of cancer.').map((f) => f.text), ['Few people survive'])
  })
  it('passes a vague claim with a time, one denied, one about where or of what people die, and one about cells', () => {
    for (const text of ['Most people with this cancer die within months.', 'It is not true that most people with cancer die of it.', 'Most men with prostate cancer die of other causes.', 'Most of these cells die on the way, and few survive the trip.', 'Most people survive this operation.']) {
      assert.deepEqual(found(text), [], text)
    }
  })
})

describe('a figure the provider claims, with the provider named as the place', () => {
  it('goes to promotion/unsupported-statistic alone: one finding per problem', () => {
    for (const text of ['At the Riverside Cancer Centre, 95% of patients are alive a year after surgery.', 'In our hands, survival after liver surgery is 88%.', 'At our hospital, survival after lung surgery is 92%.']) {
      const rules = lint(text).findings.map((f) => `${f.ruleId}:${text.slice(f.offset, f.endOffset)}`).filter((r) => r.startsWith('accuracy/') || r.startsWith('promotion/'))
      assert.equal(rules.length, 1, text)
      assert.match(rules[0], /^promotion\/unsupported-statistic:\d+%$/, text)
    }
  })
  it('a figure a named hospital reports from a national audit stays information', () => {
    assert.deepEqual(lint('At the Riverside Cancer Centre, 5-year survival for stage 3 bowel cancer was 70%, close to the national average (NHS audit).').findings.filter((f) => /^(accuracy|promotion)\//.test(f.ruleId)), [])
  })
})
