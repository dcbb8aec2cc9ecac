/**
 * No code from the workspace runs: a config or terminology file is data. `__proto__` keys
 * change no prototype, YAML tags for JavaScript stay strings the schema rejects, aliases that
 * expand without bound are refused, and patterns that look like regular expressions are
 * words to the matcher (never compiled, so no backtracking on a crafted text).
 */
import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {lint, terminologyWith} from '../../server/src/engine/index.js'
import {cli, project} from '../cli/helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const untouched = () => {
  const probe = {} as Record<string, unknown>
  for (const key of ['targetGrade', 'accuracy', 'polluted', 'x']) assert.equal(probe[key], undefined, `Object.prototype.${key} was set`)
}

describe('reliability: configuration and terminology are data', () => {
  const configs: Array<[string, string, string, (dir: string) => string]> = [
    ['__proto__ at the top of .oncolintrc.json', '.oncolintrc.json', '{"__proto__": {"targetGrade": 1, "polluted": true}}', (dir) => `${join(dir, '.oncolintrc.json')}:1: config must NOT have additional properties: "__proto__"`],
    ['__proto__ as a rule id', '.oncolintrc.json', '{\n  "rules": {"__proto__": "off"}\n}', (dir) => `${join(dir, '.oncolintrc.json')}:2: unknown rule "__proto__" (see oncolint --list-rules)`],
    ['constructor as a rule id', '.oncolintrc.yaml', 'rules:\n  constructor: off\n', (dir) => `${join(dir, '.oncolintrc.yaml')}:2: unknown rule "constructor" (see oncolint --list-rules)`],
    ['__proto__ in YAML', '.oncolintrc.yaml', 'accept: [a]\n__proto__:\n  polluted: yes\n', (dir) => `${join(dir, '.oncolintrc.yaml')}:2: config must NOT have additional properties: "__proto__"`],
  ]
  for (const [what, name, text, message] of configs) {
    it(`${what}: refused with file and line, no prototype changed`, async () => {
      const dir = project({'a.md': DRAFT}, '')
      writeFileSync(join(dir, name), text)
      const r = await cli(['a.md'], {cwd: dir})
      assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${message(dir)}\n`])
      untouched()
    })
  }

  it('a YAML tag for a JavaScript function is a string the schema rejects; the function never runs', async () => {
    const dir = project({'a.md': DRAFT}, '')
    const marker = join(dir, 'ran.txt')
    writeFileSync(join(dir, '.oncolintrc.yaml'), `targetGrade: !!js/function 'function () { require("fs").writeFileSync(${JSON.stringify(marker)}, "x") }'\n`)
    const r = await cli(['a.md'], {cwd: dir})
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${join(dir, '.oncolintrc.yaml')}:1: targetGrade must be number\n`])
    assert.ok(!existsSync(marker))
  })

  it('accepted phrases that look like code are phrases', async () => {
    const dir = project({'a.md': 'A zorblat tumor grew. ${process.exit(7)} `rm -rf /` zorblat tumor.\n'}, '')
    writeFileSync(join(dir, '.oncolintrc.yaml'), `terminology: [${JSON.stringify(join(process.cwd(), 'test', 'fixtures', 'terminology', 'test-terms.yaml'))}]\naccept: ["\${process.exit(7)}", "\`rm -rf /\` zorblat tumor", "constructor"]\n`)
    const r = await cli(['-f', 'json', 'a.md'], {cwd: dir})
    assert.equal(r.code, 0, r.stderr)
    const flagged = (JSON.parse(r.stdout)[0].messages as Array<{ruleId: string; offset: number}>).filter((m) => m.ruleId === 'accuracy/nonstandard-term')
    assert.deepEqual(flagged.map((m) => m.offset), [2], 'the accepted one is dropped, the other kept')
  })

  it('YAML aliases that expand without bound ("billion laughs") are refused at once', async () => {
    const dir = project({'a.md': DRAFT}, '')
    const levels = 'abcdefghi'.split('')
    const bomb = levels.map((l, i) => `${l}: &${l} [${i === 0 ? Array(9).fill('"lol"').join(',') : Array(9).fill(`*${levels[i - 1]}`).join(',')}]`).join('\n')
    writeFileSync(join(dir, '.oncolintrc.yaml'), `${bomb}\n`)
    const started = performance.now()
    const r = await cli(['a.md'], {cwd: dir})
    assert.ok(performance.now() - started < 5000)
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${join(dir, '.oncolintrc.yaml')}:1: Excessive alias count indicates a resource exhaustion attack\n`])
  })

  describe('patterns that look like regular expressions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-regexlike-'))
    const file = join(dir, 'terms.yaml')
    writeFileSync(
      file,
      ['(a+)+$', 'evil.*regex', '^b[0-9]{2,}\\d?'].map((find, i) => `- id: regex-like-${i}\n  rule: accuracy/nonstandard-term\n  find: [${JSON.stringify(find)}]\n  message: A pattern written like a regex.\n  source: https://example.org/\n  examples: {flag: [x], pass: [y]}\n`).join(''),
    )
    const terminology = terminologyWith([file])
    const flagged = (text: string) => lint(text, {terminology, languageId: 'plaintext'}).findings.filter((f) => f.entryId?.startsWith('regex-like-')).map((f) => text.slice(f.offset, f.endOffset))

    it('match their words literally, not as expressions', () => {
      assert.deepEqual(flagged('An evil regex. evilXXXregex. evil, regex.'), ['evil regex'])
      assert.deepEqual(flagged('Then a + + $ came.'), ['a + + $'])
      assert.deepEqual(flagged('b00 b123 b 0 2'), [])
    })

    it('take no time on the text that makes (a+)+$ backtrack for ever', () => {
      const started = performance.now()
      assert.deepEqual(flagged(`${'a'.repeat(50_000)}!`), [])
      assert.ok(performance.now() - started < 5000)
    })
  })
})
