// A/B of two builds of oncolint on the same drafts: runs `node <checkout>/bin/oncolint.js
// --format json --concurrency off <files>` of each in turn, A B B A A B ..., and prints each
// one's mean CPU (user + system) and wall time and the ratio B/A. The machine may be shared:
// alternating in the same minutes and comparing ratios is what makes two figures comparable.
// Each checkout must be built (npm run build), e.g. a copy of main's bin/, dist/ and terminology/.
// Usage: node bench/ab-cli.mjs <checkout A> <checkout B> <runs> <draft>...
import {join, resolve} from 'node:path'
import {timeNode} from './lib/measure.mjs'

const [a, b, runsArg, ...files] = process.argv.slice(2)
const runs = Number(runsArg)
if (!a || !b || !Number.isInteger(runs) || runs < 1 || files.length === 0) {
  console.error('usage: node bench/ab-cli.mjs <checkout A> <checkout B> <runs> <draft>...')
  process.exit(2)
}
const checkouts = [resolve(a), resolve(b)]
const cpu = [[], []]
const wall = [[], []]
for (let run = 0; run < runs; run++) {
  // A then B, then B then A: neither always runs first on a machine whose load drifts.
  for (const k of run % 2 === 0 ? [0, 1] : [1, 0]) {
    const r = await timeNode([join(checkouts[k], 'bin/oncolint.js'), '--format', 'json', '--concurrency', 'off', ...files])
    if (r.code !== 0 && r.code !== 1) throw new Error(`${checkouts[k]} exited with ${r.code}: ${r.stderr}`)
    cpu[k].push(r.cpuMs / 1000)
    wall[k].push(r.ms / 1000)
  }
}
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length
for (const k of [0, 1]) {
  console.log(`${'AB'[k]} ${checkouts[k]}: CPU ${mean(cpu[k]).toFixed(2)} s, wall ${mean(wall[k]).toFixed(2)} s (CPU of each run: ${cpu[k].map((x) => x.toFixed(2)).join(' ')})`)
}
console.log(`B/A: CPU ${(mean(cpu[1]) / mean(cpu[0])).toFixed(3)}, wall ${(mean(wall[1]) / mean(wall[0])).toFixed(3)}`)
