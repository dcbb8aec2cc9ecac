#!/usr/bin/env node
// Runs the end-to-end suite (test/e2e/) inside a real VS Code, offline:
//
//   node scripts/e2e/run.mjs              code-server (VS Code in the browser) + headless Debian
//                                         chromium driven by playwright-core
//   node scripts/e2e/run.mjs --electron   desktop VS Code through @vscode/test-electron
//                                         (test/e2e/run-electron.ts; downloads VS Code)
//
// The extension under test is the .vsix, installed the way a writer installs it
// (`code-server --install-extension oncolint.vsix`): by default `npm run package` builds it
// first; `--vsix FILE` installs that file as it is (.ci/run passes the one it built and
// checked). VS Code runs tests only beside an extension under development, so a stub
// extension that contributes nothing stands in as that; the tests check that oncolint was
// loaded from the installed .vsix.
//
// Options: --vsix FILE (install it, no packaging), --dev (load the development folder instead
//   of a .vsix: quicker while writing tests), --no-build (use dist/ and oncolint.vsix as they
//   are), --grep TEXT (only matching tests), --keep (keep the temp dir), --timeout SECONDS (the
//   VS Code run, after install and build; default 600; env E2E_TIMEOUT),
//   --extension-path DIR, --tests-path FILE, --workspace DIR (run another extension/suite in
//   development mode: used to check the harness itself).
//
// The extension host writes the mocha output to a log file that this script tails, and a JSON
// summary that it reads at the end. The run ends with the line `N passed, N failed` and exits
// non-zero when a test failed or the harness itself failed (that counts as one failure).
// Screenshots: a test asks for one by writing NAME.request in $ONCOLINT_E2E_SHOTS; this script
// saves test-artifacts/NAME.png and answers NAME.done. A test asks for what only a user can do
// in the workbench (click a button of a modal dialog or of the walkthrough, read what the page
// shows) by writing NAME.ui there (JSON, see uiAction); the answer is NAME.done (JSON) or
// NAME.error. Logs go to test-artifacts/e2e/.
import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync, createWriteStream, copyFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, isAbsolute, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {buildSuite, repoRoot, testsEntry} from './build.mjs'
import {aptInstall, ensureCodeServer} from './setup.mjs'

const {values: opts} = parseArgs({
  options: {
    electron: {type: 'boolean', default: false},
    vsix: {type: 'string'},
    dev: {type: 'boolean', default: false},
    'no-build': {type: 'boolean', default: false},
    grep: {type: 'string'},
    timeout: {type: 'string'},
    keep: {type: 'boolean', default: false},
    'extension-path': {type: 'string'},
    'tests-path': {type: 'string'},
    workspace: {type: 'string'},
  },
})

const timeoutMs = 1000 * Number(opts.timeout ?? process.env.E2E_TIMEOUT ?? 600)
const abs = (p) => (isAbsolute(p) ? p : resolve(process.cwd(), p))
const extensionPath = abs(opts['extension-path'] ?? repoRoot)
/** Load the extension from a folder in development mode instead of installing a .vsix. */
const devMode = opts.dev || opts['extension-path'] !== undefined
const vsixPath = abs(opts.vsix ?? join(repoRoot, 'oncolint.vsix'))
const testsPath = abs(opts['tests-path'] ?? testsEntry)
const workspaceSrc = abs(opts.workspace ?? join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'))
const artifacts = join(repoRoot, 'test-artifacts')
const logDir = join(artifacts, 'e2e')

const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`
const say = (msg) => console.log(`e2e: ${msg}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const SUMMARY = /^\d+ passed, \d+ failed(, \d+ skipped)?$/

// ---------------------------------------------------------------- cleanup on any exit
const cleanups = []
let cleaning
async function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn()
      } catch (err) {
        console.error(`e2e: cleanup: ${err?.message ?? err}`)
      }
    }
  })()
  return cleaning
}
const serverGroups = new Set()
process.on('exit', () => {
  // Last resort (normal paths have already stopped it): never leave code-server running.
  for (const pgid of serverGroups) killGroup(pgid, 'SIGKILL')
})
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    console.error(`\ne2e: ${sig}: stopping`)
    cleanup().finally(() => process.exit(code))
  })
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false // ESRCH: the group is gone
  }
}

