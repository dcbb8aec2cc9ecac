import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {OncolintApi} from '../../../client/src/extension.js'
import {EXTENSION_ID, closeUntitled, openUntitled, sleep, waitForRuleOn} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'

describe('language server restart', () => {
  afterEach(closeUntitled)

  it('restarts the server when its process dies, and diagnostics come back', async () => {
    const api = vscode.extensions.getExtension<OncolintApi>(EXTENSION_ID)!.exports
    const editor = await openUntitled('markdown', '# Spread\n\nTumors can form branch tumors in the liver.\n')
    await waitForRuleOn(editor.document, RULE, 'branch tumors')
    const before = api.serverPid()
    assert.ok(before, 'the server runs in its own process')
    process.kill(before, 'SIGKILL')
    // vscode-languageclient restarts a server that died (up to 4 times in 3 minutes).
    let after: number | undefined
    for (let i = 0; i < 150 && (!after || after === before); i++) {
      await sleep(200)
      after = api.serverPid()
    }
    assert.ok(after && after !== before, `a new server process (was ${before}, now ${after})`)
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'Then flying tumors grew.\n'))
    // Findings on text typed after the restart can only come from the new server.
    const d = await waitForRuleOn(editor.document, RULE, 'flying tumors')
    assert.equal(d.source, 'oncolint')
  })
})
