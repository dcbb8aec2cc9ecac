import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {join} from 'node:path'
import {BYTES_PER_THREAD, MIN_CORES_FOR_THREADS, MIN_FILES_FOR_THREADS, autoThreads} from '../../server/src/cli/threads.js'
import {RELAUNCHED, RELAUNCH_BYTES, SEMI_SPACE_MB} from '../../server/src/cli/relaunch.js'
import {project, run} from './helpers.js'

// Every file differs, so a result stored under the wrong file shows.
const draft = (i: number, padding = '') => `# Draft ${i}\n\n${'A zorblat tumor grew. Quux spreads cancer. '.repeat(i + 1)}\n\n${padding}`
const files = (n: number, padding = '') => Object.fromEntries(Array.from({length: n}, (_, i) => [`d/f${String(i).padStart(2, '0')}.md`, draft(i, padding)]))
const threadsUsed = (stderr: string) => Number(/linted on (\d+) thread/.exec(stderr)?.[1])

describe('CLI threads', function () {
  // Child processes that each load the terminology: slow on a busy machine.
  this.timeout(90_000)
  it('auto: threads only for enough files and enough text on more than two cores, one per core at most', () => {
    assert.equal(autoThreads(MIN_FILES_FOR_THREADS - 1, 10 * BYTES_PER_THREAD, 8), 1)
    assert.equal(autoThreads(100, BYTES_PER_THREAD - 1, 8), 1)
    assert.equal(autoThreads(MIN_FILES_FOR_THREADS, BYTES_PER_THREAD, 8), 2)
    assert.equal(autoThreads(100, 3.5 * BYTES_PER_THREAD, 8), 4)
    assert.equal(autoThreads(100, 100 * BYTES_PER_THREAD, 3), 3)
    assert.equal(autoThreads(100, 100 * BYTES_PER_THREAD, 2), 1)
    assert.equal(autoThreads(100, 100 * BYTES_PER_THREAD, 1), 1)
  })

  it('gives the same report, in path order, on one thread and on two (bundle)', () => {
    const dir = project(files(12))
    const one = run(['-f', 'json', '--debug', '--concurrency', 'off', 'd'], {cwd: dir})
    const two = run(['-f', 'json', '--debug', '--concurrency', '2', 'd'], {cwd: dir})
    assert.equal(threadsUsed(one.stderr), 1)
    assert.equal(threadsUsed(two.stderr), 2)
    assert.equal(two.code, 1)
    assert.equal(two.stdout, one.stdout)
    const paths = JSON.parse(two.stdout).map((f: {filePath: string}) => f.filePath)
    assert.deepEqual(paths, [...paths].sort())
    assert.deepEqual(
      JSON.parse(two.stdout).map((f: {messages: unknown[]}) => f.messages.length),
      Array.from({length: 12}, (_, i) => 2 * (i + 1)),
    )
  })

  it('auto: uses threads for many long drafts where cores allow; fixes files from every thread (bundle)', () => {
    const padding = 'The cat sat on the mat.\n\n'.repeat(Math.ceil(BYTES_PER_THREAD / MIN_FILES_FOR_THREADS / 25))
    const auto = project(files(MIN_FILES_FOR_THREADS, padding))
    const cores = availableParallelism()
    assert.equal(threadsUsed(run(['--debug', '-f', 'json', 'd'], {cwd: auto}).stderr), cores >= MIN_CORES_FOR_THREADS ? Math.min(cores, 2) : 1)
    const dir = project(files(MIN_FILES_FOR_THREADS, padding))
    const r = run(['--fix', '--debug', '--concurrency', '2', '-f', 'json', 'd'], {cwd: dir})
    assert.equal(threadsUsed(r.stderr), 2, r.stderr)
    for (let i = 0; i < MIN_FILES_FOR_THREADS; i++) {
      assert.equal(readFileSync(join(dir, 'd', `f0${i}.md`), 'utf8'), draft(i, padding).replaceAll('zorblat', 'secondary'))
    }
    const short = project(files(MIN_FILES_FOR_THREADS))
    assert.equal(threadsUsed(run(['--debug', 'd'], {cwd: short}).stderr), 1, 'short drafts stay on one thread')
  })
})

describe('CLI relaunch for a large batch', function () {
  this.timeout(90_000)
  // Drafts over RELAUNCH_BYTES in all, most of it a fenced block (quick to lint), so the test is short.
  const big = () => Object.fromEntries(Array.from({length: 4}, (_, i) => [`d/f${i}.md`, `${draft(i)}\n\n\`\`\`\n${'x '.repeat(RELAUNCH_BYTES / 6)}\n\`\`\`\n`]))
  const room = /relaunched with a (\d+) MB semi-space/

  it('lints a large batch in a process with a larger young generation, with the same report and exit code', () => {
    const dir = project(big())
    const relaunched = run(['-f', 'json', '--debug', 'd'], {cwd: dir})
    const here = run(['-f', 'json', '--debug', 'd'], {cwd: dir, env: {[RELAUNCHED]: '1'}})
    assert.equal(Number(room.exec(relaunched.stderr)?.[1]), SEMI_SPACE_MB, relaunched.stderr)
    assert.equal(relaunched.code, 1)
    assert.equal(relaunched.code, here.code)
    assert.equal(relaunched.stdout, here.stdout)
  })

  it('lints a small batch, standard input or a run with --cache in the first process', () => {
    assert.doesNotMatch(run(['--debug', 'd'], {cwd: project(files(2))}).stderr, room)
    const dir = project(big())
    assert.doesNotMatch(run(['--debug', '--cache', 'd'], {cwd: dir}).stderr, room)
    assert.doesNotMatch(run(['--debug', '-', 'd'], {cwd: dir, input: 'Quux spreads cancer.'}).stderr, room)
  })
})
