import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'

const promotion = (text: string): string[] => lint(text).findings.filter((f) => f.ruleId.startsWith('promotion/')).map((f) => `${f.ruleId} ${text.slice(f.offset, f.endOffset)}`)

describe('promotion rules judge claims about care that the text makes (analyses/claim-subject.ts)', () => {
  it('passes a clause whose subject is an amenity, with care named only where it stands', () => {
    assert.deepEqual(promotion('The new car park beside the radiotherapy unit has been a game-changer for patients.'), [])
    assert.deepEqual(promotion('Hurry, the half-price jumpers in the hospice shop are going fast!'), [])
  })

  it('passes a clause with no verb of being or having only when it names no care at all', () => {
    assert.deepEqual(promotion('Money-back guarantee on all greetings cards bought in the hospice shop.'), [])
    assert.deepEqual(promotion('Our café serves miracle juices that shrink tumours.'), ['promotion/hype miracle', 'promotion/unproven-therapy shrink'])
  })

  it('keeps a claim whose subject names care before the amenity, or joins care to it', () => {
    assert.deepEqual(promotion("The clinic's parking is free and its remarkable treatment is completely safe."), ['promotion/hype remarkable', 'promotion/absolute-claim completely safe'])
    assert.deepEqual(promotion('Shop with us and help families defeat cancer that has spread.'), ['promotion/cure-claim defeat cancer'])
  })

  it('reads past a relative clause to the verb of the clause itself', () => {
    assert.deepEqual(promotion('Every pound spent in this shop funds the miracle treatment for people whose cancer has spread.'), ['promotion/hype miracle'])
  })

  it("passes a claim's own words named in quotation marks, and keeps a claim quoted whole", () => {
    assert.deepEqual(promotion("Ask about the 'miracle' tea before you buy it."), [])
    assert.deepEqual(promotion('The leaflet\'s "80% success" did not say success at what.'), [])
    assert.deepEqual(promotion("'Our miracle tea melts tumours away.'"), ['promotion/hype miracle', 'promotion/cure-claim melts tumours'])
  })
})

describe('an accuracy claim raised as a topic is not said (claim-subject.ts raisedAsTopic)', () => {
  const accuracy = (text: string) =>
    lint(text, {languageId: 'plaintext'}).findings.filter((f) => f.ruleId.startsWith('accuracy/')).map((f) => `${f.ruleId} ${text.slice(f.offset, f.endOffset)}`)

  it('passes the object of "about" as a gerund clause, and an open question after "whether"', () => {
    assert.deepEqual(accuracy('At the clinic I asked about needle biopsies spreading cancer.'), [])
    assert.deepEqual(accuracy('Mum kept wondering whether the biopsy had spread the cancer.'), [])
  })

  it('keeps a claim that "about how" takes for granted, and the same claim said outright', () => {
    assert.deepEqual(accuracy('I read about how biopsies spread cancer.'), ['accuracy/misconception biopsies spread cancer'])
    assert.deepEqual(accuracy('Needle biopsies spread cancer.'), ['accuracy/misconception biopsies spread cancer'])
  })

  it('passes a claim quoted after a word that holds it at a distance ("apparently", "supposedly")', () => {
    assert.deepEqual(accuracy('The article says beetroot has apparently “been shown to kill cancer cells”.'), [])
    assert.deepEqual(accuracy('Beetroot has been shown to kill cancer cells.'), ['accuracy/misconception kill cancer cells'])
  })

  it('keeps a promotion claim raised as a topic: an advert that asks you about it still sells it', () => {
    const promotion = lint('Ask us about our herbs shrinking tumours.', {languageId: 'plaintext'}).findings.filter((f) => f.ruleId.startsWith('promotion/') && !f.ruleId.includes('likely'))
    assert.ok(promotion.length > 0)
  })
})
