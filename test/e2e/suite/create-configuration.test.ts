// "oncolint: Create configuration" in a real VS Code: the file it writes, that the schema
// accepts it and the language server reads it, and that an existing config is never
// overwritten without the writer's say (the runner answers the question as a user would).
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import * as vscode from 'vscode'
import {CONFIG_TEMPLATE} from '../../../client/src/config-template.js'
import type {CreateConfigResult} from '../../../client/src/create-config.js'
import {closeAllEditors, EXTENSION_ID, openFixture, ruleOf, ui, until, waitForDiagnostics, waitForRuleOn, workspaceUri} from '../helpers.js'

const COMMAND = 'oncolint.createConfiguration'
const create = () => vscode.commands.executeCommand<CreateConfigResult>(COMMAND)

describe('oncolint: Create configuration', () => {
  const yamlFile = () => workspaceUri('.oncolintrc.yaml').fsPath
  const jsonFile = () => workspaceUri('.oncolintrc.json').fsPath
  let schemaFile: string

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!
    await ext.activate()
    schemaFile = path.join(ext.extensionPath, 'server', 'oncolintrc.schema.json')
  })
  afterEach(async () => {
    await closeAllEditors()
    for (const f of [yamlFile(), jsonFile()]) fs.rmSync(f, {force: true})
  })

  it('is in the command palette as "oncolint: Create configuration"', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON
    const contributed = pkg.contributes.commands.find((c: {command: string}) => c.command === COMMAND)
    assert.deepEqual([contributed.category, contributed.title], ['oncolint', 'Create configuration'])
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND))
  })

  it('writes a commented .oncolintrc.yaml at the folder root that the schema accepts, and opens it', async () => {
    assert.ok(!fs.existsSync(yamlFile()))
    const result = await create()
    assert.deepEqual(result, {outcome: 'created', uri: vscode.Uri.file(yamlFile()).toString()})
    const text = fs.readFileSync(yamlFile(), 'utf8')
    assert.equal(text, CONFIG_TEMPLATE)
    const lines = text.split('\n').filter((l) => l.trim())
    assert.ok(lines.filter((l) => l.startsWith('#')).length >= 20, 'commented')
    const data = parse(text)
    const validate = new Ajv({strict: false}).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')))
    assert.ok(validate(data), JSON.stringify(validate.errors))
    assert.deepEqual(data, {accept: []})
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, yamlFile())
  })

  it('the language server reads the file it wrote: a phrase added to accept is no longer flagged, and is again once removed', async () => {
    await create()
    const editor = await openFixture('draft.md')
    const doc = editor.document
    await waitForRuleOn(doc, 'accuracy/nonstandard-term', 'branch tumors')
    // As a writer edits it: fill in accept, uncomment the rules example.
    const edited = CONFIG_TEMPLATE.replace('accept: []', 'accept: [branch tumors]')
      .replace('# rules:\n#   promotion: error\n#   readability/passive-voice: off', 'rules:\n  promotion: error\n  readability/passive-voice: off')
    assert.notEqual(edited, CONFIG_TEMPLATE)
    fs.writeFileSync(yamlFile(), edited)
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'accuracy/nonstandard-term'), {what: '"branch tumors" accepted'})
    fs.writeFileSync(yamlFile(), CONFIG_TEMPLATE)
    await waitForRuleOn(doc, 'accuracy/nonstandard-term', 'branch tumors')
  })

  it('asks before overwriting an existing .oncolintrc.yaml: Keep keeps it, Overwrite replaces it', async function () {
    if (!process.env.ONCOLINT_E2E_SHOTS) return this.skip() // the runner answers the question: code-server only
    const mine = '# our settings\naccept: [tumor microenvironment]\n'
    fs.writeFileSync(yamlFile(), mine)

    // The command opens the existing file, then asks. Notifications wait in the notification
    // centre (the bell) when no toast is shown: open it, as a user would.
    const asking = async () => {
      await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === yamlFile(), 'the existing file opened')
      await vscode.commands.executeCommand('notifications.showList')
    }
    const kept = create()
    await asking()
    const question = '.oncolintrc.yaml already exists'
    const asked = await ui('overwrite-keep', {action: 'notification', message: question, button: 'Keep'})
    assert.equal(asked?.message, `.oncolintrc.yaml already exists in ${vscode.workspace.workspaceFolders![0].name}. Overwrite it with the commented template? The settings in it would be lost.`)
    assert.deepEqual(await kept, {outcome: 'kept', uri: vscode.Uri.file(yamlFile()).toString()})
    assert.equal(fs.readFileSync(yamlFile(), 'utf8'), mine)
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, yamlFile(), 'the existing file is open, for the writer to see')

    await vscode.commands.executeCommand('workbench.action.closeAllEditors')
    const replaced = create()
    await asking()
    await ui('overwrite-yes', {action: 'notification', message: question, button: 'Overwrite'})
    assert.deepEqual(await replaced, {outcome: 'overwritten', uri: vscode.Uri.file(yamlFile()).toString()})
    assert.equal(fs.readFileSync(yamlFile(), 'utf8'), CONFIG_TEMPLATE)
  })

  it('leaves a folder with .oncolintrc.json as it is (that file would win): opens it instead', async () => {
    const json = '{"accept": ["tumor microenvironment"]}\n'
    fs.writeFileSync(jsonFile(), json)
    const result = await create()
    assert.deepEqual(result, {outcome: 'kept', uri: vscode.Uri.file(jsonFile()).toString()})
    assert.equal(fs.readFileSync(jsonFile(), 'utf8'), json)
    assert.ok(!fs.existsSync(yamlFile()), 'no .oncolintrc.yaml written beside it')
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, jsonFile())
  })
})
