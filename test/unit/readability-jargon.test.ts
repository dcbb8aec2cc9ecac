import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import {isExplained} from '../../server/src/engine/analyses/explanation.js'
import {familyRoot} from '../../server/src/engine/readability/word-family.js'
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
    // The forms added for issue 17, in this project's own wording.
    ['… (X)', 'Cells can change their shape and their job (frobnication).'],
    ['… (the X)', 'Cells change the way they work (the frobnication) before they move.'],
    ['… (or X)', 'Cells change the way they work (or frobnication) before they move.'],
    ['… (also called X)', 'Cells change the way they work (also called frobnication) first.'],
    ['…, or X at the end of the clause', 'Tests can spot cells that change the way they work, or frobnication.'],
    ['… is called X', 'When cells change the way they work, it is called frobnication.'],
    ['… called [describing words] X', 'One kind of change, called early cell frobnication, comes first.'],
    ['doctors call this X', 'Cells change the way they work. Doctors call this frobnication.'],
    ['X, which is …', 'Frobnication, which is a change in how cells work, comes first.'],
    ['X, [appositive] who/that …', 'It starts with frobnication, a change that makes cells move.'],
    ['X is sometimes called …', 'Frobnication is sometimes called cell change.'],
    ['X is also referred to as …', 'Frobnication is also referred to as cell change.'],
    ['X is made up of …', 'The frobnication is made up of changed cells and the fluid around them.'],
    ['X is the most common type of …', 'Frobnication is the most common type of cell change.'],
    ['X is a rare [noun] that …', 'Frobnication is a rare change that makes cells move.'],
    ['X, which uses/shows/removes …', 'You may have frobnication, which uses a magnet to find changed cells.'],
    ['X [head noun] is a … that …', 'Frobnication therapy is a treatment that slows cells down.'],
    ['X (ACRONYM) is a … that …', 'Frobnication (FBN) is a change that lets cells move.'],
    ['X (ACRONYM) are … that …', 'Frobnications (FBNs) are changes that let cells move.'],
    ['the X of a … means …', 'The frobnication of a cell means how far it has changed.'],
    ['X is [bare noun] given/done …', 'Frobnication is treatment given before the main operation.'],
    ['X, which combines/contains …', 'You may have frobnication, which combines two tests in one visit.'],
    ['X uses … (opening the sentence)', 'Frobnication uses heat to change the cells.'],
    ['**X** [verb] … (a bold lead)', '**Frobnication** changes how cells work.'],
    ['- **[label with X]**: … (a bold label in a list)', '- **Cell frobnication test**: a blood test that looks for changed cells.'],
    ['[short label with X]: … (a plain label)', '- Early frobnication: cells start to change.'],
    ['X on its line, then ": …" (a definition line)', 'Frobnication\n: a change in how cells work.'],
    ['In X, … (what happens in it)', 'In frobnication, the cells change how they work.'],
    ['X. In X, … (the next sentence)', 'You may hear about frobnication. In frobnication, the cells change how they work.'],
    ['X. This means … (the next sentence)', 'Your cells may show frobnication. This means they have changed how they work.'],
    ['X. It uses … (the next sentence)', 'You may have frobnication. It uses heat to change the cells.'],
    ['X. X is … (the next sentence)', 'Your cells may show frobnication. Frobnication is a change in how cells work.'],
    ['…, this is a X (what the clause described, named)', 'When cells change the way they work, this is a frobnication.'],
    ['… . This is a X of the … and … (the sentence before described it)', 'Cells change the way they work. This is a frobnication of the cells and it comes first.'],
    ['… is the ‘X’ (a name in quotes)', 'The step where cells change the way they work is the ‘frobnication’.'],
    ['… or a ‘X’ (another name in quotes)', 'When cells change, this is a cell change or a ‘frobnication’.'],
    ['the terms ‘…’ and ‘X’ (the term mentioned as a term)', 'The terms ‘change’ and ‘frobnication’ mean different things.'],
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
    ['X is a common problem …', 'Frobnication is a common problem in older people.'],
    ['X is sometimes found in …', 'Frobnication is sometimes found in older people.'],
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
    ['a list: …, or X', 'You may have surgery, radiation, or frobnication.'],
    ['she called … X (a phone call)', 'She called the clinic about frobnication.'],
    ['After X, [main clause with that]', 'After frobnication, the cells that survive move on.'],
    ['X, [main clause]', 'With frobnication, the cells move.'],
    ['X [verb] … not opening the sentence', 'Some people have frobnication uses for this.'],
    ['**X** alone in bold, mid-sentence', 'Some cells show **frobnication** early.'],
    ['X. [unrelated next sentence]', 'Your cells may show frobnication. The test takes a day.'],
    ['this is a serious X problem (a judgement, not a name)', 'This is a serious frobnication problem.'],
    ['a question: is this X?', 'Your cells may have changed. Is this frobnication?'],
    ['X. [next paragraph after a heading] X is …', 'Your cells may show frobnication.\n\n## More\n\nFrobnication is a change in how cells work.'],
  ]
  for (const [form, text] of unexplained) {
    it(`not explained: ${form}`, () => assert.deepEqual(flagged(text), [/frobnication/i.exec(text)![0]]))
  }

  it('takes an acronym right after the words it stands for as explained', () => {
    assert.equal(explains('Most circulating tumor cells (CTCs) die in the blood.', 'CTCs'), true)
    assert.equal(explains('Most CTCs die in the blood.', 'CTCs'), false)
  })

  it('explains the examples of issue 17 with the shipped terms, plural and inflected forms included', () => {
    for (const text of [
      'Cancer that has spread is called metastatic cancer.',
      'The doctor takes a sample of tissue (a biopsy).',
      'Cancer cells can spread (metastasize) through the blood.',
      'A pathologist is a doctor who looks at cells under a microscope.',
      '**Targeted therapy** uses drugs that find and attack cancer cells.',
      'You may have a biopsy. In a biopsy, the doctor takes out a small piece of tissue.',
      'Tumors that grow from cancer cells that spread are called metastases.',
      'A pathologist looks at the cells under a microscope.',
    ]) {
      assert.deepEqual(flagged(text), [], text)
    }
  })

  it('flags the first unexplained use only, and offers the approved explanation after it', () => {
    const text = 'Frobnication is important. It happens often. Frobnication (when cells change) happens.'
    const findings = lint(text, {terminology}).findings.filter((f) => f.ruleId === RULE)
    assert.equal(findings.length, 1)
    assert.equal(findings[0].offset, 0)
    assert.deepEqual(findings[0].suggestions[0].edits, [{offset: 12, endOffset: 12, newText: ' (a test explanation)'}])
    assert.equal(findings[0].message, "'Frobnication' is jargon (test entry). The draft explains it further on (line 1): move the explanation here, to its first use.")
  })

  it('never nests brackets: inside brackets the explanation goes in after a comma', () => {
    const text = 'Some changes (such as frobnication) come first.'
    const [f] = lint(text, {terminology}).findings.filter((x) => x.ruleId === RULE)
    assert.equal(text.slice(f.offset, f.endOffset), 'frobnication')
    assert.deepEqual(f.suggestions[0].edits, [{offset: f.endOffset, endOffset: f.endOffset, newText: ', a test explanation'}])
    assert.equal(f.suggestions[0].title, "Explain 'frobnication': insert a test explanation")
  })

  it('inserts after closing emphasis, so the explanation is not bold', () => {
    const text = 'Some cells show **frobnication** early.'
    const [f] = lint(text, {terminology}).findings.filter((x) => x.ruleId === RULE)
    const end = text.indexOf('** early')
    assert.deepEqual(f.suggestions[0].edits, [{offset: end + 2, endOffset: end + 2, newText: ' (a test explanation)'}])
  })

  it('names the words it underlines, and explains those', () => {
    const text = 'Doctors found metastases in her liver.'
    const [f] = lint(text, {terminology}).findings.filter((x) => x.ruleId === RULE)
    assert.equal(text.slice(f.offset, f.endOffset), 'metastases')
    assert.match(f.message, /^'Metastases' is medical jargon/)
    assert.equal(f.suggestions[0].title.startsWith("Explain 'metastases': insert ("), true)
    assert.equal(f.suggestions[0].edits[0].offset, f.endOffset)
  })
})

