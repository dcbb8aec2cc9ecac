#!/usr/bin/env node
// One CI job versus eight shards (`--shard K/8`) on a generated documentation set of 20,000
// small drafts, as docs/ci.md proposes for a set too large for one job. Not part of npm test
// or npm run bench: it takes several minutes. Run it on a quiet machine after `npm run build`:
//
//   node bench/shards.mjs [--drafts 20000] [--shards 8] [--runs 3] [--no-write]
//
// The drafts (bench/.shards/docs/, git-ignored, rebuilt only when the generator or its
// sources change) are assembled like the main bench corpus (bench/lib/corpus.mjs) from the
// project's own texts: 80 to 200 words each, in 100 folders. Each shard runs as a CI job
// would, one after another on this machine: the time per shard is what each job of the
// matrix would spend linting. Measured per run (median of --runs):
//   cold        no cache: what the first run of each job costs
//   warm        --cache after a run that filled it, no draft changed
//   1% changed  --cache after 1% of the drafts (spread over all shards) were edited
// The table and how it was taken replace the "Shards" section of bench/RESULTS.md.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {gzipSync} from 'node:zlib'
import {makeDraft, readPool, sourceFiles} from './lib/corpus.mjs'
import {median, timeNode} from './lib/measure.mjs'
import {SHARDS_SECTION_MARK as SECTION_MARK} from './lib/results-sections.mjs'
import {fmtMs} from './lib/table.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const {values: opts} = parseArgs({options: {drafts: {type: 'string', default: '20000'}, shards: {type: 'string', default: '8'}, runs: {type: 'string', default: '3'}, 'no-write': {type: 'boolean', default: false}}})
const DRAFTS = Number(opts.drafts)
const SHARDS = Number(opts.shards)
const RUNS = Number(opts.runs)
const FOLDERS = 100
const GENERATOR_VERSION = 1

const BIN = join(ROOT, 'bin', 'oncolint.js')
const log = (msg) => process.stderr.write(`shards: ${msg}\n`)

/** Writes the drafts under bench/.shards/docs (unless already there for these sources); returns their count and words. */
function buildDocs(dir) {
  const sources = sourceFiles(ROOT)
  const hash = createHash('sha256').update(`${GENERATOR_VERSION}:${DRAFTS}:${FOLDERS}`)
  for (const f of sources) hash.update(readFileSync(f))
  const key = hash.digest('hex').slice(0, 16)
  const manifest = join(dir, 'manifest.json')
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).key === key) return JSON.parse(readFileSync(manifest, 'utf8'))
  log(`writing ${DRAFTS} drafts into ${dir}`)
  rmSync(dir, {recursive: true, force: true})
  const pool = readPool(sources)
  let words = 0
  let bytes = 0
  const files = []
  for (let i = 0; i < DRAFTS; i++) {
    const folder = join(dir, 'docs', `section-${String(i % FOLDERS).padStart(3, '0')}`)
    if (i < FOLDERS) mkdirSync(folder, {recursive: true})
    const text = makeDraft(pool, `shard-draft-${i}`, 80 + (i % 121))
    const file = join(folder, `draft-${String(i).padStart(5, '0')}.md`)
    writeFileSync(file, text)
    files.push(file)
    words += (text.match(/\S+/g) ?? []).length
    bytes += Buffer.byteLength(text)
  }
  const m = {key, drafts: DRAFTS, words, bytes, files}
  writeFileSync(manifest, JSON.stringify(m))
  return m
}

/** One lint of docs/ (or of a shard of it) as a CI job runs it: SARIF to a file. Returns ms and the number of findings. */
async function lint(dir, {shard, cache}) {
  const out = join(dir, `out-${shard ?? 'all'}.sarif`)
  const args = [BIN, '--debug', '--format', 'sarif', '--output-file', out, ...(shard ? ['--shard', `${shard}/${SHARDS}`] : []), ...(cache ? ['--cache', '--cache-location', join(dir, `cache-${shard ?? 'all'}`)] : []), 'docs']
  const r = await timeNode(args, {cwd: dir})
  if (r.code !== 0 && r.code !== 1) throw new Error(`oncolint exited ${r.code}: ${r.stderr}`)
  const sarif = readFileSync(out)
  const results = JSON.parse(sarif.toString('utf8')).runs[0].results
  return {ms: r.ms, findings: results.length, gzipBytes: gzipSync(sarif).length, files: Number(/debug: (\d+) files/.exec(r.stderr)?.[1])}
}

