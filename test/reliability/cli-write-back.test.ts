/** Written back faithfully or not at all; see server/src/cli/write.ts and server/src/config/load-config.ts. */
import assert from 'node:assert/strict'
import {chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project} from '../cli/helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const FIXED = 'A secondary tumor grew.\n'


const FAILED = 'oncolint: 1 file could not be linted or fixed (see above); exit code 2\n'

// Changed with issue 21: a file that cannot be fixed costs only itself: it is reported (stderr
// and the report, which is still written), the others are fixed, and the exit code is 2.
describe('CLI: --fix never clobbers what it cannot write back faithfully', () => {
  it('1. leaves a read-only draft alone and says so (exit 2), and reports what remains in it', async () => {
    const dir = project({'ro.md': DRAFT})
    const file = join(dir, 'ro.md')
    chmodSync(file, 0o444)
    const r = await cli(['--fix', 'ro.md'], {cwd: dir})
    assert.equal(readFileSync(file, 'utf8'), DRAFT)
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ro.md: read-only; not fixed\n${FAILED}`])
    assert.equal(
      r.stdout,
      "\nro.md\n  0:0  error    read-only; not fixed\n  1:3  warning  'Zorblat tumor' is a test term.  accuracy/nonstandard-term\n\n✖ 1 problem (0 errors, 1 warning, 0 info); 1 file failed\n  1 of them can be fixed with the `--fix` option.\n",
    )
  })

  it('2. keeps a byte-order mark', async () => {
    const dir = project({})
    writeFileSync(join(dir, 'bom.md'), `\uFEFF${DRAFT}`)
    const r = await cli(['--fix', 'bom.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(readFileSync(join(dir, 'bom.md')), Buffer.from(`\uFEFF${FIXED}`))
  })

  it('3. does not rewrite a file that is not valid UTF-8 (its bytes would be lost)', async () => {
    const dir = project({})
    const file = join(dir, 'latin1.md')
    const bytes = Buffer.concat([Buffer.from('A zorblat tumor grew. Caf'), Buffer.from([0xe9]), Buffer.from('.\n')])
    writeFileSync(file, bytes)
    const r = await cli(['--fix', 'latin1.md'], {cwd: dir})
    assert.deepEqual(readFileSync(file), bytes)
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: latin1.md: not valid UTF-8 (its bytes would be lost); not fixed\n${FAILED}`])
  })

  it('4. fixes the target of a symbolic link and keeps the link', async () => {
    const dir = project({'real.md': DRAFT})
    symlinkSync('real.md', join(dir, 'link.md'))
    const r = await cli(['--fix', 'link.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'link.md is still a link')
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), FIXED)
  })

  it('5. skips a binary file with one clear line, and says so in the report and the exit code', async () => {
    const dir = project({})
    // A PNG signature and header, then compressed-looking bytes.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.from(Array.from({length: 3000}, (_, i) => (i * 7919) % 256))])
    writeFileSync(join(dir, 'image.md'), png)
    const r = await cli(['-f', 'json', '--fix', 'image.md'], {cwd: dir})
    assert.equal(r.code, 2)
    const why = 'binary file (control bytes or invalid UTF-8 in its first 8 KB), not linted'
    assert.equal(r.stderr, `oncolint: image.md: ${why}\n${FAILED}`)
    const reports = JSON.parse(r.stdout) as Array<{messages: unknown[]; stats: unknown}>
    assert.deepEqual(reports, [{filePath: join(dir, 'image.md'), messages: [{ruleId: null, fatal: true, severity: 'error', message: why, line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, endOffset: 0, suggestions: []}], stats: null}])
    assert.deepEqual(readFileSync(join(dir, 'image.md')), png, 'not touched')
  })
})
