import assert from 'node:assert/strict'
import {applyFixes, lint, type Finding} from '../../server/src/engine/index.js'

// The probe sentences of the terminology review of December 2026 (docs/reviews/
// terminology-review-2026-12-response.md answers it), each with what oncolint must do with it
// now. The sentences are the reviewer's, quoted so that each finding of the review stays
// fixed; the entries' own examples say the same things in other words.

/** The text after the first suggestion of the finding from `entryId` (undefined: no suggestion). */
function firstSuggestion(text: string, entryId: string): string | undefined {
  const f = lint(text).findings.find((x) => x.entryId === entryId)
  assert.ok(f, `expected a finding from ${entryId} on: ${text}`)
  if (f.suggestions.length === 0) return undefined
  const edits = [...f.suggestions[0].edits].sort((a, b) => b.offset - a.offset)
  return edits.reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.endOffset), text)
}

const accuracyOrPromotion = (text: string): string[] =>
  lint(text)
    .findings.filter((f: Finding) => /^(accuracy|promotion)\//.test(f.ruleId))
    .map((f) => `${f.entryId}: ${text.slice(f.offset, f.endOffset)}`)

describe('review probes: "fix all" changes no meaning (section 2, first table)', () => {
  for (const text of [
    'Survival statistics describe groups, not individuals.',
    'Many cancers arise from chance factors, such as random errors when cells copy DNA.',
    'Cancer cells make essential growth factors that feed the tumor.',
    'The principal growth period for children is puberty.',
    'Activities with higher METs burn more energy, so start slowly.',
    'Your oxygen equipment can be rented from a healthcare supplier.',
    'Smoking leads to cancer-causing cell changes in the lungs.',
    'Survival improved with respect to chemotherapy alone.',
    'Chemotherapy is given in an attempt to shrink the tumor before surgery.',
  ]) {
    it(text, () => {
      const {findings} = lint(text)
      assert.equal(applyFixes(text, findings).text, text)
    })
  }
})

describe('review probes: one-click suggestions say what the writer meant, or nothing', () => {
  // [sentence, entry that must find it, first suggestion's result or undefined for advice only]
  const cases: Array<[string, string, string | undefined]> = [
    // S1: a whole sentence pasted over a few words
    ['A PET scan finds every cancer cell in the body.', 'scan-finds-every-cell', undefined],
    ['She had a benign cancer removed from her breast.', 'benign-tumors-spread', undefined],
    ['A secondary tumor is a different cancer from the first one.', 'secondary-tumor-different-cancer', undefined],
    ['The tumor spread because of the biopsy, as tumors often do.', 'biopsy-spreads-cancer', undefined],
    ['A bright spot on a PET scan always means cancer.', 'pet-spot-always-cancer', undefined],
    ['Tumor markers diagnose cancer.', 'tumor-markers-confirm-spread', undefined],
    // S2: subject or verb deleted, copula doubled, "an a"
    ['Metastatic cancer is terminal.', 'always-terminal', 'Metastatic cancer can often be treated, even when a cure is not possible.'],
    ['Cancer always spreads to other organs in the end.', 'always-spreads', 'Cancer can spread to other organs in the end.'],
    ['When the cancer spreads, your life is over.', 'end-of-the-road', undefined],
    ['For most people, spread to the lungs means certain death.', 'means-terminal', undefined],
    ['Nobody survives cancer that has spread to the liver.', 'never-survive', undefined],
    ['Cancer that has spread to the liver is always fatal.', 'always-fatal', 'Cancer that has spread to the liver can be life-threatening, but many people live for years with treatment.'],
    ['When cancer spreads to the brain there is no hope.', 'no-hope', undefined],
    ['A diagnosis of metastatic cancer is a death sentence.', 'death-sentence', 'A diagnosis of metastatic cancer is a serious diagnosis.'],
    ['Metastatic pancreatic cancer is incurable.', 'incurable', 'Metastatic pancreatic cancer cannot be cured, but can be treated.'],
    ['Untreated, this cancer always spreads to the liver.', 'always-spreads', 'Untreated, this cancer can spread to the liver.'],
    ['Our herbal capsules have no side effects.', 'absolute-no-side-effects', undefined],
    ['Our robotic surgery is 100% safe.', 'absolute-100-percent', undefined],
    ['The test is 100% accurate.', 'absolute-100-percent', undefined],
    // METs is metastases only outside exercise text, and keeps its case
    ['Her scan showed METs in the liver.', 'mets', 'Her scan showed metastases in the liver.'],
  ]
  for (const [text, entryId, expected] of cases) {
    it(`${entryId}: ${text}`, () => assert.equal(firstSuggestion(text, entryId), expected))
  }
})

describe('review probes: true, hedged and clinical sentences raise no accuracy or promotion finding', () => {
  for (const text of [
    // section 2, second table
    'Hormone therapy does not work for metastatic triple-negative breast cancer.',
    'Chemotherapy does not work on advanced kidney cancer, so targeted drugs are used instead.',
    'Chemotherapy is useless against this type of cancer, so immunotherapy is used.',
    'Brain metastases cannot be treated with most chemotherapy drugs because of the blood-brain barrier.',
    'Without treatment, metastatic pancreatic cancer is almost always fatal.',
    'Metastatic melanoma used to be a death sentence, but new drugs have changed that.',
    'Intravesical chemotherapy only treats the area where the bladder lining is.',
    'Total body radiation treats cancer cells anywhere in the body before a transplant.',
    'Radium-223 is a radioactive treatment for prostate cancer that has spread to the bones.',
    'Tanner stage 5 means puberty is complete.',
    'Some people have few or no side effects from hormone therapy.',
    'Having no side effects does not mean the treatment is not working.',
    'A needle biopsy can spread cancer cells along the needle track.',
    'Nothing can be done to reverse nerve damage from chemotherapy.',
    'Some people feel there is no hope after hearing the news.',
    // section 2, third table
    'Act quickly if you have back pain with leg weakness, which can be a sign of spinal cord compression.',
    'Take your breakthrough medicine when pain flares.',
    'Immunotherapy works better than chemotherapy for people whose tumors have high PD-L1.',
    'A complete cure is possible for many people with testicular cancer, even after it has spread.',
    'Quitting smoking at any age can add years to your life.',
    'Removing the ovaries permanently stops them making estrogen.',
    'You will recover faster after keyhole surgery.',
    'Power morcellation during this surgery can spread cancer cells if the fibroid is really a sarcoma.',
    // the tables of section 1.3
    'Metastatic pancreatic cancer is incurable but treatable.',
    'In rare cases, a needle biopsy can spread cancer cells along the needle track.',
    'Cancer can spread to other people through organ transplants in very rare cases.',
    'A low-grade brain tumor can become brain cancer over time.',
    'Stereotactic radiosurgery can treat the tumor without surgery.',
    'Gentle walking can speed up recovery after surgery.',
    'For most people with early melanoma, the cancer never comes back after surgery.',
    'Many people with advanced cancer feel they are running out of time.',
    'PARP inhibitors selectively kill cancer cells with BRCA mutations.',
    'Protect the tender tissue around the scar from the sun.',
    'Activities with higher METs burn more energy, so start slowly.',
  ]) {
    it(text, () => assert.deepEqual(accuracyOrPromotion(text), []))
  }
})
