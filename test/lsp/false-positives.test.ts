import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, Diagnostic, TextDocumentEdit} from 'vscode-languageserver-protocol/node'
import {acceptInJson, acceptInYaml, acceptTarget} from '../../server/src/lsp/accept-phrase.js'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES, applyLspEdits} from './harness.js'

describe('accept a phrase: editing .oncolintrc', () => {
  it('YAML: appends to a flow list, keeping comments and the rest of the file', () => {
    const text = '# project config\nrules:\n  promotion: error # house rule\naccept: [tumor milieu] # agreed with editors\ntargetGrade: 8\n'
    assert.equal(
      acceptInYaml(text, 'zorblat tumor'),
      '# project config\nrules:\n  promotion: error # house rule\naccept: [tumor milieu, zorblat tumor] # agreed with editors\ntargetGrade: 8\n',
    )
  })
  it('YAML: appends to a block list and adds the key when missing', () => {
    assert.equal(acceptInYaml('accept:\n  - a # why\n  - b\n', 'c: d'), 'accept:\n  - a # why\n  - b\n  - "c: d"\n')
    assert.equal(acceptInYaml('targetGrade: 7 # low\n', 'x'), 'targetGrade: 7 # low\naccept:\n  - x\n')
    assert.equal(acceptInYaml('', 'x'), 'accept:\n  - x\n')
  })
  it('YAML: leaves the file alone when the phrase is already accepted (any case)', () => {
    assert.equal(acceptInYaml('accept: [Zorblat Tumor]\n', 'zorblat tumor'), undefined)
  })
  it('YAML: refuses to rewrite a file it cannot parse', () => {
    assert.throws(() => acceptInYaml('accept: [a\n', 'x'), /cannot edit/)
  })
  it('JSON: inserts after the last item, keeping every other byte', () => {
    assert.equal(acceptInJson('{"rules": {"promotion": "error"}, "accept": ["a"]}', 'b'), '{"rules": {"promotion": "error"}, "accept": ["a", "b"]}')
    assert.equal(acceptInJson('{\n  "accept": [\n    "a"\n  ]\n}\n', 'b'), '{\n  "accept": [\n    "a",\n    "b"\n  ]\n}\n')
    assert.equal(acceptInJson('{"accept": []}', 'b "q"'), '{"accept": ["b \\"q\\""]}')
    assert.equal(acceptInJson('{"accept": ["B"]}', 'b'), undefined)
  })
  it('JSON: adds the key when missing', () => {
    assert.deepEqual(JSON.parse(acceptInJson('{\n    "targetGrade": 7\n}\n', 'x')!), {targetGrade: 7, accept: ['x']})
    assert.equal(acceptInJson('{\n    "targetGrade": 7\n}\n', 'x'), '{\n    "targetGrade": 7,\n    "accept": [\n        "x"\n    ]\n}\n')
    assert.equal(acceptInJson('', 'x'), '{\n  "accept": [\n    "x"\n  ]\n}\n')
  })
  it('writes to the nearest .oncolintrc, else creates one at the workspace root', () => {
    const root = mkdtempSync(join(tmpdir(), 'oncolint-accept-'))
    mkdirSync(join(root, 'a', 'b'), {recursive: true})
    assert.equal(acceptTarget(join(root, 'a', 'b'), root), join(root, '.oncolintrc.yaml'))
    writeFileSync(join(root, 'a', '.oncolintrc.json'), '{}')
    assert.equal(acceptTarget(join(root, 'a', 'b'), root), join(root, 'a', '.oncolintrc.json'))
  })
})

