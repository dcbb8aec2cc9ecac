import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type CodeAction,
} from 'vscode-languageserver-protocol/node'
import {ROOT, TEST_TERMS} from '../helpers.js'

describe('language server over stdio', function () {
  let child: ChildProcess
  let conn: ProtocolConnection
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<() => void> = []
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-lsp-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = pathToFileURL(join(dir, 'draft.md')).href

  before(async () => {
    child = spawn(process.execPath, [join(ROOT, 'bin', 'oncolint.js'), '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
    conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p)
      waiters.splice(0).forEach((w) => w())
    })
    conn.listen()
    const init = await conn.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null})
    assert.equal((init as {serverInfo: {name: string}}).serverInfo.name, 'oncolint')
    await conn.sendNotification('initialized', {})
  })

  after(async () => {
    await conn.sendRequest('shutdown')
    await conn.sendNotification('exit')
    await new Promise((resolve) => child.once('exit', resolve))
    conn.dispose()
  })

  const nextDiagnostics = (version: number) =>
    new Promise<Diagnostic[]>((resolve) => {
      const check = () => {
        const hit = published.find((p) => p.uri === uri && p.version === version)
        if (hit) resolve(hit.diagnostics)
        else waiters.push(check)
      }
      check()
    })

  it('publishes diagnostics on open with rule code, doc link and exact range', async () => {
    await conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: '# T\n\nA 😀 zorblat tumor grew.\n'}})
    const [d] = await nextDiagnostics(1)
    assert.equal(d.code, 'accuracy/nonstandard-term')
    assert.equal(d.source, 'oncolint')
    assert.match(d.codeDescription!.href, /docs\/rules\/accuracy\/nonstandard-term\.md$/)
    assert.deepEqual(d.range, {start: {line: 2, character: 5}, end: {line: 2, character: 18}})
  })

  it('re-lints on incremental change', async () => {
    await conn.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{range: {start: {line: 2, character: 5}, end: {line: 2, character: 18}}, text: 'quux spreads cancer'}],
    })
    const diags = await nextDiagnostics(2)
    assert.deepEqual(diags.map((d) => d.code), ['accuracy/misconception'])
  })

  it('offers quick fixes from suggestions and a fix-all source action', async () => {
    await conn.sendNotification('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{text: 'Zorblat tumors grew.\n'}]})
    const diags = await nextDiagnostics(3)
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: diags[0].range,
      context: {diagnostics: diags},
    })) as CodeAction[]
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ["Replace with 'Secondary tumors'", 'quickfix', true],
      ["Replace with 'Metastases'", 'quickfix', false],
      ['Fix all safe oncolint problems', 'source.fixAll.oncolint', false],
    ])
    assert.deepEqual(actions[0].edit!.changes![uri], [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 14}}, newText: 'Secondary tumors'}])
  })

  it('clears diagnostics on close', async () => {
    await conn.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await new Promise<void>((resolve) => {
      const check = () => (published.at(-1)?.uri === uri && published.at(-1)!.diagnostics.length === 0 ? resolve() : waiters.push(check))
      check()
    })
  })
})