describe('readability/undefined-jargon: terms no entry lists', () => {
  const all = (text: string) => lint(text, {terminology}).findings.filter((f) => f.ruleId === RULE)

  const reported: Array<[string, string, RegExp]> = [
    ['The team suggested TACE for the liver tumors.', 'TACE', /^'TACE' is an abbreviation the draft does not spell out; write it in full the first time you use it, with the abbreviation after it in brackets\.$/],
    ['Your HER2 result came back.', 'HER2', /is an abbreviation/],
    ['Your CA 125 level went up.', 'CA', /is an abbreviation/],
    ['You may need a thoracentesis to drain the fluid.', 'thoracentesis', /^'thoracentesis' reads as a medical term; if your readers may not know it, explain it in plain words the first time you use it\.$/],
    ['Some people get neuropathy in their hands.', 'neuropathy', /reads as a medical term/],
    ['The drug worked in vivo as well.', 'in vivo', /reads as a medical term/],
    ['Smoke holds carcinogens. Avoid carcinogens at work.', 'carcinogens', /reads as a medical term/],
    ['The cytological findings were clear.', 'cytological', /reads as a medical term/],
    ['Berries hold flavonoids and fibre.', 'flavonoids', /reads as a medical term/],
  ]
  for (const [text, term, message] of reported) {
    it(`reports '${term}' once, on its first use`, () => {
      const found = all(text)
      assert.deepEqual(found.map((f) => text.slice(f.offset, f.endOffset)), [term])
      assert.match(found[0].message, message)
      assert.deepEqual(found[0].suggestions, [])
    })
  }

  const kept: Array<[string, string]> = [
    ['a known abbreviation', 'Your GP and the NHS can help.'],
    ['spelled out before it', 'Doctors may offer transarterial chemoembolization (TACE). TACE takes an hour.'],
    ['spelled out after it', 'TACE (transarterial chemoembolization) takes an hour.'],
    ['spelled out in a heading', '# Langerhans cell histiocytosis\n\nLCH is rare in adults.'],
    ['explained in words', 'You may need a thoracentesis, which means draining fluid from around the lungs.'],
    ['a stage name', 'In stage IIIB the cancer has spread to nearby nodes, but not in stage IVA or IB.'],
    ['shouted words', 'CALL THE WARD IF YOU FEEL UNWELL.'],
    ['a familiar word', 'You may have a colonoscopy.'],
    ['a cancer everyone knows', 'Melanoma is a skin cancer.'],
    ['a name with a capital', 'The Nottingham team runs the trial.'],
    ['a word of a spelled-out name', 'Tell us if you have human immunodeficiency virus (HIV).'],
    ['an abbreviation an entry names', 'You may have a PET scan. The PET scanner is quiet.'],
    ['a word that only looks medical', 'The biology of cells is complex.'],
    ['an -ological word of everyday English', 'There is a psychological and a technological side to it.'],
    ['an -oid word of everyday English', 'Beware of tabloid headlines and paranoid forums.'],
    ['an -oid word readers know', 'You may be given steroids and opioids for the pain.'],
  ]
  for (const [why, text] of kept) {
    it(`keeps ${why}`, () => assert.deepEqual(all(text).filter((f) => !f.entryId).map((f) => text.slice(f.offset, f.endOffset)), []))
  }
})

