// `npm run bench`: oncolint against its peers and its own targets (issues 8 and 19), measured
// in one run on this machine on each part of the corpus (bench/lib/corpus.mjs: project
// fixtures, spun pages, trusted pages), every target judged on the part where it does worst;
// printed and written to bench/RESULTS.md.
//
// Options: --skip-peers          leave the peers out (no install, no runs)
//          --runs N              measured runs of the oncolint CLI (default 3, after a warm-up)
//          --peer-runs N         measured full runs of each peer (default 1; the fastest kept)
//          --no-build            measure dist/ as it is instead of rebuilding it first
//          --profile             afterwards, CPU-profile the CLI and the server and print the
//                                top self-time functions (profiles kept in bench/.profiles/)
//          --profile-part NAME   the corpus part profiled (default spun)
//          --parts a,b           measure only these corpus parts (project, spun, trusted)
//          --no-write            print the tables but leave bench/RESULTS.md as it is
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {DRAFTS, buildCorpus} from './lib/corpus.mjs'
import {measureServer} from './lib/lsp.mjs'
import {median, rssMethod, timeNode} from './lib/measure.mjs'
import {installPeers, peerCommands} from './lib/peers.mjs'
import {fmtMB, fmtMs, fmtRate, markdownTable, verdict} from './lib/table.mjs'
import {topSelfTime} from './profile-top.mjs'
import {SHARDS_SECTION_MARK} from './lib/results-sections.mjs'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const CORPUS = join(ROOT, 'bench', '.corpus')
const PEERS = join(ROOT, 'bench', '.peers')
const PROFILES = join(ROOT, 'bench', '.profiles')
// The programs measured are a copy of bin/, dist/ and terminology/ taken right after the
// build: other work in the same tree may rebuild dist/ while the bench runs, and every figure
// of one run must come from the same build.
const APP = join(CORPUS, 'app')
const CLI = join(APP, 'bin', 'oncolint.js')

function snapshotApp() {
  rmSync(APP, {recursive: true, force: true})
  for (const part of ['bin', 'terminology', 'package.json']) cpSync(join(ROOT, part), join(APP, part), {recursive: true})
  // dist/terminology.json is used only while the YAML files' sizes and mtimes (in whole ms)
  // match its stamp. Copied times can land 1 ms off (seconds as a double), so each is set to
  // the middle of its millisecond, which truncates back to the same whole ms.
  // Subfolders too (terminology/classes/): one stale time and the app compiles the YAML at
  // every start, several times slower than the program users run.
  for (const f of readdirSync(join(ROOT, 'terminology'), {recursive: true})) {
    const seconds = (Math.trunc(statSync(join(ROOT, 'terminology', f)).mtimeMs) + 0.5) / 1000
    utimesSync(join(APP, 'terminology', f), seconds, seconds)
  }
  mkdirSync(join(APP, 'dist'))
  // The bundles, their source maps (for profiles), their V8 code caches, the compiled terminology, spun-term index and promotion model.
  for (const f of readdirSync(join(ROOT, 'dist')).filter((f) => /^(cli|server)\.js(\.map|\.cache)?$|^(terminology|spun-index|claim-model)\.json$/.test(f))) cpSync(join(ROOT, 'dist', f), join(APP, 'dist', f))
}

const TARGETS = {
  textlintRatio: 10, // cold CLI at least 10x faster than textlint + terminology
  writeGoodRatio: 1, // and faster than write-good
  warmCacheMs: 300,
  editP95Ms: 50,
  firstLintMs: 500,
  startupMs: 300,
  rssMB: 150,
  perMBGrowth: 1.2, // time per MB at 8x at most this times the time per MB at 1x
}

const {values: opts} = parseArgs({
  options: {
    'skip-peers': {type: 'boolean', default: false},
    runs: {type: 'string', default: '5'},
    'peer-runs': {type: 'string', default: '1'},
    'no-build': {type: 'boolean', default: false},
    profile: {type: 'boolean', default: false},
    'profile-part': {type: 'string'},
    parts: {type: 'string'},
    'no-write': {type: 'boolean', default: false},
  },
})
const RUNS = Math.max(1, Number(opts.runs))
const PEER_RUNS = Math.max(1, Number(opts['peer-runs']))
const log = (msg) => process.stderr.write(`bench: ${msg}\n`)
const started = process.hrtime.bigint()

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU'
  return {model: model.trim(), cores: os.availableParallelism(), node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), load: os.loadavg()}
}

