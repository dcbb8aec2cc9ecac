import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from './harness.js'

describe('an invalid .oncolintrc', function () {
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-badrc-'))
  const rc = join(dir, '.oncolintrc.yaml')
  const rcUri = pathToFileURL(rc).href
  const uri = pathToFileURL(join(dir, 'draft.md')).href
  const good = `terminology: [${JSON.stringify(TEST_TERMS)}]\nrules:\n  accuracy: error\n`

  before(async () => {
    writeFileSync(rc, good)
    client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES})
    await client.open(uri, 'A zorblat tumor.\n')
    assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => [d.code, d.severity]), [['accuracy/nonstandard-term', 1]])
  })
  after(() => client.stop())

  const configChanged = () => client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: rcUri, type: 2}]})
  const rcDiagnostics = () => client.waitFor(() => client.published.filter((p) => p.uri === rcUri).at(-1)?.diagnostics, 'config diagnostics')

  it('gets a diagnostic at the reported line and one notification; linting keeps the last good config', async () => {
    writeFileSync(rc, `${good}  nosuch/rule: off\n`)
    const relinted = client.nextDiagnostics(uri)
    await configChanged()
    assert.deepEqual((await relinted).map((d) => [d.code, d.severity]), [['accuracy/nonstandard-term', 1]])
    const [d] = await rcDiagnostics()
    assert.deepEqual([d.range.start, d.severity, d.source, d.message], [{line: 3, character: 0}, 1, 'oncolint', 'unknown rule "nosuch/rule" (see oncolint --list-rules)'])
    const shown = () => client.messages.filter((m) => m.message.includes('nosuch/rule'))
    assert.deepEqual(shown().map((m) => [m.type, m.message]), [[1, `oncolint: ${rc}:4: unknown rule "nosuch/rule" (see oncolint --list-rules) (the last valid configuration stays in use)`]])
    // The same error again (another edit of the draft, another watched-file event): no second notification.
    await client.change(uri, 2, 'A zorblat tumor grew.\n')
    await client.diagnostics(uri, 2)
    await configChanged()
    await client.nextDiagnostics(uri)
    assert.equal(shown().length, 1)
  })

  it('a YAML syntax error is reported at its line too', async () => {
    writeFileSync(rc, `${good}accept: [a\n`)
    const relinted = client.nextDiagnostics(uri)
    await configChanged()
    await relinted
    const [d] = await client.waitFor(() => {
      const last = client.published.filter((p) => p.uri === rcUri).at(-1)?.diagnostics
      return last?.length && !String(last[0].message).includes('nosuch') ? last : undefined
    }, 'syntax error diagnostic')
    // The YAML parser notices the unclosed [ at the end of the file, on line 5.
    assert.deepEqual([d.range.start.line, d.severity], [4, 1])
    assert.equal(client.published.filter((p) => p.uri === rcUri).at(-1)!.diagnostics.length, 1)
    assert.equal(client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics[0].severity, 1)
  })

  it('once fixed, the config diagnostic is cleared and the new config applies', async () => {
    writeFileSync(rc, `terminology: [${JSON.stringify(TEST_TERMS)}]\nrules:\n  accuracy: info\n`)
    const relinted = client.nextDiagnostics(uri)
    await configChanged()
    assert.deepEqual((await relinted).map((d) => d.severity), [3])
    assert.deepEqual(await rcDiagnostics(), [])
  })
})
