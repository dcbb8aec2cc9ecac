import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {runInNewContext} from 'node:vm'
import {setFlagsFromString} from 'node:v8'
import {ParseCache, lint} from '../../server/src/engine/index.js'
import {ROOT, testTerminology} from '../helpers.js'

// A collection that can be run on demand: the heap is compared after full collections.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
setFlagsFromString('--no-expose-gc')

const heapAfterGc = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('reliability: memory of an edited document', () => {
  it('a long editing session keeps one version of the draft, not every version a chunk was first seen in', () => {
    // About 100 KB of prose; every edit changes one word somewhere.
    const dir = join(ROOT, 'test', 'fixtures', 'plain')
    const base = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n')
    // Each copy's paragraphs are made distinct: identical chunks share one parse, and edits
    // that set copies apart would add parses the draft really needs, not a leak.
    let text = Array.from({length: 6}, (_, i) => base.replaceAll('\n\n', `\n\n(${i}) `)).join('\n\n')
    assert.ok(text.length > 90_000, `${text.length}`)
    const terminology = testTerminology()
    const cache = new ParseCache()
    lint(text, {cache, terminology})
    const before = heapAfterGc()
    let seed = 9
    for (let i = 0; i < 150; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      const at = text.indexOf(' ', seed % text.length)
      if (at < 0) continue
      text = `${text.slice(0, at)} very${text.slice(at)}`
      lint(text, {cache, terminology})
    }
    const grownMB = (heapAfterGc() - before) / 1e6
    // Keeping every version alive grew the heap by 12.6 MB here; one version is about 0.2 MB
    // (docs/performance.md, "Memory over an editing session").
    assert.ok(grownMB < 5, `the heap grew by ${grownMB.toFixed(1)} MB over 150 edits`)
  })
})
