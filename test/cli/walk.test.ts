/**
 * Folder walks (issue 21, findings 15 and 16): symbolic links inside a walk are not followed
 * (no loop, never out of the folder), each real file is linted once, and a name that is not
 * UTF-8 or a path too long costs only itself.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {linkSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project, run} from './helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const paths = (stdout: string, dir: string) => (JSON.parse(stdout) as Array<{filePath: string}>).map((f) => f.filePath.slice(dir.length + 1))

describe('CLI: walking folders', () => {
  it('two symbolic-link cycles: each file once, at once (a folder and a glob)', async () => {
    const dir = project({'a/x.md': DRAFT, 'b.md': DRAFT})
    symlinkSync('..', join(dir, 'a', 'up'))
    symlinkSync('../a', join(dir, 'a', 'self'))
    const started = performance.now()
    const r = await cli(['-f', 'json', '.'], {cwd: dir})
    assert.deepEqual(paths(r.stdout, dir), ['a/x.md', 'b.md'])
    const g = await cli(['-f', 'json', '**/*.md'], {cwd: dir})
    assert.deepEqual(paths(g.stdout, dir), ['a/x.md', 'b.md'])
    assert.ok(performance.now() - started < 5000)
  })

  it('links to files and folders found by a walk are not followed; a link named on the command line is', async () => {
    const dir = project({'drafts/real.md': DRAFT, 'outside/o.md': DRAFT, 'outside/sub/p.md': DRAFT})
    symlinkSync('../outside/o.md', join(dir, 'drafts', 'link.md'))
    symlinkSync('../outside', join(dir, 'drafts', 'dirlink'))
    symlinkSync('real.md', join(dir, 'drafts', 'inner-link.md'))
    assert.deepEqual(paths((await cli(['-f', 'json', 'drafts'], {cwd: dir})).stdout, dir), ['drafts/real.md'])
    assert.deepEqual(paths((await cli(['-f', 'json', 'drafts/link.md', 'drafts/dirlink/sub'], {cwd: dir})).stdout, dir), ['drafts/dirlink/sub/p.md', 'drafts/link.md'])
  })

  it('the same file under two names (a hard link, or named twice) is linted once, under the first name', async () => {
    const dir = project({'a.md': DRAFT})
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'))
    symlinkSync('a.md', join(dir, 'c.md'))
    assert.deepEqual(paths((await cli(['-f', 'json', '.', 'c.md'], {cwd: dir})).stdout, dir), ['a.md'])
  })

  it('a file name that is not UTF-8 is reported, escaped, and the rest linted (exit 2)', async () => {
    const dir = project({'ok.md': DRAFT})
    execFileSync('sh', ['-c', `printf 'A zorblat tumor grew.\\n' > "$(printf 'caf\\351.md')" && mkdir "$(printf 'dir\\377')"`], {cwd: dir})
    const r = await cli(['.'], {cwd: dir})
    assert.equal(r.code, 2)
    assert.equal(
      r.stderr,
      'oncolint: caf\\xE9.md: its name is not valid UTF-8, not linted\noncolint: dir\\xFF: its name is not valid UTF-8, not searched\noncolint: 2 files could not be linted (see above); exit code 2\n',
    )
    // biome-ignore lint/complexity/noAdjacentSpacesInRegex: the default output's columns are two spaces apart
    assert.match(r.stdout, /\nok\.md\n  1:3  warning/)
  })

  it('a folder deeper than PATH_MAX is reported and the rest linted (built CLI)', function () {
    this.timeout(60_000)
    const dir = project({'ok.md': DRAFT})
    const name = 'd'.repeat(200)
    execFileSync('bash', ['-c', `for i in $(seq 25); do mkdir ${name} && cd ${name} || exit 1; done; printf 'A zorblat tumor grew.\\n' > deep.md`], {cwd: dir})
    const r = run(['-f', 'json', '.'], {cwd: dir})
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stderr, /^oncolint: (d{200}\/)+d{200}: folder cannot be read \(ENAMETOOLONG: name too long\), not linted\n/)
    const reports = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{fatal?: boolean}>}>
    assert.equal(reports.filter((f) => f.filePath === join(dir, 'ok.md') && f.messages.length === 1).length, 1)
    assert.equal(reports.filter((f) => f.messages[0]?.fatal).length, 1)
  })

  it('dot folders and node_modules are skipped; an unreadable folder costs only itself', async () => {
    const dir = project({'a.md': DRAFT, '.hidden/h.md': DRAFT, 'node_modules/n.md': DRAFT})
    mkdirSync(join(dir, 'empty'))
    writeFileSync(join(dir, 'empty', 'notes.txt.bak'), DRAFT)
    assert.deepEqual(paths((await cli(['-f', 'json', '.'], {cwd: dir})).stdout, dir), ['a.md'])
  })
})
