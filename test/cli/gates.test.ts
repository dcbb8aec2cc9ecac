import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project} from './helpers.js'

// One finding of each severity: an info (a suppression without a reason), a warning, an error.
const DRAFT = '<!-- oncolint-disable-next-line promotion -->\nA zorblat tumor grew.\n\nQuux spreads cancer.\n'
const rules = (r: {stdout: string}) => JSON.parse(r.stdout)[0].messages.map((m: {severity: string}) => m.severity)

describe('CLI gates', () => {
  const dir = project({'all.md': DRAFT, 'warn.md': 'A zorblat tumor grew.\n', 'clean.md': 'The cat sat.\n'})

  it('exits 0 when clean, 1 with an error finding', async () => {
    assert.equal((await cli(['clean.md'], {cwd: dir})).code, 0)
    assert.equal((await cli(['warn.md'], {cwd: dir})).code, 0)
    assert.equal((await cli(['all.md'], {cwd: dir})).code, 1)
  })

  it('--max-warnings N fails above N warnings only', async () => {
    assert.equal((await cli(['--max-warnings', '1', 'warn.md'], {cwd: dir})).code, 0)
    const r = await cli(['--max-warnings', '0', 'warn.md'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(r.stderr, 'oncolint found too many warnings (maximum: 0).\n')
  })

  it('--min-severity drops findings below it from the report and the gates', async () => {
    assert.deepEqual(rules(await cli(['-f', 'json', 'all.md'], {cwd: dir})), ['info', 'warning', 'error'])
    assert.deepEqual(rules(await cli(['-f', 'json', '--min-severity', 'warning', 'all.md'], {cwd: dir})), ['warning', 'error'])
    const errorsOnly = await cli(['-f', 'json', '--min-severity', 'error', '--max-warnings', '0', 'warn.md'], {cwd: dir})
    assert.deepEqual([errorsOnly.code, rules(errorsOnly)], [0, []])
  })

  it('--quiet shows errors only, but warnings still count for --max-warnings (as in ESLint)', async () => {
    const r = await cli(['-f', 'json', '--quiet', 'all.md'], {cwd: dir})
    assert.deepEqual([r.code, rules(r)], [1, ['error']])
    const q = await cli(['--quiet', '--max-warnings', '0', 'warn.md'], {cwd: dir})
    assert.deepEqual([q.code, q.stdout], [1, ''])
  })

  it('--output-file writes the report and keeps the exit code', async () => {
    const r = await cli(['-f', 'json', '-o', 'out/report.json', 'all.md'], {cwd: dir})
    assert.deepEqual([r.code, r.stdout], [1, ''])
    assert.deepEqual(rules({stdout: readFileSync(join(dir, 'out', 'report.json'), 'utf8')}), ['info', 'warning', 'error'])
    const clean = await cli(['-o', 'clean-report.txt', 'clean.md'], {cwd: dir})
    assert.deepEqual([clean.code, clean.stdout, readFileSync(join(dir, 'clean-report.txt'), 'utf8')], [0, '', ''])
  })
})
