import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction} from 'vscode-languageserver-protocol/node'
import {MAX_PARSE_CACHES} from '../../server/src/lsp/parse-caches.js'
import {TEST_TERMS} from '../helpers.js'
import {TestClient} from './harness.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const LONG = 'The doctors who looked at the scans of the liver and the lungs told the family that the cancer had spread and that they would talk about the treatment plan next week.'

describe('what the server publishes, and when', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-publish-'))
  const rc = join(dir, '.oncolintrc.json')
  writeFileSync(rc, JSON.stringify({terminology: [TEST_TERMS]}))
  const uri = (name: string) => pathToFileURL(join(dir, name)).href

  before(async () => {
    // No capabilities: a client that reports no watched files.
    client = await TestClient.start({root: dir})
  })
  after(() => client.stop())

  it('diagnostic data is the entry and the phrase as written, only on findings that have them', async () => {
    const doc = uri('data.md')
    await client.open(doc, `A zorblat tumor grew.\n\n${LONG}\n`)
    const diags = await client.diagnostics(doc, 1)
    assert.deepEqual(
      diags.map((d) => [d.code, d.data]),
      [
        ['accuracy/nonstandard-term', {entryId: 'test-zorblat-tumor', actual: 'zorblat tumor'}],
        ['readability/long-sentence', undefined],
      ],
    )
    assert.match(diags[1].codeDescription!.href, /docs\/rules\/readability\/long-sentence\.md$/)
    // The quick fixes come from the server all the same.
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri: doc}, range: diags[0].range, context: {diagnostics: [diags[0]]}})) as CodeAction[]
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Replace')).map((a) => a.title), ["Replace with 'secondary tumor'", "Replace with 'metastasis'"])
  })

  it('a save with no change since the last lint sends nothing again; a save after a change lints', async () => {
    const doc = uri('save.md')
    await client.open(doc, 'A zorblat tumor grew.\n')
    await client.diagnostics(doc, 1)
    await client.statsOf(doc, 1)
    await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: doc}})
    await sleep(300)
    assert.deepEqual(client.published.filter((p) => p.uri === doc).map((p) => p.version), [1])
    assert.deepEqual(client.stats.filter((s) => s.uri === doc).map((s) => s.version), [1])
    await client.change(doc, 2, 'Quux spreads cancer.\n')
    await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: doc}})
    assert.deepEqual((await client.diagnostics(doc, 2)).map((d) => d.code), ['accuracy/misconception'])
  })

  it(`edits stay exact in every document when more than ${MAX_PARSE_CACHES} are edited in turn (parse caches given up and rebuilt)`, async () => {
    const names = Array.from({length: MAX_PARSE_CACHES + 2}, (_, i) => `many-${i}.md`)
    const text = (n: number) => `# Part ${n}\n\n${'Cells grow. '.repeat(n)}A zorblat tumor grew.\n\nQuux spreads cancer.\n`
    for (const name of names) await client.open(uri(name), text(1))
    for (const name of names) await client.diagnostics(uri(name), 1)
    for (let round = 2; round <= 3; round++) {
      for (const name of names) {
        // One paragraph changes; the heading and the last paragraph are as they were.
        await client.conn.sendNotification('textDocument/didChange', {
          textDocument: {uri: uri(name), version: round},
          contentChanges: [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, text: 'Cells grow. '}],
        })
        await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: uri(name)}})
        const diags = await client.diagnostics(uri(name), round)
        const column = 'Cells grow. '.length * round
        assert.deepEqual(
          diags.map((d) => [d.code, d.range]),
          [
            ['accuracy/nonstandard-term', {start: {line: 2, character: column + 2}, end: {line: 2, character: column + 15}}],
            ['accuracy/misconception', {start: {line: 4, character: 0}, end: {line: 4, character: 19}}],
          ],
          `${name} v${round}`,
        )
      }
    }
  })

  it('without watched-file events, a changed .oncolintrc applies from the next save of the draft', async () => {
    const doc = uri('config.md')
    await client.open(doc, 'A zorblat tumor grew.\n')
    assert.deepEqual((await client.diagnostics(doc, 1)).map((d) => d.severity), [2])
    writeFileSync(rc, JSON.stringify({terminology: [TEST_TERMS], rules: {accuracy: 'error'}}))
    // Typing lints with the config the draft was opened with...
    await client.change(doc, 2, 'A zorblat tumor grew again.\n')
    assert.deepEqual((await client.diagnostics(doc, 2)).map((d) => d.severity), [2])
    // ...and a save looks for the config again.
    await client.change(doc, 3, 'A zorblat tumor grew once more.\n')
    await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri: doc}})
    assert.deepEqual((await client.diagnostics(doc, 3)).map((d) => d.severity), [1])
  })
})
