import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ClientCapabilities, Diagnostic, DocumentDiagnosticReport} from 'vscode-languageserver-protocol/node'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from './harness.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** VS Code's client: it pulls diagnostics and can be told to pull again. */
const PULL_CAPABILITIES: ClientCapabilities = {
  ...VSCODE_CAPABILITIES,
  workspace: {...VSCODE_CAPABILITIES.workspace, diagnostics: {refreshSupport: true}},
  textDocument: {diagnostic: {dynamicRegistration: false, relatedDocumentSupport: false}},
}

const codesAndRanges = (items: Diagnostic[]) => items.map((d) => [d.code, d.range])

describe('pull diagnostics (textDocument/diagnostic with result ids)', function () {
  this.timeout(60_000)
  let client: TestClient
  let refreshed: () => void = () => undefined
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-pull-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = (name: string) => pathToFileURL(join(dir, name)).href
  const pull = (doc: string, previousResultId?: string) =>
    client.conn.sendRequest('textDocument/diagnostic', {textDocument: {uri: doc}, previousResultId}) as Promise<DocumentDiagnosticReport>
  const edit = (doc: string, version: number, line: number, character: number, text: string) =>
    client.conn.sendNotification('textDocument/didChange', {
      textDocument: {uri: doc, version},
      contentChanges: [{range: {start: {line, character}, end: {line, character}}, text}],
    })
  const save = (doc: string) => client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: doc}})

  before(async () => {
    client = await TestClient.start({root: dir, capabilities: PULL_CAPABILITIES})
    client.conn.onRequest('workspace/diagnostic/refresh', () => {
      refreshed()
      return null
    })
  })
  after(() => client.stop())

  it('a client that announces pulling is offered it; a client that does not keeps getting pushes', async () => {
    const caps = await startRaw(dir, PULL_CAPABILITIES)
    assert.deepEqual(caps.diagnosticProvider, {identifier: 'oncolint', interFileDependencies: false, workspaceDiagnostics: false})
    assert.equal((await startRaw(dir, VSCODE_CAPABILITIES)).diagnosticProvider, undefined)
  })

  it('answers a pull with the whole set and a result id, and the same id with "unchanged"', async () => {
    const doc = uri('first.md')
    await client.open(doc, 'A zorblat tumor grew.\n\nQuux spreads cancer.\n')
    const first = await pull(doc)
    assert.equal(first.kind, 'full')
    assert.ok(first.kind === 'full' && typeof first.resultId === 'string' && first.resultId.length > 0)
    assert.deepEqual(codesAndRanges(first.kind === 'full' ? first.items : []), [
      ['accuracy/nonstandard-term', {start: {line: 0, character: 2}, end: {line: 0, character: 15}}],
      ['accuracy/misconception', {start: {line: 2, character: 0}, end: {line: 2, character: 19}}],
    ])
    assert.deepEqual(await pull(doc, first.resultId), {kind: 'unchanged', resultId: first.resultId})
    // A stale or unknown id gets the whole set again.
    assert.equal((await pull(doc, 'not-an-id')).kind, 'full')
    // Nothing is pushed to a client that pulls.
    await sleep(200)
    assert.deepEqual(
      client.published.filter((p) => p.uri === doc),
      [],
    )
  })

  it('an edit that changes no diagnostic is "unchanged"; one that moves or adds one is sent whole, with a new id', async () => {
    const doc = uri('edits.md')
    await client.open(doc, 'A zorblat tumor grew.\n\nCells grow.\n')
    const first = await pull(doc)
    // A word added to the last line, after every finding: the set is the same.
    await edit(doc, 2, 2, 0, 'Some ')
    await save(doc)
    assert.deepEqual(await pull(doc, first.resultId), {kind: 'unchanged', resultId: first.resultId})
    assert.equal((await client.statsOf(doc, 2)).words, 7) // linted all the same: the figures changed
    // Words added before the finding move it.
    await edit(doc, 3, 0, 0, 'Today ')
    await save(doc)
    const moved = await pull(doc, first.resultId)
    assert.equal(moved.kind, 'full')
    assert.notEqual(moved.resultId, first.resultId)
    assert.deepEqual(codesAndRanges(moved.kind === 'full' ? moved.items : []), [
      ['accuracy/nonstandard-term', {start: {line: 0, character: 8}, end: {line: 0, character: 21}}],
    ])
    // A new finding.
    await edit(doc, 4, 2, 0, 'Quux spreads cancer. ')
    await save(doc)
    const added = await pull(doc, moved.resultId)
    assert.deepEqual(codesAndRanges(added.kind === 'full' ? added.items : []), [
      ['accuracy/nonstandard-term', {start: {line: 0, character: 8}, end: {line: 0, character: 21}}],
      ['accuracy/misconception', {start: {line: 2, character: 0}, end: {line: 2, character: 19}}],
    ])
  })

  it('the status-bar figures are sent again only when they changed', async () => {
    const doc = uri('stats.md')
    await client.open(doc, 'Cells grow.\n\nThey grow fast.\n')
    await pull(doc)
    assert.equal((await client.statsOf(doc, 1)).words, 5)
    // A space at the end of a line: the figures are the same.
    await edit(doc, 2, 0, 11, ' ')
    await save(doc)
    await pull(doc)
    await edit(doc, 3, 0, 0, 'New ')
    await save(doc)
    await pull(doc)
    assert.equal((await client.statsOf(doc, 3)).words, 6)
    assert.deepEqual(
      client.stats.filter((s) => s.uri === doc).map((s) => s.version),
      [1, 3],
    )
  })

  it('a pull while typing waits for the debounced lint and answers for the text as it is now', async () => {
    const doc = uri('typing.md')
    await client.open(doc, 'Cells grow.\n')
    const first = await pull(doc)
    assert.deepEqual(first.kind === 'full' && first.items, [])
    await edit(doc, 2, 0, 0, 'A zorblat tumor grew. ')
    const after = await pull(doc, first.resultId)
    assert.deepEqual(codesAndRanges(after.kind === 'full' ? after.items : []), [
      ['accuracy/nonstandard-term', {start: {line: 0, character: 2}, end: {line: 0, character: 15}}],
    ])
  })

  it('a settings change that changes diagnostics asks the client to pull again', async () => {
    const doc = uri('settings.md')
    await client.open(doc, 'A zorblat tumor grew.\n')
    const first = await pull(doc)
    const refresh = new Promise<void>((resolve) => (refreshed = resolve))
    client.settings = {rules: {accuracy: 'off'}}
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: null})
    await refresh
    const after = await pull(doc, first.resultId)
    assert.deepEqual(after.kind === 'full' && after.items, [])
    client.settings = {}
  })
})

/** The capabilities a fresh server announces to a client with `capabilities`. */
async function startRaw(root: string, capabilities: ClientCapabilities): Promise<Record<string, unknown>> {
  const c = await TestClient.start({root, capabilities})
  await c.stop()
  return c.initializeResult.capabilities
}
