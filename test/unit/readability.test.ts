import assert from 'node:assert/strict'
import {grades} from '../../server/src/engine/readability/stats.js'
import {countSyllables} from '../../server/src/engine/readability/syllables.js'
import {lint} from '../../server/src/engine/index.js'
import {byRule} from '../helpers.js'

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.01, `${actual} != ${expected}`)

describe('readability formulas (worked by hand)', () => {
  // "The cat sat on the mat. It was a sunny day. Metastasis is dangerous."
  // 14 words, 3 sentences, 20 syllables, 2 of 3+ syllables (both complex), 52 letters.
  const text = 'The cat sat on the mat. It was a sunny day. Metastasis is dangerous.'
  const {document} = lint(text).stats

  it('counts words, sentences, syllables and letters', () => {
    assert.deepEqual(
      {s: document.counts.sentences, w: document.counts.words, sy: document.counts.syllables, p: document.counts.polysyllables, c: document.counts.complex, l: document.counts.letters},
      {s: 3, w: 14, sy: 20, p: 2, c: 2, l: 52},
    )
  })
  it('SMOG = 1.043 sqrt(P * 30 / S) + 3.1291', () => close(document.grades.smog, 1.043 * Math.sqrt(20) + 3.1291)) // 7.7935
  it('Flesch-Kincaid = 0.39 W/S + 11.8 Sy/W - 15.59', () => close(document.grades.fleschKincaid, 3.0871))
  it('Flesch reading ease = 206.835 - 1.015 W/S - 84.6 Sy/W', () => close(document.grades.fleschReadingEase, 81.2413))
  it('Gunning fog = 0.4 (W/S + 100 complex/W)', () => close(document.grades.gunningFog, 7.581))
  it('Coleman-Liau = 0.0588 L - 0.296 S100 - 15.8', () => close(document.grades.colemanLiau, -0.3029))
  it('Dale-Chall = 0.1579 %difficult + 0.0496 W/S (+3.6365 over 5%)', () => {
    close(grades({sentences: 3, words: 14, syllables: 20, polysyllables: 2, complex: 2, letters: 52, difficult: 1}).daleChall, 4.9959)
    close(grades({sentences: 2, words: 40, syllables: 50, polysyllables: 0, complex: 0, letters: 150, difficult: 1}).daleChall, 1.3868)
  })
  it('does not inherit retext-readability\'s SMOG-to-age bug: a hard text gets a high SMOG grade', () => {
    const hard = 'Intravasation necessitates extracellular proteolytic degradation. Heterogeneity complicates therapeutic optimization considerably.'
    assert.ok(lint(hard).stats.document.grades.smog > 14)
  })
})

describe('syllables', () => {
  it('spells out acronyms and corrects known miscounts of the syllable package', () => {
    assert.deepEqual(['CT', 'MRI', 'science', 'area', 'fatigue', 'heterogeneity', 'going'].map(countSyllables), [2, 3, 2, 3, 2, 7, 2])
  })

  it('names of Object.prototype members are words like any other, not lookups of the prototype', () => {
    assert.deepEqual(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'].map(countSyllables), [3, 2, 2, 5, 4])
    // The(1) constructor(3) built(1) a(1) house(1); The(1) proto(2) and(1) toString(2) and(1)
    // hasOwnProperty(5) and(1) valueOf(4) are(1) words(1): 26 syllables in 15 words.
    const {document} = lint('The constructor built a house. The __proto__ and toString and hasOwnProperty and valueOf are words.\n').stats
    assert.equal(document.counts.syllables, 26)
    assert.equal(document.counts.polysyllables, 3)
    close(document.grades.fleschKincaid, 0.39 * 7.5 + 11.8 * (26 / 15) - 15.59)
  })

  it('a word longer than any English word is counted by its vowel groups', () => {
    assert.equal(countSyllables('x'.repeat(200_000)), 1)
    assert.equal(countSyllables('ab'.repeat(40)), 40)
    assert.equal(countSyllables(`${'z'.repeat(100)}ed`), 1)
  })
})

describe('readability rules', () => {
  it('long-sentence gives the word count on the exact sentence', () => {
    const long = `Word ${'word '.repeat(28)}end.`
    const text = `Short one. ${long}`
    const [f] = byRule(text, 'readability/long-sentence')
    assert.equal(f.offset, 11)
    assert.equal(f.endOffset, text.length)
    assert.equal(f.message, 'Sentence has 30 words; patients read sentences of 25 words or fewer more easily. Split it.')
  })
  it('headings without a full stop do not merge into the next sentence', () => {
    const text = `# A heading with quite a few words in it here\n\n${'word '.repeat(20)}end.`
    assert.deepEqual(byRule(text, 'readability/long-sentence'), [])
  })
  it('respects maxSentenceWords', () => {
    assert.equal(byRule('One two three four five six.', 'readability/long-sentence', {config: {maxSentenceWords: 5}}).length, 1)
  })
  it('undefined-jargon flags the first unexplained use only, with an insert-explanation fix', () => {
    const text = 'Frobnication happens. Frobnication again.'
    const f = byRule(text, 'readability/undefined-jargon')
    assert.equal(f.length, 1)
    assert.equal(f[0].offset, 0)
    assert.deepEqual(f[0].suggestions[0].edits, [{offset: 12, endOffset: 12, newText: ' (a test explanation)'}])
  })
  for (const text of ['Frobnication (a kind of change) happens.', 'Frobnication, which means change, happens.', 'Frobnication is when things change.', 'A change called frobnication happens.']) {
    it(`undefined-jargon accepts an explanation: ${text}`, () => assert.deepEqual(byRule(text, 'readability/undefined-jargon'), []))
  }
})
