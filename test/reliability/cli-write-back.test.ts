/** Written back faithfully or not at all; see server/src/cli/write.ts and server/src/config/load-config.ts. */
import assert from 'node:assert/strict'
import {chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project} from '../cli/helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const FIXED = 'A secondary tumor grew.\n'


describe('CLI: --fix never clobbers what it cannot write back faithfully', () => {
  it('1. leaves a read-only draft alone and says so (exit 2)', async () => {
    const dir = project({'ro.md': DRAFT})
    const file = join(dir, 'ro.md')
    chmodSync(file, 0o444)
    const r = await cli(['--fix', 'ro.md'], {cwd: dir})
    assert.equal(readFileSync(file, 'utf8'), DRAFT)
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${file} is read-only; not fixed\n`])
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
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${file} is not valid UTF-8; not fixed\n`])
  })

  it('4. fixes the target of a symbolic link and keeps the link', async () => {
    const dir = project({'real.md': DRAFT})
    symlinkSync('real.md', join(dir, 'link.md'))
    const r = await cli(['--fix', 'link.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'link.md is still a link')
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), FIXED)
  })

  it('5. skips a binary file with one clear line', async () => {
    const dir = project({})
    // A PNG signature and header, then bytes that decode to "words".
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.from('zorblat tumor '.repeat(200))])
    writeFileSync(join(dir, 'image.md'), png)
    const r = await cli(['-f', 'json', 'image.md'], {cwd: dir})
    assert.equal(r.code, 0)
    assert.equal(r.stderr, 'oncolint: warning: image.md: binary file, not linted\n')
    const reports = JSON.parse(r.stdout) as Array<{messages: unknown[]}>
    assert.deepEqual(reports.flatMap((f) => f.messages), [])
  })
})
