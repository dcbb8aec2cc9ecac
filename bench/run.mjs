// `npm run bench`: oncolint against its peers and its own targets (issue 8), measured in one
// run on this machine, printed as one table and written to bench/RESULTS.md.
//
// Options: --skip-peers          leave the peers out (no install, no runs)
//          --runs N              measured runs of the oncolint CLI (default 3, after a warm-up)
//          --peer-runs N         measured full runs of each peer (default 1; the fastest kept)
//          --no-build            measure dist/ as it is instead of rebuilding it first
//          --profile             afterwards, CPU-profile the CLI and the server and print the
//                                top self-time functions (profiles kept in bench/.profiles/)
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {buildCorpus} from './lib/corpus.mjs'
import {measureServer} from './lib/lsp.mjs'
import {median, rssMethod, timeNode} from './lib/measure.mjs'
import {installPeers, peerCommands} from './lib/peers.mjs'
import {fmtMB, fmtMs, fmtRate, markdownTable, verdict} from './lib/table.mjs'
import {topSelfTime} from './profile-top.mjs'
import {SECTION_MARK as SHARDS_SECTION_MARK} from './shards.mjs'

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
  for (const f of readdirSync(join(ROOT, 'terminology'))) {
    const seconds = (Math.trunc(statSync(join(ROOT, 'terminology', f)).mtimeMs) + 0.5) / 1000
    utimesSync(join(APP, 'terminology', f), seconds, seconds)
  }
  mkdirSync(join(APP, 'dist'))
  // The bundles, their source maps (for profiles), their V8 code caches and the compiled terminology.
  for (const f of readdirSync(join(ROOT, 'dist')).filter((f) => /^(cli|server)\.js(\.map|\.cache)?$|^terminology\.json$/.test(f))) cpSync(join(ROOT, 'dist', f), join(APP, 'dist', f))
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

