import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, TextDocumentEdit, TextEdit} from 'vscode-languageserver-protocol/node'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES, applyLspEdits} from './harness.js'

describe('language server over stdio', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-lsp-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = pathToFileURL(join(dir, 'draft.md')).href

  before(async () => {
    client = await TestClient.start({root: dir})
  })
  after(() => client.stop())

  it('publishes diagnostics on open with rule code, doc link and exact range', async () => {
    await client.open(uri, '# T\n\nA 😀 zorblat tumor grew.\n')
    const [d] = await client.diagnostics(uri, 1)
    assert.equal(d.code, 'accuracy/nonstandard-term')
    assert.equal(d.source, 'oncolint')
    assert.match(d.codeDescription!.href, /docs\/rules\/accuracy\/nonstandard-term\.md$/)
    assert.deepEqual(d.range, {start: {line: 2, character: 5}, end: {line: 2, character: 18}})
  })

  it('re-lints on incremental change', async () => {
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{range: {start: {line: 2, character: 5}, end: {line: 2, character: 18}}, text: 'quux spreads cancer'}],
    })
    const diags = await client.diagnostics(uri, 2)
    assert.deepEqual(diags.map((d) => d.code), ['accuracy/misconception'])
  })

  it('offers quick fixes titled with the new text, the preferred one first and marked', async () => {
    await client.change(uri, 3, 'Zorblat tumors grew.\n')
    const diags = await client.diagnostics(uri, 3)
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: diags[0].range, context: {diagnostics: diags}})) as CodeAction[]
    const fixes = actions.filter((a) => a.title.startsWith('Replace'))
    assert.deepEqual(fixes.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ["Replace with 'Secondary tumors'", 'quickfix', true],
      ["Replace with 'Metastases'", 'quickfix', false],
    ])
    assert.deepEqual(fixes[0].edit!.changes![uri], [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 14}}, newText: 'Secondary tumors'}])
    // The source action is for editor.codeActionsOnSave and the Source Action menu, which ask for it.
    assert.equal(actions.some((a) => a.kind === 'source.fixAll.oncolint'), false)
  })

  it('offers source.fixAll.oncolint when asked, with safe, non-overlapping edits only', async () => {
    const text = 'Zorblat tumors grew. Quux spreads cancer.\n\nA zorblat tumor, a zorblat tumor.\n'
    await client.change(uri, 4, text)
    await client.diagnostics(uri, 4)
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']},
    })) as CodeAction[]
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe oncolint problems', 'source.fixAll.oncolint']])
    const edits = actions[0].edit!.changes![uri]
    // The misconception has no safe fix: its sentence stays as written, every other character too.
    assert.equal(applyLspEdits(text, edits), 'Secondary tumors grew. Quux spreads cancer.\n\nA secondary tumor, a secondary tumor.\n')
  })

  it('offers no quick fix for a diagnostic of an older version of the text', async () => {
    const stale = {range: {start: {line: 5, character: 0}, end: {line: 5, character: 3}}, code: 'accuracy/nonstandard-term', source: 'oncolint', message: 'x'}
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: stale.range, context: {diagnostics: [stale]}})) as CodeAction[]
    assert.deepEqual(actions, [])
  })

  it('clears diagnostics on close', async () => {
    const cleared = client.waitFor(() => client.published.slice(-1).find((p) => p.uri === uri && p.diagnostics.length === 0), 'empty diagnostics')
    await client.close(uri)
    await cleared
  })

  it('lints plain text and untitled documents', async () => {
    const untitled = 'untitled:Untitled-1'
    await client.open(untitled, 'A zorblat tumor grew.\n', 'plaintext')
    // Untitled documents use the config found from the workspace folder.
    assert.deepEqual((await client.diagnostics(untitled, 1)).map((d) => [d.code, d.range.start.character]), [['accuracy/nonstandard-term', 2]])
    const untitledMd = 'untitled:Untitled-2'
    await client.open(untitledMd, '# Zorblat\n\nZorblat tumors grew.\n', 'markdown')
    assert.deepEqual((await client.diagnostics(untitledMd, 1)).map((d) => d.range.start.line), [2])
  })
})

describe('fix-all command (oncolint.fixAll)', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-lsp-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = pathToFileURL(join(dir, 'fix.md')).href

  before(async () => {
    client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES})
  })
  after(() => client.stop())

  it('sends workspace/applyEdit with the safe fixes as a versioned edit and reports the count', async () => {
    const text = '# Zorblat tumors\n\nZorblat tumors 😀 grew; quux spreads cancer.\r\nAnother zorblat tumor.\n'
    await client.open(uri, text, 'markdown', 7)
    await client.diagnostics(uri, 7)
    const result = await client.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.fixAll', arguments: [{uri, version: 7}]})
    assert.deepEqual(result, {applied: 3})
    assert.equal(client.edits.length, 1)
    assert.equal(client.edits[0].label, 'oncolint: Fix all safe problems')
    const [change] = client.edits[0].edit.documentChanges as TextDocumentEdit[]
    assert.deepEqual(change.textDocument, {uri, version: 7})
    assert.equal(
      applyLspEdits(text, change.edits as TextEdit[]),
      '# Secondary tumors\n\nSecondary tumors 😀 grew; quux spreads cancer.\r\nAnother secondary tumor.\n',
    )
  })

  it('does nothing for a version the server has not got or with nothing to fix', async () => {
    assert.deepEqual(await client.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.fixAll', arguments: [{uri, version: 6}]}), {applied: 0})
    await client.change(uri, 8, 'Quux spreads cancer.\n')
    await client.diagnostics(uri, 8)
    assert.deepEqual(await client.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.fixAll', arguments: [{uri, version: 8}]}), {applied: 0})
    assert.equal(client.edits.length, 1)
  })
})

describe('stale lint results', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-lsp-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = pathToFileURL(join(dir, 'long.md')).href

  before(async () => {
    client = await TestClient.start({root: dir})
  })
  after(() => client.stop())

  it('are not published when a newer version arrived while the lint ran', async () => {
    // Long enough that the first lint is still running when the change arrives.
    const paragraph = 'The zorblat tumor grew in the liver, and the doctors explained what that meant for the treatment plan. '.repeat(8)
    const long = Array.from({length: 150}, (_, i) => `## Part ${i}\n\n${paragraph}\n`).join('\n')
    await client.open(uri, long)
    await new Promise((r) => setTimeout(r, 40))
    await client.change(uri, 2, 'A zorblat tumor.\n')
    const diags = await client.diagnostics(uri, 2)
    assert.equal(diags.length, 1)
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [2])
    await client.statsOf(uri, 2)
    assert.deepEqual(client.stats.filter((s) => s.uri === uri).map((s) => s.version), [2])
  })
})
