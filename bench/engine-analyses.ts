// What each analysis of the engine costs: one row per named analysis (a provider of
// rule-context.ts, e.g. "phrase hits", "numbers", "spun terms", "readability figures"), per
// rule, and for the terminology's word classes and trie walks, with its self time (time
// inside it, less the time of the analyses it asked for) per MB and its share of the lint.
// Run by bench/run.mjs through tsx on a part's 4x draft; the engine's code is not changed:
// the timers wrap LintContext.get, each rule's check and the Terminology methods from outside.
// Usage: node --import tsx bench/engine-analyses.ts <manifest.json> <part>  -> JSON on stdout
import {readFileSync} from 'node:fs'
import {lint} from '../server/src/engine/lint.js'
import {LintContext, type Provider, type Rule} from '../server/src/engine/rule-context.js'
import {RULES} from '../server/src/engine/rules/index.js'
import {ClassIndex} from '../server/src/engine/terminology/classes.js'
import {Terminology} from '../server/src/engine/terminology/terminology.js'

interface Scale {
  scale: number
  path: string
  bytes: number
}
const corpus = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {parts: Array<{name: string; scales: Scale[]}>}
const part = corpus.parts.find((p) => p.name === process.argv[3])
if (!part) throw new Error(`no corpus part named ${process.argv[3]}`)
const sample = part.scales.find((s) => s.scale === 4) ?? part.scales[part.scales.length - 1]
const RUNS = 3

// Self time by name: a stack of open timers, each charged its own time less its children's.
const self = new Map<string, number>()
const stack: Array<{start: bigint; children: number}> = []
function timed<T>(name: string, fn: () => T): T {
  const frame = {start: process.hrtime.bigint(), children: 0}
  stack.push(frame)
  try {
    return fn()
  } finally {
    stack.pop()
    const total = Number(process.hrtime.bigint() - frame.start) / 1e6
    self.set(name, (self.get(name) ?? 0) + total - frame.children)
    if (stack.length) stack[stack.length - 1].children += total
  }
}

// LintContext.get computes an analysis on its first call in a lint; later calls are lookups.
const get = LintContext.prototype.get
LintContext.prototype.get = function <T>(this: LintContext, p: Provider<T>): T {
  return timed(`analysis: ${p.name}`, () => get.call(this, p) as T)
}
// The word classes and the trie walks are kept per sentence by the analyses that ask first:
// charged here, not to whichever analysis happened to ask. A sentence's class spans are
// worked out on the first question a search asks (ClassIndex's compute), not when the
// terminology hands out the object that answers, so that is what is timed.
const wrap = (proto: Record<string, (...args: unknown[]) => unknown>, method: string, name: string): void => {
  const original = proto[method]
  if (typeof original !== 'function') throw new Error(`bench/engine-analyses.ts: no method ${method} to time`)
  proto[method] = function (this: unknown, ...args: unknown[]) {
    return timed(name, () => original.apply(this, args))
  }
}
wrap(ClassIndex.prototype as unknown as Record<string, (...args: unknown[]) => unknown>, 'compute', 'terminology: word classes (class spans)')
const proto = Terminology.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
wrap(proto, 'findMatches', 'terminology: phrase trie walk')
wrap(proto, 'unlessMatches', 'terminology: unless trie walk')
wrap(proto, 'withMatches', 'terminology: with trie walk')
wrap(proto, 'pageWithMatches', 'terminology: page-scoped with trie walk')
const rules: Rule[] = RULES.map((r) => ({...r, check: (ctx) => timed(`rule: ${r.id}`, () => r.check(ctx))}))

const text = readFileSync(sample.path, 'utf8')
lint('# Warm up\n\nCancer cells can spread to the bones.\n', {rules})
lint(text, {rules}) // JIT warm-up
const runs: Array<{total: number; self: Map<string, number>}> = []
for (let i = 0; i < RUNS; i++) {
  self.clear()
  const t = process.hrtime.bigint()
  timed('lint', () => lint(text, {rules}))
  runs.push({total: Number(process.hrtime.bigint() - t) / 1e6, self: new Map(self)})
}
// The median run by total time, reported whole (a median per name would mix runs).
const run = [...runs].sort((a, b) => a.total - b.total)[Math.floor(RUNS / 2)]
const mb = sample.bytes / 1e6
// "lint" itself is what no analysis or rule took: the parse, suppression, sorting.
const rows = [...run.self]
  .map(([name, ms]) => ({name: name === 'lint' ? 'parse and the rest (not in an analysis or rule)' : name, ms, msPerMB: ms / mb, share: ms / run.total}))
  .sort((a, b) => b.ms - a.ms)
process.stdout.write(JSON.stringify({bytes: sample.bytes, scale: sample.scale, totalMs: run.total, msPerMB: run.total / mb, rows}) + '\n')