async function stopGroup(pgid) {
  if (!killGroup(pgid, 'SIGTERM')) return serverGroups.delete(pgid)
  for (let i = 0; i < 50 && killGroup(pgid, 0); i++) await sleep(100)
  killGroup(pgid, 'SIGKILL')
  serverGroups.delete(pgid)
}

// ---------------------------------------------------------------- helpers
function runCommand(cmd, args, {cwd = repoRoot, env = process.env} = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {cwd, env, stdio: ['ignore', 'inherit', 'inherit']})
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    )
  })
}

/** Follows a growing text file, passing each complete line to onLine. */
function tailFile(file, onLine) {
  let pos = 0
  let rest = ''
  const buf = Buffer.alloc(1 << 16)
  return () => {
    if (!existsSync(file)) return
    const fd = openSync(file, 'r')
    try {
      for (let n; (n = readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) rest += buf.toString('utf8', 0, n)
    } finally {
      closeSync(fd)
    }
    const lines = rest.split('\n')
    rest = lines.pop()
    for (const line of lines) onLine(line)
  }
}

/** Prints the extension host's output, holding back its own summary line (printed last). */
function printSuiteLine(line) {
  if (!SUMMARY.test(line.trim())) console.log(line)
}

async function build() {
  if (opts['no-build']) return
  if (!devMode && opts.vsix === undefined) {
    say('building the extension and packing oncolint.vsix (npm run package)')
    await runCommand('npm', ['run', '--silent', 'package'])
  } else if (devMode && extensionPath === repoRoot) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
    if (pkg.scripts?.build) {
      say('building the extension (npm run build)')
      await runCommand('npm', ['run', '--silent', 'build'])
    }
  }
  if (testsPath === testsEntry) {
    const {suites} = await buildSuite({quiet: true})
    say(`bundled ${suites.length} suite file(s) into dist/e2e/`)
  }
}

function checkInputs() {
  if (!devMode) {
    if (!existsSync(vsixPath)) throw new Error(`no ${vsixPath}: build it with npm run package (or leave out --vsix)`)
    if (!existsSync(testsPath)) throw new Error(`no test entry ${testsPath}`)
    if (!statSync(workspaceSrc, {throwIfNoEntry: false})?.isDirectory()) throw new Error(`no workspace folder ${workspaceSrc}`)
    return
  }
  const pkgFile = join(extensionPath, 'package.json')
  if (!existsSync(pkgFile)) throw new Error(`no extension at ${extensionPath} (no package.json)`)
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
  if (pkg.main && !existsSync(resolve(extensionPath, pkg.main)) && !existsSync(resolve(extensionPath, pkg.main + '.js'))) {
    throw new Error(`the extension's main ${pkg.main} does not exist: build it first (npm run build)`)
  }
  if (!existsSync(testsPath)) throw new Error(`no test entry ${testsPath}`)
  if (!statSync(workspaceSrc, {throwIfNoEntry: false})?.isDirectory()) throw new Error(`no workspace folder ${workspaceSrc}`)
}