describe('code actions for false positives', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-fp-'))
  const rc = join(dir, '.oncolintrc.yaml')
  writeFileSync(rc, `# team config\nterminology: [${JSON.stringify(TEST_TERMS)}] # test terms\n`)
  const uri = pathToFileURL(join(dir, 'draft.md')).href
  const text = '# Care\n\nWe treat zorblat tumors.\nThe blorpest hospital.\n'
  let diags: Diagnostic[]

  before(async () => {
    client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES})
    await client.open(uri, text)
    diags = await client.diagnostics(uri, 1)
  })
  after(() => client.stop())

  const actionsAt = async (d: Diagnostic, range = d.range) =>
    (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics: [d]}})) as CodeAction[]

  it('offers, after the quick fixes: disable for this line, for this file, accept in this workspace', async () => {
    const d = diags.find((x) => x.code === 'accuracy/nonstandard-term')!
    const titles = (await actionsAt(d)).map((a) => a.title)
    assert.deepEqual(titles, [
      "Replace with 'secondary tumors'",
      "Replace with 'metastases'",
      'Disable accuracy/nonstandard-term for this line',
      'Disable accuracy/nonstandard-term for this file',
      "Accept 'zorblat tumors' in this workspace",
    ])
  })

  it('quick fixes are versioned edits too, when the client takes them', async () => {
    const d = diags.find((x) => x.code === 'accuracy/nonstandard-term')!
    const fix = (await actionsAt(d)).find((a) => a.title === "Replace with 'secondary tumors'")!
    assert.equal(fix.edit!.changes, undefined)
    assert.deepEqual(fix.edit!.documentChanges, [
      {textDocument: {uri, version: 1}, edits: [{range: {start: {line: 2, character: 9}, end: {line: 2, character: 23}}, newText: 'secondary tumors'}]},
    ])
  })

  it('"for this line" is a versioned snippet edit that, applied, silences the finding and nothing else', async () => {
    const d = diags.find((x) => x.code === 'promotion/superlative')!
    const action = (await actionsAt(d)).find((a) => a.title === 'Disable promotion/superlative for this line')!
    const [change] = action.edit!.documentChanges as TextDocumentEdit[]
    assert.deepEqual(change.textDocument, {uri, version: 1})
    const [edit] = change.edits as unknown as Array<{snippet: {kind: string; value: string}}>
    assert.deepEqual(edit.snippet, {kind: 'snippet', value: ' <!-- oncolint-disable-line promotion/superlative -- ${1:reason} -->'})
    const fixed = applyLspEdits(text, change.edits)
    assert.equal(fixed, '# Care\n\nWe treat zorblat tumors.\nThe blorpest hospital. <!-- oncolint-disable-line promotion/superlative -- reason -->\n')
    await client.change(uri, 2, fixed)
    // The superlative is silenced; the placeholder reason is reported until the writer replaces it.
    assert.deepEqual((await client.diagnostics(uri, 2)).map((x) => x.code), ['accuracy/nonstandard-term', 'oncolint/unexplained-suppression'])
  })

  it('"for this line" in a CR-only draft goes above the finding\'s line, ending in \\r', async () => {
    const cr = 'Intro line.\r\rWe treat zorblat tumors.\r\rIt grew.\r'
    await client.change(uri, 20, cr)
    const [d] = (await client.diagnostics(uri, 20)).filter((x) => x.code === 'accuracy/nonstandard-term')
    assert.deepEqual(d.range.start, {line: 2, character: 9})
    const action = (await actionsAt(d)).find((a) => a.title === 'Disable accuracy/nonstandard-term for this line')!
    const [change] = action.edit!.documentChanges as TextDocumentEdit[]
    assert.deepEqual(change.edits[0].range, {start: {line: 2, character: 0}, end: {line: 2, character: 0}})
    const fixed = applyLspEdits(cr, change.edits)
    assert.equal(fixed, 'Intro line.\r\r<!-- oncolint-disable-next-line accuracy/nonstandard-term -- reason -->\rWe treat zorblat tumors.\r\rIt grew.\r')
    await client.change(uri, 21, fixed.replace('-- reason', '-- quoting'))
    assert.deepEqual(await client.diagnostics(uri, 21), [])
    await client.change(uri, 22, text)
    diags = await client.diagnostics(uri, 22)
  })

  it('offers an action shared by several findings once', async () => {
    const twice = 'A zorblat tumor and a zorblat tumor.\n'
    await client.change(uri, 10, twice)
    const ds = await client.diagnostics(uri, 10)
    assert.equal(ds.length, 2)
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: {start: ds[0].range.start, end: ds[1].range.end}, context: {diagnostics: ds}})) as CodeAction[]
    assert.deepEqual(actions.map((a) => a.title), [
      "Replace with 'secondary tumor'",
      "Replace with 'metastasis'",
      'Disable accuracy/nonstandard-term for this line',
      'Disable accuracy/nonstandard-term for this file',
      "Accept 'zorblat tumor' in this workspace",
      "Replace with 'secondary tumor'",
      "Replace with 'metastasis'",
    ])
    await client.change(uri, 11, text)
    await client.diagnostics(uri, 11)
  })

  it('offers "for the selected lines" when the request spans lines', async () => {
    await client.change(uri, 12, text)
    const [d] = (await client.diagnostics(uri, 12)).filter((x) => x.code === 'accuracy/nonstandard-term')
    const actions = await actionsAt(d, {start: {line: 2, character: 0}, end: {line: 3, character: 5}})
    const action = actions.find((a) => a.title === 'Disable accuracy/nonstandard-term for the selected lines')!
    const [change] = action.edit!.documentChanges as TextDocumentEdit[]
    assert.equal(
      applyLspEdits(text, change.edits),
      '# Care\n\n<!-- oncolint-disable accuracy/nonstandard-term -- reason -->\nWe treat zorblat tumors.\nThe blorpest hospital.\n<!-- oncolint-enable accuracy/nonstandard-term -->\n',
    )
  })

  it('offers to add a reason to a suppression without one, and no way to silence that finding', async () => {
    const noReason = '<!-- oncolint-disable-next-line promotion  -->\nThe blorpest hospital.\n'
    await client.change(uri, 13, noReason)
    const [d] = await client.diagnostics(uri, 13)
    assert.equal(d.code, 'oncolint/unexplained-suppression')
    const actions = await actionsAt(d)
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Add a reason to this suppression', true]])
    const [change] = actions[0].edit!.documentChanges as TextDocumentEdit[]
    assert.deepEqual((change.edits[0] as unknown as {snippet: {value: string}}).snippet.value, ' -- ${1:reason}')
    assert.equal(applyLspEdits(noReason, change.edits), '<!-- oncolint-disable-next-line promotion -- reason  -->\nThe blorpest hospital.\n')
  })

  it('"accept" writes the phrase into the .oncolintrc, keeps its comments, and re-lints', async () => {
    await client.change(uri, 14, text)
    const d = (await client.diagnostics(uri, 14)).find((x) => x.code === 'accuracy/nonstandard-term')!
    const action = (await actionsAt(d)).find((a) => a.title.startsWith('Accept'))!
    assert.deepEqual(action.command, {title: 'Accept phrase', command: 'oncolint.server.accept', arguments: [{uri, phrase: 'zorblat tumors'}]})
    const relinted = client.nextDiagnostics(uri)
    const result = await client.conn.sendRequest('workspace/executeCommand', {command: action.command!.command, arguments: action.command!.arguments})
    assert.deepEqual(result, {file: rc})
    assert.equal(readFileSync(rc, 'utf8'), `# team config\nterminology: [${JSON.stringify(TEST_TERMS)}] # test terms\naccept:\n  - zorblat tumors\n`)
    assert.deepEqual((await relinted).map((x) => x.code), ['promotion/superlative'])
    assert.match(client.messages.at(-1)!.message, /'zorblat tumors' is accepted in .*\.oncolintrc\.yaml/)
  })

  it('"accept" creates .oncolintrc.yaml at the workspace root when there is none', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'oncolint-fp-bare-'))
    // The test terms come from the settings here, as there is no .oncolintrc yet.
    const other = await TestClient.start({root: bare, capabilities: VSCODE_CAPABILITIES, settings: {terminology: [TEST_TERMS]}})
    try {
      const doc = pathToFileURL(join(bare, 'notes.txt')).href
      await other.open(doc, 'A Zorblat tumor grew.\n', 'plaintext')
      const [d] = await other.diagnostics(doc, 1)
      assert.equal((d.data as {actual: string}).actual, 'Zorblat tumor')
      const relinted = other.nextDiagnostics(doc)
      await other.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.accept', arguments: [{uri: doc, phrase: 'Zorblat tumor'}]})
      assert.equal(readFileSync(join(bare, '.oncolintrc.yaml'), 'utf8'), 'accept:\n  - Zorblat tumor\n')
      assert.deepEqual(await relinted, [])
    } finally {
      await other.stop()
    }
  })
})
