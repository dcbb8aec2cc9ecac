import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {mergeConfig, readSettings} from '../../server/src/config/settings.js'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from './harness.js'

describe('settings: reading and merge order', () => {
  it('checks each value and falls back to the default with a message', () => {
    const {settings, problems} = readSettings({targetGrade: 30, run: 'sometimes', rules: {'accuracy/nope': 'off', promotion: 'loud', readability: 'off'}, accept: ['a', 3, '']})
    assert.deepEqual(settings, {targetGrade: 8, run: 'onType', rules: {readability: 'off'}, terminology: [], accept: ['a']})
    assert.deepEqual(problems, [
      'oncolint.targetGrade must be a number from 1 to 20, not 30',
      'oncolint.run must be "onType" or "onSave", not "sometimes"',
      'oncolint.rules: unknown rule "accuracy/nope" (see oncolint --list-rules)',
      'oncolint.rules: "promotion" must be off, info, warning or error',
    ])
  })

  it('defaults < settings < .oncolintrc; lists concatenated, rules merged key by key', () => {
    const {settings} = readSettings({targetGrade: 6, rules: {promotion: 'error', 'accuracy/misconception': 'info'}, accept: ['a', 'b']})
    assert.deepEqual(mergeConfig(settings, {targetGrade: 9, rules: {promotion: 'warning'}, accept: ['b', 'c'], terminology: ['x.yaml']}), {
      targetGrade: 9,
      rules: {promotion: 'warning', 'accuracy/misconception': 'info'},
      accept: ['a', 'b', 'c'],
    })
    assert.deepEqual(mergeConfig(settings, {}), {targetGrade: 6, rules: {promotion: 'error', 'accuracy/misconception': 'info'}, accept: ['a', 'b']})
  })
})

describe('settings over the protocol', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-settings-'))
  const uri = pathToFileURL(join(dir, 'draft.md')).href

  before(async () => {
    client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES, settings: {terminology: [TEST_TERMS], accept: ['quux spreads cancer']}})
  })
  after(() => client.stop())

  it('registers for configuration changes and pulls the oncolint section for the document', async () => {
    await client.open(uri, 'A zorblat tumor. Quux spreads cancer.\n')
    assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => d.code), ['accuracy/nonstandard-term'])
    assert.deepEqual(client.registrations, [{registrations: [{id: (client.registrations[0] as {registrations: [{id: string}]}).registrations[0].id, method: 'workspace/didChangeConfiguration', registerOptions: {section: 'oncolint'}}]}])
    assert.deepEqual(client.configurationRequests[0], {items: [{scopeUri: uri, section: 'oncolint'}]})
  })

  it('re-lints open documents when settings change, without a restart', async () => {
    client.settings = {terminology: [TEST_TERMS], rules: {accuracy: 'error'}}
    const next = client.nextDiagnostics(uri)
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const diags = await next
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['accuracy/nonstandard-term', 1], ['accuracy/misconception', 1]])
  })

  it('run: onSave lints on open and save, not on each change', async () => {
    client.settings = {terminology: [TEST_TERMS], run: 'onSave'}
    const next = client.nextDiagnostics(uri)
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: null})
    await next
    await client.change(uri, 2, 'Nothing to flag.\n')
    await new Promise((r) => setTimeout(r, 600))
    assert.equal(client.published.some((p) => p.uri === uri && p.version === 2), false)
    await client.conn.sendNotification('textDocument/didSave', {textDocument: {uri}})
    assert.deepEqual(await client.diagnostics(uri, 2), [])
  })

  it('says once that a setting is wrong, and lints with its default', async () => {
    client.settings = {terminology: [TEST_TERMS], rules: {'accuracy/nope': 'off'}}
    const next = client.nextDiagnostics(uri)
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: null})
    await client.change(uri, 3, 'A zorblat tumor.\n')
    await next
    await client.diagnostics(uri, 3)
    const warnings = client.messages.filter((m) => m.message.includes('accuracy/nope'))
    assert.deepEqual(warnings.map((m) => [m.type, m.message]), [[2, 'oncolint.rules: unknown rule "accuracy/nope" (see oncolint --list-rules); using the default.']])
  })
})

describe('workspace trust', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-trust-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS], rules: {'readability/undefined-jargon': 'error'}}))
  const uri = pathToFileURL(join(dir, 'draft.md')).href
  const text = 'A zorblat tumor grew.\n'

  it('untrusted: built-in terminology only; the rest of the .oncolintrc still applies', async () => {
    const client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES, initializationOptions: {trusted: false}, settings: {terminology: [TEST_TERMS]}})
    try {
      await client.open(uri, `${text}Metastasis is common.\n`)
      const diags = await client.diagnostics(uri, 1)
      // The made-up test phrase comes only from workspace files (.oncolintrc and settings): not found.
      assert.equal(diags.some((d) => d.code === 'accuracy/nonstandard-term'), false)
      // A built-in jargon entry still reports, at the severity the .oncolintrc gives it.
      assert.deepEqual(diags.filter((d) => d.code === 'readability/undefined-jargon').map((d) => [d.range.start, d.severity]), [[{line: 1, character: 0}, 1]])
    } finally {
      await client.stop()
    }
  })

  for (const [what, initializationOptions] of [
    ['no initializationOptions', undefined],
    ['initializationOptions without trusted', {}],
    ['trusted given as a string', {trusted: 'true'}],
  ] as const) {
    it(`${what}: untrusted, so a cloned repository's config cannot make the server read files`, async () => {
      const client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES, initializationOptions})
      try {
        await client.open(uri, `${text}Metastasis is common.\n`)
        const diags = await client.diagnostics(uri, 1)
        assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['readability/undefined-jargon', 1]])
      } finally {
        await client.stop()
      }
    })
  }

  it('trusted: the workspace terminology files are read', async () => {
    const client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES, initializationOptions: {trusted: true}})
    try {
      await client.open(uri, text)
      assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => d.code), ['accuracy/nonstandard-term'])
    } finally {
      await client.stop()
    }
  })
})
