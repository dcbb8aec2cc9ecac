'use strict'
// Loads a bundle from dist/ (cli.js, server.js) with the V8 code cache the build writes next to
// it (dist/cli.js.cache, dist/server.js.cache; see scripts/code-cache.mjs). Node 20 has no
// module.enableCompileCache, and compiling the bundle, plus each function it runs on the way,
// was a large part of the time oncolint took to start (docs/performance.md); from the cache V8
// deserialises the bytecode instead.
//
// The bundle runs as require() would run it: a CommonJS function of (exports, require, module,
// __filename, __dirname), compiled with the bundle's own path as its file name, so stack traces
// name dist/cli.js with the same lines and columns. Plain require() is used instead when there
// is no cache, when it was made for other bytes (its header holds the bundle's SHA-256: V8
// itself compares only the source's length, and would run stale bytecode), when source maps are
// on (Node maps only what require() loaded), under the inspector, and with
// ONCOLINT_CODE_CACHE=off. A cache V8 turns down (another Node or V8, other V8 flags) costs no
// second compile: V8 compiles the source it was given, as require() would have.
// The VS Code extension starts dist/server.js itself and lint worker threads start dist/cli.js:
// both load it with plain require().
//
// ONCOLINT_CODE_CACHE=write: load without a cache and, at exit, write one holding every function
// compiled by then (the build runs a typical CLI run and a language-server session this way).
const {createHash} = require('node:crypto')
const {closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync} = require('node:fs')
const Module = require('node:module')
const {dirname} = require('node:path')
const vm = require('node:vm')

const MAGIC = 'oncolint-code-cache-1\n'
/** Magic line, then the bundle's SHA-256 in hex and a newline, then V8's data. */
const HEADER_BYTES = MAGIC.length + 64 + 1
// On a line of its own, so the bundle's lines and columns are the file's (lineOffset -1).
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n'
const WRAPPER_TAIL = '\n})'

const cacheFileOf = (file) => `${file}.cache`
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/** Whether the code cache is to be left alone in this process. */
function cacheOff() {
  if (process.env.ONCOLINT_CODE_CACHE === 'off' || process.sourceMapsEnabled) return true
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`
  return /--(inspect|debug)/.test(flags)
}

/** The cache's V8 data, when the cache (bytes read from the cache file) was made for these bundle bytes. */
function cachedDataFor(cache, bytes) {
  if (cache.length <= HEADER_BYTES || cache.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined
  if (cache.toString('latin1', MAGIC.length, MAGIC.length + 64) !== sha256(bytes)) return undefined
  return cache.subarray(HEADER_BYTES)
}

/** Runs the compiled bundle as the CommonJS module `file`; returns its exports. */
function run(script, file) {
  const mod = new Module(file, module)
  mod.filename = file
  mod.paths = Module._nodeModulePaths(dirname(file))
  Module._cache[file] = mod
  try {
    script.runInThisContext({displayErrors: true}).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file))
    mod.loaded = true
  } finally {
    // As require() forgets a module that threw (no catch and rethrow: the error keeps its own place).
    if (!mod.loaded) delete Module._cache[file]
  }
  return mod.exports
}

/**
 * The bundle `file` read into one buffer laid out as the source compiled: the wrapper's head,
 * the bundle's bytes, the wrapper's tail. `bytes` is the bundle's part; `text()` decodes the
 * whole as one flat string. Joined from three strings, the source would be copied once more
 * before V8 compiles it: another copy of the bundle in fresh memory, at two bytes a character
 * (it holds a few non-Latin-1 characters), which shows in a warm --cache run.
 * Undefined when the file cannot be read.
 */
function readSource(file) {
  let fd
  try {
    fd = openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const size = fstatSync(fd).size
    const buffer = Buffer.allocUnsafe(WRAPPER_HEAD.length + size + WRAPPER_TAIL.length)
    buffer.write(WRAPPER_HEAD, 0, 'latin1')
    let n = 0
    while (n < size) {
      const got = readSync(fd, buffer, WRAPPER_HEAD.length + n, size - n, n)
      if (got === 0) break // it shrank meanwhile
      n += got
    }
    const end = WRAPPER_HEAD.length + n + buffer.write(WRAPPER_TAIL, WRAPPER_HEAD.length + n, 'latin1')
    return {bytes: buffer.subarray(WRAPPER_HEAD.length, WRAPPER_HEAD.length + n), text: () => buffer.toString('utf8', 0, end)}
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** Compiles the bundle `file` from its source (readSource), with V8 data `cachedData` when given. */
function compile(file, source, cachedData) {
  return new vm.Script(source.text(), {filename: file, lineOffset: -1, cachedData})
}

/** Writes the cache of `script` (compiled from the bundle's `bytes`) when the process exits. */
function writeCacheAtExit(file, bytes, script) {
  process.once('exit', () => {
    const data = script.createCachedData()
    const header = Buffer.from(`${MAGIC}${sha256(bytes)}\n`, 'latin1')
    // Renamed into place: a CLI starting meanwhile sees the old cache or the new, never half.
    const tmp = `${cacheFileOf(file)}.${process.pid}.tmp`
    writeFileSync(tmp, Buffer.concat([header, data]))
    renameSync(tmp, cacheFileOf(file))
  })
}

/** Reads a file; undefined when it cannot be read. */
function read(file) {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Loads the bundle `file` (absolute) as require(file) would, through its code cache when it can. */
function loadBundle(file) {
  if (process.env.ONCOLINT_CODE_CACHE === 'write') {
    const source = readSource(file)
    if (!source) return require(file) // and its usual error
    const script = compile(file, source)
    writeCacheAtExit(file, source.bytes, script)
    return run(script, file)
  }
  if (cacheOff()) return require(file)
  const cache = read(cacheFileOf(file))
  const source = cache && readSource(file)
  const cachedData = source && cachedDataFor(cache, source.bytes)
  if (!cachedData) return require(file)
  return run(compile(file, source, cachedData), file)
}

module.exports = {loadBundle, cachedDataFor, compile, cacheFileOf, readSource}
