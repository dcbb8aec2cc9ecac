import assert from 'node:assert/strict'
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {TEST_TERMS} from '../helpers.js'
import {TEST_RC, cli, project, run} from './helpers.js'

const A = 'A zorblat tumor grew.\n'
const B = 'Quux spreads cancer.\n'
const messages = (r: {stdout: string}) => JSON.parse(r.stdout).map((f: {messages: Array<{message: string}>}) => f.messages.map((m) => m.message))
const linted = (r: {stderr: string}) => /(\d+) files, (\d+) from the cache, (\d+) linted/.exec(r.stderr)?.slice(1).map(Number)

/** Rewrites every stored message of the cache: seeing it in a report proves the file was not linted again. */
function tamper(cacheFile: string): void {
  const data = JSON.parse(readFileSync(cacheFile, 'utf8'))
  for (const entry of Object.values(data.files) as Array<{report: {messages: Array<{message: string}>}}>) for (const m of entry.report.messages) m.message = 'FROM CACHE'
  writeFileSync(cacheFile, JSON.stringify(data))
}

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
    const {statSync} = await import('node:fs')
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

  it('ignores a corrupt cache with a notice, and rewrites it', async () => {
    const dir = project({'a.md': A})
    writeFileSync(join(dir, '.oncolintcache'), '{"oncolint": "0.1.0", "files": {')
    const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
    assert.equal(r.stderr, `oncolint: ignoring the cache ${join(dir, '.oncolintcache')} (not valid JSON); it will be rewritten\n`)
    assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."]])
    assert.ok(JSON.parse(readFileSync(join(dir, '.oncolintcache'), 'utf8')).files[join(dir, 'a.md')])
    assert.equal((await cli(['--cache', '.'], {cwd: dir})).stderr, '', 'the rewritten cache is read without a notice')
  })

  it('ignores a cache of another version or shape, and entries that do not look right', async () => {
    const dir = project({'a.md': A})
    await cli(['--cache', '.'], {cwd: dir})
    const file = join(dir, '.oncolintcache')
    const good = JSON.parse(readFileSync(file, 'utf8'))
    const cases: Array<[unknown, string]> = [
      [{...good, oncolint: '0.0.1'}, `written by oncolint 0.0.1, this is ${good.oncolint}`],
      [{...good, format: 99}, `written by oncolint ${good.oncolint}, this is ${good.oncolint}`],
      [[1, 2], 'not an oncolint cache'],
      [{eslint: true}, 'not an oncolint cache'],
      [{...good, files: {[join(dir, 'a.md')]: {hash: 1}}}, `bad entry for ${join(dir, 'a.md')}`],
    ]
    for (const [data, why] of cases) {
      writeFileSync(file, JSON.stringify(data))
      const r = await cli(['--cache', '-f', 'json', '.'], {cwd: dir})
      assert.equal(r.stderr, `oncolint: ignoring the cache ${file} (${why}); it will be rewritten\n`)
      assert.deepEqual(messages(r), [["'Zorblat tumor' is a test term."]])
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).oncolint, good.oncolint)
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
})
