import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable, Writable} from 'node:stream'
import {crc32} from 'node:zlib'
import {FORMATS} from '../../server/src/cli/formats/index.js'
import {headerCrc, type StoredEntry} from '../../server/src/cli/cache.js'
import {stylishRows} from '../../server/src/cli/formats/stylish.js'
import {runCli} from '../../server/src/cli/main.js'
import {ROOT, TEST_TERMS} from '../helpers.js'
import {FIXTURE, TEST_RC, cli, project, run} from './helpers.js'
import type {ReportMessage} from '../../server/src/cli/report.js'

const A = 'A zorblat tumor grew.\n'
const B = 'Quux spreads cancer.\n'
const messages = (r: {stdout: string}) => JSON.parse(r.stdout).map((f: {messages: Array<{message: string}>}) => f.messages.map((m) => m.message))
const BINARY = 'binary file (control bytes or invalid UTF-8 in its first 8 KB), not linted'
const linted = (r: {stderr: string}) => /(\d+) files, (\d+) from the cache, (\d+) linted/.exec(r.stderr)?.slice(1).map(Number)

interface Stored {
  messages: Array<ReportMessage>
  stats: unknown
  /** The rows of the stylish output (no colour). */
  rows: string
}

/**
 * The cache file as it is laid out: one line of JSON (the header: per file its key, counts and
 * where its parts lie in the body), then the body, each report's messages JSON, stats JSON and
 * stylish rows back to back.
 */
function readCache(file: string): {header: {oncolint: string; format: number; files: Record<string, StoredEntry>}; reports: Record<string, Stored>} {
  const bytes = readFileSync(file)
  const newline = bytes.indexOf(0x0a)
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8'))
  const body = bytes.subarray(newline + 1)
  const reports: Record<string, Stored> = {}
  for (const [path, {at: [offset, m, st, rows]}] of Object.entries(header.files) as Array<[string, {at: number[]}]>) {
    const part = (from: number, length: number) => body.subarray(offset + from, offset + from + length).toString('utf8')
    reports[path] = {messages: JSON.parse(part(0, m)), stats: JSON.parse(part(m, st)), rows: part(m + st, rows)}
  }
  return {header, reports}
}

/** Writes a cache with these reports (and the header's other fields as they are), CRCs made right. */
function writeCache(file: string, header: ReturnType<typeof readCache>['header'], reports: Record<string, Stored>): void {
  const parts: Buffer[] = []
  let offset = 0
  for (const [path, report] of Object.entries(reports)) {
    const m = Buffer.from(JSON.stringify(report.messages))
    const st = Buffer.from(JSON.stringify(report.stats))
    const rows = Buffer.from(report.rows)
    const entry: StoredEntry = {...header.files[path], at: [offset, m.length, st.length, rows.length], crc: [crc32(st, crc32(m)), crc32(rows), 0]}
    entry.crc[2] = headerCrc(entry)
    header.files[path] = entry
    parts.push(m, st, rows)
    offset += m.length + st.length + rows.length
  }
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...parts]))
}

/** Rewrites every stored message of the cache (and the rows made of them): seeing it in a report proves the file was not linted again. */
function tamper(cacheFile: string): void {
  const {header, reports} = readCache(cacheFile)
  for (const report of Object.values(reports)) {
    for (const m of report.messages) m.message = 'FROM CACHE'
    report.rows = stylishRows(report.messages)
  }
  writeCache(cacheFile, header, reports)
}

const header = (cacheFile: string) => JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[0])