/** oncolint's own report, counted: the number of messages in its JSON. */
const countJson = (file) => JSON.parse(readFileSync(file, 'utf8')).reduce((n, f) => n + f.messages.length, 0)
/** Wall time, with the CPU time (all threads) beside it when known. */
const wallCpu = (r) => (Number.isFinite(r.cpuMs) ? `${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)})` : fmtMs(r.ms))

/**
 * Several commands measured in turn after one shared warm-up; the median of each. The order
 * turns with each run (A B C, B C A, C A B ...): a command that always runs right after the
 * same one does not measure the same as it, even when both do the same work
 * (docs/performance.md, "Worker threads").
 */
async function runCliInTurn(commands, runs, warmArgs) {
  log(`${commands[0].label}: warm-up`)
  const warm = await timeNode(warmArgs, {cwd: ROOT, stdoutFile: commands[0].out})
  if (warm.code !== 0 && warm.code !== 1) throw new Error(`the warm-up failed (exit ${warm.code}): ${warm.stderr.slice(0, 800)}`)
  const results = commands.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < commands.length; j++) {
      const k = (i + j) % commands.length
      const command = commands[k]
      log(`${command.label}: run ${i + 1}/${runs}`)
      const r = await timeNode(command.args, {cwd: ROOT, stdoutFile: command.out})
      if (r.code !== 0 && r.code !== 1) throw new Error(`${command.label} failed (exit ${r.code}): ${r.stderr.slice(0, 800)}`)
      results[k].push(r)
    }
  }
  return commands.map((command, k) => ({
    ms: median(results[k].map((r) => r.ms)),
    cpuMs: median(results[k].map((r) => r.cpuMs)),
    rssMB: Math.max(...results[k].map((r) => r.rssMB)),
    findings: command.json ? countJson(command.out) : undefined,
    // With --debug, how many files each run took from the cache.
    hits: results[k].map((r) => /(\d+) from the cache/.exec(r.stderr)?.[1]).filter(Boolean).map(Number),
  }))
}

