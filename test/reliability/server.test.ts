/**
 * The language server (bin/oncolint.js --stdio, built by `npm run build`) survives what a
 * buggy or busy client sends: garbage with a valid Content-Length header, messages that are
 * JSON but not JSON-RPC, unknown methods, requests about documents it never saw, cancelled
 * requests, a huge document, and a terminology file that breaks (it keeps the last good one).
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ResponseError, Hover} from 'vscode-languageserver-protocol/node'
import {CLINIC_DRAFT, TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from '../lsp/harness.js'

/** One LSP frame with the given body, its Content-Length counted in bytes as the protocol says. */
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`

describe('reliability: the language server survives bad input', function () {
  this.timeout(120_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-rel-lsp-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = (name: string) => pathToFileURL(join(dir, name)).href
  let version = 1

  /** The server still lints: a fresh version of a document gets its diagnostics. */
  async function stillAnswers(): Promise<void> {
    const v = ++version
    await client.change(uri('probe.md'), v, `A zorblat tumor grew (${v}).\n`)
    assert.deepEqual((await client.diagnostics(uri('probe.md'), v)).map((d) => d.code), ['accuracy/nonstandard-term'])
  }

  before(async () => {
    client = await TestClient.start({root: dir})
    await client.open(uri('probe.md'), 'A zorblat tumor grew.\n', 'markdown', version)
    await client.diagnostics(uri('probe.md'), version)
  })
  after(() => client.stop())

  it('skips garbage and non-JSON-RPC messages that have a valid Content-Length', async () => {
    for (const body of ['{garbage', '', 'null', '[1, 2, 3]', '"text"', '{"jsonrpc": "2.0"}', '{"jsonrpc": "2.0", "method": 42}', '{"jsonrpc": "2.0", "id": {}, "method": "textDocument/hover"}', '\u0000\uFFFD😀', '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": null}', '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": 5}}}']) {
      client.child.stdin!.write(frame(body))
    }
    await stillAnswers()
    assert.equal(client.child.exitCode, null, 'the server is still running')
  })

  it('answers an unknown method with MethodNotFound and carries on', async () => {
    await assert.rejects(client.conn.sendRequest('oncolint/noSuchMethod', {}), (e: ResponseError<unknown>) => e.code === -32601)
    await stillAnswers()
  })

  it('answers requests about a document it never saw with nothing', async () => {
    const ghost = uri('never-opened.md')
    const position = {line: 0, character: 3}
    assert.equal(await client.conn.sendRequest('textDocument/hover', {textDocument: {uri: ghost}, position}), null)
    assert.deepEqual(await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri: ghost}, range: {start: position, end: position}, context: {diagnostics: [], only: ['source.fixAll.oncolint']}}), [])
    assert.deepEqual(await client.conn.sendRequest('workspace/executeCommand', {command: 'oncolint.server.fixAll', arguments: [{uri: ghost}]}), {applied: 0})
    await client.conn.sendNotification('textDocument/didChange', {textDocument: {uri: ghost, version: 2}, contentChanges: [{text: 'x'}]})
    await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: ghost}})
    await client.conn.sendNotification('textDocument/didClose', {textDocument: {uri: ghost}})
    await stillAnswers()
  })

  it('takes $/cancelRequest for requests in flight, done, or never sent', async () => {
    const position = {line: 0, character: 4}
    const requests: Array<Promise<unknown>> = []
    for (let i = 0; i < 5; i++) {
      const {promise, cancel} = cancellable(client, 'textDocument/hover', {textDocument: {uri: uri('probe.md')}, position})
      requests.push(promise)
      cancel()
    }
    for (const outcome of await Promise.allSettled(requests)) {
      // Either the answer came first or the request was cancelled (-32800); nothing else.
      if (outcome.status === 'rejected') assert.equal((outcome.reason as ResponseError<unknown>).code, -32800)
    }
    await client.conn.sendNotification('$/cancelRequest', {id: 987654})
    await client.conn.sendNotification('$/cancelRequest', {id: 'no-such-id'})
    await stillAnswers()
  })

  it('keeps answering other documents after a 5 MB document is opened, which it lints or skips with a message', async () => {
    const seed = readFileSync(CLINIC_DRAFT, 'utf8')
    const huge = `${seed}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (seed.length + 2)))
    const shownBefore = client.messages.length
    await client.open(uri('huge.md'), huge)
    await stillAnswers()
    const hover = (await client.conn.sendRequest('textDocument/hover', {textDocument: {uri: uri('probe.md')}, position: {line: 0, character: 4}})) as Hover | null
    assert.ok(hover, 'hover on the small document')
    const diagnostics = await client.diagnostics(uri('huge.md'), 1)
    const skipped = client.messages.slice(shownBefore).filter((m) => m.message.includes('huge.md') && /not linted/.test(m.message))
    if (diagnostics.length === 0) {
      assert.equal(skipped.length, 1, 'a document left unlinted is named once, with the reason')
    } else {
      const lastCopy = huge.split('\n').length - seed.split('\n').length
      assert.ok(diagnostics.some((d) => d.range.start.line > lastCopy), 'findings near the end of the huge document')
    }
    await client.close(uri('huge.md'))
    await stillAnswers()
  })
})