// ---------------------------------------------------------------- code-server
async function startCodeServer(tools, tmp, env) {
  const userData = join(tmp, 'user-data')
  mkdirSync(join(userData, 'User'), {recursive: true})
  mkdirSync(join(tmp, 'extensions'), {recursive: true})
  // Quiet, deterministic workbench: no welcome page, tips, update checks or AI features.
  copyFileSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'user-settings.json'), join(userData, 'User', 'settings.json'))
  writeFileSync(join(tmp, 'code-server.yaml'), 'auth: none\ncert: false\n')
  const args = [
    tools.codeServerEntry,
    '--config', join(tmp, 'code-server.yaml'),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userData,
    '--extensions-dir', join(tmp, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
  ]
  const logFile = join(tmp, 'code-server.log')
  const out = createWriteStream(logFile)
  const child = spawn(tools.node, args, {
    cwd: tmp,
    detached: true, // own process group: killed whole (extension host, pty host, file watcher)
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PATH: tools.nodeBin + delimiter + process.env.PATH,
      XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
      XDG_DATA_HOME: join(tmp, 'xdg-data'),
      XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
      // No extension marketplace: nothing to query offline, and no update checks.
      EXTENSIONS_GALLERY: '{}',
    },
  })
  serverGroups.add(child.pid)
  cleanups.push(async () => {
    await stopGroup(child.pid)
    out.end()
  })
  return new Promise((resolvePromise, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${seen.slice(-3000)}`)), 60_000)
    const onData = (chunk) => {
      out.write(chunk)
      if (seen.length < 100_000) seen += chunk
      const m = /HTTP server listening on (http:\/\/[\d.]+:(\d+))/.exec(seen)
      if (m) {
        clearTimeout(timer)
        resolvePromise({url: m[1], port: Number(m[2]), child, logFile})
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (err) => reject(err))
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`code-server exited (${signal ?? `exit ${code}`}) before listening:\n${seen.slice(-3000)}`))
    })
  })
}

/** Both runners: build the extension and suite, check them, and copy the fixture workspace. */
async function prepare(tmp) {
  await build()
  checkInputs()
  const workspace = join(tmp, 'workspace')
  cpSync(workspaceSrc, workspace, {recursive: true})
  // The made-up test terms, for tests that must not depend on the shipped terminology: the
  // installed extension carries no test files.
  mkdirSync(join(workspace, '.e2e-data'), {recursive: true})
  copyFileSync(join(repoRoot, 'test', 'fixtures', 'terminology', 'test-terms.yaml'), join(workspace, '.e2e-data', 'test-terms.yaml'))
  return workspace
}

/**
 * The extension VS Code runs the tests beside: the development folder in --dev mode, else a
 * stub that contributes nothing (VS Code loads a test runner only with an extension under
 * development; oncolint itself is the installed .vsix).
 */
function developmentExtension(tmp) {
  if (devMode) return extensionPath
  const dir = join(tmp, 'e2e-runner')
  mkdirSync(dir, {recursive: true})
  const stub = {name: 'oncolint-e2e-runner', publisher: 'oncolint-tests', version: '0.0.0', description: 'Hosts the oncolint end-to-end tests; contributes nothing.', engines: {vscode: '*'}}
  writeFileSync(join(dir, 'package.json'), JSON.stringify(stub, null, 2) + '\n')
  return dir
}

/** Installs the .vsix into the profile's extensions folder as `code-server --install-extension` does for a user. */
async function installVsix(tools, tmp) {
  if (devMode) return
  say(`installing ${vsixPath} (code-server --install-extension)`)
  await runCommand(tools.node, [tools.codeServerEntry, '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', join(tmp, 'extensions'), '--install-extension', vsixPath], {
    cwd: tmp,
    env: {...process.env, PATH: tools.nodeBin + delimiter + process.env.PATH, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: join(tmp, 'xdg-config'), XDG_DATA_HOME: join(tmp, 'xdg-data'), XDG_CACHE_HOME: join(tmp, 'xdg-cache')},
  })
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
  const installed = join(tmp, 'extensions', `${pkg.publisher}.${pkg.name}-${pkg.version}`)
  if (!existsSync(join(installed, 'package.json'))) throw new Error(`the install left no ${installed}`)
  return installed
}

async function runInCodeServer(tmp, files) {
  const tools = ensureCodeServer(repoRoot, {log: say, logFile: join(logDir, 'install.log')})
  const workspace = await prepare(tmp)
  const installed = await installVsix(tools, tmp)

  const env = {
    ...process.env,
    ONCOLINT_E2E_LOG: files.log,
    ONCOLINT_E2E_RESULTS: files.results,
    ONCOLINT_E2E_SHOTS: files.shots,
    ...(installed ? {ONCOLINT_E2E_INSTALLED: installed} : {}),
    ...(opts.grep ? {ONCOLINT_E2E_GREP: opts.grep} : {}),
  }
  const runStart = Date.now() // the timeout covers the VS Code run, not the install or the build
  const server = await startCodeServer(tools, tmp, env)
  say(`code-server listening on ${server.url} (${elapsed()})`)
  const exited = new Promise((_, reject) =>
    server.child.on('exit', (code, signal) => reject(new Error(`code-server exited during the run (${signal ?? `exit ${code}`})`))),
  )
  exited.catch(() => {})

  const {chromium} = await import('playwright-core')
  const context = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
    executablePath: tools.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: {width: 1400, height: 900},
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  })
  cleanups.push(() => context.close())
  // The workbench only needs code-server: answer anything else (CDNs, auth, marketplace) with an
  // immediate network error instead of letting it reach out or hang.
  const local = new URL(server.url).host
  await context.route((u) => !(u.host === local || ['data:', 'blob:', 'about:'].includes(u.protocol)), (route) => route.abort('blockedbyclient'))
  const page = context.pages()[0] ?? (await context.newPage())
  const consoleLog = createWriteStream(join(tmp, 'browser-console.log'))
  cleanups.push(() => new Promise((r) => consoleLog.end(r)))
  page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`))
  page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.stack ?? err}\n`))
  page.on('crash', () => consoleLog.write('[crash] the page crashed\n'))

  let onExit
  const automationExit = new Promise((r) => (onExit = r))
  // VS Code (with enable-smoke-test-driver) calls this when the extension tests end.
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (Array.isArray(logs)) {
      const dir = join(tmp, 'vscode-logs')
      for (const {relativePath, contents} of logs) {
        const file = join(dir, String(relativePath).replace(/\.\.+/g, '_'))
        mkdirSync(resolve(file, '..'), {recursive: true})
        writeFileSync(file, contents)
      }
    }
    say(`VS Code reported the end of the tests, exit code ${code} (${elapsed()})`)
    onExit(code)
  })

  const remote = (p) => `vscode-remote://${new URL(server.url).host}${p}`
  const payload = [
    ['extensionDevelopmentPath', remote(developmentExtension(tmp))],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`
  say(`opening the workbench in chromium (${elapsed()})`)
  await page.goto(url, {waitUntil: 'domcontentloaded', timeout: 120_000})

  const tail = tailFile(files.log, printSuiteLine)
  let done = false
  const shotsLoop = (async () => {
    while (!done) {
      tail()
      for (const f of existsSync(files.shots) ? readdirSync(files.shots) : []) {
        const ui = /^([\w.-]+)\.ui$/.exec(f)
        if (ui) {
          const request = readFileSync(join(files.shots, f), 'utf8')
          rmSync(join(files.shots, f), {force: true})
          try {
            const answer = await uiAction(page, JSON.parse(request))
            writeFileSync(join(files.shots, `${ui[1]}.done`), JSON.stringify(answer ?? null))
          } catch (err) {
            // What the page showed when the request failed, to see why.
            await page.screenshot({path: join(logDir, `ui-${ui[1]}-failed.png`)}).catch(() => {})
            writeFileSync(join(files.shots, `${ui[1]}.error`), `${String(err?.message ?? err)}\n(the page then: test-artifacts/e2e/ui-${ui[1]}-failed.png)`)
          }
          continue
        }
        const m = /^([\w.-]+)\.request$/.exec(f)
        if (!m) continue
        const name = m[1]
        rmSync(join(files.shots, f), {force: true})
        try {
          mkdirSync(artifacts, {recursive: true})
          await page.screenshot({path: join(artifacts, `${name}.png`)})
          writeFileSync(join(files.shots, `${name}.done`), join(artifacts, `${name}.png`))
          say(`saved screenshot test-artifacts/${name}.png`)
        } catch (err) {
          writeFileSync(join(files.shots, `${name}.error`), String(err?.message ?? err))
        }
      }
      await sleep(200)
    }
  })()

  let timer
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs / 1000} s: the extension tests did not finish (raise with --timeout SECONDS)`)),
      timeoutMs - (Date.now() - runStart),
    )
  })
  try {
    return await Promise.race([automationExit, timedOut, exited])
  } finally {
    clearTimeout(timer)
    done = true
    await shotsLoop
    tail()
    if (!existsSync(files.results)) {
      // Nothing from the suite: keep a picture of what the workbench showed.
      await page.screenshot({path: join(logDir, 'workbench-on-failure.png')}).catch(() => {})
    }
  }
}

