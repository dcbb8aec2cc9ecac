import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {lint} from '../../server/src/engine/index.js'
import {ClaimModel, claimFeatures, trainClaimModel} from '../../server/src/engine/claims/claim-model.js'
import {claimModel, readClaimExamples} from '../../server/src/engine/claims/load.js'
import {LIKELY} from '../../server/src/engine/claims/likely-sentences.js'
import {MESSAGE} from '../../server/src/engine/rules/promotion/likely-claim.js'
import {DataFileError} from '../../server/src/engine/errors.js'

const RULE = 'promotion/likely-claim'
const likely = (text: string) => lint(text).findings.filter((f) => f.ruleId === RULE)

describe('promotion/likely-claim: the promotion model as a second opinion', function () {
  this.timeout(30_000)

  it('reports a sentence no rule names that reads like a claim: the sentence without its full stop, as information, with the message', () => {
    const text = 'Welcome to the clinic. At our centre, stage 4 patients regain hope and strength.'
    const [f, ...rest] = likely(text)
    assert.equal(rest.length, 0)
    assert.equal(text.slice(f.offset, f.endOffset), 'At our centre, stage 4 patients regain hope and strength')
    assert.deepEqual([f.offset, f.endOffset, f.severity, f.message, f.suggestions], [23, 79, 'info', MESSAGE, []])
  })

  it('stays quiet where a promotion or accuracy rule already reports, on headings, fragments and list lines, and on plain information', () => {
    // A rule's finding says which claim and why; the model adds nothing there.
    assert.deepEqual(likely('Our herbal drops cure cancer in weeks, and patients regain hope and strength.'), [])
    // …or an accuracy rule: a misconception reads like a claim to the model, and the accuracy message is the one that helps.
    const myth = 'Once the cancer has reached the liver, nothing more can be done for you.'
    assert.ok(claimModel('promotion').score(myth) >= LIKELY.promotion, `the model alone reads a claim in: ${myth}`)
    assert.deepEqual(likely(myth), [])
    assert.deepEqual(likely('# At our centre stage 4 patients regain hope and strength\n\nText.'), [])
    assert.deepEqual(likely('Patients regain hope.'), [])
    assert.deepEqual(likely('- at our centre, stage 4 patients regain hope and strength\n'), [])
    for (const text of [
      'Proton therapy is a type of radiation therapy that uses protons.',
      'Many people with advanced cancer live for years with treatment.',
      'Ask your care team what the aim of your treatment is.',
    ]) assert.deepEqual(likely(text), [], text)
  })

  it('stays quiet on a figure whose source is named, and on a sentence about an amenity, though the model alone would report them', () => {
    // The source in the next sentence: the model reads one sentence at a time.
    const figure = 'In our 2024 audit, 94% of patients began treatment within 31 days.'
    const amenity = 'The new café by the chemotherapy suite is completely free for patients and their families.'
    for (const text of [figure, amenity]) assert.ok(claimModel('promotion').score(text) >= LIKELY.promotion, `the model alone reads a claim in: ${text}`)
    assert.deepEqual(likely(`${figure} Source: the trust's annual quality account (2024).`), [])
    assert.deepEqual(likely(amenity), [], amenity)
    // Without its source the figure is the provider's own count, and the model's finding stands.
    assert.equal(likely('In our 2024 audit, 94% of patients began treatment within 31 days.').length, 1)
  })
})

describe('the promotion model', function () {
  this.timeout(60_000)

  it('hashes words and word pairs, and marks what follows a negator', () => {
    assert.equal(claimFeatures('Our clinic cures').length, 5)
    assert.deepEqual(claimFeatures('It cures'), claimFeatures('it CURES'))
    assert.notDeepEqual(claimFeatures('it does cure'), claimFeatures('it does not cure').slice(0, 5))
  })

  it('learns the same weights from the same sentences, and separates claims from information', () => {
    const examples = [
      ...['Our clinic cures every cancer.', 'We guarantee you will beat cancer.', 'Our doctors are the best in the world.'].map((text) => ({text, claim: true, weight: 1})),
      ...['Ask your doctor about side effects.', 'Chemotherapy uses drugs to kill cancer cells.', 'Some people live for years with treatment.'].map((text) => ({text, claim: false, weight: 1})),
    ]
    const a = trainClaimModel(examples)
    assert.deepEqual(trainClaimModel(examples), a)
    const model = new ClaimModel(a)
    assert.ok(model.score('Our clinic cures every cancer.') > 0.9)
    assert.ok(model.score('Ask your doctor about side effects.') < 0.1)
  })

  it('keeps its scores when a sentence is added to what it learns from (its order comes from the sentences, not a shuffle of the list)', () => {
    const labelled = readClaimExamples(join(import.meta.dirname, '../../terminology/training/promotion.tsv')).filter((e) => e.weight === 1)
    const train = labelled.slice(0, 800)
    const held = labelled.slice(800, 1000).map((e) => e.text)
    const before = new ClaimModel(trainClaimModel(train))
    const after = new ClaimModel(trainClaimModel([...train, {text: 'Book your free consultation with our team today.', claim: true, weight: 1}]))
    // With a shuffle of the whole list, one added sentence moved a held-out score by 0.35.
    for (const text of held) assert.ok(Math.abs(before.score(text) - after.score(text)) < 0.02, text)
  })

  it('reads a training file line by line and says which line is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-claims-'))
    const file = join(dir, 'promotion.tsv')
    writeFileSync(file, '# comment\nflag\thype\tA miracle cure.\npass\ttrusted\tChemotherapy uses drugs.\n')
    assert.deepEqual(readClaimExamples(file), [
      {text: 'A miracle cure.', claim: true, weight: 1},
      {text: 'Chemotherapy uses drugs.', claim: false, weight: 0.3},
    ])
    writeFileSync(file, 'flag\thype\tA miracle cure.\nmaybe\thype\tHmm.\n')
    assert.throws(() => readClaimExamples(file), (err: unknown) => err instanceof DataFileError && err.line === 2 && /"flag" or "pass"/.test(err.message))
  })
})
