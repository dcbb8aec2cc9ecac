import assert from 'node:assert/strict'
import {join} from 'node:path'
import {cli, project} from './helpers.js'

const names = (dir: string, r: {stdout: string}) => JSON.parse(r.stdout).map((f: {filePath: string}) => (f.filePath.startsWith(dir) ? f.filePath.slice(dir.length + 1) : f.filePath))

describe('CLI file selection', () => {
  const dir = project({
    '.oncolintignore': '# drafts nobody reviews yet\ndrafts/private/\n*.tmp.md\n!keep.tmp.md\n',
    'drafts/a.md': 'x\n',
    'drafts/b.txt': 'x\n',
    'drafts/c.markdown': 'x\n',
    'drafts/d.rst': 'x\n',
    'drafts/e.tmp.md': 'x\n',
    'drafts/keep.tmp.md': 'x\n',
    'drafts/private/p.md': 'x\n',
    'drafts/node_modules/n.md': 'x\n',
    'drafts/.hidden/h.md': 'x\n',
  })

  it('walks directories for .md, .markdown and .txt, honouring .oncolintignore', async () => {
    const r = await cli(['-f', 'json', 'drafts'], {cwd: dir})
    assert.deepEqual(names(dir, r), ['drafts/a.md', 'drafts/b.txt', 'drafts/c.markdown', 'drafts/keep.tmp.md'])
    assert.equal(r.stderr, '')
  })

  it('honours .oncolintignore for globs too, and sorts by path', async () => {
    const r = await cli(['-f', 'json', 'drafts/**/*.md', 'drafts/b.txt'], {cwd: dir})
    assert.deepEqual(names(dir, r), ['drafts/a.md', 'drafts/b.txt', 'drafts/keep.tmp.md'])
  })

  it('warns about an ignored file named outright, and does not lint it', async () => {
    const r = await cli(['-f', 'json', 'drafts/private/p.md', 'drafts/a.md'], {cwd: dir})
    assert.equal(r.code, 0)
    assert.deepEqual(names(dir, r), ['drafts/a.md'])
    assert.equal(r.stderr, 'oncolint: warning: drafts/private/p.md: File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n')
  })

  it('is a usage error when everything a directory or glob matched is ignored', async () => {
    const r = await cli(['drafts/private'], {cwd: dir})
    assert.deepEqual([r.code, r.stderr], [2, 'oncolint: All files matched by "drafts/private" are ignored (see .oncolintignore, or use --no-ignore).\n'])
  })

  it('--no-ignore lints everything; --ignore-pattern adds a line', async () => {
    assert.deepEqual(names(dir, await cli(['-f', 'json', '--no-ignore', 'drafts'], {cwd: dir})), [
      'drafts/a.md',
      'drafts/b.txt',
      'drafts/c.markdown',
      'drafts/e.tmp.md',
      'drafts/keep.tmp.md',
      'drafts/private/p.md',
    ])
    assert.deepEqual(names(dir, await cli(['-f', 'json', '--ignore-pattern', '*.txt', '--ignore-pattern', 'c.*', 'drafts'], {cwd: dir})), ['drafts/a.md', 'drafts/keep.tmp.md'])
  })

  it('--ext picks the extensions walked in directories (globs and named files are taken as given)', async () => {
    assert.deepEqual(names(dir, await cli(['-f', 'json', '--ext', 'rst,.txt', 'drafts'], {cwd: dir})), ['drafts/b.txt', 'drafts/d.rst'])
    assert.deepEqual(names(dir, await cli(['-f', 'json', '--ext', 'md', '--ext', 'txt', 'drafts'], {cwd: dir})), ['drafts/a.md', 'drafts/b.txt', 'drafts/keep.tmp.md'])
    assert.deepEqual(names(dir, await cli(['-f', 'json', '--ext', 'txt', 'drafts/d.rst'], {cwd: dir})), ['drafts/d.rst'])
  })

  it('reads standard input for -, named by --stdin-filename, alongside files', async () => {
    const r = await cli(['-f', 'json', '--stdin-filename', 'drafts/in.md', '-', 'drafts/a.md'], {cwd: dir, input: 'A zorblat tumor.'})
    assert.deepEqual(names(dir, r), ['drafts/in.md', 'drafts/a.md'])
    assert.equal(JSON.parse(r.stdout)[0].messages[0].ruleId, 'accuracy/nonstandard-term')
    assert.deepEqual(names(dir, await cli(['-f', 'json', '-'], {cwd: dir, input: 'x'})), ['<stdin>'])
  })

  it('treats .txt as plain text and the rest as Markdown', async () => {
    const md = project({'a.md': '`A zorblat tumor`\n', 'a.txt': '`A zorblat tumor`\n'})
    const r = JSON.parse((await cli(['-f', 'json', '.'], {cwd: md})).stdout)
    assert.deepEqual(r.map((f: {messages: unknown[]}) => f.messages.length), [0, 1], 'inline code is not prose in Markdown only')
    assert.equal(r[1].filePath, join(md, 'a.txt'))
  })
})