/**
 * Does in the workbench what only a user can do, for a test (NAME.ui requests):
 *   {action: 'notification', message, button}
 *                                       clicks a button of the notification showing `message`
 *                                       (part of its text), as a toast or in the notification
 *                                       centre; answers its whole message
 *   {action: 'click', selector?, role?, name?}
 *                                       clicks the first visible element found (within
 *                                       `selector`, by role and exact accessible name)
 *   {action: 'text', selector, role?, name?}
 *                                       answers the text of the first visible element found
 *   {action: 'attribute', selector, attribute}
 *                                       answers {value} of that attribute of the first one
 */
async function uiAction(page, request) {
  const timeout = 15_000
  if (request.action === 'notification') {
    // A toast, or a row of the notification centre (notifications.showList).
    const item = page.locator('.notification-list-item').filter({hasText: request.message}).filter({visible: true}).last()
    await item.waitFor({state: 'visible', timeout})
    const message = (await item.locator('.notification-list-item-message').innerText()).trim()
    await item.getByRole('button', {name: request.button, exact: true}).click({timeout})
    await item.waitFor({state: 'hidden', timeout})
    return {message}
  }
  const scope = page.locator(request.selector ?? 'body')
  const target = request.role ? scope.getByRole(request.role, {name: request.name, exact: true}) : scope
  const first = target.filter({visible: true}).first()
  if (request.action === 'click') {
    await first.click({timeout})
    return {text: (await first.innerText().catch(() => '')).trim()}
  }
  if (request.action === 'text') {
    await first.waitFor({state: 'visible', timeout})
    return {text: (await first.innerText()).trim()}
  }
  if (request.action === 'attribute') {
    await first.waitFor({state: 'visible', timeout})
    return {value: await first.getAttribute(request.attribute)}
  }
  throw new Error(`unknown ui action ${JSON.stringify(request)}`)
}

