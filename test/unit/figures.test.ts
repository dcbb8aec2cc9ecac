import assert from 'node:assert/strict'
import {builtinTerminology} from '../../server/src/engine/index.js'
import {figuresOf, type SentenceFigures} from '../../server/src/engine/analyses/figures.js'
import {parseDraft} from '../../server/src/engine/parse/draft.js'

/** The figures of a one-sentence text, each as "text|format|measure" (+ "|relative", "|about", "|to N"). */
function read(text: string): {figures: string[]; facts: SentenceFigures} {
  const draft = parseDraft(text, 'plaintext')
  const s = draft.sentences[0]
  const facts = figuresOf(text, s, builtinTerminology())
  assert.ok(facts, `no figures in: ${text}`)
  const figures = facts.figures.map((f) => {
    const parts = [text.slice(s.offset + f.from, s.offset + f.to), f.format, f.measure]
    if (f.relative) parts.push('relative')
    if (f.approx) parts.push(f.approx)
    if (f.upper !== undefined) parts.push(`to ${+f.upper.toFixed(4)}`)
    if (f.format === 'frequency') parts.push(`/${f.denominator}`)
    return parts.join('|')
  })
  return {figures, facts}
}

describe('figures of a sentence (analyses/figures.ts)', () => {
  it('reads percentages in every spelling, with approximations and ranges', () => {
    assert.deepEqual(read('About 50 % of people respond.').figures, ['About 50 %|percentage|outcome|About'])
    assert.deepEqual(read('Nearly 21 per cent were affected.').figures, ['Nearly 21 per cent|percentage|proportion|Nearly'])
    assert.deepEqual(read('It makes up about 5% to 10% of all breast cancer.').figures, ['about 5% to 10%|percentage|proportion|about|to 0.1'])
    assert.deepEqual(read('It makes up about 2 to 5 percent of all cancers.').figures, ['about 2 to 5 percent|percentage|proportion|about|to 0.05'])
    assert.deepEqual(read('Between 20% and 40% of them go on to develop it.').figures, ['Between 20% and 40%|percentage|risk|Between|to 0.4'])
  })
  it('reads natural frequencies: 1 in 8, nine out of ten, one patient in eight, per 100,000, for every 1,000', () => {
    assert.deepEqual(read('About 1 in 8 women get it.').figures, ['About 1 in 8|frequency|risk|About|/8'])
    assert.deepEqual(read('Nine out of ten people are alive after a year.').figures, ['Nine out of ten|frequency|survival|/10', 'a year|duration|time frame'])
    assert.deepEqual(read('Mouth sores affect roughly one patient in eight.').figures, ['roughly one patient in eight|frequency|proportion|roughly|/8'])
    assert.deepEqual(read('It occurred in about 4 per 100,000 women.').figures, ['about 4 per 100,000|frequency|proportion|about|/100000'])
    assert.deepEqual(read('It fell from about 47 to 4 cases per 100,000 women.').figures, ['about 47|count|other|about', '4 cases per 100,000|frequency|risk|/100000'])
    assert.deepEqual(read('Screening prevented about 2 deaths for every 1,000 men screened over 16 years.').figures, ['about 2 deaths for every 1,000|frequency|risk|about|/1000', 'over 16 years|duration|time frame|over'])
    assert.deepEqual(read('Of every 1,000 women screened, 4 die of breast cancer.').figures, ['4|frequency|risk|/1000'])
    assert.deepEqual(read('Fewer than 1 in 4 people with lung cancer survive.').figures, ['Fewer than 1 in 4|frequency|survival|Fewer than|/4'])
  })
  it('reads relative changes as relative: by 30%, 30% less likely, by half, four times the risk', () => {
    assert.deepEqual(read('The drug cut the risk of death by 30%.').figures, ['30%|percentage|relative change|relative'])
    assert.deepEqual(read('They were 30% less likely to die.').figures, ['30%|percentage|relative change|relative'])
    assert.deepEqual(read('It reduced deaths by about a third.').figures, ['about a third|fraction|relative change|relative|about'])
    assert.deepEqual(read('Men with the gene have four times the risk.').figures, ['four times|multiple|relative change|relative'])
  })
  it('tells a time frame from a survival time: alive 5 years after diagnosis, but live about 20 months', () => {
    assert.deepEqual(read('About 30% are alive 5 years after diagnosis.').figures, ['About 30%|percentage|survival|About', '5 years|duration|time frame'])
    assert.deepEqual(read('The 5-year survival rate is 20%.').figures, ['5-year|duration|time frame', '20%|percentage|survival'])
    assert.deepEqual(read('People with this cancer live about 20 months.').figures, ['about 20 months|duration|median|about'])
    assert.deepEqual(read('Median survival was 26 months.').figures, ['26 months|duration|median'])
  })
  it('leaves out what is not a statistic: years, ages, stages, sizes, phone numbers', () => {
    assert.deepEqual(read('In stage 2, the tumor is 2 centimeters, found in 2021 in people aged 50 or 65 or older; call 1-800-4-CANCER.').figures, [
      '2|label|other',
      '2 centimeters|measurement|other',
      '2021|year|other',
      '50|age|other',
      '65|age|other',
    ])
  })
  it('reads a figure restated in another format as one figure: a quarter (24%)', () => {
    const {facts} = read('Nearly a quarter (24%) of patients saw their tumors shrink.')
    assert.equal(facts.figures[1].restates, 0)
    assert.equal(facts.figures[0].restatedBy, 1)
  })
  it('says what frames the sentence: time frame, group, stage, source, absolute numbers', () => {
    const {facts} = read('For women with breast cancer that has spread, 5-year relative survival is about 32% (SEER).')
    assert.deepEqual([facts.timeFrame, facts.group, facts.stage, facts.source], [true, true, true, true])
    assert.equal(read('It lowered the risk from 10 in 100 to 5 in 100.').facts.absolute, true)
    assert.equal(read('It lowered the risk from 10% to 5%.').facts.absolute, true)
    assert.equal(read('It led to 3 fewer deaths.').facts.absolute, true)
    assert.equal(read('It lowered the risk by 30%.').facts.absolute, false)
  })
  it('reads a statistic applied to the reader, and not "people like you" or an example', () => {
    assert.deepEqual(read('You have a 70% chance of living five years.').facts.personal.map((p) => p.kind), ['chance'])
    assert.deepEqual(read('Median survival is 12 months, so you have a year to live.').facts.personal.map((p) => p.kind), ['forecast'])
    assert.deepEqual(read('Out of 100 people like you, about 30 are alive after 5 years.').facts.personal, [])
    assert.deepEqual(read('If your risk was 2 in 100, it falls only to 1 in 100.').facts.personal, [])
  })
  it('reads "a year and a half" after an approximation as one duration, not a year and a fraction', () => {
    assert.deepEqual(read('Most people live about a year and a half.').figures, ['about a year and a half|duration|median|about'])
    assert.deepEqual(read('About a year after surgery, 90% are alive.').figures, ['About a year|duration|time frame|About', '90%|percentage|survival'])
  })
  it('does not read a sentence with no digit and no number word (the cheap check)', () => {
    const text = 'Cancer can spread to the bones.'
    assert.equal(figuresOf(text, parseDraft(text, 'plaintext').sentences[0], builtinTerminology()), null)
  })
})
