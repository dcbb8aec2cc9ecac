import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {ROOT} from '../helpers.js'
import {TEST_RC, cli, project} from './helpers.js'

describe('CLI errors', () => {
  const dir = project({'a.md': 'A zorblat tumor grew.\n', 'bad/b.md': 'A zorblat tumor grew.\n', 'bad/.oncolintrc.yaml': 'rules:\n  promotion: error\n  maxSentenceWords: 3\n', 'typo/.oncolintrc.yaml': 'rules:\n  promotion/superlatives: off\n', 'typo/c.md': 'x\n', 'term/.oncolintrc.yaml': 'root: true\nterminology: [my.yaml]\n', 'term/my.yaml': "- id: my-typo\n  rule: promotion/hypo\n  find: ['wonder drug']\n  message: Hype.\n  source: https://example.org\n  examples: {flag: ['A wonder drug.'], pass: ['A drug.']}\n", 'term/d.md': 'A wonder drug.\n'})
  const phraseRules = (JSON.parse(readFileSync(join(ROOT, 'terminology', 'schema.json'), 'utf8')).definitions.entry.properties.rule.enum as string[]).join(', ')

  const cases: Array<[string, string[], string]> = [
    ['an unknown option, with the nearest known one', ['--formt', 'json', 'a.md'], 'Unknown option "--formt" (did you mean --format?); see oncolint --help'],
    ['an unknown option', ['--frobnicate', 'a.md'], 'Unknown option "--frobnicate"; see oncolint --help'],
    ['an option without its value', ['a.md', '--max-warnings'], 'Option --max-warnings needs a value; see oncolint --help'],
    ['a flag given a value', ['--fix=yes', 'a.md'], 'Option --fix takes no value; see oncolint --help'],
    ['a missing file', ['missing.md'], 'No such file or directory: missing.md'],
    ['a glob matching nothing', ['nothing/**/*.md'], 'No files matching the pattern "nothing/**/*.md" were found.'],
    ['an unknown format', ['-f', 'xml', 'a.md'], 'Unknown format "xml" (expected one of: stylish, json, sarif, github, junit, html)'],
    ['a bad --max-warnings', ['--max-warnings=-1', 'a.md'], '--max-warnings needs a whole number, got "-1"'],
    ['a fractional --max-warnings', ['--max-warnings', '1.5', 'a.md'], '--max-warnings needs a whole number, got "1.5"'],
    ['a bad --min-severity', ['--min-severity', 'fatal', 'a.md'], '--min-severity needs one of info, warning, error, got "fatal"'],
    ['a bad --concurrency', ['--concurrency', '0', 'a.md'], '--concurrency needs a whole number above 0, auto or off, got "0"'],
    ['a bad --ext', ['--ext', 'md,,txt', 'a.md'], '--ext needs a comma-separated list of extensions such as md,txt, got "md,,txt"'],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run', 'a.md'], '--fix and --fix-dry-run cannot be used together'],
    ['no files', [], 'No files given. Try: oncolint <files|dirs|globs...> (or --help)'],
    ['a bad config, with its path and line', ['bad/b.md'], `${join(dir, 'bad', '.oncolintrc.yaml')}:3: rules.maxSentenceWords must be equal to one of the allowed values`],
    ['an unknown rule in a config', ['typo'], `${join(dir, 'typo', '.oncolintrc.yaml')}:2: unknown rule "promotion/superlatives" (see oncolint --list-rules)`],
    ['a terminology entry naming a rule that reads no phrase list, at its line, with the rules that do', ['term'], `${join(dir, 'term', 'my.yaml')}:2: 0.rule must be equal to one of the allowed values: ${phraseRules}`],
  ]
  for (const [what, args, message] of cases) {
    it(`${what}: one line on stderr, exit 2, nothing written`, async () => {
      const r = await cli([...args, '-o', 'out.txt'], {cwd: dir})
      assert.deepEqual([r.code, r.stderr, r.stdout], [2, `oncolint: ${message}\n`, ''])
      assert.ok(!existsSync(join(dir, 'out.txt')), 'no report file')
    })
  }

  it('a bad config stops the run before any file is fixed', async () => {
    const r = await cli(['--fix', 'a.md', 'bad'], {cwd: dir})
    assert.equal(r.code, 2)
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), 'A zorblat tumor grew.\n')
  })

  it('a config that is not valid YAML, or breaks the schema, names file, line and problem', async () => {
    const yaml = project({'a.md': 'x\n'}, `${TEST_RC}rules: [oops\n`)
    const r = await cli(['a.md'], {cwd: yaml})
    assert.equal(r.code, 2)
    assert.match(r.stderr, new RegExp(`^oncolint: ${join(yaml, '.oncolintrc.yaml')}:[23]: Flow sequence .+\\n$`))
    const schema = project({'a.md': 'x\n'}, `${TEST_RC}targetGrade: high\n`)
    const s = await cli(['a.md'], {cwd: schema})
    assert.deepEqual([s.code, s.stderr], [2, `oncolint: ${join(schema, '.oncolintrc.yaml')}:2: targetGrade must be number\n`])
  })
})
