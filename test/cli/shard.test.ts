import assert from 'node:assert/strict'
import {cpSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {shardOf} from '../../server/src/cli/shard.js'
import {cli, project, run} from './helpers.js'

const SENTENCES = ['A zorblat tumor grew.', 'Quux spreads cancer.', 'The blorpest hospital is here.', 'The cat sat on the mat.', 'The tumor was removed.']

/** A project of `n` small drafts in a few folders, each with its own mix of findings. */
function drafts(n: number, from = 0): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = from; i < from + n; i++) {
    const text = SENTENCES.filter((_, j) => (i + j) % 3 !== 0).join(' ')
    files[`docs/${['a', 'b', 'c'][i % 3]}/draft-${i}.${i % 4 === 0 ? 'txt' : 'md'}`] = `# Draft ${i}\n\n${text}\n`
  }
  return files
}

interface FileReport {
  filePath: string
  messages: unknown[]
}
const json = async (args: string[], cwd: string): Promise<FileReport[]> => {
  const r = await cli(['--format', 'json', ...args], {cwd})
  assert.ok(r.code === 0 || r.code === 1, r.stderr)
  return JSON.parse(r.stdout)
}

describe('--shard K/N', function () {
  this.timeout(60_000)
  const dir = project(drafts(40))

  for (const count of [1, 2, 3, 8]) {
    it(`the ${count} shard(s) of ${count} together give exactly the whole run's findings`, async () => {
      const whole = await json(['docs'], dir)
      assert.equal(whole.length, 40)
      const shards = []
      for (let k = 1; k <= count; k++) shards.push(await json(['--shard', `${k}/${count}`, 'docs'], dir))
      const seen = shards.flat().map((f) => f.filePath)
      assert.equal(new Set(seen).size, seen.length, 'no file in two shards')
      assert.deepEqual(
        shards.flat().sort((a, b) => a.filePath.localeCompare(b.filePath)),
        [...whole].sort((a, b) => a.filePath.localeCompare(b.filePath)),
      )
      if (count === 8) assert.ok(shards.every((s) => s.length > 0 && s.length < 15), `shares of 40 files: ${shards.map((s) => s.length)}`)
    })
  }

  it('picks by path relative to the working folder: the same in another checkout folder', async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'oncolint-shard-')), 'checkout')
    cpSync(dir, other, {recursive: true})
    const names = async (cwd: string) => (await json(['--shard', '3/8', 'docs'], cwd)).map((f) => f.filePath.slice(cwd.length))
    assert.deepEqual(await names(other), await names(dir))
    assert.equal(shardOf(join(dir, 'docs', 'a', 'draft-0.txt'), dir, 8), shardOf(join(other, 'docs', 'a', 'draft-0.txt'), other, 8))
  })

  it('adding drafts moves no other draft to another shard (so each shard keeps its cache)', async () => {
    const before = await Promise.all([1, 2, 3, 4].map((k) => json(['--shard', `${k}/4`, 'docs'], dir)))
    const grown = project({...drafts(40), ...drafts(25, 1000)})
    const after = await Promise.all([1, 2, 3, 4].map((k) => json(['--shard', `${k}/4`, 'docs'], grown)))
    for (let k = 0; k < 4; k++) {
      const old = (files: FileReport[], cwd: string) => files.map((f) => f.filePath.slice(cwd.length)).filter((p) => !/draft-1\d\d\d\./.test(p))
      assert.deepEqual(old(after[k], grown), old(before[k], dir), `shard ${k + 1}/4`)
    }
  })

  it('a shard with no files is a clean, empty run', async () => {
    const one = project({'docs/only.md': 'Quux spreads cancer.\n'})
    const empty = shardOf(join(one, 'docs', 'only.md'), one, 2) === 1 ? '2/2' : '1/2'
    assert.deepEqual(await cli(['--shard', empty, 'docs'], {cwd: one}), {code: 0, stdout: '', stderr: ''})
    assert.deepEqual(await json(['--shard', empty, 'docs'], one), [])
  })

  it('names an ignored file (warned about) in one shard only', async () => {
    const ignoring = project({...drafts(6), '.oncolintignore': 'docs/a/\n'})
    const warnings = []
    for (const k of [1, 2, 3]) warnings.push((await cli(['--shard', `${k}/3`, 'docs/a/draft-0.txt', 'docs/b'], {cwd: ignoring})).stderr)
    assert.equal(warnings.join(''), 'oncolint: warning: docs/a/draft-0.txt: File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n')
  })

  const bad: Array<[string, string[], string]> = [
    ['zero', ['--shard', '0/8'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "0/8"'],
    ['above N', ['--shard', '9/8'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "9/8"'],
    ['no N', ['--shard', '3'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "3"'],
    ['N of zero', ['--shard', '1/0'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "1/0"'],
    ['words', ['--shard', 'one/two'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "one/two"'],
    ['a fraction', ['--shard', '1.5/8'], '--shard needs K/N with 1 <= K <= N, such as 3/8, got "1.5/8"'],
    ['no value', ['docs', '--shard'], 'Option --shard needs a value; see oncolint --help'],
    ['standard input', ['--shard', '1/2', '-'], '--shard picks among files; it cannot take standard input (-)'],
  ]
  for (const [what, args, message] of bad) {
    it(`a bad value (${what}) is a one-line usage error, exit 2`, async () => {
      assert.deepEqual(await cli([...args, ...(args.includes('docs') || args.includes('-') ? [] : ['docs'])], {cwd: dir}), {code: 2, stdout: '', stderr: `oncolint: ${message}\n`})
    })
  }

  it('the built command line: --help names it, a bad value exits 2 with one line', () => {
    assert.match(run(['--help']).stdout, /^ {6}--shard <k\/n> {12}lint only the k-th of n shares of the files, picked by path$/m)
    const r = run(['--shard', '8/3', 'docs'], {cwd: dir})
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'oncolint: --shard needs K/N with 1 <= K <= N, such as 3/8, got "8/3"\n'])
  })
})

describe('shardOf', () => {
  it('spreads many paths evenly and puts each in one shard from 1 to N', () => {
    const counts = new Array(8).fill(0)
    for (let i = 0; i < 8000; i++) counts[shardOf(`/repo/docs/section-${i % 37}/draft-${i}.md`, '/repo', 8) - 1]++
    for (const c of counts) assert.ok(c > 850 && c < 1150, `${counts}`)
  })
})
