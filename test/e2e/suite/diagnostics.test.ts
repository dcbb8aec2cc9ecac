import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {EXTENSION_ID, SOURCE, openFixture, ruleOf, screenshot, sleep, waitForRuleOn} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'

describe('diagnostics in a Markdown draft', () => {
  let editor: vscode.TextEditor

  before(async () => {
    editor = await openFixture('draft.md')
  })

  it('activates the extension on a Markdown document', async () => {
    assert.equal(editor.document.languageId, 'markdown')
    const ext = vscode.extensions.getExtension(EXTENSION_ID)
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`)
    await ext.activate()
    assert.equal(ext.isActive, true)
  })

  it(`flags exactly the words "branch tumors" with ${RULE}`, async () => {
    const doc = editor.document
    const d = await waitForRuleOn(doc, RULE, 'branch tumors')
    const offset = doc.getText().indexOf('branch tumors')
    assert.deepEqual(
      [d.range.start, d.range.end].map((p) => [p.line, p.character]),
      [doc.positionAt(offset), doc.positionAt(offset + 'branch tumors'.length)].map((p) => [p.line, p.character]),
    )
    assert.equal(doc.getText(d.range), 'branch tumors')
    assert.equal(d.source, SOURCE)
    assert.equal(ruleOf(d), RULE)
    assert.equal(typeof d.code, 'object', 'the code links to the rule doc')
    const target = (d.code as {value: string | number; target: vscode.Uri}).target
    assert.ok(target instanceof vscode.Uri, 'code.target is a Uri')
    assert.match(target.toString(), /accuracy\/nonstandard-term/)
  })

  it('shows the diagnostics in the editor and the Problems panel (test-artifacts/e2e-editor.png)', async () => {
    await vscode.window.showTextDocument(editor.document, {preview: false})
    await vscode.commands.executeCommand('workbench.actions.view.problems')
    await sleep(1500) // let the squiggles and the Problems tree render
    const file = await screenshot('e2e-editor')
    if (file === undefined) console.log('    (no screenshot: not run by scripts/e2e/run.mjs in code-server)')
  })
})
