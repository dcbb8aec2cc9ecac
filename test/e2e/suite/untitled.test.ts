import assert from 'node:assert/strict'
import {closeUntitled, openUntitled, waitForRuleOn} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'

describe('untitled documents', () => {
  afterEach(closeUntitled)

  it('lints an untitled plain-text document', async () => {
    const editor = await openUntitled('plaintext', 'Some cells break away.\nTumors can form branch tumors in the liver.\n')
    assert.equal(editor.document.uri.scheme, 'untitled')
    assert.equal(editor.document.getText(), 'Some cells break away.\nTumors can form branch tumors in the liver.\n')
    const d = await waitForRuleOn(editor.document, RULE, 'branch tumors')
    assert.equal(editor.document.getText(d.range), 'branch tumors')
    assert.deepEqual([d.range.start.line, d.range.start.character], [1, 16])
  })

  it('lints an untitled Markdown document', async () => {
    const editor = await openUntitled('markdown', '# Spread\n\nTumors can form branch tumors in the liver.\n')
    const d = await waitForRuleOn(editor.document, RULE, 'branch tumors')
    assert.equal(editor.document.getText(d.range), 'branch tumors')
  })
})
