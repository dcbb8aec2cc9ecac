// The language server as an editor sees it: spawned as `node bin/oncolint.js --stdio` and
// spoken to over LSP with vscode-languageserver-protocol, as test/lsp/protocol.test.ts does.
//
// Edit latency excludes the server's typing debounce (150 ms after didChange): each edit is a
// didChange immediately followed by a didSave, and the server lints on save at once (the save
// replaces the pending debounce timer). The latency is from sending didChange to receiving
// publishDiagnostics for that version, so it includes applying the incremental change, the
// lint, converting findings to diagnostics and the JSON-RPC round trip.
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createRequire} from 'node:module'
import {mulberry32} from './prng.mjs'
import {median, percentile} from './measure.mjs'

const require = createRequire(import.meta.url)
const {StreamMessageReader, StreamMessageWriter, createProtocolConnection} = require('vscode-languageserver-protocol/node')
const {TextDocument} = require('vscode-languageserver-textdocument')

const now = () => process.hrtime.bigint()
const msSince = (t) => Number(process.hrtime.bigint() - t) / 1e6
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc (Linux only; NaN elsewhere). */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return {rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024}
  } catch {
    return {rssMB: NaN, peakMB: NaN}
  }
}

// Replacements for the one-word edits: ordinary words, so the edit changes a finding or two
// at most, as typing does.
const WORDS = ['cells', 'doctors', 'often', 'body', 'blood', 'treatment', 'tumor', 'people', 'care', 'spread']

/**
 * A server (`<app>/bin/oncolint.js --stdio`, workspace `root`) and an LSP connection to it;
 * `startupMs` is spawn to initialize result. The client announces pull diagnostics, as VS Code
 * does; when the server offers them (diagnosticProvider), diagnostics are pulled
 * (textDocument/diagnostic with the previous result id) instead of waited for.
 */
