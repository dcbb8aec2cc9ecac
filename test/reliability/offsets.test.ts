/**
 * Exact ranges where the Markdown parser's text is not the source text: remark drops
 * whitespace at line ends and the "> " or indentation of continuation lines, decodes escapes
 * and character references, and skips a byte-order mark. The range of every later word in the
 * paragraph used to shift by what was dropped, so fix-all rewrote the wrong characters
 * (found by never-crash.test.ts).
 */
import assert from 'node:assert/strict'
import {applyFixes, lint} from '../../server/src/engine/index.js'
import {byRule, testTerminology} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'
const flagged = (text: string, languageId = 'markdown') => byRule(text, RULE, {languageId}).map((f) => [f.offset, f.text])

describe('reliability: exact ranges in Markdown whose parsed text differs from the source', () => {
  const cases: Array<[string, string]> = [
    ['a space before a line break', 'Some text \nA zorblat tumor grew.'],
    ['a tab and spaces before a line break', 'Some\ttext \t \nA zorblat tumor grew.'],
    ['a CRLF line end after spaces', 'Some text  \r\nmore text \r\nA zorblat tumor grew.'],
    ['a block quote continuation line', '> Some text\n> A zorblat tumor grew.'],
    ['a nested block quote', '> > Some text\n> > A zorblat tumor grew.'],
    ['a list item continuation line', '- Some text\n  A zorblat tumor grew.'],
    ['an ordered list continuation line', '10. Some text\n    A zorblat tumor grew.'],
    ['an indented continuation line', 'Some text\n   A zorblat tumor grew.'],
    ['character references', 'Caf&eacute; &amp; &#128512; &copy; a zorblat tumor grew.'],
    ['a reference escaped twice, and one that is not a reference', 'Some &amp;amp; &bogus; text a zorblat tumor grew.'],
    ['backslash escapes', 'Some \\*text\\* \\\\ a zorblat tumor grew.'],
    ['a NUL character', 'Some\0text a zorblat tumor grew.'],
    ['a byte-order mark', '\uFEFFSome text \na zorblat tumor grew.'],
  ]
  for (const [what, text] of cases) {
    it(`${what}: the finding covers exactly "zorblat tumor"`, () => {
      assert.deepEqual(flagged(text), [[text.indexOf('zorblat'), 'zorblat tumor']])
    })
  }

  it('fix-all after such lines replaces the phrase and nothing else', () => {
    const text = '> Some text \n> A zorblat tumor grew &amp; spread.\n'
    const fixed = applyFixes(text, lint(text, {terminology: testTerminology()}).findings)
    assert.equal(fixed.text, '> Some text \n> A secondary tumor grew &amp; spread.\n')
  })

  it('a comment inside a word keeps each part at its place', () => {
    const text = 'It is fatal.<!-- note -->A zorblat tumor grew.'
    assert.deepEqual(flagged(text), [[text.indexOf('zorblat'), 'zorblat tumor']])
  })

  it('front matter after a byte-order mark is front matter', () => {
    assert.deepEqual(flagged('\uFEFF---\ntitle: a zorblat tumor\n\nmore: a zorblat tumor\n---\n\nText.\n'), [])
  })

  it('two sentences run together ("mets.Cancer") are not one phrase', () => {
    // "metastases cancer" is a non-standard term; across a full stop it is two sentences.
    assert.deepEqual(flagged('Her liver metastases.Cancer stem cells grew.'), [])
    assert.deepEqual(flagged('Her liver metastases cancer grew.'), [[10, 'metastases cancer']])
  })

  it('an accepted phrase is found after a letter whose lower case is longer ("İ")', () => {
    const text = 'İstanbul clinic. A zorblat tumor grew.'
    assert.deepEqual(byRule(text, RULE, {config: {accept: ['zorblat tumor']}}), [])
    assert.deepEqual(flagged(text), [[text.indexOf('zorblat'), 'zorblat tumor']])
  })

  it('"No.1" and "U.S." stay whole words to the phrase matcher', () => {
    assert.deepEqual(byRule('We are the No.1 cancer hospital in Delhi.', 'promotion/superlative').map((f) => f.text), ['No.1 cancer hospital'])
  })
})
