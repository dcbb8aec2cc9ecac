import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {parse} from 'yaml'
import {ROOT} from '../helpers.js'
import {BIN, project} from './helpers.js'

// docs/integrations/github-actions-sharded.yml (shown in docs/ci.md), run as GitHub Actions
// would run each job of its matrix: a fresh checkout per job, the oncolint step with the
// job's ${{ matrix.shard }}, and the SARIF file it uploads.
interface Step {
  name?: string
  run?: string
  uses?: string
  with?: Record<string, string>
}
const workflow = parse(readFileSync(join(ROOT, 'docs', 'integrations', 'github-actions-sharded.yml'), 'utf8'))
const job = workflow.jobs.lint
const steps: Step[] = job.steps
const shards: number[] = job.strategy.matrix.shard
const withShard = (text: string, shard: number) => text.replaceAll('${{ matrix.shard }}', String(shard))

/** `npx oncolint` as after `npm ci` in a drafts repository: the built bin. */
function shims(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-shims-'))
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\n[ "$1" = oncolint ] || { echo "npx $1: not expected here" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`)
  chmodSync(join(dir, 'npx'), 0o755)
  return dir
}
const SHIMS = shims()

/** A `run:` step as GitHub Actions runs it on Linux: bash -e -o pipefail. */
function step(command: string, cwd: string) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', PATH: `${SHIMS}${delimiter}${process.env.PATH}`}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

interface SarifResult {
  ruleId: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: object}}>
}
const results = (file: string): SarifResult[] => JSON.parse(readFileSync(file, 'utf8')).runs[0].results
const key = (r: SarifResult) => JSON.stringify([r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region, r.ruleId, r.message.text])

describe('sharded GitHub Actions workflow (docs/integrations/github-actions-sharded.yml)', function () {
  this.timeout(120_000)
  const oncolintStep = steps.find((s) => s.run?.includes('oncolint'))!
  const cacheStep = steps.find((s) => s.uses?.startsWith('actions/cache@'))!
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!

  it('is a matrix of one job per shard, each uploading SARIF under its own category and keeping its own cache', () => {
    assert.deepEqual(shards, Array.from({length: shards.length}, (_, i) => i + 1))
    assert.equal(job.strategy['fail-fast'], false)
    assert.equal(job.permissions['security-events'], 'write')
    assert.match(oncolintStep.run!, new RegExp(`--shard \\$\\{\\{ matrix.shard \\}\\}/${shards.length} `))
    assert.match(oncolintStep.run!, / --cache /)
    assert.match(oncolintStep.run!, new RegExp(`--output-file ${upload.with!.sarif_file} `))
    assert.equal(cacheStep.with!.path, '.oncolintcache')
    const categories = new Set(shards.map((k) => withShard(upload.with!.category, k)))
    const keys = new Set(shards.map((k) => withShard(cacheStep.with!['restore-keys'], k)))
    assert.equal(categories.size, shards.length, 'a SARIF category per shard, so code scanning keeps them all')
    assert.equal(keys.size, shards.length, 'a cache per shard')
    for (const k of shards) assert.ok(withShard(cacheStep.with!.key, k).startsWith(withShard(cacheStep.with!['restore-keys'], k)))
  })

  it('the shards upload, between them, exactly the findings of one whole run; a second run reuses each cache', () => {
    const drafts: Record<string, string> = {}
    for (let i = 0; i < 30; i++) drafts[`docs/part-${i % 4}/draft-${i}.md`] = `# Draft ${i}\n\n${i % 2 ? 'A zorblat tumor grew.' : 'Quux spreads cancer.'} The blorpest hospital is here.\n`
    const repo = project(drafts)
    const whole = step('npx oncolint --format sarif --output-file whole.sarif docs/ || [ $? -eq 1 ]', repo)
    assert.equal(whole.code, 0, whole.stderr)
    const expected = results(join(repo, 'whole.sarif')).map(key).sort()
    assert.equal(expected.length, 60)

    const uploaded: string[] = []
    for (const shard of shards) {
      const checkout = mkdtempSync(join(tmpdir(), `oncolint-job-${shard}-`)) // each job checks out afresh
      cpSync(repo, checkout, {recursive: true})
      const command = withShard(oncolintStep.run!, shard)
      const r = step(command, checkout)
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', ''], command)
      const sarif = join(checkout, upload.with!.sarif_file)
      uploaded.push(...results(sarif).map(key))
      assert.ok(existsSync(join(checkout, '.oncolintcache')), 'the cache actions/cache saves')
      const first = readFileSync(sarif, 'utf8')
      assert.equal(step(`{ ${command.replace(' --cache ', ' --cache --debug ')}; } 2>debug.txt`, checkout).code, 0)
      assert.equal(readFileSync(sarif, 'utf8'), first, 'the warm run reports the same')
      assert.match(readFileSync(join(checkout, 'debug.txt'), 'utf8'), /(\d+) files, \1 from the cache, 0 linted/)
    }
    assert.deepEqual(uploaded.sort(), expected)
  })
})
