/**
 * Terminology files a config names are bounded: a regular file of at most 1 MB (a device, a
 * FIFO or a folder is refused at once, in one line), and the phrasings their patterns stand for
 * are counted per file and for the whole loaded set. Engine, built CLI and language server.
 */
import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {DataFileError, builtinTerminology, lint, readEntries, terminologyWith} from '../../server/src/engine/index.js'
import {MAX_TERMINOLOGY_BYTES} from '../../server/src/engine/data-file.js'
import {terminologyIdentity} from '../../server/src/engine/terminology/load.js'
import {MAX_FILE_PHRASINGS, MAX_SET_PHRASINGS, expandPattern} from '../../server/src/engine/terminology/pattern.js'
import {BIN} from '../cli/helpers.js'
import {ROOT, TEST_TERMS} from '../helpers.js'
import {TestClient, VSCODE_CAPABILITIES} from '../lsp/harness.js'

const posix = process.platform !== 'win32'
const scratch = () => mkdtempSync(join(tmpdir(), 'oncolint-termlimits-'))

/** A FIFO nobody writes to: reading it the plain way blocks for ever. */
function fifo(dir: string): string {
  const path = join(dir, 'terms.fifo')
  execFileSync('mkfifo', [path])
  return path
}

/** The one-line error terminologyWith() gives for `file`, and how long it took. */
function refusal(file: string): {message: string; ms: number} {
  const start = performance.now()
  try {
    terminologyWith([file])
  } catch (e) {
    assert.ok(e instanceof DataFileError, String(e))
    return {message: e.message, ms: performance.now() - start}
  }
  assert.fail(`${file} was accepted`)
}

/** The review's generator: one entry, `n` patterns of ten alternatives four times (10,000 phrasings each). */
function broadFile(dir: string, name: string, n: number, id = 'broad'): string {
  const alt = `(${'abcdefghij'.split('').map((c) => `${c}aa`).join('|')})`
  const patterns = Array.from({length: n}, (_, i) => `${alt} ${alt} ${alt} ${alt} w${i}`)
  const file = join(dir, name)
  writeFileSync(
    file,
    `- id: ${id}\n  rule: accuracy/nonstandard-term\n  find:\n${patterns.map((p) => `    - ${JSON.stringify(p)}`).join('\n')}\n  message: A pattern made to cost.\n  source: https://example.org/cost\n  examples: {flag: [x], pass: [y]}\n`,
  )
  return file
}

describe('reliability: terminology files must be regular files under 1 MB', () => {
  // Loaded once beforehand, so the times below are the refusals' own.
  before(() => builtinTerminology())

  it('/dev/zero is refused at once as a device', function () {
    if (!posix) this.skip()
    const {message, ms} = refusal('/dev/zero')
    assert.equal(message, '/dev/zero:1: terminology file must be a regular file, not a device')
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms`)
  })

  it('a FIFO with no writer is refused at once, not waited on', function () {
    if (!posix) this.skip()
    const path = fifo(scratch())
    const {message, ms} = refusal(path)
    assert.equal(message, `${path}:1: terminology file must be a regular file, not a FIFO`)
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms`)
  })

  it('a folder is refused', () => {
    const dir = scratch()
    assert.equal(refusal(dir).message, `${dir}:1: terminology file must be a regular file, not a folder`)
  })

  it('a file over 1 MB is refused before it is parsed; one of 1 MB is read', () => {
    const dir = scratch()
    const huge = join(dir, 'huge.yaml')
    writeFileSync(huge, `# ${'x'.repeat(2 * MAX_TERMINOLOGY_BYTES)}\n`)
    const {message, ms} = refusal(huge)
    assert.equal(message, `${huge}:1: terminology file is 2.0 MB, over the limit of 1.0 MB`)
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms`)
    const full = join(dir, 'full.yaml')
    writeFileSync(full, `#${' '.repeat(MAX_TERMINOLOGY_BYTES - 2)}\n`)
    assert.equal(terminologyWith([full]).entries.length, builtinTerminology().entries.length)
  })

  it('a missing file is named as before', () => {
    const missing = join(scratch(), 'nowhere.yaml')
    assert.equal(refusal(missing).message, `${missing}:1: cannot read terminology file (ENOENT)`)
  })

  it('the CLI cache key reads the files the same way', function () {
    if (!posix) this.skip()
    assert.throws(() => terminologyIdentity(['/dev/zero']), {message: '/dev/zero:1: terminology file must be a regular file, not a device'})
    assert.doesNotThrow(() => terminologyIdentity([TEST_TERMS]))
  })
})

