import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {ROOT} from '../helpers.js'
import {changelogVersions, pngSize} from '../release.js'
import {readZip} from './zip.js'

// The .vsix that `npm run package` built (.ci/run builds it just before): what a writer
// installs. The real-VS-Code suite (npm run test:e2e) installs this same file.
const VSIX = join(ROOT, 'oncolint.vsix')
/**
 * The packed .vsix stays small: it holds bundles and data, no node_modules. Most of it is the
 * compiled terminology (dist/terminology.json: entries, phrase matchers and class tables),
 * which grows with the data; a stray node_modules or source map would add megabytes. 1.5 MB held
 * until the two claim models (dist/claim-model.json, 130 KB packed) came; unpacked, 6 MB held until
 * the terminology and its YAML (shipped for the rule links) passed it by a few KB in December 2026.
 * 1.75 MB held until the kinds of real clinic pages and a web-style training set grew the data and
 * the promotion model by about 27 KB packed; the budget is there to catch a stray megabyte.
 */
const MAX_VSIX_BYTES = 1920 * 1024
const MAX_UNPACKED_BYTES = 6.5 * 1024 * 1024

/** Files of the repository under `dir` (relative paths), as the .vsix should carry them. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))

describe('the .vsix (oncolint.vsix)', function () {
  this.timeout(60_000)
  let files: Map<string, {data: Buffer; compressedSize: number}>
  let manifest: Record<string, unknown> & {version: string; contributes: {walkthroughs: Array<{steps: Array<{media: {markdown: string}}>}>}}
  const text = (name: string) => files.get(`extension/${name}`)!.data.toString('utf8')

  before(async () => {
    if (!existsSync(VSIX)) throw new Error(`no ${VSIX}: run npm run package first`)
    files = await readZip(VSIX)
    manifest = JSON.parse(text('package.json'))
  })

  it('carries the bundles, the data, the docs, the walkthrough and the icon the extension uses', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const needed = [
      'package.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      pkg.main.replace(/^\.\//, ''),
      'dist/server.js', // started by the client
      'dist/terminology.json', // the precompiled terminology the server loads
      'dist/spun-index.json', // the spun-term detector's index (WordNet is not shipped)
      'dist/claim-model.json', // the promotion model's weights (promotion/likely-claim)
      'terminology/classes/common.yaml', // the word classes patterns name
      'server/oncolintrc.schema.json', // jsonValidation / yamlValidation, and the config loader
      pkg.icon,
      'examples/metastasis-draft.md', // "Open sample draft"
      'docs/editor.md',
      // the data, its schema (packageRoot looks for it) and sources; the promotion model's training
      // sentences stay out (dist/claim-model.json is what the extension reads)
      ...filesUnder('terminology').filter((f) => !f.startsWith('terminology/training/')),
      ...filesUnder('docs/rules'), // the pages diagnostics link to
      ...pkg.contributes.walkthroughs.flatMap((w: {steps: Array<{media: {markdown: string}}>}) => w.steps.map((s) => s.media.markdown)),
    ]
    const missing = needed.filter((f) => !files.has(`extension/${f}`))
    assert.deepEqual(missing, [])
    const extra = [...files.keys()].filter((f) => f.startsWith('extension/') && !needed.includes(f.slice('extension/'.length)))
    assert.deepEqual(extra, [], 'nothing else')
  })

  it('holds no sources, tests, node_modules, source maps or code caches', () => {
    const unwanted = [...files.keys()].filter((f) => /(^|\/)(src|test|node_modules|bench|scripts)\/|\.(ts|map|cache)$/.test(f))
    assert.deepEqual(unwanted, [])
  })

  it(`is at most ${MAX_VSIX_BYTES / 1024} KB packed and ${MAX_UNPACKED_BYTES / 1024 / 1024} MB unpacked`, () => {
    const packed = statSync(VSIX).size
    const unpacked = [...files.values()].reduce((n, f) => n + f.data.length, 0)
    assert.ok(packed <= MAX_VSIX_BYTES, `${packed} bytes`)
    assert.ok(unpacked <= MAX_UNPACKED_BYTES, `${unpacked} bytes unpacked`)
  })

  it('has the version of package.json and of the latest CHANGELOG entry', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const identity = /<Identity [^>]*Id="([^"]+)" Version="([^"]+)" Publisher="([^"]+)"/.exec(files.get('extension.vsixmanifest')!.data.toString('utf8'))
    assert.ok(identity, 'the .vsix manifest names the extension')
    assert.deepEqual(identity.slice(1), [pkg.name, pkg.version, pkg.publisher])
    assert.equal(manifest.version, pkg.version)
    assert.equal(changelogVersions(text('changelog.md'))[0], pkg.version)
    assert.equal(changelogVersions(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'))[0], pkg.version)
  })

  it('is what this tree builds: its bundles are those in dist/', () => {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/terminology.json', 'dist/spun-index.json', 'dist/claim-model.json']) {
      assert.ok(files.get(`extension/${f}`)!.data.equals(readFileSync(join(ROOT, f))), `${f} differs from the build: run npm run package again`)
    }
  })

  it('renders on the marketplace: README links are absolute, the icon is a 128x128 PNG', () => {
    const links = [...text('readme.md').matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1])
    assert.ok(links.length > 0)
    assert.deepEqual(links.filter((l) => !/^(https:\/\/|#)/.test(l)), [])
    assert.ok(links.some((l) => l.startsWith('https://github.com/oncolint/oncolint/')))
    assert.deepEqual(pngSize(files.get('extension/images/icon.png')!.data), {width: 128, height: 128})
    assert.match(files.get('extension.vsixmanifest')!.data.toString('utf8'), /<Icon>extension\/images\/icon\.png<\/Icon>/)
  })

  it('carries no npm "files" list (the .vsix takes what .vscodeignore lets through)', () => {
    assert.equal(manifest.files, undefined)
  })
})
