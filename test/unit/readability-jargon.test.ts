import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import {isExplained} from '../../server/src/engine/analyses/explanation.js'
import {testTerminology} from '../helpers.js'

const RULE = 'readability/undefined-jargon'
const terminology = testTerminology()
// "frobnication" is the made-up jargon entry of test/fixtures/terminology/test-terms.yaml.
const flagged = (text: string) =>
  lint(text, {terminology})
    .findings.filter((f) => f.ruleId === RULE)
    .map((f) => text.slice(f.offset, f.endOffset))

/** isExplained for the first occurrence of `term` in `text`. */
const explains = (text: string, term: string): boolean => {
  const at = text.indexOf(term)
  assert.ok(at >= 0, `${term} not in ${text}`)
  return isExplained(text, at, at + term.length)
}

describe('readability/undefined-jargon: what counts as an explanation', () => {
  const explained: Array<[string, string]> = [
    ['X, which means …', 'Frobnication, which means that cells change, happens early.'],
    ['X (…)', 'Frobnication (when cells change) happens early.'],
    ['X is when …', 'Frobnication is when cells change.'],
    ['called X', 'Cells change in a step called frobnication.'],
    ['known as X', 'This step is known as frobnication.'],
    ['X, or …', 'Frobnication, or the change of cells, comes first.'],
    ['X — …', 'Frobnication — a change in the cells — comes first.'],
    ['X - … (spaced hyphen)', 'Frobnication - a change in the cells - comes first.'],
    ['X: …', 'Frobnication: a change in the cells.'],
    ['X is the … of …', 'Frobnication is the change of cells into a new form.'],
    ['X is a … that …', 'Frobnication is a process that changes cells.'],
    ['X is [noun] that …', 'Frobnication is change that happens in cells.'],
    ['X means …', 'Frobnication means that cells change.'],
    ['X refers to …', 'Frobnication refers to a change in cells.'],
    ['X is also called …', 'Frobnication is also called cell change.'],
    ['X, which is …', 'Frobnication, which is a change in cells, comes first.'],
    ['X, which is [description without a link word]', 'Frobnication, which is strong change aimed precisely, comes first.'],
    ['X, also known as …', 'Frobnication, also known as cell change, comes first.'],
    ['**X** (…) in Markdown', '**Frobnication** (when cells change) happens.'],
    ['X (…) with a plural', 'Frobnications (changes in cells) happen.'],
  ]
  for (const [form, text] of explained) {
    it(`explained: ${form}`, () => assert.deepEqual(flagged(text), []))
  }

  const unexplained: Array<[string, string]> = [
    ['no explanation', 'Frobnication happens.'],
    ['X is important', 'Frobnication is important for patients to understand.'],
    ['X is the culprit behind …', 'Frobnication is the culprit behind most deaths.'],
    ['X is one of …', 'Frobnication is one of the most dangerous events in cancer.'],
    ['X is a serious problem', 'Frobnication is a serious problem for patients.'],
    ['X is a must for …', 'Frobnication is a must for all those who care.'],
    ['X is common in …', 'Frobnication is common in older people.'],
    ['X is not …', 'Frobnication is not a disease that spreads.'],
    ['X is right for …', 'Frobnication is right for some people.'],
    ['X is treated with … that …', 'Frobnication is treated with drugs that block it.'],
    ['X, which is common', 'Frobnication, which is common, can be treated.'],
    ['X, which highlights …', 'Frobnication, which highlights the need for care, is hard.'],
    ['after X, [main clause]', 'After frobnication, the cells settle in a new organ.'],
    ['a list: …, X, or …', 'Surgery, frobnication, or radiation may help.'],
    ['X (ACRONYM)', 'Frobnication (FBN) can be seen on scans.'],
    ['X (year)', 'Frobnication (2020) was described first.'],
    ['X (see …)', 'Frobnication (see below) matters.'],
  ]
  for (const [form, text] of unexplained) {
    it(`not explained: ${form}`, () => assert.deepEqual(flagged(text), [/frobnication/i.exec(text)![0]]))
  }

  it('takes an acronym right after the words it stands for as explained', () => {
    assert.equal(explains('Most circulating tumor cells (CTCs) die in the blood.', 'CTCs'), true)
    assert.equal(explains('Most CTCs die in the blood.', 'CTCs'), false)
  })

  it('flags the first unexplained use only, and offers the approved explanation after it', () => {
    const text = 'Frobnication is important. Frobnication (when cells change) happens.'
    const findings = lint(text, {terminology}).findings.filter((f) => f.ruleId === RULE)
    assert.equal(findings.length, 1)
    assert.equal(findings[0].offset, 0)
    assert.deepEqual(findings[0].suggestions[0].edits, [{offset: 12, endOffset: 12, newText: ' (a test explanation)'}])
  })
})

describe('readability/undefined-jargon: a shared stem is not the same term', () => {
  // Porter stems "heterogeneous" and "heterogeneity" alike ("heterogen"): the entry is for the noun.
  const jargon = (text: string) =>
    lint(text)
      .findings.filter((f) => f.ruleId === RULE)
      .map((f) => [text.slice(f.offset, f.endOffset), f.message])

  it('"heterogeneous" is not reported as "Tumor heterogeneity"', () => {
    assert.deepEqual(jargon('Immunohistochemistry characterization demonstrates heterogeneous differentiation.'), [])
  })

  it('"tumor heterogeneity" and "heterogeneity" still are', () => {
    const message = "'Tumor heterogeneity' is medical jargon; explain it in plain words the first time you use it."
    assert.deepEqual(jargon('Tumor heterogeneity makes treatment harder.'), [['Tumor heterogeneity', message]])
    assert.deepEqual(jargon('Heterogeneity is one reason drugs stop working.'), [['Heterogeneity', message]])
  })
})
