import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import {fixtureLines} from '../helpers.js'

// Sentences written for this project in other words than the dev and held-out sentences: the
// number rules must catch kinds of problem, and raise nothing on correct, framed statistics.
const lines = fixtureLines

describe('numeracy fixtures: must flag (test/fixtures/numeracy-flag.txt)', () => {
  const cases = lines('numeracy-flag.txt').map((l) => l.split('\t'))
  it('has at least ten cases for each number rule', () => {
    for (const rule of ['relative-risk', 'survival-statistic', 'statistic-for-one-person', 'mixed-number-formats']) {
      assert.ok(cases.filter(([r]) => r === rule).length >= 10, rule)
    }
  })
  for (const [rule, text] of cases) {
    it(`${rule}: ${text}`, () => {
      const ids = lint(text).findings.map((f) => f.ruleId)
      assert.ok(ids.includes(`accuracy/${rule}`), `expected accuracy/${rule}, got [${ids.join(', ')}]`)
    })
  }
})

describe('numeracy fixtures: must pass (test/fixtures/numeracy-pass.txt)', () => {
  for (const text of lines('numeracy-pass.txt')) {
    it(text, () => {
      const hits = lint(text).findings.filter((f) => f.ruleId.startsWith('accuracy/'))
      assert.deepEqual(hits.map((f) => `${f.ruleId}: ${text.slice(f.offset, f.endOffset)}`), [])
    })
  }
})
