import assert from 'node:assert/strict'
import {parseDraft} from '../../server/src/engine/parse/draft.js'
import {normalizeWord, setSpellingMap, tokenize, wordShape} from '../../server/src/engine/parse/tokens.js'

/** Each sentence's tokens as [word, offset, endOffset], with '|' before a token a phrase may not run into. */
const tokensOf = (text: string) =>
  parseDraft(text, 'markdown').sentences.map((s) => s.tokens.map((t) => `${t.breakBefore ? '|' : ''}${t.word}@${t.offset}-${t.endOffset}`).join(' '))

describe('the tokens of a word', () => {
  it('are what tokenize gives, each time the word is seen', () => {
    for (const word of ['cancer', 'Tumours', "patient's", "doesn't", 'well-known', 'e.g', 'No.1', '10,000', '2.5', 'AT&T', 'café', 'İstanbul', 'cancer;spread', 'mets.Cancer', '😀']) {
      const first = wordShape(word)
      assert.deepEqual(first.tokens, tokenize(word, 0, []), word)
      assert.equal(wordShape(word), first, `${word}: not kept`)
    }
  })

  it('follow a change of the spelling map', () => {
    const previous = setSpellingMap(new Map())
    try {
      assert.equal(wordShape('tumour').tokens[0].word, 'tumour')
      setSpellingMap(new Map([['tumour', 'tumor']]))
      assert.deepEqual(wordShape('tumour').tokens.map((t) => [t.word, t.stem]), [['tumor', 'tumor']])
    } finally {
      setSpellingMap(previous)
    }
  })

  // A full stop before a lower-case word ("e.g. well-known", "U.S. care") ends a phrase too.
  it('are placed at the word in the draft, with a break after inner punctuation or a run-on full stop', () => {
    assert.deepEqual(tokensOf("Cancer;spread, mets.Cancer, No.1, e.g. well-known U.S. care don't"), [
      'cancer@0-6 |spread@7-13 |mets@15-19 |cancer@20-26 |no@28-30 1@31-32 |e@34-35 g@36-37 |well@39-43 known@44-49 u@50-51 s@52-53 |care@55-59 don\'t@60-65',
    ])
    // The same word again, from the cache, at other places (the last in a chunk of its own).
    assert.deepEqual(tokensOf('Well-known. Well-known\n\nWell-known'), ['well@0-4 known@5-10', 'well@12-16 known@17-22', 'well@24-28 known@29-34'])
  })

  it('of a word whose parts stand apart keep each part at its place', () => {
    // The sentence parser reads "fatal.<!-- note -->Next" as one word of two parts.
    assert.deepEqual(tokensOf('It is fatal.<!-- note -->Next one.'), ['it@0-2 is@3-5 fatal@6-11 |next@25-29 one@30-33'])
    assert.deepEqual(tokensOf('A cancer<!-- x -->;spread b.'), ['a@0-1 cancer@2-8 |spread@19-25 b@26-27'])
  })

  // `<Name>` asks for a capitalised word; a determiner opening a sentence ("The capsule") is not one.
  it('keep a number with thousands separators whole, with no break inside it ("12,000", "1,250,000", "3,500.25")', () => {
    assert.deepEqual(tokensOf('Over 12,000 people, 1,250,000 visits and 3,500.25 days.'), ['over@0-4 12,000@5-11 people@12-18 |1,250,000@20-29 visits@30-36 and@37-40 3,500.25@41-49 days@50-54'])
    const [sentence] = parseDraft('Over 12,000 people.', 'markdown').sentences
    assert.deepEqual(sentence.words.map((w) => [w.text, w.offset, w.endOffset]), [['Over', 0, 4], ['12,000', 5, 11], ['people', 12, 18]])
    assert.deepEqual(tokensOf('From Rs 1,50,000 or 12,34,567.'), ['from@0-4 rs@5-7 1,50,000@8-16 or@17-19 12,34,567@20-29'])
    assert.deepEqual(tokensOf('It was 12,000.'), ['it@0-2 was@3-6 12,000@7-13'])
    // A comma with a space, or more than three digits after it, separates two numbers.
    assert.deepEqual(tokensOf('Rows 5, 000 and 1,2345.'), ['rows@0-4 5@5-6 |000@8-11 and@12-15 1@16-17 |2345@18-22'])
  })

  it('take a trademark sign as a word of its own', () => {
    assert.deepEqual(tokensOf('CellularTea™ and Oxicell® help.'), ['cellulartea@0-11 ™@11-12 and@13-16 oxicell@17-24 ®@24-25 help@26-30'])
  })

  it('read an equals sign as the word "means", at its own place ("Stage 4 = 6 months")', () => {
    assert.deepEqual(tokensOf('Stage 4 = 6 months'), ['stage@0-5 4@6-7 means@8-9 6@10-11 months@12-18'])
    assert.equal(normalizeWord('=').stem, normalizeWord('means').stem)
  })

  it('are capitalised names unless they are determiners', () => {
    assert.deepEqual(['Tumexal', 'Bloodroot', 'Dr', 'The', 'This', 'Our', 'Each', 'liquid'].map((w) => normalizeWord(w).capital), [true, true, true, false, false, false, false, false])
  })
})
