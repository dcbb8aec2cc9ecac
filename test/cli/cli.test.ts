import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {CLINIC_DRAFT} from '../helpers.js'
import {project, run} from './helpers.js'

// The contract of the foundation issue, checked on the built bin (bin/oncolint.js -> dist/cli.js).
describe('CLI', () => {
  it('prints the JSON contract with 1-based lines/columns and 0-based offsets', () => {
    const dir = project({'a.md': '# Title\n\nA zorblat tumor grew.\n'})
    const r = run(['--format', 'json', 'a.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    const [file] = JSON.parse(r.stdout)
    assert.equal(file.filePath, join(dir, 'a.md'))
    assert.deepEqual(file.messages, [
      {
        ruleId: 'accuracy/nonstandard-term',
        severity: 'warning',
        message: "'Zorblat tumor' is a test term.",
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 16,
        offset: 11,
        endOffset: 24,
        suggestions: [
          {title: "Replace with 'secondary tumor'", safe: true, edits: [{offset: 11, endOffset: 24, newText: 'secondary tumor'}]},
          {title: "Replace with 'metastasis'", safe: false, edits: [{offset: 11, endOffset: 24, newText: 'metastasis'}]},
        ],
      },
    ])
  })

  it('exits 1 when an error-severity finding is present', () => {
    const dir = project({'a.md': 'Quux spreads cancer.\n'})
    const r = run(['a.md'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.match(r.stdout, /1:1\s+error\s+Quux does not spread cancer \(test entry\)\.\s+accuracy\/misconception/)
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings, 0 info\)/)
  })

  it('fails on warnings over --max-warnings', () => {
    const dir = project({'a.md': 'A zorblat tumor grew.\n'})
    assert.equal(run(['a.md'], {cwd: dir}).code, 0)
    const r = run(['--max-warnings', '0', 'a.md'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.match(r.stderr, /too many warnings \(maximum: 0\)/)
  })

  it('walks directories for .md, .markdown and .txt, skipping node_modules', () => {
    const dir = project({'d/a.md': 'x\n', 'd/b.markdown': 'x\n', 'd/c.txt': 'x\n', 'd/d.html': 'x\n', 'd/node_modules/e.md': 'x\n'})
    const names = JSON.parse(run(['--format', 'json', 'd'], {cwd: dir}).stdout).map((f: {filePath: string}) => f.filePath.slice(dir.length + 1))
    assert.deepEqual(names, ['d/a.md', 'd/b.markdown', 'd/c.txt'])
  })

  it('reads standard input with -, named by --stdin-filename', () => {
    const dir = project({})
    const r = run(['--format', 'json', '--stdin-filename', 'draft.md', '-'], {cwd: dir, input: 'A zorblat tumor.'})
    const [file] = JSON.parse(r.stdout)
    assert.equal(file.filePath, join(dir, 'draft.md'))
    assert.equal(file.messages[0].ruleId, 'accuracy/nonstandard-term')
  })

  it('--fix applies safe fixes in place and reports what remains', () => {
    const dir = project({'a.md': 'A zorblat tumor grew. Quux spreads cancer.\n'})
    const r = run(['--fix', '--format', 'json', 'a.md'], {cwd: dir})
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), 'A secondary tumor grew. Quux spreads cancer.\n')
    const remaining = JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId).filter((id: string) => id.startsWith('accuracy/'))
    assert.deepEqual(remaining, ['accuracy/misconception'])
  })

  it('gives one line on stderr and exit 2 for usage errors', () => {
    for (const args of [['--bogus'], ['missing.md'], ['--format', 'xml', 'a.md'], []]) {
      const r = run(args)
      assert.equal(r.code, 2, args.join(' '))
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
      assert.equal(r.stdout, '')
    }
  })

  it('gives file, line and problem for a bad config, exit 2', () => {
    const dir = project({'a.md': 'x\n'}, 'rules:\n  accuracy/no-such-rule: error\n')
    const r = run(['a.md'], {cwd: dir})
    assert.equal(r.code, 2)
    assert.equal(r.stderr, `oncolint: ${join(dir, '.oncolintrc.yaml')}:2: unknown rule "accuracy/no-such-rule" (see oncolint --list-rules)\n`)
  })

  it('lists rules', () => {
    const r = run(['--list-rules'])
    assert.match(r.stdout, /^accuracy\/nonstandard-term\s+accuracy\s+warning\s/m)
    assert.match(r.stdout, /promotion\/call-to-action/)
  })

  it('flags all three families on a draft written with problems of each', () => {
    const r = run(['--format', 'json', CLINIC_DRAFT])
    const families = new Set(JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId.split('/')[0]))
    assert.deepEqual([...families].sort(), ['accuracy', 'promotion', 'readability'])
  })
})