// ---------------------------------------------------------------- desktop VS Code
async function runInElectron(tmp, files) {
  const workspace = await prepare(tmp)
  const env = {
    ...process.env,
    ONCOLINT_E2E_EXTENSION: developmentExtension(tmp),
    ...(devMode ? {} : {ONCOLINT_E2E_VSIX: vsixPath}),
    ONCOLINT_E2E_TESTS: testsPath,
    ONCOLINT_E2E_WORKSPACE: workspace,
    ONCOLINT_E2E_RESULTS: files.results,
    ONCOLINT_E2E_USER_DATA: join(tmp, 'user-data'),
    ...(opts.grep ? {ONCOLINT_E2E_GREP: opts.grep} : {}),
  }
  const script = join(repoRoot, 'test', 'e2e', 'run-electron.ts')
  let cmd = process.execPath
  let args = ['--import', 'tsx', script]
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    // Electron needs an X server: use a virtual one when there is none.
    const hasXvfb = () => runCommand('sh', ['-c', 'command -v xvfb-run >/dev/null']).then(() => true, () => false)
    if (!(await hasXvfb()) && process.getuid?.() === 0) {
      try {
        aptInstall(['xvfb', 'xauth'], say)
      } catch (err) {
        say(`could not install xvfb: ${err.message}`)
      }
    }
    if (await hasXvfb()) [cmd, args] = ['xvfb-run', ['-a', process.execPath, ...args]]
    else say('no DISPLAY and no xvfb-run (apt-get install xvfb): VS Code may fail to start')
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe']})
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`timed out after ${timeoutMs / 1000} s`))
    }, timeoutMs)
    cleanups.push(() => child.kill('SIGTERM'))
    const lines = (stream, write) => {
      let rest = ''
      stream.on('data', (chunk) => {
        const parts = (rest + chunk).split('\n')
        rest = parts.pop()
        for (const l of parts) write(l)
      })
      stream.on('end', () => rest && write(rest))
    }
    lines(child.stdout, printSuiteLine)
    lines(child.stderr, (l) => (SUMMARY.test(l.trim()) ? undefined : console.error(l)))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolvePromise(code ?? (signal ? 1 : 0))
    })
  })
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(logDir, {recursive: true})
  const tmp = mkdtempSync(join(tmpdir(), 'oncolint-e2e-'))
  const files = {log: join(tmp, 'suite.log'), results: join(tmp, 'results.json'), shots: join(tmp, 'shots')}
  mkdirSync(files.shots)
  cleanups.push(() => {
    // Keep the logs of the last run next to the screenshot; drop the temp dir.
    for (const f of ['suite.log', 'results.json', 'code-server.log', 'browser-console.log']) {
      if (existsSync(join(tmp, f))) copyFileSync(join(tmp, f), join(logDir, f))
    }
    if (existsSync(join(tmp, 'vscode-logs'))) {
      rmSync(join(logDir, 'vscode-logs'), {recursive: true, force: true})
      cpSync(join(tmp, 'vscode-logs'), join(logDir, 'vscode-logs'), {recursive: true})
    }
    if (opts.keep) say(`kept ${tmp}`)
    else rmSync(tmp, {recursive: true, force: true})
  })
  for (const f of ['suite.log', 'results.json', 'code-server.log', 'browser-console.log', 'workbench-on-failure.png']) {
    rmSync(join(logDir, f), {force: true})
  }
  for (const f of readdirSync(logDir).filter((n) => /^ui-.*-failed\.png$/.test(n))) rmSync(join(logDir, f), {force: true})

  let exitCode
  let harnessError
  try {
    exitCode = opts.electron ? await runInElectron(tmp, files) : await runInCodeServer(tmp, files)
  } catch (err) {
    harnessError = err
  }

  let results
  try {
    results = JSON.parse(readFileSync(files.results, 'utf8'))
  } catch {}
  await cleanup()

  let {passed = 0, failed = 0, pending = 0} = results ?? {}
  if (results?.failures?.length) {
    console.log('\nfailures:')
    for (const f of results.failures) console.log(`  - ${f.title}\n      ${String(f.error).split('\n')[0]}`)
  }
  if (harnessError) {
    console.error(`\ne2e: harness error: ${harnessError.stack ?? harnessError}`)
    console.error(`e2e: logs in ${logDir}`)
    failed += 1
  } else if (!results) {
    console.error(`\ne2e: the suite wrote no results (VS Code exit code ${exitCode}); logs in ${logDir}`)
    failed += 1
  } else if (exitCode !== 0 && failed === 0) {
    console.error(`\ne2e: VS Code reported exit code ${exitCode} although no test failed; logs in ${logDir}`)
    failed += 1
  }
  say(`finished in ${elapsed()}`)
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`)
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0
}

await main()
