import assert from 'node:assert/strict'
import {applyFixes, lint} from '../../server/src/engine/index.js'
import {byRule, findings, testTerminology} from '../helpers.js'

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
  it('a leading "Without …," phrase ends at its comma and does not deny the main clause', () => {
    assert.equal(byRule('Without any warning, quux spreads cancer.', MYTH).length, 1)
    assert.equal(byRule('Without quux spreading cancer, we would be fine.', MYTH).length, 0)
  })
  it('reads a contraction written without its apostrophe as a negation', () => {
    assert.deepEqual(byRule('quux doesnt spread cancer, my nurse said', MYTH), [])
    assert.deepEqual(byRule('the scan cant show that quux spreads cancer', MYTH), [])
    assert.equal(byRule('Quux spreads cancer, as is its wont.', MYTH).length, 1)
  })
  it('a denied verb of knowing denies all it governs, however far; one that is not denied denies nothing', () => {
    assert.deepEqual(byRule('This test cannot on its own tell whether you are well or whether quux spreads cancer.', MYTH), [])
    assert.equal(byRule('This test can tell whether you are well, and in every case quux spreads cancer.', MYTH).length, 1)
    assert.equal(byRule('This test can tell you that you are well and that quux spreads cancer.', MYTH).length, 1)
  })
  it('an open question after "whether" asserts nothing, denied or not (claim-subject.ts raisedAsTopic)', () => {
    assert.deepEqual(byRule('This test can tell you whether you are well or whether quux spreads cancer.', MYTH), [])
  })
  it("a report reaches to the writer's own conclusion, not past it", () => {
    assert.deepEqual(byRule('You may have heard that quux spreads cancer.', MYTH), [])
    assert.equal(byRule('You may have heard that quux is safe; therefore quux spreads cancer.', MYTH).length, 1)
  })
  it('a subject that "no" opens denies its predicate, however far; a boast that ranks or allows no exception does not', () => {
    assert.deepEqual(byRule('No study or trial of any size has shown that quux spreads cancer.', MYTH), [])
    assert.deepEqual(byRule('Rest helps, but no diet or drink has been found to mean that quux spreads cancer.', MYTH), [])
    assert.equal(byRule('No matter what you eat, quux spreads cancer.', MYTH).length, 1)
    assert.equal(byRule('No patient has ever doubted that quux spreads cancer.', MYTH).length, 1)
  })
  it('"there\'s no" denies like "there is no"', () => {
    assert.deepEqual(byRule("There's no good study saying quux spreads cancer.", MYTH), [])
    assert.deepEqual(byRule('theres no proof quux spreads cancer', MYTH), [])
  })
  it('a denial in a clause of purpose takes the claim as given; one after ", so" concludes', () => {
    assert.equal(byRule('I stopped the pills so that quux spreads cancer no more.', MYTH).length, 1)
    assert.equal(byRule('She avoids it so it doesn’t happen that quux spreads cancer.', MYTH).length, 1)
    assert.deepEqual(byRule('The tests were clear, so it does not seem quux spreads cancer.', MYTH), [])
  })
  it('a question that presents its content ("did you know", "have you heard about", "ready to", "when") takes it as given', () => {
    assert.equal(byRule('Did you know that quux spreads cancer?', MYTH).length, 1)
    assert.equal(byRule('Have you heard about how quux spreads cancer?', MYTH).length, 1)
    assert.equal(byRule('When did we learn that quux spreads cancer?', MYTH).length, 1)
    assert.deepEqual(byRule('Is it true that quux spreads cancer?', MYTH), [])
    assert.deepEqual(byRule('Did you know whether quux spreads cancer?', MYTH), [])
  })
  it('does not carry a negation from an earlier sentence', () => {
    assert.equal(byRule('That is not true. Quux spreads cancer.', MYTH).length, 1)
  })
  it('keeps one finding where phrases of two rules overlap', () => {
    const all = findings('We are the blorpest cancer hospital.')
    assert.equal(all.length, 1)
  })
})

describe('context: more cases', () => {
  const MYTH = 'accuracy/misconception'
  it('a negation inside the phrase that the pattern does not name cancels it', async () => {
    const {terminologyWith, lint} = await import('../../server/src/engine/index.js')
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {join} = await import('node:path')
    const {tmpdir} = await import('node:os')
    const f = join(mkdtempSync(join(tmpdir(), 'ctx-')), 'gap.yaml')
    writeFileSync(f, `- id: gap-myth
  rule: accuracy/misconception
  find: ["quuxopsy ... spread zorb", "no side blips"]
  message: "A test entry with a gap."
  source: https://www.cancer.gov/
  examples: {flag: [x], pass: [y]}
`)
    const t = terminologyWith([f])
    const ids = (text: string) => lint(text, {terminology: t}).findings.filter((x) => x.entryId === 'gap-myth').length
    assert.equal(ids('A quuxopsy will spread zorb.'), 1)
    assert.equal(ids('A quuxopsy does not spread zorb.'), 0)
    assert.equal(ids('This drug has no side blips.'), 1)
  })
  it('a contraction typed without its apostrophe denies like the written one', () => {
    assert.deepEqual(byRule('Quux doesnt spread cancer.', MYTH), [])
    assert.deepEqual(byRule('quux dont spread cancer', MYTH), [])
    assert.equal(byRule('Donts and quux spreads cancer.', MYTH).length, 1)
  })
  it('a question asks rather than states', () => {
    assert.deepEqual(byRule('Does quux spread cancer?', MYTH), [])
  })
  it('"websites say" reports a belief', () => {
    assert.deepEqual(byRule('Some websites say quux spreads cancer.', MYTH), [])
  })
  it('punctuation between words breaks a phrase', () => {
    assert.deepEqual(byRule('During zorblat, tumor cells move.', 'accuracy/nonstandard-term'), [])
    assert.equal(byRule('A zorblat tumor grew.', 'accuracy/nonstandard-term').length, 1)
  })
})

describe('context: a cell border ends a phrase', () => {
  const terms = {terminology: testTerminology()}
  it('does not read a phrase across "|" (a table row without a table plugin, a menu)', () => {
    assert.equal(byRule('| A zorblat | tumor grew. |\n', 'accuracy/nonstandard-term', terms).length, 0)
    assert.equal(byRule('| A zorblat tumor grew. |\n', 'accuracy/nonstandard-term', terms).length, 1)
  })
  it('fixing a table row twice changes nothing the second time', () => {
    const text = '| metastasis  | Cancer undeveloped cells may start new tumors.  |\n| --- | --- |\n'
    const once = applyFixes(text, lint(text).findings).text
    assert.notEqual(once, text)
    assert.equal(applyFixes(once, lint(once).findings).text, once)
  })
})
