import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import type {EngineOptions} from '../../server/src/engine/lint.js'
import {testTerminology} from '../helpers.js'

const RULE = 'readability/grade-level'
const terminology = testTerminology()
const grade = (text: string, options: EngineOptions = {}) =>
  lint(text, {terminology, ...options})
    .findings.filter((f) => f.ruleId === RULE)
    .map((f) => ({text: text.slice(f.offset, f.endOffset), message: f.message}))

// Words whose syllables nobody disputes: elephant, banana, potato, tomato, animal, family,
// beautiful, important have three; every other word here has one.
const HARD_A = 'The elephant ate a banana and a potato.' // 8 words, 14 syllables, 3 long
const HARD_B = 'The animal family ate a tomato.' // 6 words, 12 syllables, 3 long
const HARD_C = 'A beautiful elephant is important.' // 5 words, 11 syllables, 3 long
const EASY = 'The cat sat on the mat. We went home. It was a good day. The sun was out.' // 4 sentences, 18 words, no long word

describe('readability/grade-level', () => {
  // 12 sentences, 4 x (8 + 6 + 5) = 76 words, 4 x (14 + 12 + 11) = 148 syllables, 36 long words:
  // SMOG 1.043 sqrt(36 x 30 / 12) + 3.1291 = 13.0; FK 0.39 x 76/12 + 11.8 x 148/76 - 15.59 = 9.9.
  const HARD_12 = Array(4).fill(`${HARD_A} ${HARD_B} ${HARD_C}`).join(' ')

  it('reports a hard page once, on its title, naming the method for its size, the figures and what drives them', () => {
    const text = `# Hard page\n\n${HARD_12}\n`
    assert.deepEqual(grade(text), [
      {
        text: 'Hard page',
        message:
          "The page reads at grade 13.0 (SMOG, short-passage method, on 12 sentences; Flesch-Kincaid 9.9), above the target of 8. Mostly long words: 47% of words have three or more syllables, such as 'elephant', 'banana', 'potato'; sentences average 6.3 words.",
      },
    ])
  })

  it('says "SMOG on N sentences" from 30 sentences on', () => {
    const text = `${Array(10).fill(`${HARD_A} ${HARD_B} ${HARD_C}`).join(' ')}\n`
    assert.match(grade(text)[0].message, /^The page reads at grade 13\.0 \(SMOG on 30 sentences; /)
  })

  it('puts the finding of a page without a title on its first sentence', () => {
    assert.deepEqual(grade(`${HARD_12}\n`).map((f) => f.text), [HARD_A])
  })

  it('does not grade fewer than 10 sentences: SMOG is not valid there', () => {
    assert.deepEqual(grade(`## Short\n\n${HARD_A} ${HARD_B} ${HARD_C}\n\n${HARD_A} ${HARD_B} ${HARD_C} ${HARD_A} ${HARD_B} ${HARD_C}\n`), [])
  })

  it('judges prose only: list items and headings are not sentences of the grade', () => {
    const items = Array(4).fill([HARD_A, HARD_B, HARD_C]).flat().map((s) => `- ${s}`).join('\n')
    // 12 hard list items and 3 hard prose sentences: 3 prose sentences, too few to grade.
    assert.deepEqual(grade(`# A list\n\n${items}\n\n${HARD_A} ${HARD_B} ${HARD_C}\n`), [])
    // Hard headings over easy prose: the headings are not graded.
    const easy = Array(3).fill(EASY).join(' ')
    assert.deepEqual(grade(`# ${HARD_A}\n\n${easy}\n\n## ${HARD_B}\n\n${EASY}\n`), [])
  })

  it('compares the figure it shows: 8.02 shows as 8.0 and is not above 8; 8.13 is', () => {
    // 30 sentences, 22 long words: SMOG 1.043 sqrt(22) + 3.1291 = 8.02; 23 long words: 8.13.
    const page = (long: number) => `${Array(long).fill('The elephant ran.').join(' ')} ${Array(30 - long).fill('The cat ran.').join(' ')}\n`
    assert.deepEqual(grade(page(22)), [])
    assert.match(grade(page(23))[0].message, /^The page reads at grade 8\.1 \(SMOG on 30 sentences; /)
  })

  it('reports a hard section of an easy page on its heading', () => {
    // Page: 40 sentences, 10 long words: SMOG 1.043 sqrt(7.5) + 3.1291 = 6.0.
    // Section B: 10 sentences, 10 long words: SMOG 1.043 sqrt(30) + 3.1291 = 8.8; 30 words,
    // 50 syllables: FK 0.39 x 3 + 11.8 x 50/30 - 15.59 = 5.2.
    const easy = Array(30).fill('The cat ran.').join(' ')
    const hard = Array(10).fill('The animal ran.').join(' ')
    assert.deepEqual(grade(`## A\n\n${easy}\n\n## B\n\n${hard}\n`).map((f) => [f.text, f.message.split('. ')[0]]), [
      ['B', "Section 'B' reads at grade 8.8 (SMOG, short-passage method, on 10 sentences; Flesch-Kincaid 5.2), above the target of 8"],
    ])
  })

  it('on a hard page, names its hardest sections, and reports a section only when it is two grades harder', () => {
    // A: 10 sentences, 10 long words: SMOG 8.8; B: HARD_12, SMOG 13.0; page: 22 sentences,
    // 46 long words: SMOG 1.043 sqrt(46 x 30 / 22) + 3.1291 = 11.4.
    const text = `# Page\n\n## A\n\n${Array(10).fill('The animal ran.').join(' ')}\n\n## B\n\n${HARD_12}\n`
    const found = grade(text)
    assert.deepEqual(found.map((f) => f.text), ['Page'])
    assert.match(found[0].message, /^The page reads at grade 11\.4 \(SMOG, short-passage method, on 22 sentences; .* Hardest sections: 'B' \(13\.0\), 'A' \(8\.8\)\.$/)
    // With C, 20 easy sentences: page 42 sentences, 46 long words: SMOG 9.1; B (13.0) is now
    // two grades harder than the page and reported too, A (8.8) is not.
    const withEasy = `${text}\n## C\n\n${Array(20).fill('The cat ran.').join(' ')}\n`
    const again = grade(withEasy)
    assert.deepEqual(again.map((f) => f.text), ['Page', 'B'])
    assert.match(again[1].message, /^Section 'B' reads at grade 13\.0 .*, well above the target of 8 and the page \(\d+\.\d\)\./)
  })

  it('quotes a long heading cut at a word', () => {
    const title = 'Adult soft tissue sarcoma is a disease in which malignant cells form in the soft tissues of the body'
    const easy = Array(30).fill('The cat ran.').join(' ')
    const [f] = grade(`## Intro\n\n${easy}\n\n## ${title}\n\n${Array(10).fill('The animal ran.').join(' ')}\n`)
    assert.match(f.message, /^Section 'Adult soft tissue sarcoma is a disease in which malignant …' reads at/)
  })

  it('names long sentences when they drive the grade', () => {
    // 10 sentences of 30 words with one long word each: SMOG 1.043 sqrt(30) + 3.1291 = 8.8.
    const sentence = `The ${'cat '.repeat(27)}elephant ran.`
    const [f] = grade(`${Array(10).fill(sentence).join(' ')}\n`)
    assert.match(f.message, /^The page reads at grade 8\.8 .*\. Mostly long sentences: they average 30\.0 words; 3% of words have three or more syllables, such as 'elephant'\.$/)
  })

  it('names both when neither dominates', () => {
    // 10 sentences of 20 words, 4 long words in each of 2 of every 3: see below.
    const two = `The ${'cat '.repeat(16)}banana elephant ran.`
    const none = `The ${'cat '.repeat(18)}ran.`
    const [f] = grade(`${[two, two, none, two, two, none, two, two, none, two].join(' ')}\n`)
    // 14 long words in 10 sentences: SMOG 1.043 sqrt(42) + 3.1291 = 9.9.
    assert.match(f.message, /reads at grade 9\.9 .*\. Long sentences and long words: sentences average 20\.0 words, and 7% of words have three or more syllables, such as 'banana', 'elephant'\.$/)
  })

  it('follows targetGrade', () => {
    const text = `# Hard page\n\n${HARD_12}\n`
    assert.deepEqual(grade(text, {config: {targetGrade: 14}}), [])
    assert.match(grade(text, {config: {targetGrade: 12}})[0].message, /above the target of 12\./)
  })

  it('judges the grade with explained terms counted as easy, and gives the plain grade beside it', () => {
    // 10 sentences: 6 uses of frobnication (explained) and "explanation": plain 7 long words,
    // SMOG 1.043 sqrt(21) + 3.1291 = 7.9, not above 8. With HARD_12 (22 sentences): plain 43 long
    // words, SMOG 1.043 sqrt(43 x 30 / 22) + 3.1291 = 11.1; judged 37: 10.5.
    const part = `Frobnication (a test explanation) is here. ${Array(5).fill('Frobnication is good.').join(' ')} ${Array(4).fill('We ran.').join(' ')}`
    assert.deepEqual(grade(`${part}\n`), [])
    assert.match(
      grade(`${part} ${HARD_12}\n`)[0].message,
      /^The page reads at grade 10\.5 \(SMOG, short-passage method, on 22 sentences; Flesch-Kincaid [\d.]+; 11\.1 counting the medical terms it explains\), above the target of 8\. /,
    )
  })
})

describe('readability stats: the second figure with explained terms', () => {
  it('counts an explained medical word as easy: "angiogenesis (the growth of new blood vessels)"', () => {
    const text = 'Angiogenesis (the growth of new blood vessels) helps tumors grow. Some drugs block angiogenesis. This can slow the cancer.'
    const {document} = lint(text, {terminology}).stats
    assert.ok(document.gradesExplained.smog < document.grades.smog, `${document.gradesExplained.smog} !< ${document.grades.smog}`)
    // The only long words are the two uses of "angiogenesis": SMOG 1.043 sqrt(2 x 30 / 3) + 3.1291
    // plain, and 3.1291 (no long word) once both uses count as easy.
    assert.equal(document.counts.polysyllables, 2)
    assert.ok(Math.abs(document.grades.smog - (1.043 * Math.sqrt(20) + 3.1291)) < 1e-9)
    assert.ok(Math.abs(document.gradesExplained.smog - 3.1291) < 1e-9)
  })
  it('is the same figure when nothing is explained', () => {
    const {document} = lint('Some drugs block angiogenesis. This can slow the cancer. It may help.', {terminology}).stats
    assert.deepEqual(document.gradesExplained, document.grades)
  })
})

describe('readability stats: hardest sentences', () => {
  it('lists up to ten body sentences, hardest first by Flesch-Kincaid, with offsets and word counts', () => {
    const hard = 'Considerable organizational responsibilities necessitate extraordinary communication.'
    const easy = Array.from({length: 11}, (_, i) => `We ran ${'far '.repeat(i)}home.`)
    const text = `# An extraordinarily complicated heading with considerable organizational vocabulary\n\n${easy.slice(0, 5).join(' ')} ${hard} ${easy.slice(5).join(' ')}`
    const {hardestSentences} = lint(text, {terminology}).stats
    assert.equal(hardestSentences.length, 10)
    const [first] = hardestSentences
    // 6 words; syllables con-sid-er-a-ble 5, or-gan-i-za-tion-al 6, re-spon-si-bil-i-ties 6,
    // ne-ces-si-tate 4, ex-tra-or-di-nar-y 6, com-mu-ni-ca-tion 5 = 32:
    // FK 0.39 x 6 + 11.8 x 32/6 - 15.59 = 49.7.
    assert.deepEqual(first, {offset: text.indexOf(hard), endOffset: text.indexOf(hard) + hard.length, words: 6, grade: 49.7})
    // Among one-syllable sentences the longer reads harder; the heading is never listed.
    assert.deepEqual(
      hardestSentences.slice(1).map((s) => s.words),
      [13, 12, 11, 10, 9, 8, 7, 6, 5],
    )
    assert.ok(hardestSentences.every((s) => s.offset > text.indexOf('\n')))
  })
})
