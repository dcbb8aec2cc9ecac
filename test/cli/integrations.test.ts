import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, extname, join} from 'node:path'
import {parse} from 'yaml'
import {ROOT} from '../helpers.js'
import {BIN, TEST_RC, project} from './helpers.js'

/** A folder with `oncolint` (the built bin) and an `npx` that only runs it, as after `npm ci` in a drafts repository. */
function shims(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-shims-'))
  writeFileSync(join(dir, 'oncolint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`)
  writeFileSync(join(dir, 'npx'), '#!/bin/sh\n[ "$1" = oncolint ] || { echo "npx $1: not expected here" >&2; exit 127; }\nshift\nexec oncolint "$@"\n')
  for (const f of ['oncolint', 'npx']) chmodSync(join(dir, f), 0o755)
  return dir
}

const SHIMS = shims()

/** Runs a command as a GitHub Actions `run:` step does on Linux: bash -e -o pipefail. */
function step(command: string, cwd: string) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', PATH: `${SHIMS}${delimiter}${process.env.PATH}`}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

interface Step {
  name?: string
  run?: string
  uses?: string
  with?: Record<string, string>
}

describe('integrations', function () {
  // Several child processes per test: slow on a busy machine.
  this.timeout(90_000)
  describe('GitHub Actions workflow (docs/integrations/github-actions.yml)', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs', 'integrations', 'github-actions.yml'), 'utf8'))
    const steps = (job: string): Step[] => workflow.jobs[job].steps
    const oncolintRun = (job: string) => {
      const found = steps(job).filter((s) => s.run?.includes('oncolint'))
      assert.equal(found.length, 1, `one oncolint step in ${job}`)
      return found[0].run!
    }
    const drafts = {'drafts/bad.md': 'A zorblat tumor grew. Quux spreads cancer.\n', 'drafts/ok.md': 'The cat sat.\n'}

    it('annotations job: one annotation per finding, and a failing step', () => {
      const repo = project(drafts)
      const r = step(oncolintRun('annotations'), repo)
      assert.equal(r.code, 1, r.stderr)
      assert.equal(
        r.stdout,
        `::warning file=drafts/bad.md,line=1,endLine=1,col=3,endColumn=16,title=accuracy/nonstandard-term::'Zorblat tumor' is a test term.
::error file=drafts/bad.md,line=1,endLine=1,col=23,endColumn=42,title=accuracy/misconception::Quux does not spread cancer (test entry).
`,
      )
      assert.ok(existsSync(join(repo, '.oncolintcache')), 'the cache the workflow keeps between runs')
      const cached = workflow.jobs.annotations.steps.find((s: Step) => s.uses?.startsWith('actions/cache@'))
      assert.equal(cached.with.path, '.oncolintcache')
      const clean = step(oncolintRun('annotations'), project({'drafts/ok.md': 'The cat sat.\n'}))
      assert.deepEqual([clean.code, clean.stdout], [0, ''])
    })

    it('code-scanning job: writes the SARIF file it uploads; findings do not fail the step, errors do', () => {
      const job = workflow.jobs['code-scanning']
      assert.equal(job.permissions['security-events'], 'write')
      const upload = steps('code-scanning').find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!
      const command = oncolintRun('code-scanning')
      assert.match(command, new RegExp(`--output-file ${upload.with!.sarif_file} `))
      const repo = project(drafts)
      const r = step(command, repo)
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', ''])
      const log = JSON.parse(readFileSync(join(repo, upload.with!.sarif_file), 'utf8'))
      assert.deepEqual(
        log.runs[0].results.map((x: {ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]),
        [
          ['accuracy/nonstandard-term', 'drafts/bad.md'],
          ['accuracy/misconception', 'drafts/bad.md'],
        ],
      )
      const broken = project(drafts, `${TEST_RC}rules:\n  accuracy/nope: off\n`)
      const b = step(command, broken)
      assert.equal(b.code, 1, 'exit 2 from oncolint fails the step')
      assert.match(b.stderr, /unknown rule "accuracy\/nope"/)
      assert.ok(!existsSync(join(broken, upload.with!.sarif_file)), 'no SARIF file to upload')
    })
  })

  describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))
    const hook = hooks.find((h: {id: string}) => h.id === 'oncolint')
    // identify's tags for the extensions oncolint lints (pre-commit filters staged files by them).
    const TAGS: Record<string, string[]> = {'.md': ['markdown'], '.markdown': ['markdown'], '.txt': ['plain-text'], '.py': ['python']}

    /** What `git commit` runs: the entry with the staged files whose type the hook takes. */
    function commit(repo: string) {
      execFileSync('git', ['add', '-A'], {cwd: repo})
      const staged = execFileSync('git', ['diff', '--cached', '--name-only'], {cwd: repo, encoding: 'utf8'}).split('\n').filter(Boolean)
      const files = staged.filter((f) => (TAGS[extname(f)] ?? []).some((t) => hook.types_or.includes(t)))
      return {files, ...step([hook.entry, ...(hook.args ?? []), ...files].map((a) => `'${a}'`).join(' '), repo)}
    }

    it('is a node hook running oncolint on Markdown and plain-text files', () => {
      assert.deepEqual([hook.entry, hook.language, hook.types_or], ['oncolint', 'node', ['markdown', 'plain-text']])
    })

    it('blocks a commit with an error finding, passes once it is fixed, and skips ignored drafts', () => {
      const repo = project({'drafts/bad.md': 'Quux spreads cancer.\n', 'drafts/ok.md': 'The cat sat.\n', 'notes.txt': 'A zorblat tumor.\n', 'tool.py': 'print("Quux spreads cancer.")\n'})
      execFileSync('git', ['init', '-q'], {cwd: repo})
      const first = commit(repo)
      assert.deepEqual(first.files, ['drafts/bad.md', 'drafts/ok.md', 'notes.txt'])
      assert.equal(first.code, 1)
      assert.match(first.stdout, /drafts\/bad\.md\n {2}1:1 {2}error {4}Quux does not spread cancer/)
      assert.match(first.stdout, /notes\.txt\n {2}1:3 {2}warning/)

      writeFileSync(join(repo, 'drafts', 'bad.md'), 'Quux does not spread cancer.\n')
      assert.equal(commit(repo).code, 0)

      writeFileSync(join(repo, '.oncolintignore'), 'drafts/private/\n')
      mkdirSync(join(repo, 'drafts', 'private'))
      writeFileSync(join(repo, 'drafts', 'private', 'secret.md'), 'Quux spreads cancer.\n')
      const ignored = commit(repo)
      assert.ok(ignored.files.includes('drafts/private/secret.md'))
      assert.equal(ignored.code, 0)
      assert.equal(ignored.stderr, 'oncolint: warning: drafts/private/secret.md: File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n')
    })
  })
})
