import assert from 'node:assert/strict'
import {byRule, findings} from '../helpers.js'

describe('context: negation and correction are not flagged', () => {
  const MYTH = 'accuracy/misconception'
  for (const text of [
    'Quux does not spread cancer.',
    'It is a myth that quux spreads cancer.',
    'Some people think quux spreads cancer, but it does not.',
    "Quux doesn't cause cancer.",
    'Many patients believe quux spreads cancer.',
  ]) {
    it(`passes: ${text}`, () => assert.deepEqual(byRule(text, MYTH), []))
  }
  it('flags the statement itself', () => {
    assert.equal(byRule('Quux spreads cancer to the bones.', MYTH)[0].text, 'Quux spreads cancer')
  })
  it('does not excuse non-standard terms by negation', () => {
    assert.equal(byRule('It is not a zorblat tumor.', 'accuracy/nonstandard-term').length, 1)
  })
  it('does not carry a negation from an earlier sentence', () => {
    assert.equal(byRule('That is not true. Quux spreads cancer.', MYTH).length, 1)
  })
  it('keeps one finding where phrases of two rules overlap', () => {
    const all = findings('We are the blorpest cancer hospital.')
    assert.equal(all.length, 1)
  })
})
