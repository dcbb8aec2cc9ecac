import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'

/** The statistics the report lists for `text`, as "text | measure | lacks". */
const listed = (text: string): string[] => lint(text).stats.numbers.map((n) => `${n.text} | ${n.measure} | ${n.lacks.join(', ')}`)

describe('the statistics of a draft and what each lacks (stats.numbers)', () => {
  it('lists each statistic with exact offsets, what it measures and what it lacks', () => {
    const text = 'Only 5% of people survive.'
    const [n] = lint(text).stats.numbers
    assert.deepEqual(n, {offset: 5, endOffset: 7, text: '5%', measure: 'survival', format: 'percentage', lacks: ['time frame', 'cancer type', 'stage', 'source']})
  })
  it('says a sourced, framed statistic lacks nothing', () => {
    assert.deepEqual(listed('For women with breast cancer that has spread to distant organs, 5-year relative survival is about 32% (SEER, 2014 to 2020).'), ['about 32% | survival | '])
  })
  it('lists relative changes with the absolute numbers and time frame they lack', () => {
    assert.deepEqual(listed('This drug cuts the risk of the cancer coming back by 50%.'), ['cuts the risk of the cancer coming back by 50% | relative change | absolute numbers, time frame, source'])
  })
  it('marks figures of a mixed comparison and a statistic applied to the reader', () => {
    assert.deepEqual(listed('Radiotherapy lowers the risk from 1 in 4 to 12%.'), ['1 in 4 | risk | time frame, one format, source', '12% | risk | time frame, one format, source'])
    assert.deepEqual(listed('With treatment, you have a 70% chance of living five years.'), ['70% | risk | group framing, source'])
  })
  it('lists survival times, and not counts, years, ages, stages or sizes', () => {
    assert.deepEqual(listed('Median survival for people with this cancer was 26 months in the trial.'), ['26 months | median or survival time | '])
    assert.deepEqual(listed('In 2021, 35 people aged 50 with stage 2 tumours of 3 centimetres took part.'), [])
  })
  it('is empty for a draft with no numbers', () => {
    assert.deepEqual(lint('Cancer can spread to the bones.').stats.numbers, [])
  })
})
