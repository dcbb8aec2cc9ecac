/**
 * Config discovery stays inside the project, and the files oncolint reads besides drafts are
 * bounded (issue 21, findings 10 and 17): the search for a .oncolintrc stops at the repository
 * root; --print-config says which file applied and where the search stopped; an ignore file,
 * config or terminology file that is a device, a FIFO or too large is one clear line, at once.
 */
import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {BIN, cli, project, type Ran} from './helpers.js'

const SILENCE = 'rules: {accuracy: off, promotion: off, readability: off}\n'
const DRAFT = 'A biopsy spreads cancer. We are the best cancer hospital.\n'

/** The built CLI with a time limit: a hang fails the test instead of the suite. */
function bounded(args: string[], cwd: string): Ran & {ms: number} {
  const started = performance.now()
  const r = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', timeout: 15_000, env: {...process.env, NO_COLOR: '1'}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started}
}

describe('CLI: config discovery and the files read besides drafts', function () {
  this.timeout(60_000)

  it('a config above the repository root does not apply (a .git folder or file ends the search)', async () => {
    const shared = project({'home/alice/project/drafts/x.md': DRAFT, 'home/bob/work/drafts/y.md': DRAFT}, SILENCE)
    const alice = join(shared, 'home', 'alice', 'project')
    mkdirSync(join(alice, '.git'))
    const r = await cli(['--max-warnings', '0', 'drafts'], {cwd: alice})
    assert.equal(r.code, 1, 'the findings are reported')
    assert.match(r.stdout, /accuracy\/misconception/)
    const shown = JSON.parse((await cli(['--print-config', 'drafts/x.md'], {cwd: alice})).stdout)
    assert.deepEqual([shown.configFile, shown.configFiles, shown.configSearch], [null, [], {stoppedAt: alice, why: 'repository root (.git)'}])
    // A worktree or submodule has a .git file.
    const bob = join(shared, 'home', 'bob', 'work')
    writeFileSync(join(bob, '.git'), 'gitdir: /elsewhere\n')
    assert.equal((await cli(['drafts'], {cwd: bob})).code, 1)
  })

  it('--print-config names the config that applied and why the search stopped there (root: true is accepted)', async () => {
    const dir = project({'drafts/x.md': DRAFT}, 'root: true\ntargetGrade: 6\n')
    const shown = JSON.parse((await cli(['--print-config', 'drafts/x.md'], {cwd: dir})).stdout)
    assert.deepEqual([shown.configFile, shown.configFiles, shown.configSearch, shown.targetGrade], [join(dir, '.oncolintrc.yaml'), [join(dir, '.oncolintrc.yaml')], {stoppedAt: dir, why: 'root: true'}, 6])
    writeFileSync(join(dir, '.oncolintrc.yaml'), 'root: yes please\n')
    const bad = await cli(['drafts'], {cwd: dir})
    assert.deepEqual([bad.code, bad.stderr], [2, `oncolint: ${join(dir, '.oncolintrc.yaml')}:1: root must be boolean\n`])
  })

  it('.oncolintignore that is /dev/zero, a FIFO or too large: one line, exit 2, at once', () => {
    const dir = project({'a.md': DRAFT})
    symlinkSync('/dev/zero', join(dir, '.oncolintignore'))
    const zero = bounded(['a.md'], dir)
    assert.deepEqual([zero.code, zero.stderr], [2, 'oncolint: .oncolintignore: not a regular file (a character device)\n'])
    const fifo = project({'a.md': DRAFT})
    execFileSync('mkfifo', [join(fifo, '.oncolintignore')])
    assert.deepEqual(Object.values(bounded(['a.md'], fifo)).slice(0, 3), [2, '', 'oncolint: .oncolintignore: not a regular file (a FIFO)\n'])
    const huge = project({'a.md': DRAFT, '.oncolintignore': '#'.repeat(1_000_001)})
    assert.deepEqual(Object.values(bounded(['a.md'], huge)).slice(0, 3), [2, '', 'oncolint: .oncolintignore: too large (1,000,001 bytes; the limit is 1,000,000)\n'])
    for (const r of [zero]) assert.ok(r.ms < 10_000)
  })

  it('a config that is /dev/zero or a FIFO, or names such a terminology file: one line, exit 2, at once', () => {
    const zero = project({'a.md': DRAFT}, '')
    symlinkSync('/dev/zero', join(zero, '.oncolintrc.yaml'))
    assert.deepEqual(Object.values(bounded(['a.md'], zero)).slice(0, 3), [2, '', `oncolint: ${join(zero, '.oncolintrc.yaml')}:1: not a regular file (a character device)\n`])
    const terms = project({'a.md': DRAFT}, 'terminology: [/dev/zero]\n')
    assert.deepEqual(Object.values(bounded(['a.md'], terms)).slice(0, 3), [2, '', `oncolint: ${join(terms, '.oncolintrc.yaml')}:1: terminology file /dev/zero: not a regular file (a character device)\n`])
    const fifo = project({'a.md': DRAFT}, 'accept: [x]\nterminology: [fifo]\n')
    execFileSync('mkfifo', [join(fifo, 'fifo')])
    for (const args of [['a.md'], ['--cache', 'a.md']]) {
      assert.deepEqual(Object.values(bounded(args, fifo)).slice(0, 3), [2, '', `oncolint: ${join(fifo, '.oncolintrc.yaml')}:2: terminology file ${join(fifo, 'fifo')}: not a regular file (a FIFO)\n`])
    }
  })
})
