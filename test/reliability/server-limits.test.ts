/**
 * The language server under odd load: a draft over the size limit is not linted in the editor,
 * for no request (it would block the connection's one thread), and a failing rule is logged
 * once per document.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {ProposedFeatures, createConnection} from 'vscode-languageserver/node'
import {StreamMessageReader, StreamMessageWriter, createProtocolConnection, type LogMessageParams, type PublishDiagnosticsParams} from 'vscode-languageserver-protocol/node'
import {MAX_LINT_CHARS} from '../../server/src/lsp/linter.js'
import {startServer} from '../../server/src/lsp/server.js'
import {CLINIC_DRAFT, TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from '../lsp/harness.js'
import {withThrowingRule} from './throwing-rule.js'

describe('reliability: a huge draft does not hold up the others', function () {
  this.timeout(180_000)

  it('another document gets its diagnostics within 3 s while a 20 MB draft is open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-rel-huge-'))
    writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
    const seed = readFileSync(CLINIC_DRAFT, 'utf8')
    const huge = `${seed}\n\n`.repeat(Math.ceil((20 * 1024 * 1024) / (seed.length + 2)))
    const client = await TestClient.start({root: dir})
    try {
      const small = pathToFileURL(join(dir, 'small.md')).href
      await client.open(small, 'A zorblat tumor grew.\n')
      await client.diagnostics(small, 1)
      await client.open(pathToFileURL(join(dir, 'huge.md')).href, huge)
      const asked = performance.now()
      await client.change(small, 2, 'Quux spreads cancer.\n')
      assert.deepEqual((await client.diagnostics(small, 2)).map((d) => d.code), ['accuracy/misconception'])
      const ms = performance.now() - asked
      assert.ok(ms < 3000, `the small draft waited ${Math.round(ms)} ms for the huge one`)
    } finally {
      await client.stop()
    }
  })
})

describe('reliability: one size limit for every request that lints', function () {
  this.timeout(120_000)

  it('on a 3 MB draft, hover, quick fixes, fix-all and the fix-all command answer at once with nothing; another draft is not held up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-rel-limit-'))
    writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
    // Every sentence a finding with a safe fix: linting it all would take seconds and give thousands of edits.
    const line = 'A zorblat tumor grew. '
    const huge = `${line.repeat(Math.ceil(3_000_000 / line.length))}\n`
    assert.ok(huge.length > MAX_LINT_CHARS)
    const client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES})
    try {
      const small = pathToFileURL(join(dir, 'small.md')).href
      const big = pathToFileURL(join(dir, 'big.md')).href
      await client.open(small, 'A zorblat tumor grew.\n')
      await client.diagnostics(small, 1)
      await client.open(big, huge)
      assert.deepEqual(await client.diagnostics(big, 1), [])
      const diagnostic = {range: {start: {line: 0, character: 2}, end: {line: 0, character: 15}}, code: 'accuracy/nonstandard-term', source: 'oncolint', message: 'x'}
      const timed = async <T>(what: string, request: Promise<T>): Promise<T> => {
        const start = performance.now()
        const result = await request
        const ms = performance.now() - start
        assert.ok(ms < 1000, `${what} took ${Math.round(ms)} ms`)
        return result
      }
      const asked = performance.now()
      const answers = Promise.all([
        timed('hover', client.conn.sendRequest('textDocument/hover', {textDocument: {uri: big}, position: {line: 0, character: 5}})),
        timed('quick fixes', client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri: big}, range: diagnostic.range, context: {diagnostics: [diagnostic]}})),
        timed('source.fixAll', client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri: big}, range: diagnostic.range, context: {diagnostics: [], only: ['source.fixAll']}})),
        timed('fix-all command', client.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.fixAll', arguments: [{uri: big, version: 1}]})),
      ])
      await client.change(small, 2, 'Quux spreads cancer.\n')
      assert.deepEqual((await client.diagnostics(small, 2)).map((d) => d.code), ['accuracy/misconception'])
      const ms = performance.now() - asked
      assert.ok(ms < 3000, `the small draft waited ${Math.round(ms)} ms`)
      assert.deepEqual(await answers, [null, [], [], {applied: 0}])
      assert.deepEqual(client.edits, [], 'no edit sent')
    } finally {
      await client.stop()
    }
  })
})

describe('reliability: a rule that fails is logged once per document', function () {
  this.timeout(60_000)

  it('one log line per document, however often it is linted; the other rules still report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-rel-rule-'))
    writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
    const logs: string[] = []
    const published: PublishDiagnosticsParams[] = []
    await withThrowingRule(async () => {
      // The server from source in this process, so the test's failing rule is in its registry.
      const toServer = new PassThrough()
      const toClient = new PassThrough()
      const serverSide = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient))
      startServer(serverSide)
      const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer))
      let notify = (): void => undefined
      client.onNotification('window/logMessage', (p: LogMessageParams) => void logs.push(p.message))
      client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        published.push(p)
        notify()
      })
      client.listen()
      const diagnostics = (uri: string, version: number) =>
        new Promise<PublishDiagnosticsParams>((resolve) => {
          const check = () => {
            const p = published.find((x) => x.uri === uri && x.version === version)
            if (p) resolve(p)
          }
          notify = check
          check()
        })
      try {
        await client.sendRequest('initialize', {processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: {trusted: true}})
        await client.sendNotification('initialized', {})
        for (const name of ['a.md', 'b.md']) {
          const uri = pathToFileURL(join(dir, name)).href
          await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: 'A zorblat tumor grew.\n'}})
          assert.deepEqual((await diagnostics(uri, 1)).diagnostics.map((d) => d.code), ['accuracy/nonstandard-term'])
          for (let v = 2; v <= 4; v++) {
            await client.sendNotification('textDocument/didSave', {textDocument: {uri}})
            await client.sendNotification('textDocument/didChange', {textDocument: {uri, version: v}, contentChanges: [{text: `A zorblat tumor grew ${v} times.\n`}]})
            await diagnostics(uri, v)
          }
        }
      } finally {
        client.dispose()
        serverSide.dispose()
      }
    })
    const failures = logs.filter((l) => l.includes('readability/test-throws'))
    assert.equal(failures.length, 2, failures.join('\n'))
    assert.match(failures[0], /a\.md: boom on purpose$/)
    assert.match(failures[1], /b\.md: boom on purpose$/)
  })
})
