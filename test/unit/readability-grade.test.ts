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
  it('reports a hard section once, on its heading, with SMOG, Flesch-Kincaid and what drives it', () => {
    // 3 sentences, 19 words, 37 syllables, 9 long words:
    // SMOG 1.043 sqrt(9 x 30 / 3) + 3.1291 = 13.0; FK 0.39 x 19/3 + 11.8 x 37/19 - 15.59 = 9.9.
    const text = `## Hard part\n\n${HARD_A} ${HARD_B} ${HARD_C}\n`
    assert.deepEqual(grade(text), [
      {
        text: 'Hard part',
        message:
          "Section 'Hard part' reads at grade 13.0 (SMOG; Flesch-Kincaid 9.9), above the target of 8. Mostly long words: 47% of words have three or more syllables, such as 'elephant', 'banana', 'potato'; sentences average 6.3 words.",
      },
    ])
  })

  it('reports a paragraph on its own only when it is notably harder than its reported section', () => {
    // Section: 6 sentences, 32 words, 44 syllables, 6 long words: SMOG 1.043 sqrt(30) + 3.1291 = 8.8, FK 2.7.
    // First paragraph: 2 sentences, 14 words, 26 syllables, 6 long: SMOG 13.0, FK 9.1.
    const text = `## Mixed part\n\n${HARD_A} ${HARD_B}\n\n${EASY}\n`
    assert.deepEqual(grade(text), [
      {
        text: 'Mixed part',
        message:
          "Section 'Mixed part' reads at grade 8.8 (SMOG; Flesch-Kincaid 2.7), above the target of 8. Mostly long words: 19% of words have three or more syllables, such as 'elephant', 'banana', 'potato'; sentences average 5.3 words.",
      },
      {
        text: `${HARD_A} ${HARD_B}`,
        message:
          "Paragraph reads at grade 13.0 (SMOG; Flesch-Kincaid 9.1), well above the target of 8 and its section (8.8). Mostly long words: 43% of words have three or more syllables, such as 'elephant', 'banana', 'potato'; sentences average 7.0 words.",
      },
    ])
  })

  it('reports a hard paragraph in a section that reads at the target', () => {
    // Section: 10 sentences, 6 long words: SMOG 1.043 sqrt(18) + 3.1291 = 7.6, not reported.
    const text = `## Mostly easy\n\n${HARD_A} ${HARD_B}\n\n${EASY} ${EASY}\n`
    assert.deepEqual(grade(text).map((f) => f.message.split('. Mostly')[0]), ['Paragraph reads at grade 13.0 (SMOG; Flesch-Kincaid 9.1), well above the target of 8'])
  })

  it('names long sentences when they drive the grade', () => {
    // 3 sentences of 30 words with one long word each: SMOG 8.8; FK 0.39 x 30 + 11.8 x 96/90 - 15.59 = 8.7.
    const sentence = `The ${'cat '.repeat(27)}elephant ran.`
    const [f] = grade(`## Long part\n\n${sentence} ${sentence} ${sentence}\n`)
    assert.equal(
      f.message,
      "Section 'Long part' reads at grade 8.8 (SMOG; Flesch-Kincaid 8.7), above the target of 8. Mostly long sentences: they average 30.0 words; 3% of words have three or more syllables, such as 'elephant'.",
    )
  })

  it('names both when neither dominates', () => {
    // 3 sentences of 20 words, 4 long words: SMOG 1.043 sqrt(40) + 3.1291 = 9.7.
    const two = `The ${'cat '.repeat(16)}banana elephant ran.`
    const none = `The ${'cat '.repeat(18)}ran.`
    const [f] = grade(`## Both\n\n${two} ${two} ${none}\n`)
    assert.match(f.message, /reads at grade 9\.7 .*\. Long sentences and long words: sentences average 20\.0 words, and 7% of words have three or more syllables, such as 'banana', 'elephant'\.$/)
  })

  it('puts the finding of an opening section without a heading on its first sentence', () => {
    const text = `${HARD_A} ${HARD_B} ${HARD_C}\n`
    assert.deepEqual(grade(text).map((f) => f.text), [HARD_A])
  })

  it('follows targetGrade', () => {
    const text = `## Hard part\n\n${HARD_A} ${HARD_B} ${HARD_C}\n`
    assert.deepEqual(grade(text, {config: {targetGrade: 14}}), [])
    assert.match(grade(text, {config: {targetGrade: 12}})[0].message, /above the target of 12\./)
  })

  it('does not judge sections of fewer than 3 sentences or paragraphs of one sentence', () => {
    assert.deepEqual(grade(`## Short\n\n${HARD_A} ${HARD_B}\n`).map((f) => f.text), [`${HARD_A} ${HARD_B}`])
    assert.deepEqual(grade(`## Short\n\n${HARD_A}\n`), [])
  })

  it('judges the grade with explained terms counted as easy, and gives the plain grade beside it', () => {
    // Plain: frobnication x3, explanation, animal = 5 long words in 3 sentences: SMOG 10.5.
    // Explained: explanation, animal = 2: SMOG 1.043 sqrt(20) + 3.1291 = 7.8, under the target.
    const explained = '## Part\n\nFrobnication (a test explanation) is here. Frobnication is good. Frobnication is an animal.\n'
    const {stats} = lint(explained, {terminology})
    assert.equal(Math.round(stats.sections[0].grades.smog * 10) / 10, 10.5)
    assert.equal(Math.round(stats.sections[0].gradesExplained.smog * 10) / 10, 7.8)
    assert.deepEqual(grade(explained), [])
    // The same unexplained: judged at the plain grade.
    assert.match(grade('## Part\n\nFrobnication is here. Frobnication is good. Frobnication is an animal.\n')[0].message, /reads at grade 9\.7 \(SMOG; Flesch-Kincaid [\d.]+\), above/)
    // Explained but still hard: 4 sentences, 24 words, 10 long words (8 once explained):
    // SMOG 1.043 sqrt(8 x 30 / 4) + 3.1291 = 11.2, plain 1.043 sqrt(10 x 30 / 4) + 3.1291 = 12.2.
    const hard = `## Part\n\nFrobnication (a test explanation) is here. ${HARD_A} ${HARD_B} Frobnication is an animal.\n`
    assert.equal(
      grade(hard)[0].message,
      "Section 'Part' reads at grade 11.2 (SMOG; Flesch-Kincaid 9.9; 12.2 counting the medical terms it explains), above the target of 8. Mostly long words: 33% of words have three or more syllables, such as 'explanation', 'animal', 'elephant'; sentences average 6.0 words.",
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