async function main() {
  const env = machine()
  if (!opts['no-build']) {
    log('building dist/ (npm run build)')
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {cwd: ROOT, encoding: 'utf8'})
    if (b.status !== 0) throw new Error(`the build failed; fix it or pass --no-build to measure dist/ as it is:\n${b.stderr.slice(0, 2000)}`)
  }

  log('corpus')
  const corpus = buildCorpus(ROOT, CORPUS)
  snapshotApp()
  mkdirSync(join(CORPUS, 'out'), {recursive: true})
  const peers = opts['skip-peers'] ? [] : (() => {
    const failed = installPeers(PEERS, log)
    return {failed, commands: peerCommands(PEERS, ROOT)}
  })()
  const wanted = opts.parts ? opts.parts.split(',') : corpus.parts.map((p) => p.name)
  const results = []
  for (const part of corpus.parts.filter((p) => wanted.includes(p.name))) results.push(await measurePart(part, peers))

  const notes = []
  if (opts['skip-peers']) notes.push('Peers skipped (--skip-peers).')
  else for (const [name, why] of Object.entries(peers.failed)) notes.push(`${name} could not be installed, skipped: ${why}`)
  // Each part notes how the peers were set up: said once.
  for (const r of results) for (const n of r.notes) if (!notes.includes(n)) notes.push(n)
  const summary = markdownTable(judge(results), ['target', ...results.map((r) => r.part.label), 'hardest part', 'result'])
  const sections = results.map((r) => `### ${r.part.label} (${r.part.name})\n\n${r.describe}\n\n${markdownTable(r.rows)}\n\nWhat each analysis costs (self time in the engine, in process, on this part's ${r.analyses.scale}x draft, ${(r.analyses.bytes / 1e6).toFixed(2)} MB, linted in ${fmtMs(r.analyses.totalMs)}, ${fmtMs(r.analyses.msPerMB)}/MB; "adds to the cold run" is its time per MB times the part's ${(r.part.bytes / 1e6).toFixed(2)} MB, the CPU time it adds to the cold CLI run of this part):\n\n${markdownTable(analysisRows(r), ANALYSIS_COLUMNS)}`)
  const endLoad = os.loadavg()
  const minutes = Number(process.hrtime.bigint() - started) / 6e10
  const last = results[results.length - 1]
  const report = `# oncolint benchmark results

Generated by \`npm run bench\` (bench/run.mjs) — do not edit by hand.

- Machine: ${env.model}, ${env.cores} cores, Node ${env.node}, ${process.platform}
- Date: ${env.date}; load average at start ${env.load.map((l) => l.toFixed(2)).join(' ')}, at end ${endLoad.map((l) => l.toFixed(2)).join(' ')} (a shared machine: figures move with the load)
- Corpus (bench/.corpus): ${results.length} parts of ${DRAFTS} drafts each, measured one after the other; each part's sources are listed under its table.
- MB = 10^6 bytes of UTF-8. Peak RSS of commands by ${rssMethod}; of the server from /proc/<pid>/status (VmRSS, VmHWM)

## Targets, each judged on the hardest part

Each cell is that part's figure; "hardest part" is the part with the worst figure, and the result is judged on it.

${summary}

## Each part

${sections.join('\n\n')}

## How each figure was taken

- The CLI and the server measured are a copy of bin/, dist/ and terminology/ taken right after the build (bench/.corpus/app), so a rebuild by other work in the tree cannot change the program halfway through the run.
- oncolint CLI: \`node bin/oncolint.js <${DRAFTS} files>\` (default output, as the peers run), \`--format json\` and \`--format json --concurrency off\`, one warm-up run on 10 drafts, then the three in turn (the order turning with each run), median of ${RUNS} each; the findings column of the default run is the JSON run's count; with --cache, a full run fills the cache, then the default output and \`--format json\` in turn, median of ${RUNS} each; the findings column counts the messages in the JSON report.
- Peers: each through its own command line on the same ${DRAFTS} files of the part (absolute paths), one warm-up run on one draft, then ${PEER_RUNS} full run(s), the fastest kept. "peer / oncolint" is the peer's time over oncolint's cold time with the default output; "vs JSON" the same over the \`--format json\` time.
- Server: \`node bin/oncolint.js --stdio\` spoken to with vscode-languageserver-protocol; the client announces pull diagnostics (as VS Code does)${last?.fig.lsp.pull ? ' and the server offers them, so each figure ends when the textDocument/diagnostic response arrives' : ', which this server does not offer: each figure ends at publishDiagnostics'}. Startup: spawn to the initialize result, median over the servers started. First lint: didOpen of the part's big draft to its diagnostics in a fresh server (includes loading the terminology), median over 4 servers. Edits: one-word incremental didChange (after 5 warm-up edits), each followed at once by didSave, which lints without the 150 ms typing debounce, then the diagnostics; the p95 row is taken with a second lint job running beside the server the whole time (\`oncolint --concurrency off --format json\` over the part's drafts, started again as it ends), the quiet row with none. Bytes per edit: what the server wrote to the client from the didChange to the diagnostics (the diagnostics or an "unchanged" report, and the status-bar stats). RSS row: a fresh server, 50 of the part's drafts opened (all diagnosed in the time shown), VmRSS read 0.5 s later.
- Engine (in process, tsx, bench/engine-scaling.ts): the part's big draft at 1x, 2x, 4x, 8x (the larger ones append other 20,000-word drafts, not copies), one warm-up lint, then the sizes in turn three times (median per size). Cached edits: one ParseCache across 50 one-word edits of the big draft (after 5 warm-up edits).
- Analyses (bench/engine-analyses.ts): the engine's LintContext.get, each rule's check, the terminology's trie walks (find, unless, with, page-scoped with) and the word classes where a sentence's spans are worked out (ClassIndex's compute) wrapped in timers from outside the engine; self time is the time inside one less the time of those it called; the median of 3 lints by total. The timers add a little to the total.
${notes.map((n) => `- ${n}`).join('\n')}
- Whole bench: ${minutes.toFixed(1)} minutes.
`
  // The section bench/shards.mjs writes is its own: kept as it is.
  const previous = existsSync(join(ROOT, 'bench', 'RESULTS.md')) ? readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8') : ''
  const shards = previous.indexOf(SHARDS_SECTION_MARK)
  if (!opts['no-write']) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), shards >= 0 ? `${report}\n${previous.slice(shards)}` : report)
  process.stdout.write(`\n${env.model}, ${env.cores} cores, Node ${env.node}, ${env.date}, load ${env.load.map((l) => l.toFixed(2)).join(' ')} → ${endLoad.map((l) => l.toFixed(2)).join(' ')}\n\n${summary}\n\n${sections.join('\n\n')}\n\n${opts['no-write'] ? 'Not written (--no-write).' : 'Written to bench/RESULTS.md (with how each figure was taken).'}\n`)

  if (opts.profile) await profile(corpus.parts.find((p) => p.name === (opts['profile-part'] ?? 'spun')))
}

