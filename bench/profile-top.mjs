// Top self-time functions of a V8 CPU profile (from `node --cpu-prof`), to name a bottleneck
// precisely: function, source file:line, self ms and share of the sampled time. Frames in the
// esbuild bundles (dist/*.js) are traced back to their TypeScript or package source through
// the bundle's source map (node:module SourceMap), so a profile of the CLI or the server
// names engine files, not bundle lines.
// Usage: node bench/profile-top.mjs <file.cpuprofile> [count=25] [--by-file]
//   --by-file    sums self time per source file / package instead of per function
//   --inclusive  time per function including what it calls (each stack counted once per function)
import {existsSync, readFileSync} from 'node:fs'
import {SourceMap} from 'node:module'
import {fileURLToPath} from 'node:url'

const maps = new Map()
function sourceMapOf(path) {
  if (!maps.has(path)) {
    const file = `${path}.map`
    maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null)
  }
  return maps.get(path)
}

/**
 * The frame's original function name, file and 1-based line (through a source map where
 * there is one: the bundles may be minified).
 */
export function origin(frame) {
  if (!frame.url) return {name: frame.functionName, file: '', line: 0}
  let file = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url
  let line = frame.lineNumber + 1
  const map = /\.c?js$/.test(file) ? sourceMapOf(file) : null
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber)
  let name = frame.functionName
  if (entry?.originalSource) {
    file = entry.originalSource.replace(/^file:\/\//, '')
    line = entry.originalLine + 1
    if (entry.name) name = entry.name
  }
  return {name, file: file.replace(/^.*?\/((?:node_modules|server|bench|dist|client)\/)/, '$1').replace(/^(\.\.\/)+/, ''), line}
}

/** Where a frame's code lives: a package, a project file, or a V8/Node category. */
function place(file) {
  if (!file) return '(native / GC / idle)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
  return pkg ? `node_modules/${pkg[1]}` : file
}

export function topSelfTime(profile, count = 25, byFile = false) {
  const keys = new Map(
    profile.nodes.map((n) => {
      const {name, file, line} = origin(n.callFrame)
      return [n.id, byFile ? place(file) : `${name || '(anonymous)'}  ${file}${file ? `:${line}` : ''}`]
    }),
  )
  const self = new Map()
  const deltas = profile.timeDeltas
  // Each sample is charged the time until the next one.
  for (let i = 0; i < profile.samples.length; i++) {
    const key = keys.get(profile.samples[i])
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return {
    totalMs: total,
    top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([fn, ms]) => ({fn, ms, share: ms / total})),
  }
}

/** Time per function including its callees: what a phase costs as a whole. */
export function topInclusiveTime(profile, count = 25) {
  const keys = new Map(
    profile.nodes.map((n) => {
      const {name, file, line} = origin(n.callFrame)
      return [n.id, `${name || '(anonymous)'}  ${file}${file ? `:${line}` : ''}`]
    }),
  )
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const total = new Map()
  const deltas = profile.timeDeltas
  let sum = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000
    sum += ms
    const seen = new Set()
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const key = keys.get(id)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + ms)
    }
  }
  return {
    totalMs: sum,
    top: [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([fn, ms]) => ({fn, ms, share: ms / sum})),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const byFile = args.includes('--by-file')
  const inclusive = args.includes('--inclusive')
  const [file, count = '25'] = args.filter((a) => !a.startsWith('--'))
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const {totalMs, top} = inclusive ? topInclusiveTime(profile, Number(count)) : topSelfTime(profile, Number(count), byFile)
  console.log(`sampled ${totalMs.toFixed(0)} ms`)
  for (const t of top) console.log(`${t.ms.toFixed(1).padStart(9)} ms  ${(100 * t.share).toFixed(1).padStart(5)}%  ${t.fn}`)
}