/** Several commands measured in turn (A B A B ...) after one shared warm-up; the median of each. */
async function runCliInTurn(commands, runs, warmArgs) {
  log(`${commands[0].label}: warm-up`)
  const warm = await timeNode(warmArgs, {cwd: ROOT, stdoutFile: commands[0].out})
  if (warm.code !== 0 && warm.code !== 1) throw new Error(`the warm-up failed (exit ${warm.code}): ${warm.stderr.slice(0, 800)}`)
  const results = commands.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of commands.entries()) {
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
  const files = corpus.drafts
  const corpusMB = corpus.bytes / 1e6
  mkdirSync(join(CORPUS, 'out'), {recursive: true})
  const rows = []
  const notes = []

  // --- oncolint CLI, cold ---------------------------------------------------------------
  // As the peers are run: oncolint's default output (stylish), the ratio's base; beside it the
  // JSON report (which also carries readability figures for every paragraph: 18 MB here, work
  // no peer does) and one thread (--concurrency off: what worker threads bring on this
  // machine). Run in turn, so a change in the machine's speed during the run falls on all alike
  // (run in blocks, whichever came first was slower). The warm-up lints 10 drafts: enough to
  // load the program and the data from disk.
  const [cold, json, single] = await runCliInTurn(
    [
      {label: 'oncolint cold', args: [CLI, ...files], out: join(CORPUS, 'out', 'oncolint.txt')},
      {label: 'oncolint cold, JSON', args: [CLI, '--format', 'json', ...files], out: join(CORPUS, 'out', 'oncolint.json'), json: true},
      {label: 'oncolint cold, one thread', args: [CLI, '--concurrency', 'off', '--format', 'json', ...files], out: join(CORPUS, 'out', 'oncolint-single.json'), json: true},
    ],
    RUNS,
    [CLI, '--format', 'json', ...files.slice(0, 10)],
  )
  cold.findings = json.findings
  const coldRow = {measure: `oncolint CLI, cold, ${files.length} drafts (default output)`, time: wallCpu(cold), throughput: fmtRate(corpusMB / (cold.ms / 1000)), 'peak RSS': fmtMB(cold.rssMB), findings: cold.findings, 'peer / oncolint': '1.0x'}
  rows.push(coldRow)
  rows.push({measure: 'oncolint CLI, cold, --format json (with per-paragraph stats)', time: wallCpu(json), throughput: fmtRate(corpusMB / (json.ms / 1000)), 'peak RSS': fmtMB(json.rssMB), findings: json.findings})
  if (single.findings !== json.findings) notes.push(`**One thread reported ${single.findings} findings, the default ${json.findings}: threads change results.**`)
  rows.push({measure: 'oncolint CLI, cold, --format json, one thread (--concurrency off)', time: wallCpu(single), throughput: fmtRate(corpusMB / (single.ms / 1000)), 'peak RSS': fmtMB(single.rssMB), findings: single.findings})

  // --- oncolint CLI, warm --cache ---------------------------------------------------------
  const help = spawnSync(process.execPath, [CLI, '--help'], {encoding: 'utf8'}).stdout
  if (/--cache\b/.test(help)) {
    const location = join(CORPUS, 'oncolintcache')
    const hasLocation = /--cache-location\b/.test(help)
    rmSync(location, {recursive: true, force: true})
    // --debug (where the CLI has it) says how many files came from the cache.
    const debug = /--debug\b/.test(help) ? ['--debug'] : []
    const base = [CLI, '--cache', ...(hasLocation ? ['--cache-location', location] : []), ...debug]
    // As the cold row: the default output, and the JSON report beside it, in turn. The warm-up
    // run fills the cache; the measured runs find every file unchanged.
    const [warm, warmJson] = await runCliInTurn(
      [
        {label: 'oncolint --cache', args: [...base, ...files], out: join(CORPUS, 'out', 'oncolint-cache.txt')},
        {label: 'oncolint --cache, JSON', args: [...base, '--format', 'json', ...files], out: join(CORPUS, 'out', 'oncolint-cache.json'), json: true},
      ],
      RUNS,
      [...base, '--format', 'json', ...files],
    )
    const hits = [...warm.hits, ...warmJson.hits]
    if (hits.length) notes.push(`--cache: files taken from the cache in the measured runs: ${hits.join(', ')} of ${files.length}${hits.some((h) => h < files.length) ? ' (a miss means the terminology or config changed between runs)' : ''}.`)
    if (warmJson.findings !== cold.findings) notes.push(`**--cache reported ${warmJson.findings} findings, the cold run ${cold.findings}: the cache changes results.**`)
    const target = {target: `< ${TARGETS.warmCacheMs} ms`}
    rows.push({measure: 'oncolint CLI, warm --cache (default output)', time: wallCpu(warm), throughput: fmtRate(corpusMB / (warm.ms / 1000)), 'peak RSS': fmtMB(warm.rssMB), findings: warmJson.findings, ...target, result: verdict(warm.ms < TARGETS.warmCacheMs)})
    rows.push({measure: 'oncolint CLI, warm --cache, --format json', time: wallCpu(warmJson), throughput: fmtRate(corpusMB / (warmJson.ms / 1000)), 'peak RSS': fmtMB(warmJson.rssMB), findings: warmJson.findings, ...target, result: verdict(warmJson.ms < TARGETS.warmCacheMs)})
    if (!hasLocation) notes.push('The CLI has no --cache-location: the cache was kept where the CLI puts it by default (not cleared before the fill run).')
  } else {
    rows.push({measure: 'oncolint CLI, warm --cache', time: 'n/a (no --cache yet)', target: `< ${TARGETS.warmCacheMs} ms`, result: 'n/a'})
  }

  // --- peers -----------------------------------------------------------------------------
  if (opts['skip-peers']) notes.push('Peers skipped (--skip-peers).')
  else {
    const failed = installPeers(PEERS, log)
    for (const [name, why] of Object.entries(failed)) notes.push(`${name} could not be installed, skipped: ${why}`)
    for (const peer of peerCommands(PEERS, ROOT)) {
      const out = join(CORPUS, 'out', `${peer.name}.out`)
      log(`${peer.name}: warm-up on one draft`)
      await timeNode(peer.args(files.slice(0, 1)), {cwd: peer.cwd ?? ROOT, stdoutFile: out})
      const runs = []
      for (let i = 0; i < PEER_RUNS; i++) {
        log(`${peer.name}: full run ${i + 1}/${PEER_RUNS}`)
        runs.push(await timeNode(peer.args(files), {cwd: peer.cwd ?? ROOT, stdoutFile: out}))
      }
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
      let findings
      try {
        findings = peer.count(readFileSync(out, 'utf8'), best.stderr)
      } catch (e) {
        notes.push(`${peer.name}: its output could not be read (${e.message}); exit ${best.code}: ${best.stderr.slice(0, 300)}`)
      }
      const ratio = best.ms / cold.ms
      const target = peer.name === 'textlint' ? TARGETS.textlintRatio : peer.name === 'write-good' ? TARGETS.writeGoodRatio : undefined
      rows.push({
        measure: peer.label,
        time: wallCpu(best),
        throughput: fmtRate(corpusMB / (best.ms / 1000)),
        'peak RSS': fmtMB(best.rssMB),
        findings: findings ?? '?',
        'peer / oncolint': `${ratio.toFixed(1)}x`,
        target: target === undefined ? '' : target === 1 ? 'oncolint faster' : `≥ ${target}x`,
        result: target === undefined ? '' : verdict(target === 1 ? ratio > 1 : ratio >= target),
      })
      notes.push(`${peer.label}: ${peer.note}.`)
    }
  }

  // --- engine in process: linearity and the cached edit ------------------------------------
  log('engine in process (tsx): linearity and cached edits')
  const manifestPath = join(CORPUS, 'manifest.json')
  const engine = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'engine-scaling.ts'), manifestPath], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24})
  if (engine.status !== 0) throw new Error(`engine-scaling failed: ${engine.stderr.slice(0, 2000)}`)
  const eng = JSON.parse(engine.stdout)

  // --- language server ---------------------------------------------------------------------
  log('language server')
  const lsp = await measureServer({root: ROOT, app: APP, bigPath: corpus.big.path, draftPaths: files.slice(0, 50)})
  const bigLabel = `${(corpus.big.words / 1000).toFixed(1)}k-word draft`
  rows.push({measure: `server startup (spawn → initialize result, median of ${lsp.startups})`, time: fmtMs(lsp.startupMs), 'peak RSS': fmtMB(lsp.idle.rssMB), target: `< ${TARGETS.startupMs} ms`, result: verdict(lsp.startupMs < TARGETS.startupMs)})
  rows.push({measure: `server first lint, ${bigLabel} (didOpen → diagnostics, median of ${lsp.firstLints})`, time: fmtMs(lsp.firstLintMs), throughput: fmtRate(corpus.big.bytes / 1e6 / (lsp.firstLintMs / 1000)), findings: lsp.firstDiagnostics, target: `< ${TARGETS.firstLintMs} ms`, result: verdict(lsp.firstLintMs < TARGETS.firstLintMs)})
  rows.push({measure: `server one-word edit p50, ${bigLabel}`, time: fmtMs(lsp.edit.p50)})
  rows.push({measure: `server one-word edit p95 (${lsp.edit.n} edits, no debounce)`, time: fmtMs(lsp.edit.p95), target: `< ${TARGETS.editP95Ms} ms`, result: verdict(lsp.edit.p95 < TARGETS.editP95Ms)})
  rows.push({measure: `server RSS, ${lsp.openDrafts} drafts open`, time: fmtMs(lsp.openAllMs), 'peak RSS': `${fmtMB(lsp.withDrafts.rssMB)} (peak ${fmtMB(lsp.withDrafts.peakMB)})`, target: `< ${TARGETS.rssMB} MB`, result: verdict(lsp.withDrafts.rssMB < TARGETS.rssMB)})
  rows.push({measure: `engine one-word edit p50 / p95 with ParseCache (in process)`, time: `${fmtMs(eng.edit.p50)} / ${fmtMs(eng.edit.p95)}`})

  const base = eng.scales[0]
  for (const s of eng.scales) {
    const growth = s.msPerMB / base.msPerMB
    const last = s === eng.scales[eng.scales.length - 1]
    rows.push({
      measure: `engine lint ${s.scale}x (${(s.words / 1000).toFixed(0)}k words, ${(s.bytes / 1e6).toFixed(2)} MB)`,
      time: fmtMs(s.ms),
      throughput: `${fmtMs(s.msPerMB)}/MB (${growth.toFixed(2)}x of 1x)`,
      target: last ? `≤ ${TARGETS.perMBGrowth}x of 1x per MB` : '',
      result: last ? verdict(growth <= TARGETS.perMBGrowth) : '',
    })
  }

  const table = markdownTable(rows)
  const endLoad = os.loadavg()
  const minutes = Number(process.hrtime.bigint() - started) / 6e10
  const rel = (p) => relative(ROOT, p)
  const report = `# oncolint benchmark results

Generated by \`npm run bench\` (bench/run.mjs) — do not edit by hand.

- Machine: ${env.model}, ${env.cores} cores, Node ${env.node}, ${process.platform}
- Date: ${env.date}; load average at start ${env.load.map((l) => l.toFixed(2)).join(' ')}, at end ${endLoad.map((l) => l.toFixed(2)).join(' ')} (a shared machine: figures move with the load)
- Corpus (bench/.corpus, hash ${corpus.hash}): ${files.length} drafts, ${corpus.words.toLocaleString('en')} words, ${corpusMB.toFixed(2)} MB; big draft ${corpus.big.words.toLocaleString('en')} words (${(corpus.big.bytes / 1e6).toFixed(2)} MB); made from ${corpus.sources.map(rel).join(', ')}
- MB = 10^6 bytes of UTF-8. Peak RSS of commands by ${rssMethod}; of the server from /proc/<pid>/status (VmRSS, VmHWM)

${table}

## How each figure was taken

- The CLI and the server measured are a copy of bin/, dist/ and terminology/ taken right after the build (bench/.corpus/app), so a rebuild by other work in the tree cannot change the program halfway through the run.
- oncolint CLI: \`node bin/oncolint.js <${files.length} files>\` (default output, as the peers run), \`--format json\` and \`--format json --concurrency off\`, one warm-up run on 10 drafts, then the three in turn, median of ${RUNS} each; the findings column of the default run is the JSON run's count; with --cache, a full run fills the cache, then the default output and \`--format json\` in turn, median of ${RUNS} each; the findings column counts the messages in the JSON report.
- Peers: each through its own command line on the same ${files.length} files (absolute paths), one warm-up run on one draft, then ${PEER_RUNS} full run(s), the fastest kept. "peer / oncolint" is the peer's time over oncolint's cold time.
- Server: \`node bin/oncolint.js --stdio\` spoken to with vscode-languageserver-protocol. Startup: spawn to the initialize result (then \`initialized\` is sent), median over ${lsp.startups} server starts. First lint: didOpen of the ${bigLabel} to its publishDiagnostics in a fresh server (includes loading the terminology), median over ${lsp.firstLints} servers. Edits: ${lsp.edit.n} one-word incremental didChange (after 5 warm-up edits), each followed at once by didSave, which lints without the 150 ms typing debounce; time from sending didChange to publishDiagnostics of that version (max ${fmtMs(lsp.edit.max)}). For reference, ${lsp.debounced.n} edits sent as didChange alone (through the debounce) took p50 ${fmtMs(lsp.debounced.p50)}. The server that did the edits ended at ${fmtMB(lsp.afterEdits.rssMB)} RSS (peak ${fmtMB(lsp.afterEdits.peakMB)}). RSS row: a fresh server, ${lsp.openDrafts} corpus drafts opened (all diagnosed in ${fmtMs(lsp.openAllMs)}, the time shown), VmRSS read 0.5 s later; an idle server after startup has ${fmtMB(lsp.idle.rssMB)}.
- Engine (in process, tsx, bench/engine-scaling.ts): the big draft at 1x, 2x, 4x, 8x (the larger ones append other 20,000-word drafts, not copies), one warm-up lint, then the sizes in turn three times (median per size); the first lint of the process (terminology load) took ${fmtMs(eng.firstMs)}. Cached edits: one ParseCache across ${eng.edit.n} one-word edits of the big draft (after 5 warm-up edits), the full lint that filled it ${fmtMs(eng.edit.fullWithCacheMs)}.
${notes.map((n) => `- ${n}`).join('\n')}
- Whole bench: ${minutes.toFixed(1)} minutes.
`
  // The section bench/shards.mjs writes is its own: kept as it is.
  const previous = existsSync(join(ROOT, 'bench', 'RESULTS.md')) ? readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8') : ''
  const shards = previous.indexOf(SHARDS_SECTION_MARK)
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), shards >= 0 ? `${report}\n${previous.slice(shards)}` : report)
  process.stdout.write(`\n${env.model}, ${env.cores} cores, Node ${env.node}, ${env.date}\n\n${table}\n\nWritten to bench/RESULTS.md (with how each figure was taken).\n`)

  if (opts.profile) await profile(files)
}

/** CPU profiles of the CLI on the corpus and of the server through the edit run. */
async function profile(files) {
  rmSync(PROFILES, {recursive: true, force: true})
  mkdirSync(join(PROFILES, 'cli'), {recursive: true})
  mkdirSync(join(PROFILES, 'server'), {recursive: true})
  log('profiling the CLI')
  await timeNode(['--cpu-prof', `--cpu-prof-dir=${join(PROFILES, 'cli')}`, CLI, '--format', 'json', ...files], {cwd: ROOT, stdoutFile: join(CORPUS, 'out', 'profile.json')})
  log('profiling the server')
  const corpus = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'))
  await measureServer({root: ROOT, app: APP, bigPath: corpus.big.path, draftPaths: files.slice(0, 50), cpuProf: join(PROFILES, 'server')})
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