describe('reliability: the phrasings of a terminology set are bounded', function () {
  this.timeout(60_000)

  it("the review's 600 broad patterns (103 KB) are refused in a second, naming file and entry", () => {
    const file = broadFile(scratch(), 'broad.yaml', 600)
    const before = process.cpuUsage()
    assert.throws(() => terminologyWith([file]), {
      message: `${file}:1: entry "broad": the file's patterns stand for more than ${MAX_FILE_PHRASINGS} phrasings in all; use fewer or narrower alternatives`,
    })
    const used = process.cpuUsage(before)
    assert.ok((used.user + used.system) / 1000 < 5000, `took ${Math.round((used.user + used.system) / 1000)} ms of CPU`)
  })

  it("a writer's files under the per-file budget are refused together when they go over the set's budget", () => {
    const dir = scratch()
    const perFile = Math.floor(MAX_FILE_PHRASINGS / 10_000)
    const files = Array.from({length: 4}, (_, i) => broadFile(dir, `part${i}.yaml`, perFile, `broad-${i}`))
    // Each file alone is accepted, and lints.
    const one = terminologyWith([files[0]])
    assert.equal(one.phrasings, builtinTerminology().phrasings + perFile * 10_000)
    assert.deepEqual(lint('It was aaa baa caa daa w0.', {terminology: one}).findings.map((f) => f.ruleId), ['accuracy/nonstandard-term'])
    // The built-in phrasings are not charged to a writer's files.
    const fits = Math.floor(MAX_SET_PHRASINGS / (perFile * 10_000))
    assert.ok(fits < files.length, 'the test needs more files than fit')
    const over = files[fits]
    assert.throws(() => terminologyWith(files), {
      message: `${over}:1: entry "broad-${fits}": the terminology files together stand for more than ${MAX_SET_PHRASINGS} phrasings; use fewer or narrower alternatives`,
    })
  })

  it('each built-in file is one a writer could load: within the per-file budget', () => {
    for (const file of new Set(builtinTerminology().entries.map((e) => e.file))) {
      assert.ok(file.startsWith(join(ROOT, 'terminology')), file)
      const entries = readEntries(file)
      const known = (name: string) => builtinTerminology().classes.has(name)
      const phrasings = entries.reduce((n, e) => n + [...e.find, ...(e.unless ?? []), ...(e.with ?? []).flat()].reduce((m, p) => m + expandPattern(p, known).length, 0), 0)
      assert.ok(phrasings <= MAX_FILE_PHRASINGS, `${file}: ${phrasings} phrasings`)
    }
  })

  it('the built-in set is counted, not limited, and stays within a sanity bound', () => {
    const builtin = builtinTerminology().phrasings
    assert.ok(builtin > 0 && builtin <= 3 * MAX_SET_PHRASINGS, `${builtin} phrasings`)
  })
})

describe('reliability: the built CLI refuses a device or FIFO as terminology at once', function () {
  this.timeout(60_000)

  for (const kind of ['device', 'FIFO'] as const) {
    it(`a ${kind}: exit 2 with one line, in seconds`, function () {
      if (!posix) this.skip()
      const dir = scratch()
      const target = kind === 'device' ? '/dev/zero' : fifo(dir)
      writeFileSync(join(dir, '.oncolintrc.yaml'), `terminology: [${JSON.stringify(target)}]\n`)
      writeFileSync(join(dir, 'd.md'), 'Branch tumors spread.\n')
      const r = spawnSync(process.execPath, [BIN, 'd.md'], {cwd: dir, encoding: 'utf8', timeout: 30_000, env: {...process.env, NO_COLOR: '1'}})
      assert.equal(r.signal, null, 'killed by the timeout: it hung')
      // Named at the config line that names it: the command line checks a config's files before reading them.
      const what = kind === 'device' ? 'a character device' : 'a FIFO'
      assert.deepEqual([r.status, r.stderr, r.stdout], [2, `oncolint: ${join(dir, '.oncolintrc.yaml')}:1: terminology file ${target}: not a regular file (${what})\n`, ''])
    })
  }
})

describe('reliability: the language server keeps the last good terminology when a file is a device or FIFO', function () {
  this.timeout(90_000)

  it('answers at once, reports the file, and keeps linting with the terms it had', async function () {
    if (!posix) this.skip()
    const dir = scratch()
    mkdirSync(join(dir, 'docs'))
    const rc = join(dir, '.oncolintrc.yaml')
    const rcUri = pathToFileURL(rc).href
    const uri = pathToFileURL(join(dir, 'docs', 'draft.md')).href
    writeFileSync(rc, `terminology: [${JSON.stringify(TEST_TERMS)}]\n`)
    const client = await TestClient.start({root: dir, capabilities: VSCODE_CAPABILITIES, initializationOptions: {trusted: true}})
    try {
      await client.open(uri, 'A zorblat tumor.\n')
      assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => d.code), ['accuracy/nonstandard-term'])
      let version = 1
      for (const target of ['/dev/zero', fifo(dir)]) {
        writeFileSync(rc, `terminology: [${JSON.stringify(target)}]\n`)
        const relinted = client.nextDiagnostics(uri)
        const start = performance.now()
        await client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: rcUri, type: 2}]})
        // The zorblat entry comes from the test terms: still there, so the last good set is in use.
        assert.deepEqual((await relinted).map((d) => d.code), ['accuracy/nonstandard-term'])
        const kind = target === '/dev/zero' ? 'a device' : 'a FIFO'
        await client.waitFor(() => client.messages.find((m) => m.message.includes(`${target}:1: terminology file must be a regular file, not ${kind}`)), `the ${kind} error`)
        // And it still answers: a hover comes back, and an edit is linted.
        await client.conn.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 3}})
        await client.change(uri, ++version, 'A zorblat tumor grew.\n')
        assert.deepEqual((await client.diagnostics(uri, version)).map((d) => d.code), ['accuracy/nonstandard-term'])
        const ms = performance.now() - start
        assert.ok(ms < 10_000, `${target}: ${Math.round(ms)} ms`)
      }
    } finally {
      await client.stop()
    }
  })
})
