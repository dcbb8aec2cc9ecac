import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {ROOT} from '../helpers.js'
import {project, run} from './helpers.js'

const LOADER = join(ROOT, 'bin', 'load-bundle.js')
const MAGIC = 'oncolint-code-cache-1\n'

/** Runs `code` (CommonJS, with LOADER and FILE defined) in a node of its own: plain, or with other V8 `flags`. */
function node(code: string, file: string, {env = {}, flags = []}: {env?: NodeJS.ProcessEnv; flags?: string[]} = {}) {
  const r = spawnSync(process.execPath, [...flags, '-e', `const LOADER = ${JSON.stringify(LOADER)}, FILE = ${JSON.stringify(file)};\n${code}`], {encoding: 'utf8', env: {...process.env, ...env}})
  assert.equal(r.status, 0, r.stderr)
  return r.stdout
}

/** Script text: CACHE, what the loader makes of FILE's cache: 'used', 'rejected' (by V8) or 'none' (missing or not for these bytes). */
const CACHE_STATE = `const {existsSync, readFileSync} = require('node:fs')
  const {cachedDataFor, cacheFileOf, compile, readSource} = require(LOADER)
  const data = existsSync(cacheFileOf(FILE)) && cachedDataFor(readFileSync(cacheFileOf(FILE)), readSource(FILE).bytes)
  const CACHE = data ? (compile(FILE, readSource(FILE), data).cachedDataRejected ? 'rejected' : 'used') : 'none'`

/** What loading `file` through the loader gives: its exports' answer, and what became of its cache. */
function load(file: string): {value: string; cache: 'used' | 'rejected' | 'none'} {
  return JSON.parse(node(`${CACHE_STATE}\nprocess.stdout.write(JSON.stringify({value: require(LOADER).loadBundle(FILE).answer(), cache: CACHE}))`, file))
}

/** A stand-in bundle: its answer, where it thinks it is, and an error thrown from a known line and column. */
const bundle = (answer: string) => `"use strict";
exports.answer = () => ${JSON.stringify(answer)} + ':' + require('node:path').basename(__filename) + ':' + require('node:path').basename(__dirname) + ':' + (module.exports === exports);
exports.fail = () => { throw new Error('boom') };
`

function dist(answer = 'first'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'oncolint-code-cache-')), 'dist')
  mkdirSync(dir)
  writeFileSync(join(dir, 'b.js'), bundle(answer))
  return join(dir, 'b.js')
}

const writeCache = (file: string) => node('require(LOADER).loadBundle(FILE).answer()', file, {env: {ONCOLINT_CODE_CACHE: 'write'}})