const ANALYSIS_COLUMNS = ['analysis', 'self time', 'per MB', 'share of the lint', 'adds to the cold run']
const analysisRows = (r) =>
  r.analyses.rows
    .filter((a) => a.share >= 0.001)
    .map((a) => ({analysis: a.name, 'self time': fmtMs(a.ms), 'per MB': `${fmtMs(a.msPerMB)}/MB`, 'share of the lint': `${(100 * a.share).toFixed(1)}%`, 'adds to the cold run': `${fmtMs(a.msPerMB * (r.part.bytes / 1e6))} CPU`}))

/** Every figure of one corpus part: its rows, the figures the targets read, notes. */
async function measurePart(part, peers) {
  const files = part.drafts
  const corpusMB = part.bytes / 1e6
  const out = (name) => join(CORPUS, 'out', `${part.name}-${name}`)
  const rows = []
  const notes = []
  const fig = {}
  log(`--- part ${part.name}: ${files.length} drafts, ${corpusMB.toFixed(2)} MB`)

  // --- oncolint CLI, cold ---------------------------------------------------------------
  // As the peers are run: oncolint's default output (stylish), the ratio's base; beside it the
  // JSON report (which also carries readability figures for every paragraph, work no peer
  // does) and one thread (--concurrency off: what worker threads bring on this machine). Run in
  // turn, so a change in the machine's speed during the run falls on all alike. The warm-up
  // lints 10 drafts: enough to load the program and the data from disk.
  const [cold, json, single] = await runCliInTurn(
    [
      {label: `${part.name}: oncolint cold`, args: [CLI, ...files], out: out('oncolint.txt')},
      {label: `${part.name}: oncolint cold, JSON`, args: [CLI, '--format', 'json', ...files], out: out('oncolint.json'), json: true},
      {label: `${part.name}: oncolint cold, one thread`, args: [CLI, '--concurrency', 'off', '--format', 'json', ...files], out: out('oncolint-single.json'), json: true},
    ],
    RUNS,
    [CLI, '--format', 'json', ...files.slice(0, 10)],
  )
  cold.findings = json.findings
  fig.cold = cold
  fig.json = json
  rows.push({measure: `oncolint CLI, cold, ${files.length} drafts (default output)`, time: wallCpu(cold), throughput: fmtRate(corpusMB / (cold.ms / 1000)), 'peak RSS': fmtMB(cold.rssMB), findings: cold.findings, 'peer / oncolint': '1.0x'})
  rows.push({measure: 'oncolint CLI, cold, --format json (with per-paragraph stats)', time: wallCpu(json), throughput: fmtRate(corpusMB / (json.ms / 1000)), 'peak RSS': fmtMB(json.rssMB), findings: json.findings})
  if (single.findings !== json.findings) notes.push(`**${part.name}: one thread reported ${single.findings} findings, the default ${json.findings}: threads change results.**`)
  rows.push({measure: 'oncolint CLI, cold, --format json, one thread (--concurrency off)', time: wallCpu(single), throughput: fmtRate(corpusMB / (single.ms / 1000)), 'peak RSS': fmtMB(single.rssMB), findings: single.findings})

  // --- oncolint CLI, warm --cache ---------------------------------------------------------
  const location = join(CORPUS, `oncolintcache-${part.name}`)
  rmSync(location, {recursive: true, force: true})
  const base = [CLI, '--cache', '--cache-location', location, '--debug']
  // As the cold row: the default output and the JSON report, in turn. The warm-up run fills
  // the cache; the measured runs find every file unchanged.
  const [warm, warmJson] = await runCliInTurn(
    [
      {label: `${part.name}: oncolint --cache`, args: [...base, ...files], out: out('oncolint-cache.txt')},
      {label: `${part.name}: oncolint --cache, JSON`, args: [...base, '--format', 'json', ...files], out: out('oncolint-cache.json'), json: true},
    ],
    RUNS,
    [...base, '--format', 'json', ...files],
  )
  const hits = [...warm.hits, ...warmJson.hits]
  if (hits.some((h) => h < files.length)) notes.push(`${part.name}: --cache took ${hits.join(', ')} of ${files.length} files from the cache in the measured runs (a miss means the terminology or config changed between runs).`)
  if (warmJson.findings !== cold.findings) notes.push(`**${part.name}: --cache reported ${warmJson.findings} findings, the cold run ${cold.findings}: the cache changes results.**`)
  fig.warm = Math.max(warm.ms, warmJson.ms)
  rows.push({measure: 'oncolint CLI, warm --cache (default output)', time: wallCpu(warm), throughput: fmtRate(corpusMB / (warm.ms / 1000)), 'peak RSS': fmtMB(warm.rssMB), findings: warmJson.findings, target: `< ${TARGETS.warmCacheMs} ms`, result: verdict(warm.ms < TARGETS.warmCacheMs)})
  rows.push({measure: 'oncolint CLI, warm --cache, --format json', time: wallCpu(warmJson), throughput: fmtRate(corpusMB / (warmJson.ms / 1000)), 'peak RSS': fmtMB(warmJson.rssMB), findings: warmJson.findings, target: `< ${TARGETS.warmCacheMs} ms`, result: verdict(warmJson.ms < TARGETS.warmCacheMs)})

  // --- peers -----------------------------------------------------------------------------
  for (const peer of peers.commands ?? []) {
    const outFile = out(`${peer.name}.out`)
    log(`${part.name}: ${peer.name}: warm-up on one draft`)
    await timeNode(peer.args(files.slice(0, 1)), {cwd: peer.cwd ?? ROOT, stdoutFile: outFile})
    const runs = []
    for (let i = 0; i < PEER_RUNS; i++) {
      log(`${part.name}: ${peer.name}: full run ${i + 1}/${PEER_RUNS}`)
      runs.push(await timeNode(peer.args(files), {cwd: peer.cwd ?? ROOT, stdoutFile: outFile}))
    }
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
    let findings
    try {
      findings = peer.count(readFileSync(outFile, 'utf8'), best.stderr)
    } catch (e) {
      notes.push(`${part.name}: ${peer.name}: its output could not be read (${e.message}); exit ${best.code}: ${best.stderr.slice(0, 300)}`)
    }
    const ratio = best.ms / cold.ms
    const ratioJson = best.ms / json.ms
    fig[peer.name] = {ratio, ratioJson}
    const target = peer.name === 'textlint' ? TARGETS.textlintRatio : peer.name === 'write-good' ? TARGETS.writeGoodRatio : undefined
    rows.push({
      measure: peer.label,
      time: wallCpu(best),
      throughput: fmtRate(corpusMB / (best.ms / 1000)),
      'peak RSS': fmtMB(best.rssMB),
      findings: findings ?? '?',
      'peer / oncolint': `${ratio.toFixed(1)}x (vs JSON ${ratioJson.toFixed(1)}x)`,
      target: target === undefined ? '' : target === 1 ? 'oncolint faster, both outputs' : `≥ ${target}x`,
      result: target === undefined ? '' : verdict(target === 1 ? Math.min(ratio, ratioJson) > 1 : ratio >= target),
    })
    notes.push(`${peer.label}: ${peer.note}.`)
  }

  // --- engine in process: linearity, the cached edit, the analyses --------------------------
  log(`${part.name}: engine in process (tsx): linearity, cached edits, analyses`)
  const manifestPath = join(CORPUS, 'manifest.json')
  const inProcess = (script) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), manifestPath, part.name], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24})
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr.slice(0, 2000)}`)
    return JSON.parse(r.stdout)
  }
  const eng = inProcess('engine-scaling.ts')
  const analyses = inProcess('engine-analyses.ts')

  // --- language server ---------------------------------------------------------------------
  log(`${part.name}: language server`)
  const loadArgs = [CLI, '--concurrency', 'off', '--format', 'json', ...files.slice(0, 40)]
  const lsp = await measureServer({root: ROOT, app: APP, bigPath: part.big.path, draftPaths: files.slice(0, 50), loadArgs})
  const bigLabel = `${(part.big.words / 1000).toFixed(1)}k-word draft`
  fig.lsp = lsp
  rows.push({measure: `server startup (spawn → initialize result, median of ${lsp.startups})`, time: fmtMs(lsp.startupMs), 'peak RSS': fmtMB(lsp.idle.rssMB), target: `< ${TARGETS.startupMs} ms`, result: verdict(lsp.startupMs < TARGETS.startupMs)})
  rows.push({measure: `server first lint, ${bigLabel} (didOpen → diagnostics, median of ${lsp.firstLints})`, time: fmtMs(lsp.firstLintMs), throughput: fmtRate(part.big.bytes / 1e6 / (lsp.firstLintMs / 1000)), findings: lsp.firstDiagnostics, target: `< ${TARGETS.firstLintMs} ms`, result: verdict(lsp.firstLintMs < TARGETS.firstLintMs)})
  rows.push({measure: `server one-word edit p50 / p95, quiet (${lsp.quietEdit.n} edits, no debounce)`, time: `${fmtMs(lsp.quietEdit.p50)} / ${fmtMs(lsp.quietEdit.p95)}`})
  rows.push({measure: `server one-word edit p50, a second lint job beside it`, time: fmtMs(lsp.edit.p50)})
  rows.push({measure: `server one-word edit p95, a second lint job beside it (${lsp.edit.n} edits)`, time: fmtMs(lsp.edit.p95), target: `< ${TARGETS.editP95Ms} ms`, result: verdict(lsp.underLoad && lsp.edit.p95 < TARGETS.editP95Ms)})
  rows.push({measure: `server bytes sent per one-word edit, median / max (${lsp.quietEdit.unchanged + lsp.edit.unchanged} of ${lsp.quietEdit.n + lsp.edit.n} "unchanged")`, time: `${fmtKB(Math.max(lsp.quietEdit.bytesMedian, lsp.edit.bytesMedian))} / ${fmtKB(Math.max(lsp.quietEdit.bytesMax, lsp.edit.bytesMax))}`})
  rows.push({measure: `server RSS, ${lsp.openDrafts} drafts open`, time: fmtMs(lsp.openAllMs), 'peak RSS': `${fmtMB(lsp.withDrafts.rssMB)} (peak ${fmtMB(lsp.withDrafts.peakMB)})`, target: `< ${TARGETS.rssMB} MB`, result: verdict(lsp.withDrafts.rssMB < TARGETS.rssMB)})
  rows.push({measure: `engine one-word edit p50 / p95 with ParseCache (in process)`, time: `${fmtMs(eng.edit.p50)} / ${fmtMs(eng.edit.p95)}`})

  const first = eng.scales[0]
  for (const s of eng.scales) {
    const growth = s.msPerMB / first.msPerMB
    const isLast = s === eng.scales[eng.scales.length - 1]
    rows.push({
      measure: `engine lint ${s.scale}x (${(s.words / 1000).toFixed(0)}k words, ${(s.bytes / 1e6).toFixed(2)} MB)`,
      time: fmtMs(s.ms),
      throughput: `${fmtMs(s.msPerMB)}/MB (${growth.toFixed(2)}x of 1x)`,
      target: isLast ? `≤ ${TARGETS.perMBGrowth}x of 1x per MB` : '',
      result: isLast ? verdict(growth <= TARGETS.perMBGrowth) : '',
    })
  }
  fig.growth = eng.scales[eng.scales.length - 1].msPerMB / first.msPerMB
  const rel = (p) => relative(ROOT, p)
  const describe = `${files.length} drafts, ${part.words.toLocaleString('en')} words, ${corpusMB.toFixed(2)} MB, ${(json.findings / (part.bytes / 12000)).toFixed(0)} findings per 12 KB; big draft ${part.big.words.toLocaleString('en')} words (${(part.big.bytes / 1e6).toFixed(2)} MB). Made from ${[...new Set(part.sources.map(rel))].join(', ')}.`
  return {part, rows, notes, fig, analyses, describe}
}

const fmtKB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(bytes < 10000 ? 1 : 0)} KB` : 'n/a')

