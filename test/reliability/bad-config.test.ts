/**
 * Bad configuration on the command line: one line naming file, line and problem, exit 2, no
 * report and nothing fixed. (Unknown rules, YAML syntax errors and a wrong targetGrade in
 * YAML are in test/cli/errors.test.ts; these are the other cases.)
 */
import assert from 'node:assert/strict'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project} from '../cli/helpers.js'
import {TEST_TERMS} from '../helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'

/** Runs --fix with a report file in a project with the given config file; checks nothing was written. */
async function failsWith(files: Record<string, string>, expected: (dir: string) => string): Promise<void> {
  const dir = project({'a.md': DRAFT, ...files}, '')
  const r = await cli(['--fix', '-o', 'report.txt', 'a.md'], {cwd: dir})
  assert.deepEqual([r.code, r.stderr, r.stdout], [2, `oncolint: ${expected(dir)}\n`, ''])
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), DRAFT, 'nothing fixed')
  assert.ok(!existsSync(join(dir, 'report.txt')), 'no report written')
}

const entry = (id: string, find: string, extra = '') =>
  `- id: ${id}\n  rule: accuracy/nonstandard-term\n  find: [${JSON.stringify(find)}]\n  message: A message long enough.\n  source: https://www.cancer.gov/\n  examples: {flag: [x], pass: [y]}\n${extra}`

describe('reliability: bad configuration on the command line', () => {
  it('JSON that does not parse', () =>
    failsWith({'.oncolintrc.json': '{\n  "rules": {"promotion": "error"}\n'}, (dir) => `${join(dir, '.oncolintrc.json')}:3: Flow map must end with a }`))

  it('a list where an object belongs', () => failsWith({'.oncolintrc.json': '[1, 2]\n'}, (dir) => `${join(dir, '.oncolintrc.json')}:1: config must be object`))

  it('a string where a list belongs', () =>
    failsWith({'.oncolintrc.json': '{\n  "targetGrade": 8,\n  "accept": "tumor"\n}\n'}, (dir) => `${join(dir, '.oncolintrc.json')}:3: accept must be array`))

  it('a number written as a string', () =>
    failsWith({'.oncolintrc.json': '{\n  "accept": ["x"],\n  "maxSentenceWords": "20"\n}\n'}, (dir) => `${join(dir, '.oncolintrc.json')}:3: maxSentenceWords must be integer`))

  it('a severity that does not exist', () =>
    failsWith({'.oncolintrc.yaml': 'rules:\n  accuracy: fatal\n'}, (dir) => `${join(dir, '.oncolintrc.yaml')}:2: rules.accuracy must be equal to one of the allowed values`))

  it('a terminology file that breaks the schema, named with its own line', () =>
    failsWith(
      {'.oncolintrc.yaml': 'terminology: [terms.yaml]\n', 'terms.yaml': entry('fine-term', 'fine term') + entry('bad-term', 'bad term', '  prefered: [good term]\n')},
      (dir) => `${join(dir, 'terms.yaml')}:13: 1 must NOT have additional properties (prefered)`,
    ))

  it('a terminology file that is missing', () =>
    failsWith({'.oncolintrc.yaml': 'terminology: [nowhere.yaml]\n'}, (dir) => `${join(dir, 'nowhere.yaml')}:1: cannot read terminology file (ENOENT)`))

  it('a pattern too broad', () =>
    failsWith(
      {'.oncolintrc.yaml': 'terminology: [terms.yaml]\n', 'terms.yaml': entry('too-broad', Array(5).fill('(a|b|c|d|e|f|g|h|i|j)').join(' '))},
      (dir) => `${join(dir, 'terms.yaml')}:1: entry "too-broad": pattern is too broad (more than 10000 phrasings) at column 110 of pattern "${Array(5).fill('(a|b|c|d|e|f|g|h|i|j)').join(' ')}"`,
    ))

  it('a pattern that is only a gap', () =>
    failsWith(
      {'.oncolintrc.yaml': 'terminology: [terms.yaml]\n', 'terms.yaml': entry('only-gap', '...')},
      (dir) => `${join(dir, 'terms.yaml')}:1: entry "only-gap": pattern can match nothing but gaps and names at column 4 of pattern "..."`,
    ))

  it('a terminology entry whose id another file has', () => {
    const dir = project({'a.md': DRAFT, 'terms.yaml': readFileSync(TEST_TERMS, 'utf8')}, `terminology: [${JSON.stringify(TEST_TERMS)}, terms.yaml]\n`)
    return cli(['a.md'], {cwd: dir}).then((r) => {
      assert.equal(r.code, 2)
      assert.match(r.stderr, new RegExp(`^oncolint: ${join(dir, 'terms.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: duplicate entry id "test-zorblat-tumor" \\(also in .+\\)\\n$`))
    })
  })

  it('a good config next to a draft still works (the cases above are not caught by accident)', async () => {
    const dir = project({'a.md': DRAFT})
    writeFileSync(join(dir, 'extra.yaml'), entry('fine-term', 'grew'))
    writeFileSync(join(dir, '.oncolintrc.yaml'), `terminology: [${JSON.stringify(TEST_TERMS)}, extra.yaml]\n`)
    const r = await cli(['-f', 'json', 'a.md'], {cwd: dir})
    assert.deepEqual((JSON.parse(r.stdout)[0].messages as Array<{ruleId: string}>).map((m) => m.ruleId).filter((id) => id.startsWith('accuracy/')), ['accuracy/nonstandard-term', 'accuracy/nonstandard-term'])
  })
})
