/**
 * "Accept '…' in this workspace" writes a .oncolintrc: only inside the workspace, never through
 * a symlink that leads out of it, nothing at all in an untrusted workspace, and atomically
 * (a new file renamed over the old one, with the old file's mode).
 */
import assert from 'node:assert/strict'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, Diagnostic} from 'vscode-languageserver-protocol/node'
import {WriteRefused, realTargetInside, writeAtomically} from '../../server/src/lsp/workspace-file.js'
import {TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from './harness.js'

const posix = process.platform !== 'win32'
const ACCEPT = 'oncolint.server.accept'
const OUTSIDE_TEXT = '# my important config\nservices:\n  web: {image: nginx}\n'

/** A scratch folder holding the workspace `ws` and a folder `outside` beside it. */
function layout(): {base: string; ws: string; outside: string} {
  const base = mkdtempSync(join(tmpdir(), 'oncolint-accept-safety-'))
  const ws = join(base, 'ws')
  const outside = join(base, 'outside')
  mkdirSync(ws)
  mkdirSync(outside)
  return {base, ws, outside}
}

describe('accept: where the server may write', () => {
  it('a file in the workspace, or one to be created there, is written at its real path', () => {
    const {ws} = layout()
    writeFileSync(join(ws, 'real.yaml'), 'accept: []\n')
    assert.equal(realTargetInside(join(ws, '.oncolintrc.yaml'), [ws]), join(ws, '.oncolintrc.yaml'))
    if (posix) {
      symlinkSync('real.yaml', join(ws, '.oncolintrc.yaml'))
      assert.equal(realTargetInside(join(ws, '.oncolintrc.yaml'), [ws]), join(ws, 'real.yaml'))
    }
  })

  it('a symlink out of the workspace is refused, as is a symlinked folder that leads out', function () {
    if (!posix) this.skip()
    const {ws, outside} = layout()
    writeFileSync(join(outside, 'compose.yml'), OUTSIDE_TEXT)
    symlinkSync(join(outside, 'compose.yml'), join(ws, '.oncolintrc.yaml'))
    assert.throws(() => realTargetInside(join(ws, '.oncolintrc.yaml'), [ws]), new WriteRefused(`it leads outside the workspace, to ${join(outside, 'compose.yml')}; oncolint writes only inside the workspace`))
    symlinkSync(outside, join(ws, 'linked'))
    assert.throws(() => realTargetInside(join(ws, 'linked', '.oncolintrc.yaml'), [ws]), /it leads outside the workspace, to .*outside\/\.oncolintrc\.yaml;/)
    assert.throws(() => realTargetInside(join(outside, '.oncolintrc.yaml'), [ws]), new WriteRefused('it is outside the workspace; oncolint writes only inside the workspace'))
  })

  it('a path that is not a regular file is refused', function () {
    if (!posix) this.skip()
    const {ws} = layout()
    mkdirSync(join(ws, '.oncolintrc.yaml'))
    assert.throws(() => realTargetInside(join(ws, '.oncolintrc.yaml'), [ws]), new WriteRefused('it is not a regular file'))
  })

  it('writes by renaming a new file over the old one, keeping its mode, leaving no temporary file', () => {
    const {ws} = layout()
    const file = join(ws, '.oncolintrc.yaml')
    writeFileSync(file, 'accept: []\n')
    if (posix) chmodSync(file, 0o640)
    const before = statSync(file)
    writeAtomically(file, 'accept: [x]\n')
    const after = statSync(file)
    assert.equal(readFileSync(file, 'utf8'), 'accept: [x]\n')
    assert.notEqual(after.ino, before.ino, 'a new file, renamed into place')
    if (posix) assert.equal(after.mode & 0o777, 0o640)
    assert.deepEqual(readdirSync(ws), ['.oncolintrc.yaml'])
  })
})

describe('accept over the protocol', function () {
  this.timeout(60_000)

  const draft = 'We treat zorblat tumors.\n'
  const accept = (client: TestClient, uri: string) => client.conn.sendRequest('workspace/executeCommand', {command: ACCEPT, arguments: [{uri, phrase: 'zorblat tumors'}]})
  const actions = async (client: TestClient, uri: string, d: Diagnostic) =>
    (await client.conn.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: d.range, context: {diagnostics: [d]}})) as CodeAction[]

  it('a symlinked .oncolintrc.yaml that leads out of the workspace is not written; the file outside keeps its bytes', async function () {
    if (!posix) this.skip()
    const {ws, outside} = layout()
    writeFileSync(join(outside, 'compose.yml'), OUTSIDE_TEXT)
    symlinkSync(join(outside, 'compose.yml'), join(ws, '.oncolintrc.yaml'))
    const uri = pathToFileURL(join(ws, 'd.md')).href
    const client = await TestClient.start({root: ws, capabilities: VSCODE_CAPABILITIES, settings: {terminology: [TEST_TERMS]}})
    try {
      await client.open(uri, draft)
      const [d] = await client.diagnostics(uri, 1)
      assert.deepEqual(await accept(client, uri), {file: null})
      assert.equal(readFileSync(join(outside, 'compose.yml'), 'utf8'), OUTSIDE_TEXT)
      assert.deepEqual(readdirSync(ws).sort(), ['.oncolintrc.yaml'])
      await client.waitFor(() => client.messages.find((m) => m.message.startsWith('oncolint: will not write')), 'the refusal')
      assert.equal(
        client.messages.find((m) => m.message.startsWith('oncolint: will not write'))!.message,
        `oncolint: will not write ${join(ws, '.oncolintrc.yaml')}: it leads outside the workspace, to ${join(outside, 'compose.yml')}; oncolint writes only inside the workspace`,
      )
      // The action is still offered (the link is only looked at when it runs), and refused the same way.
      assert.ok((await actions(client, uri, d)).some((a) => a.title.startsWith('Accept')))
    } finally {
      await client.stop()
    }
  })

  it('a .oncolintrc above the workspace folder is not offered and not written', async () => {
    const {base, ws} = layout()
    const above = join(base, '.oncolintrc.yaml')
    writeFileSync(above, `terminology: [${JSON.stringify(TEST_TERMS)}]\n`)
    const uri = pathToFileURL(join(ws, 'd.md')).href
    const client = await TestClient.start({root: ws, capabilities: VSCODE_CAPABILITIES})
    try {
      await client.open(uri, draft)
      const [d] = await client.diagnostics(uri, 1)
      assert.equal(d.code, 'accuracy/nonstandard-term')
      assert.deepEqual((await actions(client, uri, d)).filter((a) => a.title.startsWith('Accept')), [])
      assert.deepEqual(await accept(client, uri), {file: null})
      assert.equal(readFileSync(above, 'utf8'), `terminology: [${JSON.stringify(TEST_TERMS)}]\n`)
      assert.deepEqual(readdirSync(ws), [])
    } finally {
      await client.stop()
    }
  })

  for (const [what, initializationOptions] of [
    ['restricted mode (trusted: false)', {trusted: false}],
    ['a client that says nothing about trust', undefined],
  ] as const) {
    it(`${what}: no Accept action, and the command writes nothing`, async () => {
      const {ws} = layout()
      const rc = join(ws, '.oncolintrc.yaml')
      writeFileSync(rc, '# team config\nrules: {accuracy: error}\n')
      const uri = pathToFileURL(join(ws, 'd.md')).href
      // The test terms come from the settings, which an untrusted workspace does not read: a built-in term then.
      const client = await TestClient.start({root: ws, capabilities: VSCODE_CAPABILITIES, initializationOptions})
      try {
        await client.open(uri, 'We treat branch tumors.\n')
        const [d] = await client.diagnostics(uri, 1)
        assert.equal(d.code, 'accuracy/nonstandard-term')
        assert.deepEqual((await actions(client, uri, d)).filter((a) => a.title.startsWith('Accept')), [])
        assert.deepEqual(await client.conn.sendRequest('workspace/executeCommand', {command: ACCEPT, arguments: [{uri, phrase: 'branch tumors'}]}), {file: null})
        assert.equal(readFileSync(rc, 'utf8'), '# team config\nrules: {accuracy: error}\n')
        assert.deepEqual(readdirSync(ws), ['.oncolintrc.yaml'])
        await client.waitFor(() => client.messages.find((m) => m.message === 'oncolint: this workspace is not trusted, so oncolint writes nothing in it; add the phrase to accept in its .oncolintrc yourself'), 'the refusal')
      } finally {
        await client.stop()
      }
    })
  }

  it('trusted: a symlink to another file in the workspace is written at its target, atomically, keeping the mode', async function () {
    if (!posix) this.skip()
    const {ws} = layout()
    mkdirSync(join(ws, 'config'))
    const real = join(ws, 'config', 'oncolint.yaml')
    writeFileSync(real, `# shared\nterminology: [${JSON.stringify(TEST_TERMS)}]\n`)
    chmodSync(real, 0o600)
    symlinkSync(join('config', 'oncolint.yaml'), join(ws, '.oncolintrc.yaml'))
    const inode = statSync(real).ino
    const uri = pathToFileURL(join(ws, 'd.md')).href
    const client = await TestClient.start({root: ws, capabilities: VSCODE_CAPABILITIES})
    try {
      await client.open(uri, draft)
      await client.diagnostics(uri, 1)
      const relinted = client.nextDiagnostics(uri)
      assert.deepEqual(await accept(client, uri), {file: join(ws, '.oncolintrc.yaml')})
      assert.deepEqual(await relinted, [])
      assert.equal(readFileSync(real, 'utf8'), `# shared\nterminology: [${JSON.stringify(TEST_TERMS)}]\naccept:\n  - zorblat tumors\n`)
      assert.ok(statSync(join(ws, '.oncolintrc.yaml'), {throwIfNoEntry: false}) && readFileSync(join(ws, '.oncolintrc.yaml'), 'utf8').includes('zorblat'), 'the link still leads to the file')
      assert.notEqual(statSync(real).ino, inode, 'renamed into place')
      assert.equal(statSync(real).mode & 0o777, 0o600)
      assert.deepEqual(readdirSync(join(ws, 'config')), ['oncolint.yaml'])
    } finally {
      await client.stop()
    }
  })
})
