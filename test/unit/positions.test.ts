import assert from 'node:assert/strict'
import {byRule, findings} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'

describe('engine: exact offsets', () => {
  it('gives 0-based UTF-16 offsets of the flagged words', () => {
    const text = 'Doctors found a zorblat tumor in the liver.'
    const [f] = byRule(text, RULE)
    assert.equal(f.offset, 16)
    assert.equal(f.endOffset, 29)
    assert.equal(f.text, 'zorblat tumor')
  })

  it('counts emoji as two UTF-16 units', () => {
    const text = '😀😀 A zorblat tumor grew.'
    const [f] = byRule(text, RULE)
    assert.equal(f.offset, 7)
    assert.equal(f.text, 'zorblat tumor')
  })

  it('is exact with CRLF line endings, tabs and non-ASCII letters', () => {
    const text = '# Über\r\n\r\nCafé\tnote: a zorblat tumors grew.\r\n'
    const [f] = byRule(text, RULE)
    assert.equal(f.text, 'zorblat tumors')
    assert.equal(f.offset, text.indexOf('zorblat'))
  })

  it('matches across a line break inside a paragraph', () => {
    const text = 'A zorblat\ntumor grew.'
    const [f] = byRule(text, RULE)
    assert.equal(f.text, 'zorblat\ntumor')
  })

  it('matches in plain text too', () => {
    const [f] = byRule('Title\n\nA zorblat tumor grew.', RULE, {languageId: 'plaintext'})
    assert.equal(f.offset, 9)
  })
})

describe('engine: what is not prose', () => {
  const none = (text: string, languageId = 'markdown') => assert.deepEqual(findings(text, {languageId}).filter((f) => f.ruleId !== 'readability/grade-level'), [])

  it('skips fenced and indented code blocks', () => {
    none('Intro.\n\n```\nA zorblat tumor grew.\n```\n')
    none('Intro.\n\n    A zorblat tumor grew.\n')
  })
  it('skips inline code', () => none('See `zorblat tumor` here.'))
  it('skips link targets but lints link text', () => {
    none('See [the page](https://example.org/zorblat-tumor).')
    assert.equal(byRule('See [a zorblat tumor](https://example.org/x).', RULE)[0].text, 'zorblat tumor')
  })
  it('skips bare URLs', () => {
    none('See https://example.org/zorblat-tumor today.')
    none('See https://example.org/zorblat-tumor today.', 'plaintext')
  })
  it('skips HTML', () => none('<div>A zorblat tumor grew.</div>\n'))
  it('skips YAML front matter', () => none('---\ntitle: A zorblat tumor\n---\n\nHello.\n'))
})

describe('engine: one finding per problem', () => {
  it('reports each rule family with its id', () => {
    const ids = findings('A zorblat tumor grew. Quux spreads cancer. We are the blorpest cancer hospital.').map((f) => f.ruleId)
    assert.deepEqual(ids, ['accuracy/nonstandard-term', 'accuracy/misconception', 'promotion/superlative'])
  })
  it('sorts findings by offset', () => {
    const fs = findings('Quux spreads cancer. A zorblat tumor grew. Frobnication happens.')
    assert.deepEqual(fs.map((f) => f.offset), [...fs.map((f) => f.offset)].sort((a, b) => a - b))
  })
})
