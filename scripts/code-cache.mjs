// Writes the V8 code caches dist/cli.js.cache and dist/server.js.cache that bin/oncolint.js
// starts the bundles with (see bin/load-bundle.js). A cache holds the bytecode of every function
// compiled when it was made, so each bundle is run once the way it is mostly run, with
// ONCOLINT_CODE_CACHE=write:
// - the CLI: a --cache run over two drafts, one unchanged since the run that filled the cache
//   and one edited, so it holds the warm path (argument parsing, the cache, output) and the
//   engine's lint of a draft;
// - the server: initialize, a draft opened and diagnosed, shutdown and exit.
// The caches are only valid for the Node (V8) that wrote them; another one turns them down and
// the bundle is compiled as without them.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const require = createRequire(import.meta.url)
const BUNDLES = ['cli.js', 'server.js']
export const cacheFiles = (root) => BUNDLES.map((b) => join(root, 'dist', `${b}.cache`))

/** Deletes the caches (before a build: a cache is never left beside a bundle it was not made for). */
export function removeCodeCaches(root) {
  for (const file of cacheFiles(root)) rmSync(file, {force: true})
}

/** Runs both bundles once as described above, writing their caches; throws if one is missing after. */
export async function writeCodeCaches(root) {
  const sample = readFileSync(join(root, 'examples', 'metastasis-draft.md'), 'utf8')
  const work = mkdtempSync(join(tmpdir(), 'oncolint-code-cache-'))
  try {
    writeCliCache(root, work, sample)
    await writeServerCache(root, work, sample)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
  const missing = cacheFiles(root).filter((f) => !existsSync(f))
  if (missing.length) throw new Error(`code cache not written: ${missing.join(', ')}`)
}

function writeCliCache(root, work, sample) {
  const bin = join(root, 'bin', 'oncolint.js')
  writeFileSync(join(work, 'kept.md'), sample)
  writeFileSync(join(work, 'edited.md'), sample)
  const args = [bin, '--cache', '--cache-location', join(work, '.oncolintcache'), 'kept.md', 'edited.md']
  const cli = (env) => {
    const r = spawnSync(process.execPath, args, {cwd: work, encoding: 'utf8', timeout: 60_000, env: {...process.env, NO_COLOR: '1', ...env}})
    // Exit 1 is findings (the sample has some), which is what a typical run ends with.
    if (r.status !== 0 && r.status !== 1) throw new Error(`code cache: the CLI failed (exit ${r.status}): ${r.stderr}`)
  }
  cli({ONCOLINT_CODE_CACHE: 'off'})
  writeFileSync(join(work, 'edited.md'), `${sample}\nThe doctors can help.\n`)
  cli({ONCOLINT_CODE_CACHE: 'write'})
}

async function writeServerCache(root, work, sample) {
  const {StreamMessageReader, StreamMessageWriter, createProtocolConnection} = require('vscode-languageserver-protocol/node')
  const child = spawn(process.execPath, [join(root, 'bin', 'oncolint.js'), '--stdio'], {cwd: work, stdio: ['pipe', 'pipe', 'pipe'], env: {...process.env, ONCOLINT_CODE_CACHE: 'write'}})
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // A server that dies (or hangs: killed after a minute) fails the build instead of stalling it.
  const beforeExit = (promise) => Promise.race([promise, exited.then((code) => Promise.reject(new Error(`code cache: the server exited early (${code}): ${stderr}`)))])
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const uri = pathToFileURL(join(work, 'draft.md')).href
  const diagnosed = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && resolve()))
  conn.onRequest((method, params) => (method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null))
  conn.listen()
  const timeout = setTimeout(() => child.kill(), 60_000)
  try {
    const rootUri = pathToFileURL(work).href
    await beforeExit(conn.sendRequest('initialize', {processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{uri: rootUri, name: 'code-cache'}]}))
    await conn.sendNotification('initialized', {})
    await conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: sample}})
    await beforeExit(diagnosed)
    await beforeExit(conn.sendRequest('shutdown'))
    await conn.sendNotification('exit')
    const code = await exited
    if (code !== 0) throw new Error(`code cache: the server exited with ${code}: ${stderr}`)
  } finally {
    clearTimeout(timeout)
    conn.dispose()
  }
}
