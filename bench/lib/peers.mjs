// The peers oncolint is compared with, installed by the bench into the git-ignored
// bench/.peers (once; later runs reuse it) and run through their own command lines on the
// same files. Versions are pinned so two runs of the bench compare the same programs.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {textlintTerms} from './terms.mjs'

export const PEER_VERSIONS = {
  textlint: '15.8.0',
  'textlint-rule-terminology': '5.2.16',
  'write-good': '1.0.8',
  alex: '11.0.1',
}

const installedVersion = (dir, name) => {
  const file = join(dir, 'node_modules', name, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined
}

const npm = (args) => spawnSync('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

/** Installs what is missing; returns {name: error message} for packages that could not be. */
export function installPeers(dir, log) {
  mkdirSync(dir, {recursive: true})
  const missing = Object.entries(PEER_VERSIONS).filter(([name, v]) => installedVersion(dir, name) !== v)
  if (missing.length === 0) return {}
  writeFileSync(join(dir, 'package.json'), JSON.stringify({private: true, description: 'oncolint bench peers (generated)', dependencies: PEER_VERSIONS}, null, 2) + '\n')
  log(`installing peers into ${dir}: ${missing.map(([n, v]) => `${n}@${v}`).join(', ')}`)
  let r = npm(['install', '--prefix', dir])
  const failed = {}
  if (r.status !== 0) {
    // One bad package should not cost the others: try them one at a time.
    for (const [name, v] of missing) {
      r = npm(['install', '--prefix', dir, '--no-save', `${name}@${v}`])
      if (r.status !== 0) failed[name] = (r.stderr || r.stdout).trim().split('\n').slice(-1)[0] || `npm exited ${r.status}`
    }
  }
  return failed
}

/** Absolute path of a package's command-line script (its package.json `bin`). */
function binOf(dir, name, command = name) {
  const pkgDir = join(dir, 'node_modules', name)
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[command]
  return join(pkgDir, bin)
}

/**
 * The peers that are installed, each as {name, label, note, cwd?, args(files), count(stdout,
 * stderr)}: `args` is the node command line (give it absolute paths), `count` the number of
 * findings it reported.
 */
export function peerCommands(dir, root) {
  const peers = []
  const has = (name) => installedVersion(dir, name) !== undefined
  if (has('textlint') && has('textlint-rule-terminology')) {
    const {terms, entries} = textlintTerms(join(root, 'terminology', 'accuracy-nonstandard.yaml'))
    const config = join(dir, '.textlintrc.json')
    writeFileSync(config, JSON.stringify({rules: {terminology: {defaultTerms: false, terms}}}, null, 1) + '\n')
    peers.push({
      name: 'textlint',
      label: `textlint ${installedVersion(dir, 'textlint')} + terminology (${terms.length} phrases)`,
      note: `textlint-rule-terminology ${installedVersion(dir, 'textlint-rule-terminology')}, defaultTerms off, terms = the ${entries} entries of terminology/accuracy-nonstandard.yaml that have a \`prefer\`, each pattern expanded to plain phrases (${terms.length})`,
      // textlint resolves rules from its working directory's node_modules (its
      // --rules-base-directory did not find them), so it runs inside bench/.peers.
      cwd: dir,
      args: (files) => [binOf(dir, 'textlint'), '--config', config, '--format', 'json', ...files],
      count: (stdout) => JSON.parse(stdout).reduce((n, f) => n + f.messages.length, 0),
    })
  }
  if (has('write-good')) {
    peers.push({
      name: 'write-good',
      label: `write-good ${installedVersion(dir, 'write-good')}`,
      note: 'all files as arguments of one command, --parse output',
      args: (files) => [binOf(dir, 'write-good'), '--parse', ...files],
      count: (stdout) => stdout.split('\n').filter((l) => l.trim()).length,
    })
  }
  if (has('alex')) {
    peers.push({
      name: 'alex',
      label: `alex ${installedVersion(dir, 'alex')}`,
      note: 'default settings (Markdown)',
      args: (files) => [binOf(dir, 'alex'), ...files],
      count: (_stdout, stderr) => stderr.split('\n').filter((l) => /^\s*\d+:\d+(-\d+:\d+)?\s+warning\s/.test(l)).length,
    })
  }
  return peers
}

export const peersDir = (root) => join(root, 'bench', '.peers')