async function startServer(root, app, cpuProf) {
  const execArgv = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []
  const t0 = now()
  const child = spawn(process.execPath, [...execArgv, join(app, 'bin', 'oncolint.js'), '--stdio'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  // Every byte the server writes to the client: the bytes an edit costs are read off it.
  let received = 0
  child.stdout.on('data', (d) => (received += d.length))
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const published = new Map()
  const waiters = new Map()
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`
    published.set(key, {at: now(), count: p.diagnostics.length})
    waiters.get(key)?.()
  })
  // Answer anything the server asks.
  conn.onRequest((method, params) => (method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null))
  conn.listen()
  const rootUri = pathToFileURL(root).href
  const capabilities = {textDocument: {diagnostic: {dynamicRegistration: false, relatedDocumentSupport: false}}}
  const init = await conn.sendRequest('initialize', {processId: process.pid, rootUri, capabilities, workspaceFolders: [{uri: rootUri, name: 'oncolint'}]})
  const startupMs = msSince(t0)
  await conn.sendNotification('initialized', {})
  const pull = Boolean(init?.capabilities?.diagnosticProvider)
  const resultIds = new Map()
  const counts = new Map()
  const pushed = (uri, version) =>
    new Promise((resolve, reject) => {
      const key = `${uri}#${version}`
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${key} within 60 s; server stderr: ${stderr.slice(-500)}`)), 60000)
      const done = () => (clearTimeout(timer), waiters.delete(key), resolve(published.get(key)))
      if (published.has(key)) done()
      else waiters.set(key, done)
    })
  const pulled = async (uri) => {
    const report = await conn.sendRequest('textDocument/diagnostic', {textDocument: {uri}, previousResultId: resultIds.get(uri)})
    const at = now()
    if (report.resultId !== undefined) resultIds.set(uri, report.resultId)
    if (report.kind === 'full') counts.set(uri, report.items.length)
    return {at, count: counts.get(uri), unchanged: report.kind === 'unchanged'}
  }
  return {
    conn,
    child,
    startupMs,
    pull,
    /** Bytes the server has written to the client so far. */
    received: () => received,
    /** Resolves with {at, count} once the diagnostics of that version of `uri` are in: pulled, or pushed. */
    diagnostics: (uri, version) => (pull ? pulled(uri) : pushed(uri, version)),
    open: (path, text) => conn.sendNotification('textDocument/didOpen', {textDocument: {uri: pathToFileURL(path).href, languageId: 'markdown', version: 1, text}}),
    async stop() {
      await conn.sendRequest('shutdown')
      await conn.sendNotification('exit')
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))
      conn.dispose()
    },
  }
}

/**
 * A second lint job beside the server, as on a shared machine: `node <args>` started again
 * each time it ends, until stopped.
 */
function backgroundJob(args, cwd) {
  let child
  let stopped = false
  const start = () => {
    child = spawn(process.execPath, args, {cwd, stdio: 'ignore'})
    child.once('exit', () => !stopped && start())
  }
  start()
  return async () => {
    stopped = true
    if (child.exitCode === null) {
      child.kill()
      await new Promise((resolve) => child.once('exit', resolve))
    }
  }
}

/**
 * Measures startup and the first lint of the big draft (medians over `startups` + 1 fresh
 * servers),
 * `edits` one-word edits on it with a second lint job (`node <loadArgs>`) running beside the
 * server, as many again with none, a few edits through the debounce (for reference), and, in a
 * fresh server (so the big draft's heap growth is not counted), RSS with the drafts open.
 * Each edit's bytes are what the server wrote to the client from the didChange to its
 * diagnostics (diagnostics, or an "unchanged" report, and the stats notification).
 */
export async function measureServer({root, app = root, bigPath, draftPaths, edits = 50, warmupEdits = 5, debouncedEdits = 10, startups = 3, cpuProf, loadArgs}) {
  const bigText = readFileSync(bigPath, 'utf8')
  const uri = pathToFileURL(bigPath).href
  // First lint of the big draft in a fresh server: didOpen -> publishDiagnostics (the
  // terminology loads here too).
  const firstLint = async (server) => {
    await sleep(200)
    const t = now()
    await server.open(bigPath, bigText)
    const got = await server.diagnostics(uri, 1)
    return {ms: Number(got.at - t) / 1e6, count: got.count}
  }
  // Each of these is a single event per process, so it is taken in several fresh servers.
  const startupTimes = []
  const firstTimes = []
  for (let i = 0; i < startups; i++) {
    const s = await startServer(root, app)
    startupTimes.push(s.startupMs)
    firstTimes.push((await firstLint(s)).ms)
    await s.stop()
  }

  const server = await startServer(root, app, cpuProf)
  startupTimes.push(server.startupMs)
  const {conn, diagnostics} = server
  await sleep(200)
  const idle = procMemory(server.child.pid)
  const first = await firstLint(server)
  firstTimes.push(first.ms)
  let doc = TextDocument.create(uri, 'markdown', 1, bigText)
  let t

  const rand = mulberry32(20000)
  const wordRanges = (text) => [...text.matchAll(/(?<![\w#])[a-z]{4,}(?!\w)/g)].map((m) => [m.index, m.index + m[0].length])
  const edit = async (save) => {
    const ranges = wordRanges(doc.getText())
    const [start, end] = ranges[Math.floor(rand() * ranges.length)]
    const range = {start: doc.positionAt(start), end: doc.positionAt(end)}
    const text = WORDS[Math.floor(rand() * WORDS.length)]
    const version = doc.version + 1
    doc = TextDocument.update(doc, [{range, text}], version)
    const bytesBefore = server.received()
    t = now()
    await conn.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range, text}]})
    if (save) await conn.sendNotification('textDocument/didSave', {textDocument: {uri}})
    // A pull right after the change, as VS Code's client does; the server answers once the
    // save's lint of this version is done.
    const got = await diagnostics(uri, version)
    return {ms: Number(got.at - t) / 1e6, bytes: server.received() - bytesBefore, unchanged: got.unchanged === true}
  }
  for (let i = 0; i < warmupEdits; i++) await edit(true)
  const quiet = []
  for (let i = 0; i < edits; i++) quiet.push(await edit(true))
  const stopLoad = loadArgs ? backgroundJob(loadArgs, root) : undefined
  await sleep(300)
  const loaded = []
  for (let i = 0; i < edits; i++) loaded.push(await edit(true))
  await stopLoad?.()
  const debouncedMs = []
  for (let i = 0; i < debouncedEdits; i++) debouncedMs.push((await edit(false)).ms)
  const afterEdits = procMemory(server.child.pid)
  await server.stop()

  // Memory with the drafts open, in a fresh server.
  const fresh = await startServer(root, app)
  startupTimes.push(fresh.startupMs)
  t = now()
  for (const p of draftPaths) await fresh.open(p, readFileSync(p, 'utf8'))
  // Pulled (or waited for) at once, as a client asks for each document it opens.
  await Promise.all(draftPaths.map((p) => fresh.diagnostics(pathToFileURL(p).href, 1)))
  const openAllMs = msSince(t)
  await sleep(500)
  const withDrafts = procMemory(fresh.child.pid)
  await fresh.stop()

  return {
    startupMs: median(startupTimes),
    startups: startupTimes.length,
    idle,
    firstLintMs: median(firstTimes),
    firstLints: firstTimes.length,
    firstDiagnostics: first.count,
    pull: server.pull,
    edit: editFigures(loaded.length ? loaded : quiet),
    quietEdit: editFigures(quiet),
    underLoad: loaded.length > 0,
    debounced: {p50: median(debouncedMs), n: debouncedMs.length},
    afterEdits,
    openDrafts: draftPaths.length,
    openAllMs,
    withDrafts,
  }
}

/** p50, p95, max and bytes of a list of edits. */
function editFigures(list) {
  const ms = list.map((e) => e.ms)
  const bytes = list.map((e) => e.bytes)
  return {p50: median(ms), p95: percentile(ms, 95), max: Math.max(...ms), n: list.length, bytesMedian: median(bytes), bytesMax: Math.max(...bytes), unchanged: list.filter((e) => e.unchanged).length}
}
