// The npm package as a reviewer adds it to a documentation repository: `npm pack` of this
// tree, installed as a devDependency into a fresh project with a docs/ folder. There, `npx
// oncolint docs/`, `npx oncolint --stdio` and the pre-commit hook's entry must give the same
// findings as this repository's own command line. Slow (it packs and installs): run by
// `npm run test:package`, which .ci/run runs as its own step.
import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, extname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {parse} from 'yaml'
import {ROOT} from '../helpers.js'
import {diagnosticsOf} from './lsp-exchange.js'

/**
 * The packed tarball stays small: bundles and data, no dependencies. Most of it is the two code
 * caches (about 2.4 MB unpacked) and the compiled terminology, which grows with the data: 2.5 MB
 * held until the terminology passed 830 entries and 450 classes, 3 MB until the accuracy model
 * came with its training sentences (terminology/training/, 1.1 MB unpacked) and weights, 3.5 MB
 * until two web-style writers' sets (about 250 KB unpacked) went into the training.
 */
const MAX_TARBALL_BYTES = 3.75 * 1024 * 1024
const BIN = join(ROOT, 'bin', 'oncolint.js')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
// An inner npm must not take the outer `npm run`'s settings (prefix, user agent and the like).
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({...ENV, NO_COLOR: '1', ...extra})

