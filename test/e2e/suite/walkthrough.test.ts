// The "Get started with oncolint" walkthrough as a writer meets it: opened in the Welcome
// page, each step expanded and its button clicked in the workbench (the runner clicks, as a
// user does), and what the step promises checked afterwards.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'
import type {OncolintApi} from '../../../client/src/extension.js'
import {closeAllEditors, EXTENSION_ID, screenshot, ui, until, waitForRuleOn, workspaceUri} from '../helpers.js'

interface Step {
  id: string
  title: string
  description: string
}
const WALKTHROUGH = `${EXTENSION_ID}#gettingStarted`
const stepSelector = (id: string) => `.getting-started-step[data-step-id$="${id}"]`

/** The command a step's button runs (its one `command:` link). */
const commandOf = (step: Step): string => /\(command:([\w.]+)\)/.exec(step.description)![1]

async function closeAll(): Promise<void> {
  await closeAllEditors()
  await vscode.commands.executeCommand('workbench.action.closePanel')
}

describe('walkthrough "Get started with oncolint"', () => {
  let ext: vscode.Extension<OncolintApi>
  let steps: Step[]
  const rc = () => workspaceUri('.oncolintrc.yaml').fsPath

  before(async () => {
    ext = vscode.extensions.getExtension<OncolintApi>(EXTENSION_ID)!
    await ext.activate()
    steps = ext.packageJSON.contributes.walkthroughs[0].steps
    await closeAll()
  })

  after(async () => {
    await closeAll()
    fs.rmSync(rc(), {force: true})
  })

  it('is contributed with five steps, each running a command VS Code knows', async () => {
    assert.deepEqual(steps.map((s) => s.title), ['Open a draft', 'Read a finding', 'Apply a fix', 'Open the readability report', 'Turn off a rule, accept a phrase'])
    const known = new Set(await vscode.commands.getCommands(true))
    assert.deepEqual(steps.map(commandOf).filter((c) => !known.has(c)), [])
  })

  it('opens on the Welcome page with its title and steps (test-artifacts/e2e-walkthrough.png)', async function () {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)
    const title = await ui('walkthrough-title', {action: 'text', selector: '.getting-started-category h2.category-title'})
    if (!title) return this.skip() // no workbench page to read outside code-server
    assert.equal(title.text, 'Get started with oncolint')
    for (const step of steps) {
      const shown = await ui(`walkthrough-step-${step.id}`, {action: 'text', selector: `${stepSelector(step.id)} h3.step-title`})
      assert.equal(shown?.text, step.title)
    }
    await screenshot('e2e-walkthrough')
  })

  it("each step's button does what the step says, and marks the step done", async function () {
    if (!process.env.ONCOLINT_E2E_SHOTS) return this.skip() // the runner clicks: code-server only
    const api = ext.exports
    const sample = fs.readFileSync(path.join(ext.extensionPath, 'examples', 'metastasis-draft.md'), 'utf8')

    // The walkthrough stays in the first editor group, the sample draft opens beside it, and
    // the buttons that act on a draft act on that one.
    /** Expands the step and clicks its button. */
    const click = async (id: string) => {
      await ui(`expand-${id}`, {action: 'click', selector: `${stepSelector(id)} h3.step-title`})
      await ui(`button-${id}`, {action: 'click', selector: `${stepSelector(id)} .button-container .monaco-button`})
    }
    const done = async (id: string) =>
      until(async () => (await ui(`done-${id}-${Date.now()}`, {action: 'attribute', selector: stepSelector(id), attribute: 'aria-checked'}))?.value === 'true', `step ${id} marked done`)

    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)
    // 1. Open a draft: the sample opens beside the walkthrough, untitled, and is linted.
    await click('openDraft')
    const draft = await until(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.getText() === sample), 'the sample draft')
    assert.equal(draft.languageId, 'markdown')
    await waitForRuleOn(draft, 'accuracy/nonstandard-term', 'branch tumors')
    await done('openDraft')

    // 2. Read a finding: the Problems panel lists the sample's findings.
    await click('readFinding')
    const panel = await until(async () => {
      const shown = await ui(`problems-${Date.now()}`, {action: 'text', selector: '.markers-panel'})
      return shown?.text?.includes('is not a medical term') && shown.text
    }, 'the Problems panel listing the finding')
    assert.match(panel, /Branch tumor/)
    await done('readFinding')

    // 3. Apply a fix: Fix all safe problems rewrites the sample (in the group beside).
    await click('applyFix')
    await until(() => draft.getText().includes('These secondary tumors are made of'), 'the safe fixes applied')
    assert.ok(!draft.getText().includes('branch tumors'))
    await done('applyFix')

    // 4. Open the readability report: it opens and follows the sample.
    await click('readabilityReport')
    await until(() => api.report().open && api.report().uri === draft.uri.toString(), 'the report on the sample')
    await done('readabilityReport')

    // 5. Configure: a commented .oncolintrc.yaml at the root of the folder, opened.
    await click('configure')
    await until(() => fs.existsSync(rc()), '.oncolintrc.yaml')
    assert.match(fs.readFileSync(rc(), 'utf8'), /^# oncolint configuration/)
    await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === rc(), 'the new configuration open in an editor')
    await done('configure')
  })
})
