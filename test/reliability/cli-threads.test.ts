/**
 * The built command line (bin/oncolint.js -> dist/cli.js) on a machine that reports 4 cores,
 * as GitHub's runners do: `--concurrency auto` then lints in worker threads, whose outcomes
 * reach the main thread by structured clone. Every format, with and without --cache, and
 * --fix, gives byte for byte what one thread gives. (Issue 21: a throwing getter on the report
 * crashed every thread run whose format shows no readability figures.)
 *
 * The cores are reported by a preload (`node -r`), which worker threads inherit too; and
 * ONCOLINT_WORKERS_ONLY=1 leaves every file to the workers, so each outcome crosses threads
 * (the main thread would otherwise take the first files while the workers start).
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {cpSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {FORMATS} from '../../server/src/cli/formats/index.js'
import {BYTES_PER_THREAD, MIN_FILES_FOR_THREADS} from '../../server/src/cli/threads.js'
import {BIN, cli, project, type Ran} from '../cli/helpers.js'

const FILES = MIN_FILES_FOR_THREADS + 2
// Enough text that `auto` starts threads: each draft differs, so a result filed under the wrong file shows.
const padding = 'The cat sat on the mat. '.repeat(Math.ceil((1.2 * BYTES_PER_THREAD) / FILES / 24))
const draft = (i: number) => `# Draft ${i}\n\n${'A zorblat tumor grew. Quux spreads cancer. The blorpest hospital. '.repeat(i + 1)}\n\n${padding}\n`
const drafts = () => Object.fromEntries(Array.from({length: FILES}, (_, i) => [`d/f${String(i).padStart(2, '0')}.md`, draft(i)]))

/** Runs the bundle as on a 4-core machine, every file linted in a worker thread. */
function onFourCores(args: string[], cwd: string): Ran {
  const preload = join(cwd, '..', `${cwd.split('/').pop()}-cores.cjs`)
  writeFileSync(preload, "require('node:os').availableParallelism = () => 4\n")
  const r = spawnSync(process.execPath, ['-r', preload, BIN, '--debug', ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ONCOLINT_WORKERS_ONLY: '1'}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

const threadsUsed = (stderr: string) => Number(/linted on (\d+) thread/.exec(stderr)?.[1])

describe('reliability: the built CLI on a 4-core machine (worker threads)', function () {
  this.timeout(180_000)

  for (const format of FORMATS) {
    it(`--format ${format}, with and without --cache: the same bytes and exit code as one thread`, async () => {
      const dir = project(drafts())
      const one = await cli(['-f', format, 'd'], {cwd: dir})
      assert.equal(one.code, 1, one.stderr)
      for (const cache of [[], ['--cache', '--cache-location', `cache-${format}`]]) {
        const threaded = onFourCores(['-f', format, ...cache, 'd'], dir)
        assert.ok(threadsUsed(threaded.stderr) >= 2, threaded.stderr)
        assert.equal(threaded.stderr.replace(/^oncolint: debug: .*\n/m, ''), '', `${format} ${cache.join(' ')}`)
        assert.equal(threaded.code, 1)
        assert.equal(threaded.stdout, one.stdout, `${format} ${cache.join(' ')}`)
      }
    })
  }

  it('--format sarif --output-file (the README step) writes the report', async () => {
    const dir = project(drafts())
    const r = onFourCores(['-f', 'sarif', '-o', 'oncolint.sarif', 'd'], dir)
    assert.equal(r.code, 1, r.stderr)
    assert.equal(readFileSync(join(dir, 'oncolint.sarif'), 'utf8'), (await cli(['-f', 'sarif', 'd'], {cwd: dir})).stdout)
  })

  it('--fix: every file fixed as on one thread, and the same report', async () => {
    const threadedDir = project(drafts())
    const oneDir = project({})
    cpSync(join(threadedDir, 'd'), join(oneDir, 'd'), {recursive: true})
    const one = await cli(['--fix', '-f', 'json', 'd'], {cwd: oneDir})
    const threaded = onFourCores(['--fix', '-f', 'json', 'd'], threadedDir)
    assert.ok(threadsUsed(threaded.stderr) >= 2, threaded.stderr)
    assert.equal(threaded.code, one.code)
    assert.equal(threaded.stdout.replaceAll(threadedDir, 'DIR'), one.stdout.replaceAll(oneDir, 'DIR'))
    for (const name of readdirSync(join(oneDir, 'd'))) {
      const fixed = readFileSync(join(threadedDir, 'd', name), 'utf8')
      assert.equal(fixed, readFileSync(join(oneDir, 'd', name), 'utf8'))
      assert.ok(!fixed.includes('zorblat'), `${name} was fixed`)
    }
  })
})
