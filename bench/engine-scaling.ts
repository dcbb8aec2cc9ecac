// In-process engine figures, run by bench/run.mjs through tsx (the engine's TypeScript source,
// no process start-up in the numbers):
//  - linearity: lint of the big draft at 1x, 2x, 4x, 8x its size, time per MB;
//  - a one-word edit on the big draft with a ParseCache, the engine's side of the editor case
//    (what the server reaches once it keeps one cache per open document).
// Usage: node --import tsx bench/engine-scaling.ts <manifest.json> <part>  -> JSON on stdout
import {readFileSync} from 'node:fs'
import {lint} from '../server/src/engine/lint.js'
import {ParseCache} from '../server/src/engine/parse/draft.js'

interface Scale {
  scale: number
  path: string
  bytes: number
  words: number
}

const corpus = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {parts: Array<{name: string; scales: Scale[]; big: Scale}>}
const manifest = corpus.parts.find((p) => p.name === process.argv[3])
if (!manifest) throw new Error(`no corpus part named ${process.argv[3]}`)
const RUNS = 3
const EDITS = 50

const time = (fn: () => unknown): number => {
  const t = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t) / 1e6
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1]
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]

// The first lint pays for loading and compiling the terminology: measured apart.
const firstMs = time(() => lint('# Warm up\n\nCancer cells can spread to the bones.\n'))

// Sizes measured round-robin (1x 2x 4x 8x, three times), so a change in the machine's load
// during the run falls on every size alike instead of skewing the per-MB curve.
const texts = manifest.scales.map((s) => readFileSync(s.path, 'utf8'))
lint(texts[0]) // warm-up (JIT)
const runs: number[][] = texts.map(() => [])
for (let round = 0; round < RUNS; round++) texts.forEach((text, i) => runs[i].push(time(() => lint(text))))
const scales = manifest.scales.map((s, i) => {
  const ms = median(runs[i])
  return {scale: s.scale, bytes: s.bytes, words: s.words, ms, msPerMB: ms / (s.bytes / 1e6)}
})

// One-word edits with a cache, as an editor would send them: a word replaced at a seeded
// place; the cache holds the previous version's chunks.
let seed = 42
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
let text = readFileSync(manifest.big.path, 'utf8')
const cache = new ParseCache()
const fullWithCacheMs = time(() => lint(text, {cache}))
const words = ['cells', 'doctors', 'often', 'body', 'blood', 'treatment', 'tumor', 'people', 'care', 'spread']
const editMs: number[] = []
for (let i = 0; i < EDITS + 5; i++) {
  const spots = [...text.matchAll(/(?<![\w#])[a-z]{4,}(?!\w)/g)]
  const m = spots[Math.floor(rand() * spots.length)]
  text = text.slice(0, m.index) + words[Math.floor(rand() * words.length)] + text.slice(m.index! + m[0].length)
  const ms = time(() => lint(text, {cache}))
  if (i >= 5) editMs.push(ms) // the first five are warm-up
}

process.stdout.write(
  JSON.stringify({firstMs, scales, edit: {fullWithCacheMs, p50: median(editMs), p95: p95(editMs), n: editMs.length}}) + '\n',
)
