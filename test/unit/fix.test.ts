import assert from 'node:assert/strict'
import {applyFixes, lint} from '../../server/src/engine/index.js'
import {byRule, testTerminology} from '../helpers.js'

describe('fixes', () => {
  it('keeps capital letters and plurals of the replaced text', () => {
    const [f] = byRule('Zorblat tumors grew.', 'accuracy/nonstandard-term')
    assert.deepEqual(f.suggestions.map((s) => [s.title, s.safe, s.preferred]), [
      ["Replace with 'Secondary tumors'", true, true],
      ["Replace with 'Metastases'", false, false],
    ])
    assert.deepEqual(f.suggestions[0].edits, [{offset: 0, endOffset: 14, newText: 'Secondary tumors'}])
  })

  it('fix-all applies safe suggestions only and leaves every other character', () => {
    const text = 'A zorblat tumor grew.\r\n\r\nWe are the blorpest cancer hospital. 😀 A zorblat tumor.'
    const {findings} = lint(text, {terminology: testTerminology()})
    const fixed = applyFixes(text, findings)
    assert.equal(fixed.text, 'A secondary tumor grew.\r\n\r\nWe are the blorpest cancer hospital. 😀 A secondary tumor.')
    assert.equal(fixed.applied.length, 2)
  })

  it('is idempotent', () => {
    const text = 'A zorblat tumor grew.'
    const once = applyFixes(text, lint(text, {terminology: testTerminology()}).findings).text
    const twice = applyFixes(once, lint(once, {terminology: testTerminology()}).findings).text
    assert.equal(twice, once)
  })

  it('never applies overlapping edits', () => {
    const edit = (offset: number, endOffset: number, newText: string) => ({
      ruleId: 'x/y', severity: 'warning' as const, message: 'm', offset, endOffset,
      suggestions: [{title: 't', safe: true, edits: [{offset, endOffset, newText}]}],
    })
    const fixed = applyFixes('abcdef', [edit(0, 3, 'X'), edit(2, 4, 'Y'), edit(4, 6, 'Z')])
    assert.equal(fixed.text, 'XdZ')
  })
})

describe('articles before a replacement', () => {
  it('switches a/an to fit the new word', async () => {
    const {withArticle} = await import('../../server/src/engine/rules/replacement.js')
    const apply = (text: string, phrase: string, by: string) => {
      const at = text.indexOf(phrase)
      const e = withArticle(text, at, at + phrase.length, by)
      return text.slice(0, e.offset) + e.newText + text.slice(e.endOffset)
    }
    assert.equal(apply('It is an auxiliary tumor.', 'auxiliary tumor', 'secondary tumor'), 'It is a secondary tumor.')
    assert.equal(apply('A forceful tumor grew.', 'forceful tumor', 'aggressive tumor'), 'An aggressive tumor grew.')
    assert.equal(apply('It is a branch tumor.', 'branch tumor', 'secondary tumor'), 'It is a secondary tumor.')
    assert.equal(apply('Get a CT filter.', 'CT filter', 'MRI scan'), 'Get an MRI scan.')
    assert.equal(apply('It is a test.', 'test', 'useful test'), 'It is a useful test.')
  })
})

describe('articles before a shouted replacement', () => {
  it('reads a long all-capital word as a word, not an acronym', async () => {
    const {articleFor} = await import('../../server/src/engine/rules/replacement.js')
    assert.equal(articleFor('SECONDARY TUMOR'), 'a')
    assert.equal(articleFor('MRI scan'), 'an')
  })
})