describe('CLI cache', () => {
  it('reuses stored results for files whose text and config have not changed', async () => {
    const dir = project({'a.md': A, 'b.md': B})
    const first = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(first), [2, 0, 2])
    const cacheFile = join(dir, '.oncolintcache')
    assert.ok(existsSync(cacheFile), 'default location: .oncolintcache in the working directory')
    tamper(cacheFile)
    const second = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(second), [2, 2, 0])
    assert.deepEqual(messages(second), [['FROM CACHE'], ['FROM CACHE']])
    assert.equal(second.code, 1, 'exit code from the stored results')
    const before = statSync(cacheFile).mtimeMs
    await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
    assert.equal(statSync(cacheFile).mtimeMs, before, 'a run that changed nothing does not rewrite the cache')

    writeFileSync(join(dir, 'a.md'), `${A}More.\n`)
    const edited = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(edited), [2, 1, 1])
    assert.deepEqual(messages(edited), [["'Zorblat tumor' is a test term."], ['FROM CACHE']])
    assert.deepEqual(readdirSync(dir).sort(), ['.oncolintcache', '.oncolintrc.yaml', 'a.md', 'b.md'], 'written through a rename, no temporary file left')
  })

  it('lints again when the config changes', async () => {
    const dir = project({'a.md': A})
    await cli(['--cache', '.'], {cwd: dir})
    tamper(join(dir, '.oncolintcache'))
    writeFileSync(join(dir, '.oncolintrc.yaml'), `${TEST_RC}rules:\n  accuracy: error\n`)
    const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."]])
    assert.equal(JSON.parse(r.stdout)[0].messages[0].severity, 'error')
  })

  it('lints again when a terminology file changes', function () {
    this.timeout(90_000) // three child processes: each run must load the terminology afresh
    const dir = project({'a.md': A}, 'terminology: [terms.yaml]\n')
    copyFileSync(TEST_TERMS, join(dir, 'terms.yaml'))
    assert.equal(run(['--cache', '.'], {cwd: dir}).code, 0)
    tamper(join(dir, '.oncolintcache'))
    assert.deepEqual(messages(run(['--cache', '-f', 'json', '.'], {cwd: dir})), [['FROM CACHE']], 'unchanged: reused')
    writeFileSync(join(dir, 'terms.yaml'), readFileSync(TEST_TERMS, 'utf8').replace("'Zorblat tumor' is a test term.", 'Changed message.'))
    assert.deepEqual(messages(run(['--cache', '-f', 'json', '.'], {cwd: dir})), [['Changed message.']])
  })

  it('keys each file on the config of its own folder', async () => {
    const dir = project({'a.md': A, 'sub/a.md': A})
    writeFileSync(join(dir, 'sub', '.oncolintrc.yaml'), `${TEST_RC}rules:\n  accuracy: error\n`)
    const severities = (r: {stdout: string}) => JSON.parse(r.stdout).map((f: {messages: Array<{severity: string}>}) => f.messages.map((m) => m.severity))
    const fresh = await cli(['-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(severities(fresh), [['warning'], ['error']])
    await cli(['--cache', '.'], {cwd: dir})
    const cached = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(cached), [2, 2, 0])
    assert.equal(cached.stdout, fresh.stdout)
    writeFileSync(join(dir, 'sub', '.oncolintrc.yaml'), `${TEST_RC}rules:\n  accuracy: info\n`)
    const edited = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(edited), [2, 1, 1], 'only the file under the edited config')
    assert.deepEqual(severities(edited), [['warning'], ['info']])
  })

  it('ignores a corrupt cache with a notice, and rewrites it', async () => {
    const dir = project({'a.md': A})
    writeFileSync(join(dir, '.oncolintcache'), '{"oncolint": "0.1.0", "files": {')
    const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
    assert.equal(r.stderr, `oncolint: ignoring the cache ${join(dir, '.oncolintcache')} (not valid JSON); it will be rewritten\n`)
    assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."]])
    assert.ok(header(join(dir, '.oncolintcache')).files[join(dir, 'a.md')])
    assert.equal((await cli(['--cache', '.'], {cwd: dir})).stderr, '', 'the rewritten cache is read without a notice')
  })

  it('ignores a cache of another version or shape, and entries that do not look right', async () => {
    const dir = project({'a.md': A})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    const good = header(file)
    const cases: Array<[unknown, string]> = [
      [{...good, oncolint: '0.0.1'}, `written by oncolint 0.0.1, this is ${good.oncolint}`],
      [{...good, format: 99}, 'cache format 99, this oncolint writes format 5'],
      [{...good, format: 2}, 'cache format 2, this oncolint writes format 5'],
      [{...good, format: 1}, 'cache format 1, this oncolint writes format 5'],
      [{...good, format: 4}, 'cache format 4, this oncolint writes format 5'],
      [[1, 2], 'not an oncolint cache'],
      [{eslint: true}, 'not an oncolint cache'],
      [{...good, files: {[join(dir, 'a.md')]: {hash: 1}}}, `bad entry for ${join(dir, 'a.md')}`],
    ]
    for (const [data, why] of cases) {
      writeFileSync(file, JSON.stringify(data))
      const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
      assert.equal(r.stderr, `oncolint: ignoring the cache ${file} (${why}); it will be rewritten\n`)
      assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."]])
      assert.deepEqual(header(file).oncolint, good.oncolint)
    }
  })

  it('--cache-location names the file, or a folder to hold .oncolintcache', async () => {
    const dir = project({'a.md': A})
    await cli(['--cache', '--cache-location', 'tmp/lint.cache', '.'], {cwd: dir})
    assert.ok(existsSync(join(dir, 'tmp', 'lint.cache')))
    mkdirSync(join(dir, 'caches'))
    await cli(['--cache', '--cache-location', 'caches', '.'], {cwd: dir})
    assert.ok(existsSync(join(dir, 'caches', '.oncolintcache')))
    assert.ok(!existsSync(join(dir, '.oncolintcache')))
  })

  it('with --fix, a stored result with fixes left is fixed, not reused', async () => {
    const dir = project({'a.md': A})
    await cli(['--cache', '.'], {cwd: dir})
    const r = await cli(['--cache', '--fix', '--debug', '.'], {cwd: dir})
    assert.deepEqual(linted(r), [1, 0, 1])
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), 'A secondary tumor grew.\n')
    const again = await cli(['--cache', '--fix', '--debug', '.'], {cwd: dir})
    assert.deepEqual(linted(again), [1, 1, 0], 'the fixed text was stored')
  })

  it('gives the very output of a fresh run, in every format and with every filter', async () => {
    // Names and text JSON must escape, and non-ASCII text: the JSON format copies stored reports in as bytes.
    const dir = project({...FIXTURE, 'naïve "draft".md': 'Café: a zorblat tumor — grew.\n'})
    await cli(['--cache', '.'], {cwd: dir})
    const variants = [[], ['--quiet'], ['--min-severity', 'warning'], ['--min-severity', 'error'], ['--max-warnings', '0']]
    for (const format of FORMATS) {
      for (const extra of variants) {
        const args = ['-f', format, ...extra, '.']
        const fresh = await cli(args, {cwd: dir})
        const cached = await cli(['--cache', '--debug', ...args], {cwd: dir})
        assert.deepEqual(linted(cached), [4, 4, 0], `${args.join(' ')}: every file from the cache`)
        assert.equal(cached.stdout, fresh.stdout, `${args.join(' ')}: same report`)
        assert.equal(cached.code, fresh.code, `${args.join(' ')}: same exit code`)
        assert.equal(cached.stderr.replace(/^oncolint: debug: .*\n/m, ''), fresh.stderr, `${args.join(' ')}: same stderr`)
      }
    }
    const toFile = await cli(['--cache', '-f', 'json', '-o', 'out.json', '.'], {cwd: dir})
    assert.equal(readFileSync(join(dir, 'out.json'), 'utf8'), (await cli(['-f', 'json', '.'], {cwd: dir})).stdout, '--output-file too')
    assert.equal(toFile.stdout, '')
  })

  it('does not use a stored report whose bytes are damaged, and rewrites the cache', async () => {
    const dir = project({'a.md': A, 'b.md': B})
    const fresh = await cli(['-f', 'json', '.'], {cwd: dir})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    const bytes = readFileSync(file)
    // One letter of a.md's stored message changed, the length kept: only the CRC can tell.
    const at = bytes.indexOf('test term')
    bytes[at] = 'T'.charCodeAt(0)
    writeFileSync(file, bytes)
    const r = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.equal(r.stdout, fresh.stdout)
    assert.equal(r.stderr.split('\n')[0], `oncolint: ignoring the cache ${file} (damaged entry for ${join(dir, 'a.md')}); it will be rewritten`)
    assert.deepEqual(linted(r), [2, 0, 2], 'nothing of a damaged cache is trusted')
    const again = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(again), [2, 2, 0])
    assert.equal(again.stdout, fresh.stdout)
    assert.equal(again.stderr.split('\n').filter((l) => !l.includes('debug')).join(''), '', 'the rewritten cache is read without a notice')
  })

  it('the default output copies the stored rows; with colour or a filter it is made from the stored messages', async () => {
    const dir = project({'a.md': A, 'b.md': B})
    const fresh = await cli(['.'], {cwd: dir})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    const {header, reports} = readCache(file)
    for (const report of Object.values(reports)) report.rows = report.rows.replace(/ {2}\S+\n/g, '  FROM ROWS\n')
    writeCache(file, header, reports)
    const cached = await cli(['--cache', '--debug', '.'], {cwd: dir})
    assert.deepEqual(linted(cached), [2, 2, 0])
    assert.equal(cached.stdout, fresh.stdout.replace(/ {2}(accuracy|readability)\/\S+\n/g, '  FROM ROWS\n'))
    assert.notEqual(cached.stdout, fresh.stdout)
    assert.equal(cached.code, fresh.code)
    // Colour and filters read the messages (the rows are stored without colour, and unfiltered).
    assert.equal((await cli(['--cache', '--min-severity', 'warning', '.'], {cwd: dir})).stdout, (await cli(['--min-severity', 'warning', '.'], {cwd: dir})).stdout)
    const colour = async (args: string[]) => {
      let stdout = ''
      const sink = new Writable({write: (chunk, _encoding, done) => ((stdout += String(chunk)), done())})
      await runCli(['--color', ...args], {cwd: dir, stdout: sink, stderr: new Writable({write: (_c, _e, done) => done()}), stdin: Readable.from([])})
      return stdout
    }
    const coloured = await colour(['.'])
    assert.match(coloured, /\x1b\[31merror\x1b\[39m/)
    assert.equal(await colour(['--cache', '.']), coloured)
  })

  it('the default output names each file as a fresh run does: relative to the working directory, in and out of it', async () => {
    const dir = project({'a.md': A, 'sub/b.md': A, 'sub/deeper/c.md': B, 'sub/deeper/d.md': A})
    const cwd = join(dir, 'sub')
    const headers = (r: {stdout: string}) => r.stdout.split('\n').filter((line) => line.endsWith('.md'))
    const expected = ['../a.md', 'b.md', 'deeper/c.md', 'deeper/d.md']
    assert.deepEqual(headers(await cli(['..'], {cwd})), expected)
    await cli(['--cache', '--cache-location', dir, '..'], {cwd})
    const cached = await cli(['--cache', '--cache-location', dir, '--debug', '..'], {cwd})
    assert.deepEqual(linted(cached), [4, 4, 0])
    assert.deepEqual(headers(cached), expected)
  })

  it('does not use stored rows whose bytes are damaged, and rewrites the cache', async () => {
    const dir = project({'a.md': A, 'b.md': B})
    const fresh = await cli(['.'], {cwd: dir})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    const bytes = readFileSync(file)
    const newline = bytes.indexOf(0x0a)
    const {header} = readCache(file)
    // One letter of a.md's stored rows changed, the length kept: only the CRC can tell.
    const [offset, m, st] = header.files[join(dir, 'a.md')].at
    const at = bytes.indexOf('test term', newline + 1 + offset + m + st)
    bytes[at] = 'T'.charCodeAt(0)
    writeFileSync(file, bytes)
    const r = await cli(['--cache', '--debug', '.'], {cwd: dir})
    assert.equal(r.stdout, fresh.stdout)
    assert.equal(r.stderr.split('\n')[0], `oncolint: ignoring the cache ${file} (damaged entry for ${join(dir, 'a.md')}); it will be rewritten`)
    assert.deepEqual(linted(r), [2, 0, 2], 'nothing of a damaged cache is trusted')
    const again = await cli(['--cache', '--debug', '.'], {cwd: dir})
    assert.deepEqual(linted(again), [2, 2, 0])
    assert.equal(again.stdout, fresh.stdout)
  })

  it('writes the whole report through a pipe whose reader is slow, and ends with its exit code', async function () {
    this.timeout(120_000) // child processes linting 100 drafts
    const draft = readFileSync(join(ROOT, 'examples', 'metastasis-draft.md'), 'utf8')
    const dir = project(Object.fromEntries(Array.from({length: 100}, (_, i) => [`d${String(i).padStart(3, '0')}.md`, draft])), '')
    // More than the pipe holds (64 KB) and more than one chunk of output (256 KB): the CLI must wait for the reader.
    const slowly = (args: string[]) =>
      new Promise<{code: number | null; stdout: string}>((resolve, reject) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'oncolint.js'), ...args], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
        const chunks: Buffer[] = []
        child.stdout.on('data', (d: Buffer) => chunks.push(d))
        child.stdout.pause()
        setTimeout(() => child.stdout.resume(), 300)
        child.once('error', reject)
        child.once('close', (code) => resolve({code, stdout: Buffer.concat(chunks).toString('utf8')}))
      })
    for (const format of ['stylish', 'json']) {
      const expected = await cli(['-f', format, '.'], {cwd: dir})
      assert.ok(expected.stdout.length > 300_000, `${format}: a report longer than a chunk`)
      await slowly(['--cache', '-f', format, '.'])
      const cached = await slowly(['--cache', '-f', format, '.'])
      assert.equal(cached.stdout, expected.stdout, `${format}: the whole report, from the cache`)
      assert.equal(cached.code, expected.code)
    }
  })

  it('ignores a cache cut short', async () => {
    const dir = project({'a.md': A, 'b.md': B})
    const fresh = await cli(['-f', 'json', '.'], {cwd: dir})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    writeFileSync(file, readFileSync(file).subarray(0, -10))
    const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
    assert.equal(r.stderr, `oncolint: ignoring the cache ${file} (bad entry for ${join(dir, 'b.md')}); it will be rewritten\n`)
    assert.equal(r.stdout, fresh.stdout)
    assert.equal((await cli(['--cache', '.'], {cwd: dir})).stderr, '', 'rewritten whole')
  })

  it('finds a file with a byte-order mark; a file that is not UTF-8 is linted each time', async () => {
    const dir = project({'bom.md': `\uFEFF${A}`})
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('A zorblat tumor grew. Caf\xe9.\n', 'latin1'))
    const first = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    const second = await cli(['--cache', '--debug', '-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(linted(second), [2, 1, 1])
    assert.equal(second.stdout, first.stdout)
    writeFileSync(join(dir, 'bom.md'), `\uFEFF${B}`)
    const edited = await cli(['--cache', '--debug', '-f', 'json', 'bom.md'], {cwd: dir})
    assert.deepEqual(linted(edited), [1, 0, 1], 'an edit behind the mark is seen')
    assert.deepEqual(messages(edited), messages(await cli(['-f', 'json', 'bom.md'], {cwd: dir})))
  })

  // Changed with issue 21: a file not linted is reported (stderr and report) and the exit code is 2.
  it('skips a binary file with --cache too, reported each time', async () => {
    const dir = project({'a.md': A})
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
    for (let i = 0; i < 2; i++) {
      const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
      assert.equal(r.stderr, `oncolint: image.md: ${BINARY}\noncolint: 1 file could not be linted (see above); exit code 2\n`)
      assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."], [BINARY]])
      assert.equal(r.code, 2)
    }
  })

  it('a header whose counts were edited is a damaged cache: ignored, the file linted again (issue 21)', async () => {
    const dir = project({'e.md': B, 'ok.md': 'Clean text here.\n'})
    assert.equal((await cli(['--cache', '.'], {cwd: dir})).code, 1)
    const file = join(dir, '.oncolintcache')
    const raw = readFileSync(file)
    const newline = raw.indexOf(0x0a)
    const data = JSON.parse(raw.subarray(0, newline).toString('utf8'))
    Object.assign(data.files[join(dir, 'e.md')], {counts: [0, 0, 0], fixable: 0})
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(data)), raw.subarray(newline)]))
    const r = await cli(['--cache', '--debug', '.'], {cwd: dir})
    assert.equal(r.code, 1, 'the error is found again')
    assert.match(r.stderr, new RegExp(`^oncolint: ignoring the cache ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(damaged entry for ${join(dir, 'e.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\); it will be rewritten\n`))
    assert.deepEqual(linted(r), [2, 0, 2])
    assert.match(r.stdout, /1 problem \(1 error/)
    assert.equal((await cli(['--cache', '.'], {cwd: dir})).code, 1, 'and the rewritten cache holds the truth')
  })

  it('lints again when the shipped terminology changes', function () {
    this.timeout(120_000) // child processes, one compiling the terminology from YAML
    // A copy of the built program, so its terminology/ can be edited.
    const app = mkdtempSync(join(tmpdir(), 'oncolint-app-'))
    for (const part of ['bin', 'terminology', 'package.json', 'server/oncolintrc.schema.json', 'dist/cli.js', 'dist/spun-index.json', 'dist/claim-model.json']) cpSync(join(ROOT, part), join(app, part), {recursive: true})
    const dir = project({'a.md': 'Cancers with medium jeopardy may need extra treatment.\n'}, '')
    const lintIt = () => {
      const r = spawnSync(process.execPath, [join(app, 'bin', 'oncolint.js'), '--cache', '--debug', '-f', 'json', '.'], {cwd: dir, encoding: 'utf8'})
      return {stdout: r.stdout, stderr: r.stderr}
    }
    const message = (r: {stdout: string}) => messages(r)[0].find((m: string) => m.includes('ntermediate risk'))
    assert.equal(message(lintIt()), "'Medium jeopardy' is a garbled form of 'intermediate risk'.")
    assert.deepEqual(linted(lintIt()), [1, 1, 0], 'unchanged: reused')
    const yaml = join(app, 'terminology', 'accuracy-nonstandard.yaml')
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace("message: \"'Medium jeopardy' is a garbled form of 'intermediate risk'.\"", "message: \"Say 'intermediate risk'.\""))
    const edited = lintIt()
    assert.deepEqual(linted(edited), [1, 0, 1])
    assert.equal(message(edited), "Say 'intermediate risk'.")
    // Data the engine reads beside the YAML counts too.
    writeFileSync(join(app, 'terminology', 'health-words.txt'), `${readFileSync(join(app, 'terminology', 'health-words.txt'), 'utf8')}\nzorblat\n`)
    assert.deepEqual(linted(lintIt()), [1, 0, 1])
  })
})
