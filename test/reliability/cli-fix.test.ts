/**
 * `--fix` on disk loses nothing: the file ends up exactly as the engine's applyFixes makes
 * the text, written to a temporary file and renamed over the draft, with nothing left behind,
 * and a draft that changed while it was linted is not overwritten.
 */
import assert from 'node:assert/strict'
import fs, {mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import {join} from 'node:path'
import fc from 'fast-check'
import {applyFixes, lint} from '../../server/src/engine/index.js'
import {cli, project, run, TEST_RC} from '../cli/helpers.js'
import {testTerminology} from '../helpers.js'
import {fixableDraft} from './arbitraries.js'
import {runs, timeoutFor} from './scale.js'

const terminology = testTerminology()
const languageOf = (name: string) => (name.endsWith('.txt') ? 'plaintext' : 'markdown')

/** What the engine makes of a text: one pass of fix-all over its findings. */
const engineFix = (text: string, name: string) => applyFixes(text, lint(text, {languageId: languageOf(name), terminology}).findings).text

describe('reliability: --fix on disk', function () {
  this.timeout(timeoutFor(60_000))

  it('writes exactly what applyFixes makes of the text, for random drafts (.md and .txt)', async () => {
    const dir = project({})
    let n = 0
    await fc.assert(
      fc.asyncProperty(fixableDraft, fc.constantFrom('d.md', 'd.txt'), async (draft, name) => {
        const sub = join(dir, String(n++))
        mkdirSync(sub)
        const file = join(sub, name)
        // What a draft file can hold: UTF-8 turns lone surrogates into U+FFFD; the CLI drops a leading
        // byte-order mark, and skips a file with a NUL byte as binary.
        writeFileSync(file, draft.replace(/^\uFEFF+/, '').replace(/\0/g, ' '))
        const text = readFileSync(file, 'utf8')
        const expected = engineFix(text, name)
        const r = await cli(['--fix', '-f', 'json', name], {cwd: sub})
        assert.ok(r.code === 0 || r.code === 1, r.stderr)
        assert.equal(readFileSync(file, 'utf8'), expected)
        assert.deepEqual(readdirSync(sub), [name], 'nothing left beside the draft')
      }),
      runs(60),
    )
  })

  it('replaces the draft by renaming a complete temporary file over it, keeping its mode', async () => {
    const dir = project({'a.md': 'A zorblat tumor grew.\n'})
    const file = join(dir, 'a.md')
    fs.chmodSync(file, 0o640)
    const before = statSync(file)
    const r = await cli(['--fix', 'a.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    const after = statSync(file)
    assert.equal(readFileSync(file, 'utf8'), 'A secondary tumor grew.\n')
    assert.notEqual(after.ino, before.ino, 'a new file was renamed into place (an in-place write keeps the inode)')
    assert.equal(after.mode & 0o777, 0o640)
    assert.deepEqual(readdirSync(dir).sort(), ['.oncolintrc.yaml', 'a.md'])
  })

  it('does not overwrite a draft saved by someone else while it was being linted', async () => {
    const dir = project({'a.md': 'A zorblat tumor grew.\n'})
    const file = join(dir, 'a.md')
    const edited = 'The writer saved this meanwhile. A zorblat tumor grew.\n'
    // The editor saves right after the CLI has read the draft: the CLI's next look at the file
    // (before writing its fix) finds a text it did not lint.
    const open = fs.openSync
    let opens = 0
    fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
      if (path === file && opens++ === 1) fs.writeFileSync(file, edited)
      return (open as (...args: unknown[]) => number)(path, ...rest)
    }) as typeof fs.openSync
    syncBuiltinESMExports()
    let r: Awaited<ReturnType<typeof cli>>
    try {
      r = await cli(['--fix', 'a.md'], {cwd: dir})
    } finally {
      fs.openSync = open
      syncBuiltinESMExports()
    }
    assert.ok(opens >= 2, 'the CLI looked at the draft again before writing')
    // Changed with issue 21: the file is reported and the run goes on (exit 2 with the report).
    assert.deepEqual([r.code, r.stderr], [2, 'oncolint: a.md: changed on disk while being linted; not fixed\noncolint: 1 file could not be linted or fixed (see above); exit code 2\n'])
    assert.equal(readFileSync(file, 'utf8'), edited)
    assert.deepEqual(readdirSync(dir).sort(), ['.oncolintrc.yaml', 'a.md'])
  })

  it('the built command line writes the same as the engine (bin/oncolint.js, after npm run build)', () => {
    const text = '# Zorblat tumors\r\n\r\nA zorblat tumor grew. 😀 Zorblat tumors, then ZORBLAT TUMORS.\r\n\r\n> Some text \r\n> a zorblat tumor &amp; more.\r\n'
    const dir = project({'a.md': text, 'b.txt': text}, `${TEST_RC}rules:\n  readability: off\n`)
    const r = run(['--fix', '-f', 'json', 'a.md', 'b.txt'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    for (const name of ['a.md', 'b.txt']) {
      const fixed = readFileSync(join(dir, name), 'utf8')
      assert.equal(fixed, engineFix(text, name))
      assert.equal(engineFix(fixed, name), fixed, 'nothing is left to fix')
    }
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), '# Secondary tumors\r\n\r\nA secondary tumor grew. 😀 Secondary tumors, then SECONDARY TUMORS.\r\n\r\n> Some text \r\n> a secondary tumor &amp; more.\r\n')
  })
})