describe('readability/undefined-jargon: a shared stem is not the same term', () => {
  // Porter stems "heterogeneous" and "heterogeneity" alike ("heterogen"): the entry is for the noun.
  const jargon = (text: string) =>
    lint(text)
      .findings.filter((f) => f.ruleId === RULE)
      .map((f) => [text.slice(f.offset, f.endOffset), f.message])

  it('"heterogeneous" is not reported as "Tumor heterogeneity"', () => {
    const text = 'Immunohistochemistry characterization demonstrates heterogeneous differentiation.'
    assert.deepEqual(jargon(text).filter(([term]) => /heterogen/i.test(term)), [])
  })

  it('"tumor heterogeneity" and "heterogeneity" still are, each named as written', () => {
    const message = (term: string) => `'${term}' is medical jargon; explain it in plain words the first time you use it.`
    assert.deepEqual(jargon('Tumor heterogeneity makes treatment harder.'), [['Tumor heterogeneity', message('Tumor heterogeneity')]])
    assert.deepEqual(jargon('Heterogeneity is one reason drugs stop working.'), [['Heterogeneity', message('Heterogeneity')]])
  })
})

describe('readability/undefined-jargon: a word of the same -sis family is explained with it', () => {
  const jargon = (text: string) =>
    lint(text)
      .findings.filter((f) => f.ruleId === RULE)
      .map((f) => text.slice(f.offset, f.endOffset))

  it('"metastatic tumor" after "it is called metastasis" (the way NCI pages put it) is not reported', () => {
    assert.deepEqual(jargon('When cancer spreads to another part of the body, it is called metastasis. The metastatic tumor is the same type of cancer as the first tumor.'), [])
    assert.deepEqual(jargon('Metastasis means that cancer has spread. The disease is metastatic breast cancer, not bone cancer.'), [])
  })

  it('the adjective before the explained noun is still reported: the explanation comes too late', () => {
    assert.deepEqual(jargon('Metastatic cancer can be treated. Metastasis means that cancer has spread.'), ['Metastatic cancer'])
  })

  it('familyRoot joins -sis nouns with their -tic and -size words, and nothing else', () => {
    assert.deepEqual(['metastasis', 'metastases', 'Metastatic', 'metastasize', 'metastasized'].map(familyRoot), Array(5).fill('metasta'))
    assert.deepEqual(['diagnosis', 'diagnostic'].map(familyRoot), ['diagno', 'diagno'])
    assert.deepEqual(['necrosis', 'necrotic'].map(familyRoot), ['necro', 'necro'])
    assert.deepEqual(['carcinoma', 'carcinogen', 'tumor', 'basis', 'cancer'].map(familyRoot), [undefined, undefined, undefined, undefined, undefined])
  })
})