/** Edits 1% of the drafts (every hundredth, so every shard gets some): one sentence appended. */
function touchOnePercent(files, round) {
  for (let i = round; i < files.length; i += 100) writeFileSync(files[i], `${readFileSync(files[i], 'utf8')}\nEdit ${round}: the team will talk with you about it.\n`)
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('bench/shards.mjs: run npm run build first')
  const dir = join(ROOT, 'bench', '.shards')
  const docs = buildDocs(dir)
  const load = os.loadavg()
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const jobs = [undefined, ...Array.from({length: SHARDS}, (_, i) => i + 1)]
  const name = (shard) => (shard ? `shard ${shard}/${SHARDS}` : 'one job')
  const rows = new Map(jobs.map((s) => [s, {cold: [], warm: [], changed: [], findings: undefined, files: undefined, gzipBytes: undefined}]))

  for (let run = 0; run < RUNS; run++) {
    for (const shard of jobs) {
      log(`run ${run + 1}/${RUNS}: ${name(shard)}, cold`)
      const cold = await lint(dir, {shard})
      rows.get(shard).cold.push(cold.ms)
      rows.get(shard).findings = cold.findings
      rows.get(shard).files = cold.files
      rows.get(shard).gzipBytes = cold.gzipBytes
    }
  }
  // Warm: each job's own cache, filled once, then runs with nothing changed, then runs after 1% of the drafts changed.
  for (const shard of jobs) {
    rmSync(join(dir, `cache-${shard ?? 'all'}`), {force: true})
    await lint(dir, {shard, cache: true})
  }
  for (let run = 0; run < RUNS; run++) for (const shard of jobs) rows.get(shard).warm.push((await lint(dir, {shard, cache: true})).ms)
  for (let run = 0; run < RUNS; run++) {
    touchOnePercent(docs.files, run + 1)
    for (const shard of jobs) rows.get(shard).changed.push((await lint(dir, {shard, cache: true})).ms)
  }
  const endLoad = os.loadavg()
  // The edits made the drafts differ from what the manifest describes: the next run writes them anew.
  rmSync(join(dir, 'manifest.json'), {force: true})

  const whole = rows.get(undefined)
  const shardRows = jobs.filter(Boolean).map((s) => rows.get(s))
  const sumFindings = shardRows.reduce((n, r) => n + r.findings, 0)
  if (sumFindings !== whole.findings) throw new Error(`the shards found ${sumFindings} problems, the whole run ${whole.findings}`)
  const med = (r, k) => median(r[k])
  const cell = (ms) => fmtMs(ms)
  const lines = [
    '| job | drafts | findings (SARIF results) | SARIF, gzipped | cold | warm --cache | --cache, 1% changed |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...jobs.map((s) => {
      const r = rows.get(s)
      return `| ${name(s)} | ${r.files.toLocaleString('en')} | ${r.findings.toLocaleString('en')} | ${(r.gzipBytes / 1e6).toFixed(2)} MB | ${cell(med(r, 'cold'))} | ${cell(med(r, 'warm'))} | ${cell(med(r, 'changed'))} |`
    }),
    `| ${SHARDS} shards: slowest (the matrix's wall time) | | | | ${cell(Math.max(...shardRows.map((r) => med(r, 'cold'))))} | ${cell(Math.max(...shardRows.map((r) => med(r, 'warm'))))} | ${cell(Math.max(...shardRows.map((r) => med(r, 'changed'))))} |`,
    `| ${SHARDS} shards: sum (machine time the matrix spends) | ${shardRows.reduce((n, r) => n + r.files, 0).toLocaleString('en')} | ${sumFindings.toLocaleString('en')} | | ${cell(shardRows.reduce((n, r) => n + med(r, 'cold'), 0))} | ${cell(shardRows.reduce((n, r) => n + med(r, 'warm'), 0))} | ${cell(shardRows.reduce((n, r) => n + med(r, 'changed'), 0))} |`,
  ]
  const cpu = os.cpus()
  const section = `${SECTION_MARK}
## Shards: one CI job versus ${SHARDS} (bench/shards.mjs)

- Date: ${date}; load average at start ${load.map((l) => l.toFixed(2)).join(' ')}, at end ${endLoad.map((l) => l.toFixed(2)).join(' ')}
- Machine: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} cores, Node ${process.version}; oncolint's default --concurrency (auto: one thread on two cores)
- Drafts (bench/.shards, generated from the project's own texts): ${docs.drafts.toLocaleString('en')} Markdown drafts of 80 to 200 words in ${FOLDERS} folders, ${docs.words.toLocaleString('en')} words, ${(docs.bytes / 1e6).toFixed(1)} MB

${lines.join('\n')}

How it was taken: each job is \`node bin/oncolint.js [--shard K/${SHARDS}] --format sarif --output-file F docs\` from bench/.shards, the jobs run one after another on this machine (in CI each shard is a job of its own, on a machine of its own, so a matrix takes as long as its slowest shard). Cold: no cache, median of ${RUNS} runs. Warm: each job with its own \`--cache-location\`, filled by one run, then ${RUNS} runs with nothing changed (median). 1% changed: before each of ${RUNS} rounds, one draft in a hundred (spread over every shard) had a sentence appended; median of the rounds. The shards' findings add up to the one job's (checked). A job's time includes starting Node and oncolint and, when anything is linted, loading the terminology: every shard pays that, which is why ${SHARDS} shards together spend more machine time than one job.
`
  process.stdout.write(`\n${section}`)
  if (!opts['no-write']) {
    const file = join(ROOT, 'bench', 'RESULTS.md')
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : ''
    const at = existing.indexOf(SECTION_MARK)
    writeFileSync(file, `${(at >= 0 ? existing.slice(0, at) : existing).trimEnd()}\n\n${section}`)
    log('written to bench/RESULTS.md')
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