function sh(cmd: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, {cwd, env: env(extra), encoding: 'utf8', maxBuffer: 64 << 20})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}
const npm = (args: string[], cwd: string) => {
  const r = sh('npm', [...args, '--no-audit', '--no-fund'], cwd)
  assert.equal(r.code, 0, `npm ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

/** This repository's command line, run in the project: what the installed one must match. */
const repoCli = (args: string[], cwd: string) => sh(process.execPath, [BIN, ...args], cwd)

// Drafts of the docs repository: the project's labelled drafts and the example, in folders.
const DRAFTS: Record<string, string> = {
  'docs/guide/when-cancer-spreads.md': join(ROOT, 'examples', 'metastasis-draft.md'),
  'docs/guide/accuracy.md': join(ROOT, 'test', 'corpus', 'accuracy-draft.md'),
  'docs/clinic/promotion.md': join(ROOT, 'test', 'corpus', 'promotion-draft.md'),
  'docs/clinic/overview.txt': join(ROOT, 'test', 'corpus', 'clinic-draft.txt'),
}
const RC = 'rules:\n  readability/long-paragraph: off\naccept: [lymph hubs]\n'

describe('the npm package (npm pack), installed in a docs repository', function () {
  this.timeout(300_000)
  let tarball: string
  let project: string

  before(() => {
    const out = mkdtempSync(join(tmpdir(), 'oncolint-pack-'))
    // npm pack runs the prepare script (the build), as publishing does.
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], ROOT)) as Array<{filename: string}>
    tarball = join(out, packed.filename)
    project = mkdtempSync(join(tmpdir(), 'oncolint-docs-repo-'))
    for (const [name, from] of Object.entries(DRAFTS)) {
      mkdirSync(join(project, name, '..'), {recursive: true})
      copyFileSync(from, join(project, name))
    }
    writeFileSync(join(project, '.oncolintrc.yaml'), RC)
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'docs-repo', private: true, devDependencies: {oncolint: `file:${tarball}`}}, null, 2))
    npm(['install'], project)
  })

  it(`is one tarball of at most ${MAX_TARBALL_BYTES / 1024 / 1024} MB with the bundles, data and docs, and no sources, tests or maps`, () => {
    assert.ok(statSync(tarball).size <= MAX_TARBALL_BYTES, `${statSync(tarball).size} bytes`)
    const files = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''))
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/oncolint.js', 'bin/oncolint-server.js', 'bin/load-bundle.js', 'dist/cli.js', 'dist/server.js', 'dist/terminology.json', 'dist/spun-index.json', 'dist/claim-model.json', 'terminology/training/promotion.tsv', 'terminology/classes/context.yaml', 'server/oncolintrc.schema.json', 'terminology/schema.json', 'docs/rules/accuracy/nonstandard-term.md']) {
      assert.ok(files.includes(f), `${f} is packed`)
    }
    assert.deepEqual(files.filter((f) => /(^|\/)(src|test|client|bench|scripts|node_modules)\/|\.(ts|map)$/.test(f)), [])
  })

  it('installs with nothing but itself: no dependency, no private flag', () => {
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['oncolint'])
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'oncolint', 'package.json'), 'utf8'))
    assert.equal(installed.version, pkg.version)
    assert.equal(installed.private, undefined)
    assert.equal(installed.dependencies, undefined)
    assert.equal(sh('npx', ['oncolint', '--version'], project).stdout, `${pkg.version}\n`)
  })

  it('npx oncolint docs/ gives the same findings as this repository, in every format a CI uses', () => {
    for (const format of ['json', 'stylish', 'github']) {
      const installed = sh('npx', ['oncolint', '--format', format, 'docs/'], project)
      const here = repoCli(['--format', format, 'docs/'], project)
      assert.equal(installed.code, 1, installed.stderr) // the drafts hold error findings on purpose
      assert.deepEqual(installed, here, format)
    }
    const report = JSON.parse(sh('npx', ['oncolint', '--format', 'json', 'docs/'], project).stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
    assert.equal(report.length, 4)
    assert.ok(report.every((f) => f.messages.length > 0))
    const rules = new Set(report.flatMap((f) => f.messages.map((m) => m.ruleId)))
    assert.ok(!rules.has('readability/long-paragraph'), 'the project config is read')
  })

  it('npx oncolint --stdio answers initialize and publishes the same diagnostics as this repository', async () => {
    const file = join(project, 'docs', 'guide', 'accuracy.md')
    const text = readFileSync(file, 'utf8')
    const installed = await diagnosticsOf(['npx', 'oncolint', '--stdio'], project, file, text, env())
    const here = await diagnosticsOf([process.execPath, BIN, '--stdio'], project, file, text, env())
    assert.ok(installed.length > 10)
    // Each diagnostic links to its rule's page in the package that produced it.
    const installedDocs = pathToFileURL(join(project, 'node_modules', 'oncolint', 'docs', 'rules')).href
    const repoDocs = pathToFileURL(join(ROOT, 'docs', 'rules')).href
    const links = installed.map((d) => d.codeDescription?.href ?? '')
    assert.ok(links.every((l) => l.startsWith(`${installedDocs}/`) && existsSync(new URL(l))), links[0])
    const unlinked = (ds: typeof installed, docs: string) => ds.map((d) => ({...d, codeDescription: {href: d.codeDescription!.href.replace(docs, '<docs>')}}))
    assert.deepEqual(unlinked(installed, installedDocs), unlinked(here, repoDocs))
    const doc = TextDocument.create(pathToFileURL(file).href, 'markdown', 1, text)
    assert.ok(installed.some((d) => doc.getText(d.range) === 'blood pipes'), 'a finding the config leaves alone')
    assert.ok(!installed.some((d) => doc.getText(d.range) === 'lymph hubs'), 'a phrase the project config accepts')
  })

  it("the pre-commit hook's entry, installed as pre-commit installs a node hook, blocks a commit as this repository does", () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; language: string; types_or: string[]; args?: string[]}>
    const hook = hooks.find((h) => h.id === 'oncolint')!
    assert.equal(hook.language, 'node')
    // pre-commit installs a node hook with `npm install -g <packed repository>` into an
    // environment of its own and runs the entry from there, with the staged files it matched.
    const envDir = mkdtempSync(join(tmpdir(), 'oncolint-pre-commit-env-'))
    npm(['install', '-g', '--prefix', envDir, tarball], project)
    execFileSync('git', ['init', '-q'], {cwd: project})
    writeFileSync(join(project, 'notes.py'), 'print("Quux spreads cancer.")\n')
    execFileSync('git', ['add', 'docs', 'notes.py', '.oncolintrc.yaml'], {cwd: project})
    const staged = execFileSync('git', ['diff', '--cached', '--name-only'], {cwd: project, encoding: 'utf8'}).split('\n').filter(Boolean)
    // identify's tags for these extensions, which types_or filters on.
    const TAGS: Record<string, string[]> = {'.md': ['markdown'], '.txt': ['plain-text'], '.yaml': ['yaml'], '.py': ['python']}
    const files = staged.filter((f) => (TAGS[extname(f)] ?? []).some((t) => hook.types_or.includes(t)))
    assert.deepEqual(files, Object.keys(DRAFTS).sort())
    const [command, ...entryArgs] = hook.entry.split(' ')
    const run = sh(command, [...entryArgs, ...(hook.args ?? []), ...files], project, {PATH: `${join(envDir, 'bin')}${delimiter}${ENV.PATH}`})
    assert.equal(run.code, 1, run.stderr)
    assert.deepEqual(run, repoCli([...entryArgs, ...(hook.args ?? []), ...files], project))
    assert.match(run.stdout, /docs\/clinic\/overview\.txt\n/)
  })
})
