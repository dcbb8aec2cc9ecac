// The editor features of issue 6 in a real VS Code: fix-all command, false-positive actions,
// hover, status bar, readability report, settings. Drafts are written at run time into a
// `features/` folder of the (temporary) workspace, whose own .oncolintrc.yaml adds the made-up
// test terms (test/fixtures/terminology/test-terms.yaml), so these tests do not depend on the
// shipped terminology set. The folder is removed at the end.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'
import type {OncolintApi} from '../../../client/src/extension.js'
import {closeAllEditors, EXTENSION_ID, ruleOf, screenshot, sleep, testTermsFile, waitForDiagnostics, waitForRuleOn, workspaceUri} from '../helpers.js'

const NONSTANDARD = 'accuracy/nonstandard-term'
const SUPERLATIVE = 'promotion/superlative'

let api: OncolintApi
let dir: string

/** Writes a draft into features/ and opens it. */
async function openDraft(name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file))
  return vscode.window.showTextDocument(doc, {preview: false, viewColumn: vscode.ViewColumn.One})
}

async function until<T>(probe: () => T | undefined | false, what: string, timeout = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const v = probe()
    if (v !== undefined && v !== false) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}


describe('editor features', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension<OncolintApi>(EXTENSION_ID)!
    api = await ext.activate()
    dir = workspaceUri('features').fsPath
    fs.mkdirSync(dir, {recursive: true})
    const terms = testTermsFile()
    fs.writeFileSync(path.join(dir, '.oncolintrc.yaml'), `# features under test\nterminology: [${JSON.stringify(terms)}]\n`)
  })

  after(async () => {
    await closeAllEditors()
    fs.rmSync(dir, {recursive: true, force: true})
  })

  describe('fix all', () => {
    afterEach(closeAllEditors)

    it('"oncolint: Fix all safe problems" applies only safe fixes and leaves every other character', async () => {
      const text = '# Zorblat tumors\n\nZorblat tumors 😀 grew; quux spreads cancer.\nAnother zorblat tumor, said the blorpest hospital.\n'
      const editor = await openDraft('fix-all.md', text)
      await waitForRuleOn(editor.document, NONSTANDARD, 'zorblat tumor')
      const applied = await vscode.commands.executeCommand<number>('oncolint.fixAll')
      assert.equal(applied, 3)
      assert.equal(
        editor.document.getText(),
        '# Secondary tumors\n\nSecondary tumors 😀 grew; quux spreads cancer.\nAnother secondary tumor, said the blorpest hospital.\n',
      )
      await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((d) => ruleOf(d) === NONSTANDARD), {what: `no more ${NONSTANDARD}`})
    })

    it('source.fixAll.oncolint is offered to editor.codeActionsOnSave', async () => {
      const editor = await openDraft('fix-on-save.md', 'A zorblat tumor.\n')
      await waitForRuleOn(editor.document, NONSTANDARD, 'zorblat tumor')
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        new vscode.Range(0, 0, 0, 0),
        'source.fixAll.oncolint',
      )
      const fix = actions.find((a) => a.kind?.value === 'source.fixAll.oncolint')
      assert.ok(fix?.edit, `offered: ${JSON.stringify(actions.map((a) => a.title))}`)
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true)
      assert.equal(editor.document.getText(), 'A secondary tumor.\n')
    })
  })

  describe('false positives', () => {
    afterEach(closeAllEditors)

    const actionsFor = async (doc: vscode.TextDocument, d: vscode.Diagnostic) =>
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? []

    it('"Disable <rule> for this line" inserts a comment with a reason placeholder and silences the finding', async () => {
      const editor = await openDraft('disable.md', '# Care\n\nThe blorpest hospital.\n')
      const d = await waitForRuleOn(editor.document, SUPERLATIVE, 'blorpest hospital')
      const action = (await actionsFor(editor.document, d)).find((a) => a.title === `Disable ${SUPERLATIVE} for this line`)
      assert.ok(action?.edit, 'the disable-line action is offered')
      assert.equal(await vscode.workspace.applyEdit(action.edit), true)
      assert.equal(editor.document.getText(), `# Care\n\n<!-- oncolint-disable-next-line ${SUPERLATIVE} -- reason -->\nThe blorpest hospital.\n`)
      await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => ruleOf(x) === SUPERLATIVE), {what: `no more ${SUPERLATIVE}`})
    })

    it('"Disable <rule> for this file" puts the comment after the front matter', async () => {
      const editor = await openDraft('disable-file.md', '---\ntitle: Care\n---\nThe blorpest hospital.\n')
      const d = await waitForRuleOn(editor.document, SUPERLATIVE, 'blorpest hospital')
      const action = (await actionsFor(editor.document, d)).find((a) => a.title === `Disable ${SUPERLATIVE} for this file`)
      assert.ok(action?.edit)
      assert.equal(await vscode.workspace.applyEdit(action.edit), true)
      assert.equal(editor.document.getText(), `---\ntitle: Care\n---\n<!-- oncolint-disable-file ${SUPERLATIVE} -- reason -->\nThe blorpest hospital.\n`)
    })

    it('"Accept \'<phrase>\' in this workspace" writes .oncolintrc.yaml and the finding goes away', async () => {
      const editor = await openDraft('accept.md', 'A zorblat tumor grew.\n')
      const d = await waitForRuleOn(editor.document, NONSTANDARD, 'zorblat tumor')
      const action = (await actionsFor(editor.document, d)).find((a) => a.title === "Accept 'zorblat tumor' in this workspace")
      assert.ok(action?.command, 'the accept action is offered')
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []))
      const rc = fs.readFileSync(path.join(dir, '.oncolintrc.yaml'), 'utf8')
      assert.match(rc, /^# features under test\nterminology: \[.*\]\naccept:\n {2}- zorblat tumor\n$/)
      await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => ruleOf(x) === NONSTANDARD), {what: 'the accepted phrase no longer flagged'})
      // Put the config back for the tests after this one.
      fs.writeFileSync(path.join(dir, '.oncolintrc.yaml'), rc.replace(/accept:\n {2}- zorblat tumor\n$/, ''))
    })
  })

  describe('hover', () => {
    afterEach(closeAllEditors)

    it('on a flagged term shows the message, preferred wording and source', async () => {
      const editor = await openDraft('hover.md', 'A zorblat tumor grew.\n')
      await waitForRuleOn(editor.document, NONSTANDARD, 'zorblat tumor')
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 5))
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n')
      assert.match(text, /'Zorblat tumor' is a test term\./)
      assert.match(text, /\*\*Prefer:\*\* “secondary tumor”, “metastasis”/)
      assert.match(text, /\[cancer\.gov\]\(https:\/\/www\.cancer\.gov\/types\/metastatic-cancer\)/)
    })
  })

  describe('status bar and readability report', () => {
    afterEach(closeAllEditors)

    const text = '# Spread\n\nA zorblat tumor grew. The blorpest hospital helps.\n\n# Care\n\nThe care team explains every treatment option in considerable detail.\n'

    it('the status bar shows the SMOG grade and counts, and opens the report', async () => {
      const editor = await openDraft('status.md', text)
      const uri = editor.document.uri.toString()
      const stats = await until(() => api.stats(uri), 'stats of the draft')
      const status = await until(() => api.statusBar().visible && api.statusBar(), 'the status bar item')
      assert.equal(status.text, `$(book) SMOG ${stats.smog!.toFixed(1)} $(error) ${stats.counts.error} $(warning) ${stats.counts.warning} $(info) ${stats.counts.info}`)
      assert.ok(stats.counts.error + stats.counts.warning >= 2, `counts: ${JSON.stringify(stats.counts)}`)
      assert.equal(status.command, 'oncolint.showReport')
      await vscode.commands.executeCommand(status.command)
      const report = await until(() => api.report().open && api.report().body.includes('Hardest sentences') && api.report(), 'the report')
      assert.equal(report.uri, uri)
      // The page itself says what it drew: it loaded under its CSP and its script runs.
      const drawn = await until(() => api.report().rendered, 'the webview to draw the report', 45_000) // the first webview of a session loads slowly
      assert.deepEqual(drawn, {sections: 2, sentences: stats.hardest.length})
      await sleep(500)
      await screenshot('e2e-report') // test-artifacts/e2e-report.png: the report beside the draft
    })

    it('the report charts each section, follows edits, and a click on a sentence selects it', async () => {
      const editor = await openDraft('report.md', text)
      const uri = editor.document.uri.toString()
      await until(() => api.stats(uri), 'stats of the draft')
      await vscode.commands.executeCommand('oncolint.showReport')
      const body = await until(() => api.report().uri === uri && api.report().body.includes('<svg') && api.report().body, 'the chart')
      assert.equal((body.match(/<g class="row/g) ?? []).length, 2)
      assert.match(body, />Spread<\/text>/)
      assert.match(body, />Care<\/text>/)
      // An edit reaches the open report.
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\n# Added section\n\nShort words here.\n'))
      await until(() => api.report().body.includes('>Added section</text>'), 'the report to show the new section')
      // The open page takes the update by message, without a reload.
      await until(() => api.report().rendered?.sections === 3, 'the webview to draw the new section')
      const stats = api.stats(uri)!
      const sentence = stats.hardest[0]
      await api.revealFromReport(sentence.range)
      const active = vscode.window.activeTextEditor!
      assert.equal(active.document.uri.toString(), uri)
      assert.equal(active.document.getText(active.selection), editor.document.getText(new vscode.Range(sentence.range.start.line, sentence.range.start.character, sentence.range.end.line, sentence.range.end.character)))
      assert.ok(!active.selection.isEmpty)
    })
  })

  describe('settings', () => {
    after(async () => {
      await vscode.workspace.getConfiguration('oncolint').update('rules', undefined, vscode.ConfigurationTarget.Workspace)
      await closeAllEditors()
    })

    it('oncolint.rules changes severities without a reload', async () => {
      const editor = await openDraft('settings.md', 'A zorblat tumor grew.\n')
      const d = await waitForRuleOn(editor.document, NONSTANDARD, 'zorblat tumor')
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning)
      await vscode.workspace.getConfiguration('oncolint').update('rules', {[NONSTANDARD]: 'error'}, vscode.ConfigurationTarget.Workspace)
      await waitForDiagnostics(editor.document.uri, (ds) => ds.some((x) => ruleOf(x) === NONSTANDARD && x.severity === vscode.DiagnosticSeverity.Error), {
        what: `${NONSTANDARD} as an error`,
      })
    })
  })
})
