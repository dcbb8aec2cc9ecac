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
    assert.equal(f.message, 'Sentence has 30 words; patients read sentences of 25 words or fewer more easily. It has no natural break: say it as two sentences.')
  })
  it('long-sentence names a series that could be bullet points', () => {
    const text = 'After the scan your team may talk with you about surgery to take out the tumor, radiation, chemotherapy, hormone therapy, targeted drugs, and immunotherapy for the cancer.'
    const [f] = byRule(text, 'readability/long-sentence')
    assert.equal(f.message, "Sentence has 27 words; patients read sentences of 25 words or fewer more easily. Its list of 6 items ('take out the tumor, radiation, chemotherapy, …') could be bullet points.")
  })
  it('long-sentence names words in brackets', () => {
    const text = 'The nurse will check the port (a small round disc put under the skin of your chest so drugs can go into a vein) every week.'
    assert.match(byRule(text, 'readability/long-sentence')[0].message, / 18 of its words are in brackets: give that explanation a sentence of its own\.$/)
  })
  it('long-sentence names where a second sentence could start', () => {
    const text = 'The cancer cells travel through the blood to the liver and the lungs, which is why your doctor will ask for a scan of your chest and belly.'
    assert.match(byRule(text, 'readability/long-sentence')[0].message, / Split it at ', which' after 'lungs' \(word 13\)\.$/)
    const leading = 'When the cancer has spread to the bones and the pain gets worse at night, your care team can give you medicine and radiation to ease it.'
    assert.match(byRule(leading, 'readability/long-sentence')[0].message, / Split it at ',' after 'night' \(word 15\)\.$/)
  })
  it('long-sentence does not count a glossary label before its colon', () => {
    const item = '- **Physical exam and history**: An exam of the body to check general signs of health and to look for lumps or anything else that seems unusual to the doctor.'
    assert.deepEqual(byRule(item, 'readability/long-sentence'), [])
    const longer = '- **Physical exam and history**: An exam of the body to check general signs of health and to look for lumps or anything else that seems unusual to the doctor or the nurse today.'
    assert.match(byRule(longer, 'readability/long-sentence')[0].message, /^Sentence has 29 words \(not counting the label before its colon\);/)
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

describe('readability/complex-word: one decision per word', () => {
  const RULE = 'readability/complex-word'
  it('reports a judgement-call word once, at its first use, with the number of uses', () => {
    const text = 'The pain is in your abdomen. Press on your abdomen. The abdomen may swell.'
    const found = byRule(text, RULE)
    assert.deepEqual(found.map((f) => f.offset), [text.indexOf('abdomen')])
    assert.match(found[0].message, / \(The draft uses it 3 times; this is the first\.\)$/)
  })
  it('reports a word with a safe swap at every use, so "fix all" makes them all', () => {
    const text = 'We utilize scans. Doctors utilize tests.'
    assert.deepEqual(byRule(text, RULE).map((f) => f.text), ['utilize', 'utilize'])
  })
  it('does not report a hard word given with its plain word in brackets', () => {
    assert.deepEqual(byRule('You may have pain in your tummy (abdomen).', RULE), [])
    assert.deepEqual(byRule('You may have pain in your abdomen (belly).', RULE), [])
    assert.deepEqual(byRule('You may have pain in your abdomen (see below).', RULE).map((f) => f.text), ['abdomen'])
  })
})
