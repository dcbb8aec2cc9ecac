/**
 * What -o/--output-file, --cache-location and --fix write to (issue 21, findings 2, 14 and
 * 20): a regular file or a new one atomically; a device, a FIFO or `-` as a stream, in place;
 * a symbolic link the user named through to its target; never a rename over anything that is
 * not a regular file. --fix keeps a draft's owner, mode and hard links. An output that cannot
 * be written stops the run before any draft is fixed.
 */
import assert from 'node:assert/strict'
import {execFileSync, spawn} from 'node:child_process'
import {chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {errorText} from '../../server/src/cli/errors.js'
import {cli, project, run} from '../cli/helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const FIXED = 'A secondary tumor grew.\n'
const isRoot = process.getuid?.() === 0

/** Reads a FIFO to its end in another process (opening it for writing blocks until a reader is there). */
function readFifo(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = spawn('cat', [path])
    let out = ''
    reader.stdout.on('data', (d) => (out += d))
    reader.on('error', reject)
    reader.on('close', () => resolve(out))
  })
}

describe('reliability: output paths and write-back', function () {
  this.timeout(60_000)

  it('-o a character device writes into it and leaves it a device (root: mknod)', async function () {
    if (!isRoot) this.skip()
    const dir = project({'d.md': DRAFT})
    execFileSync('mknod', ['-m', '666', join(dir, 'nulldev'), 'c', '1', '3'])
    const r = await cli(['d.md', '-o', 'nulldev'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.ok(lstatSync(join(dir, 'nulldev')).isCharacterDevice(), 'still a device')
    const c = await cli(['d.md', '--cache', '--cache-location', 'nulldev'], {cwd: dir})
    assert.deepEqual([c.code, c.stderr], [0, ''])
    assert.ok(lstatSync(join(dir, 'nulldev')).isCharacterDevice(), 'still a device after the cache was written to it')
  })

  it('-o a FIFO streams the report into it; --cache-location a FIFO is written, never read (no hang)', async () => {
    const dir = project({'d.md': DRAFT})
    const fifo = join(dir, 'fifo-out')
    execFileSync('mkfifo', [fifo])
    const got = readFifo(fifo)
    const expected = (await cli(['d.md'], {cwd: dir})).stdout
    const r = run(['d.md', '-o', 'fifo-out'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.equal(await got, expected)
    assert.ok(lstatSync(fifo).isFIFO(), 'still a FIFO')
    const cached = readFifo(fifo)
    const c = run(['d.md', '--cache', '--cache-location', 'fifo-out'], {cwd: dir})
    assert.deepEqual([c.code, c.stderr], [0, ''])
    assert.match(await cached, /^\{"oncolint":/, 'the cache went into the FIFO')
    assert.ok(lstatSync(fifo).isFIFO())
  })

  it('-o a symbolic link writes its target (atomically: a new file) and keeps the link; a dangling one creates its target', async () => {
    const dir = project({'d.md': DRAFT, 'reports/target.txt': 'old\n'})
    symlinkSync('reports/target.txt', join(dir, 'link-out'))
    const before = statSync(join(dir, 'reports', 'target.txt')).ino
    const r = await cli(['d.md', '-o', 'link-out'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.ok(lstatSync(join(dir, 'link-out')).isSymbolicLink())
    assert.match(readFileSync(join(dir, 'reports', 'target.txt'), 'utf8'), /zorblat|Zorblat/)
    assert.notEqual(statSync(join(dir, 'reports', 'target.txt')).ino, before)
    symlinkSync('reports/new.txt', join(dir, 'dangling'))
    assert.equal((await cli(['d.md', '-o', 'dangling'], {cwd: dir})).code, 0)
    assert.ok(lstatSync(join(dir, 'dangling')).isSymbolicLink())
    assert.match(readFileSync(join(dir, 'reports', 'new.txt'), 'utf8'), /Zorblat/)
  })

  it('-o a symbolic link to a FIFO writes into the FIFO', async () => {
    const dir = project({'d.md': DRAFT})
    execFileSync('mkfifo', [join(dir, 'fifo')])
    symlinkSync('fifo', join(dir, 'to-fifo'))
    const got = readFifo(join(dir, 'fifo'))
    const r = run(['d.md', '-o', 'to-fifo'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    assert.match(await got, /Zorblat/)
    assert.ok(lstatSync(join(dir, 'fifo')).isFIFO() && lstatSync(join(dir, 'to-fifo')).isSymbolicLink())
  })

  it('-o - is standard output; -o a regular file replaces it atomically and keeps its mode', async () => {
    const dir = project({'d.md': DRAFT, 'out.txt': 'old\n'})
    const plain = await cli(['d.md'], {cwd: dir})
    const dash = await cli(['d.md', '-o', '-'], {cwd: dir})
    assert.equal(dash.stdout, plain.stdout)
    chmodSync(join(dir, 'out.txt'), 0o640)
    const before = statSync(join(dir, 'out.txt')).ino
    await cli(['d.md', '-o', 'out.txt'], {cwd: dir})
    const after = statSync(join(dir, 'out.txt'))
    assert.equal(readFileSync(join(dir, 'out.txt'), 'utf8'), plain.stdout)
    assert.notEqual(after.ino, before)
    assert.equal(after.mode & 0o777, 0o640)
  })

  it('--fix with an output that cannot be written stops before any draft is fixed (exit 2, one line)', async () => {
    const dir = project({'d.md': DRAFT, 'reports/keep.txt': ''})
    const r = await cli(['--fix', 'd.md', '-o', 'reports'], {cwd: dir})
    assert.deepEqual([r.code, r.stderr, r.stdout], [2, `oncolint: --output-file ${join(dir, 'reports')} is a folder; name a file to write to\n`, ''])
    const under = await cli(['--fix', 'd.md', '-o', 'd.md/report.txt'], {cwd: dir})
    assert.deepEqual([under.code, under.stderr], [2, `oncolint: --output-file ${join(dir, 'd.md', 'report.txt')}: ENOTDIR: not a directory\n`])
    assert.equal(readFileSync(join(dir, 'd.md'), 'utf8'), DRAFT, 'not fixed')
  })

  it('an errno message names its code once', () => {
    const e = Object.assign(new Error("EISDIR: illegal operation on a directory, open '/x'"), {code: 'EISDIR'})
    assert.equal(errorText(e), "EISDIR: illegal operation on a directory, open '/x'")
    assert.equal(errorText(Object.assign(new Error('no such thing'), {code: 'ENOENT'})), 'ENOENT: no such thing')
  })

  it('--fix keeps hard links, the mode and (as root) the owner: written in place when a rename would lose them', async () => {
    const dir = project({'drafts/a.md': DRAFT, 'drafts/b.md': DRAFT, 'drafts/c.md': DRAFT})
    mkdirSync(join(dir, 'elsewhere'))
    linkSync(join(dir, 'drafts', 'a.md'), join(dir, 'elsewhere', 'hardlink.md'))
    chmodSync(join(dir, 'drafts', 'b.md'), 0o640)
    if (isRoot) chownSync(join(dir, 'drafts', 'c.md'), 65534, 65534)
    const inodes = ['a.md', 'b.md', 'c.md'].map((n) => statSync(join(dir, 'drafts', n)).ino)
    const r = await cli(['--fix', 'drafts'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    for (const n of ['a.md', 'b.md', 'c.md']) assert.equal(readFileSync(join(dir, 'drafts', n), 'utf8'), FIXED, n)
    assert.equal(readFileSync(join(dir, 'elsewhere', 'hardlink.md'), 'utf8'), FIXED, 'the other name of a.md sees the fix')
    assert.equal(statSync(join(dir, 'drafts', 'a.md')).ino, inodes[0], 'a.md: same inode')
    assert.equal(statSync(join(dir, 'drafts', 'a.md')).nlink, 2)
    assert.equal(statSync(join(dir, 'drafts', 'b.md')).mode & 0o777, 0o640)
    if (isRoot) {
      const c = statSync(join(dir, 'drafts', 'c.md'))
      assert.deepEqual([c.uid, c.gid, c.ino], [65534, 65534, inodes[2]], 'owner kept, in place')
    }
  })
})
