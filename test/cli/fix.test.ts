import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {FileProblem} from '../../server/src/cli/errors.js'
import {writeFix} from '../../server/src/cli/write.js'
import {TEST_RC, cli, project} from './helpers.js'

const RC = `${TEST_RC}rules:\n  readability: off\n`
const A = 'A zorblat tumor grew. Quux spreads cancer.\n'
const FIXED_A = 'A secondary tumor grew. Quux spreads cancer.\n'
const B = 'Line one.\nThe zorblat tumor, then another zorblat tumor.'
const FIXED_B = 'Line one.\nThe secondary tumor, then another secondary tumor.'

describe('CLI fixing', () => {
  it('--fix applies safe fixes in place, keeps unsafe ones, and reports what remains', async () => {
    const dir = project({'a.md': A, 'h.md': 'The blorpest hospital.\n'}, RC)
    const r = await cli(['--fix', '-f', 'json', '.'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), FIXED_A)
    assert.equal(readFileSync(join(dir, 'h.md'), 'utf8'), 'The blorpest hospital.\n', 'an unsafe suggestion is not applied')
    const [a, h] = JSON.parse(r.stdout)
    assert.deepEqual(a.messages.map((m: {ruleId: string; column: number}) => [m.ruleId, m.column]), [['accuracy/misconception', 25]])
    assert.deepEqual(h.messages.map((m: {ruleId: string}) => m.ruleId), ['promotion/superlative'])
    assert.deepEqual(readdirSync(dir).sort(), ['.oncolintrc.yaml', 'a.md', 'h.md'], 'no temporary file left')
  })

  it('--fix-dry-run prints a unified diff, changes nothing, and reports what would remain', async () => {
    const dir = project({'a.md': A, 'sub/b.txt': B, 'clean.md': 'The cat sat.\n'}, RC)
    const r = await cli(['--fix-dry-run', '.'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(
      r.stdout,
      `--- a/a.md
+++ b/a.md
@@ -1,1 +1,1 @@
-A zorblat tumor grew. Quux spreads cancer.
+A secondary tumor grew. Quux spreads cancer.
--- a/sub/b.txt
+++ b/sub/b.txt
@@ -1,2 +1,2 @@
 Line one.
-The zorblat tumor, then another zorblat tumor.
\\ No newline at end of file
+The secondary tumor, then another secondary tumor.
\\ No newline at end of file

a.md
  1:25  error    Quux does not spread cancer (test entry).  accuracy/misconception

✖ 1 problem (1 error, 0 warnings, 0 info)
`,
    )
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), A)
    assert.equal(readFileSync(join(dir, 'sub', 'b.txt'), 'utf8'), B)
  })

  it('--fix-dry-run with --output-file leaves a patch on stdout that git apply turns into what --fix writes', async () => {
    const dir = project({'a.md': A, 'sub/b.txt': B}, RC)
    const r = await cli(['--fix-dry-run', '-f', 'json', '-o', 'report.json', 'a.md', 'sub'], {cwd: dir})
    assert.ok(r.stdout.startsWith('--- a/a.md\n'), r.stdout)
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))[0].messages.map((m: {ruleId: string}) => m.ruleId), ['accuracy/misconception'])
    writeFileSync(join(dir, 'fix.patch'), r.stdout)
    execFileSync('git', ['apply', 'fix.patch'], {cwd: dir})
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), FIXED_A)
    assert.equal(readFileSync(join(dir, 'sub', 'b.txt'), 'utf8'), FIXED_B)
  })

  it('--fix-dry-run gives a patch that applies to a file with a byte-order mark, and makes what --fix writes (issue 21)', async () => {
    const dir = project({}, RC)
    const bytes = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    writeFileSync(join(dir, 'bomlf.md'), bytes(A))
    writeFileSync(join(dir, 'bomcrlf.txt'), bytes(B.replace(/\n/g, '\r\n')))
    const r = await cli(['--fix-dry-run', '-o', 'rem.txt', 'bomlf.md', 'bomcrlf.txt'], {cwd: dir})
    writeFileSync(join(dir, 'p.patch'), r.stdout)
    execFileSync('git', ['apply', '--check', 'p.patch'], {cwd: dir})
    execFileSync('git', ['apply', 'p.patch'], {cwd: dir})
    const patched = ['bomlf.md', 'bomcrlf.txt'].map((n) => readFileSync(join(dir, n)))
    writeFileSync(join(dir, 'bomlf.md'), bytes(A))
    writeFileSync(join(dir, 'bomcrlf.txt'), bytes(B.replace(/\n/g, '\r\n')))
    await cli(['--fix', 'bomlf.md', 'bomcrlf.txt'], {cwd: dir})
    assert.deepEqual(patched, ['bomlf.md', 'bomcrlf.txt'].map((n) => readFileSync(join(dir, n))))
    assert.deepEqual(patched[0], bytes(FIXED_A))
  })

  it('--fix-dry-run diffs standard input; --fix refuses it', async () => {
    const dir = project({}, RC)
    const r = await cli(['--fix-dry-run', '--stdin-filename', 'in.md', '-'], {cwd: dir, input: 'A zorblat tumor.\n'})
    assert.equal(r.stdout, '--- a/in.md\n+++ b/in.md\n@@ -1,1 +1,1 @@\n-A zorblat tumor.\n+A secondary tumor.\n')
    const refused = await cli(['--fix', '-'], {cwd: dir, input: 'A zorblat tumor.\n'})
    assert.deepEqual([refused.code, refused.stderr], [2, 'oncolint: --fix cannot write to standard input; use --fix-dry-run to see the fixes\n'])
  })

  it('never overwrites a file that changed on disk after it was read', () => {
    const dir = project({'a.md': 'changed meanwhile\n'})
    const file = join(dir, 'a.md')
    assert.throws(() => writeFix(file, Buffer.from(A), FIXED_A, false), new FileProblem('changed on disk while being linted; not fixed'))
    assert.equal(readFileSync(file, 'utf8'), 'changed meanwhile\n')
    writeFix(file, Buffer.from('changed meanwhile\n'), 'fixed\n', false)
    assert.equal(readFileSync(file, 'utf8'), 'fixed\n')
    assert.deepEqual(readdirSync(dir).sort(), ['.oncolintrc.yaml', 'a.md'])
  })
})
