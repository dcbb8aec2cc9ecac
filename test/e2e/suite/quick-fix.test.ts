import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {openFixture, revertAndCloseActiveEditor, ruleOf, waitForDiagnostics, waitForRuleOn} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'
const TITLE = "Replace with 'secondary tumors'"

describe('quick fix', () => {
  after(revertAndCloseActiveEditor)

  it(`"${TITLE}" replaces the flagged words`, async () => {
    const editor = await openFixture('quick-fix.md')
    const doc = editor.document
    const d = await waitForRuleOn(doc, RULE, 'branch tumors')

    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? []
    const fix = actions.find((a) => a.title === TITLE)
    assert.ok(fix, `no quick fix "${TITLE}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`)
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is quickfix, not ${fix.kind?.value}`)
    assert.ok(fix.edit || fix.command, 'the quick fix has an edit or a command')

    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the edit applies')
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []))

    assert.equal(doc.lineAt(d.range.start.line).text, 'Tumors can form secondary tumors in the liver.')
    assert.equal(doc.getText(), '# Quick fix fixture\n\nTumors can form secondary tumors in the liver.\n')
    // The server lints the edited text again: the finding goes away.
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => ruleOf(x) === RULE), {what: `no more ${RULE}`})
  })
})