/**
 * One row per target: each part's figure, the hardest part (the worst figure) and the verdict
 * on it. A part that was not measured (a peer skipped) leaves its cell blank.
 */
function judge(results) {
  const targets = [
    {target: `cold CLI ≥ ${TARGETS.textlintRatio}x faster than textlint`, value: (f) => f.textlint?.ratio, fmt: (v) => `${v.toFixed(1)}x`, ok: (v) => v >= TARGETS.textlintRatio, worse: (a, b) => a < b},
    {target: 'cold CLI faster than write-good, default output', value: (f) => f['write-good']?.ratio, fmt: (v) => `${v.toFixed(2)}x`, ok: (v) => v > 1, worse: (a, b) => a < b},
    {target: 'cold CLI faster than write-good, --format json', value: (f) => f['write-good']?.ratioJson, fmt: (v) => `${v.toFixed(2)}x`, ok: (v) => v > 1, worse: (a, b) => a < b},
    {target: `warm --cache < ${TARGETS.warmCacheMs} ms (slower of the two outputs)`, value: (f) => f.warm, fmt: fmtMs, ok: (v) => v < TARGETS.warmCacheMs, worse: (a, b) => a > b},
    {target: `server start < ${TARGETS.startupMs} ms`, value: (f) => f.lsp.startupMs, fmt: fmtMs, ok: (v) => v < TARGETS.startupMs, worse: (a, b) => a > b},
    {target: `first lint of the 20k-word draft < ${TARGETS.firstLintMs} ms`, value: (f) => f.lsp.firstLintMs, fmt: fmtMs, ok: (v) => v < TARGETS.firstLintMs, worse: (a, b) => a > b},
    {target: `one-word edit p95 < ${TARGETS.editP95Ms} ms, a second lint job beside it`, value: (f) => (f.lsp.underLoad ? f.lsp.edit.p95 : undefined), fmt: fmtMs, ok: (v) => v < TARGETS.editP95Ms, worse: (a, b) => a > b},
    {target: `server RSS < ${TARGETS.rssMB} MB, 50 drafts open`, value: (f) => f.lsp.withDrafts.rssMB, fmt: fmtMB, ok: (v) => v < TARGETS.rssMB, worse: (a, b) => a > b},
    {target: `time per MB at 8x ≤ ${TARGETS.perMBGrowth}x of 1x`, value: (f) => f.growth, fmt: (v) => `${v.toFixed(2)}x`, ok: (v) => v <= TARGETS.perMBGrowth, worse: (a, b) => a > b},
  ]
  return targets.map((t) => {
    const row = {target: t.target}
    let hardest
    for (const r of results) {
      const v = t.value(r.fig)
      row[r.part.label] = v === undefined || !Number.isFinite(v) ? 'n/a' : t.fmt(v)
      if (v !== undefined && Number.isFinite(v) && (hardest === undefined || t.worse(v, hardest.v))) hardest = {v, label: r.part.label}
    }
    row['hardest part'] = hardest?.label ?? 'n/a'
    row.result = hardest === undefined ? 'n/a' : verdict(t.ok(hardest.v))
    return row
  })
}