/** Sends a request and returns a way to cancel it, as an editor does when the user moves on. */
function cancellable(client: TestClient, method: string, params: unknown): {promise: Promise<unknown>; cancel: () => void} {
  // vscode-jsonrpc sends $/cancelRequest itself when the token fires.
  let fire!: () => void
  const token = {isCancellationRequested: false, onCancellationRequested: (listener: () => void) => ((fire = () => listener()), {dispose: () => undefined})}
  const promise = client.conn.sendRequest(method, params, token as never)
  return {
    promise,
    cancel: () => {
      token.isCancellationRequested = true
      fire?.()
    },
  }
}

describe('reliability: the language server keeps the last good terminology', function () {
  this.timeout(120_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-rel-terms-'))
  const terms = join(dir, 'terms.yaml')
  const termsUri = pathToFileURL(terms).href
  const uri = pathToFileURL(join(dir, 'draft.md')).href
  const goodTerms = readFileSync(TEST_TERMS, 'utf8')
  let version = 1

  before(async () => {
    writeFileSync(terms, goodTerms)
    writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: ['terms.yaml']}))
    client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES})
    await client.open(uri, 'A zorblat tumor grew.\n')
    assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => d.code), ['accuracy/nonstandard-term'])
  })
  after(() => client.stop())

  const breakWith = async (text: string) => {
    writeFileSync(terms, text)
    const relinted = client.nextDiagnostics(uri)
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: termsUri, type: 2}]})
    return relinted
  }
  const lastProblem = () =>
    client.waitFor(() => {
      const d = client.published.filter((p) => p.uri === termsUri).at(-1)?.diagnostics
      return d?.length ? d : undefined
    }, 'a diagnostic on the terminology file')

  const cases: Array<[string, string, number, RegExp]> = [
    ['an entry that breaks the schema', `${goodTerms}- id: Not Kebab\n  rule: accuracy/nonstandard-term\n  find: [x]\n  message: too short\n  source: ftp://x\n  examples: {flag: [x], pass: [y]}\n`, 0, /^\d+\.id must match pattern/],
    ['a pattern too broad', `${goodTerms}- id: too-broad\n  rule: accuracy/nonstandard-term\n  find: ["(a|b|c|d|e|f|g|h|i|j) (a|b|c|d|e|f|g|h|i|j) (a|b|c|d|e|f|g|h|i|j) (a|b|c|d|e|f|g|h|i|j) (a|b)"]\n  message: A pattern with too many phrasings.\n  source: https://example.org\n  examples: {flag: [a a a a a], pass: [z]}\n`, 0, /pattern is too broad \(more than 10000 phrasings\)/],
    ['YAML that does not parse', `${goodTerms}- id: [unclosed\n`, 0, /^Flow sequence/],
    ['aliases that expand without bound', `${'abcdefghi'.split('').map((l, i, all) => `${l}: &${l} [${Array(9).fill(i ? `*${all[i - 1]}` : '"lol"').join(',')}]`).join('\n')}\n`, 0, /^Excessive alias count/],
  ]
  for (const [what, text, , message] of cases) {
    it(`${what}: one notification with file and line, a diagnostic on the file, the last good terms stay`, async () => {
      const before = client.messages.length
      const diagnostics = await breakWith(text)
      assert.deepEqual(diagnostics.map((d) => d.code), ['accuracy/nonstandard-term'], 'still linted with the last good terminology')
      const [d] = await lastProblem()
      assert.match(String(d.message), message)
      const shown = await client.waitFor(() => client.messages.slice(before).find((m) => m.message.includes(terms)), 'a notification naming the file')
      assert.match(shown.message, new RegExp(`${terms.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `))
      assert.equal(shown.type, 1)
      await client.change(uri, ++version, `A zorblat tumor grew again (${version}).\n`)
      assert.deepEqual((await client.diagnostics(uri, version)).map((x) => x.code), ['accuracy/nonstandard-term'])
    })
  }

  it('once the file is fixed, its diagnostic clears and its terms apply again', async () => {
    await breakWith(goodTerms)
    await client.waitFor(() => (client.published.filter((p) => p.uri === termsUri).at(-1)?.diagnostics.length === 0 ? true : undefined), 'the terminology diagnostic cleared')
  })
})