describe('code cache (bin/load-bundle.js)', function () {
  this.timeout(60_000)

  it('writes a cache at exit with ONCOLINT_CODE_CACHE=write, headed by the bundle’s SHA-256, and uses it', () => {
    const file = dist()
    assert.equal(load(file).cache, 'none')
    writeCache(file)
    const cache = readFileSync(`${file}.cache`)
    assert.equal(cache.toString('latin1', 0, MAGIC.length), MAGIC)
    assert.equal(cache.toString('latin1', MAGIC.length, MAGIC.length + 64), createHash('sha256').update(readFileSync(file)).digest('hex'))
    assert.deepEqual(load(file), {value: 'first:b.js:dist:true', cache: 'used'})
  })

  it('runs the bundle without its cache when the cache is missing, garbage or made for other bytes', () => {
    const file = dist()
    assert.deepEqual(load(file), {value: 'first:b.js:dist:true', cache: 'none'})
    writeFileSync(`${file}.cache`, 'not a cache at all')
    assert.deepEqual(load(file), {value: 'first:b.js:dist:true', cache: 'none'})
    writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(MAGIC), Buffer.alloc(200, 7)]))
    assert.deepEqual(load(file), {value: 'first:b.js:dist:true', cache: 'none'})
    // Same length, other text: V8 alone would run the old bytecode (it compares lengths only).
    writeCache(file)
    writeFileSync(file, bundle('other'))
    assert.equal(readFileSync(file).length, Buffer.byteLength(bundle('first')))
    assert.deepEqual(load(file), {value: 'other:b.js:dist:true', cache: 'none'})
  })

  it('runs a bundle holding characters beyond Latin-1 as require() does, with its cache and without', () => {
    // The source is decoded from one buffer with the wrapper around the bundle's bytes: a
    // character split across that seam, or decoded as Latin-1, would change the program.
    const file = dist('’quoted’ — ✓ 🙂')
    assert.deepEqual(load(file), {value: '’quoted’ — ✓ 🙂:b.js:dist:true', cache: 'none'})
    writeCache(file)
    assert.deepEqual(load(file), {value: '’quoted’ — ✓ 🙂:b.js:dist:true', cache: 'used'})
  })

  it('a cache V8 turns down (other V8 flags) still runs the bundle', () => {
    const file = dist()
    writeCache(file)
    const out = node(`${CACHE_STATE}\nprocess.stdout.write(CACHE + ' ' + require(LOADER).loadBundle(FILE).answer())`, file, {flags: ['--no-lazy']})
    assert.equal(out, 'rejected first:b.js:dist:true')
  })

  it('stack traces name the bundle with the line and column require() gives', () => {
    const file = dist()
    writeCache(file)
    const frame = (how: string) => node(`try { ${how}.fail() } catch (e) { process.stdout.write(e.stack.split('\\n')[1]) }`, file)
    const plain = frame('require(FILE)')
    assert.match(plain, /b\.js:3:30\)$/)
    assert.equal(frame('require(LOADER).loadBundle(FILE)'), plain)
  })

  it('an error thrown while the bundle loads is shown at its line in the bundle, as require() shows it', () => {
    const file = dist()
    writeFileSync(file, '"use strict";\nthrow new Error("at load");\n')
    node('try { require(LOADER).loadBundle(FILE) } catch {}', file, {env: {ONCOLINT_CODE_CACHE: 'write'}})
    assert.equal(node(`${CACHE_STATE}\nprocess.stdout.write(CACHE)`, file), 'used')
    const header = (how: string) => spawnSync(process.execPath, ['-e', `${how}(${JSON.stringify(file)})`], {encoding: 'utf8'}).stderr.split('\n').slice(0, 2).join('\n')
    const plain = header('require')
    assert.equal(plain, `${file}:2\nthrow new Error("at load");`)
    assert.equal(header(`require(${JSON.stringify(LOADER)}).loadBundle`), plain)
  })
})

describe('code caches of the build (scripts/code-cache.mjs)', function () {
  // Runs the CLI twice and a language server session on the built bundles.
  this.timeout(120_000)

  it('writes dist/cli.js.cache and dist/server.js.cache for the bundles beside them; the CLI answers the same with them', () => {
    const app = mkdtempSync(join(tmpdir(), 'oncolint-app-'))
    for (const part of ['bin', 'examples', 'package.json']) cpSync(join(ROOT, part), join(app, part), {recursive: true})
    // The terminology through a link: its files' times must stay those dist/terminology.json was stamped with.
    symlinkSync(join(ROOT, 'terminology'), join(app, 'terminology'))
    cpSync(join(ROOT, 'server', 'oncolintrc.schema.json'), join(app, 'server', 'oncolintrc.schema.json'))
    mkdirSync(join(app, 'dist'))
    for (const f of ['cli.js', 'server.js', 'terminology.json', 'spun-index.json', 'claim-model.json']) cpSync(join(ROOT, 'dist', f), join(app, 'dist', f))
    const script = `import {writeCodeCaches} from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'code-cache.mjs')).href)}; await writeCodeCaches(${JSON.stringify(app)})`
    const build = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    assert.equal(build.status, 0, build.stderr)
    for (const name of ['cli.js', 'server.js']) {
      const file = join(app, 'dist', name)
      assert.equal(node(`${CACHE_STATE}\nprocess.stdout.write(CACHE)`, file), 'used', `${name}: a cache made for this bundle, and V8 takes it`)
    }
    const dir = project({'a.md': 'A zorblat tumor grew. Quux spreads cancer.\n'})
    const cli = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(app, 'bin', 'oncolint.js'), '-f', 'json', 'a.md'], {cwd: dir, encoding: 'utf8', env: {...process.env, ...env}})
    const withCache = cli({})
    const without = cli({ONCOLINT_CODE_CACHE: 'off'})
    assert.equal(withCache.status, 1, withCache.stderr)
    assert.equal(withCache.stdout, without.stdout)
    assert.equal(JSON.parse(withCache.stdout)[0].messages.length, 2)
    assert.deepEqual(run(['-f', 'json', 'a.md'], {cwd: dir}).stdout, withCache.stdout, 'same report as the tree’s own build')
  })
})