/** CPU profiles of the CLI on the corpus and of the server through the edit run. */
async function profile(part) {
  const files = part.drafts
  rmSync(PROFILES, {recursive: true, force: true})
  mkdirSync(join(PROFILES, 'cli'), {recursive: true})
  mkdirSync(join(PROFILES, 'server'), {recursive: true})
  log('profiling the CLI')
  await timeNode(['--cpu-prof', `--cpu-prof-dir=${join(PROFILES, 'cli')}`, CLI, '--format', 'json', ...files], {cwd: ROOT, stdoutFile: join(CORPUS, 'out', 'profile.json')})
  log('profiling the server')
  await measureServer({root: ROOT, app: APP, bigPath: part.big.path, draftPaths: files.slice(0, 50), cpuProf: join(PROFILES, 'server')})
  for (const which of ['cli', 'server']) {
    for (const f of readdirSync(join(PROFILES, which)).filter((n) => n.endsWith('.cpuprofile'))) {
      const {totalMs, top} = topSelfTime(JSON.parse(readFileSync(join(PROFILES, which, f), 'utf8')), 15)
      console.log(`\n${which} profile ${f} (sampled ${fmtMs(totalMs)}), top self time:`)
      for (const t of top) console.log(`${t.ms.toFixed(1).padStart(9)} ms ${(100 * t.share).toFixed(1).padStart(5)}%  ${t.fn}`)
    }
  }
}

main().catch((e) => {
  log(e.stack ?? String(e))
  process.exit(1)
})
