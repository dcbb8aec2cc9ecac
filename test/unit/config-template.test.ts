import assert from 'node:assert/strict'
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {CONFIG_FILE, CONFIG_NAMES, CONFIG_TEMPLATE} from '../../client/src/config-template.js'
import {readConfigFile} from '../../server/src/config/load-config.js'
import {DEFAULT_CONFIG, lint} from '../../server/src/engine/index.js'
import {ROOT, TEST_TERMS} from '../helpers.js'

/** The template with one commented-out key's lines (the key and the indented lines under it) uncommented. */
function uncomment(template: string, key: string): string {
  const lines = template.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`# ${key}:`))
  assert.ok(start >= 0, `the template shows ${key}`)
  for (let i = start; i < lines.length && (i === start || lines[i].startsWith('#   ')); i++) lines[i] = lines[i].slice(2)
  return lines.join('\n')
}

/** Reads `text` as a project's .oncolintrc.yaml, as the CLI and the server do (throws a DataFileError when it is bad). */
function read(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-template-'))
  copyFileSync(TEST_TERMS, join(dir, 'our-terms.yaml'))
  writeFileSync(join(dir, CONFIG_FILE), text)
  return readConfigFile(join(dir, CONFIG_FILE)).config
}

describe('"oncolint: Create configuration" template', () => {
  it('looks for the same config names, in the same order, as the loader', () => {
    assert.deepEqual([...CONFIG_NAMES], ['.oncolintrc.json', '.oncolintrc.yaml', '.oncolintrc.yml'])
    assert.equal(CONFIG_FILE, '.oncolintrc.yaml')
  })

  it('is read as written: an empty accept list, every other line a comment', () => {
    assert.deepEqual(read(CONFIG_TEMPLATE), {accept: []})
    const live = CONFIG_TEMPLATE.split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    assert.deepEqual(live, ['accept: []'])
  })

  const examples: Array<[string, object]> = [
    ['rules', {rules: {promotion: 'error', 'readability/passive-voice': 'off', 'readability/long-paragraph': 'info'}}],
    ['targetGrade', {targetGrade: DEFAULT_CONFIG.targetGrade}],
    ['maxSentenceWords', {maxSentenceWords: DEFAULT_CONFIG.maxSentenceWords}],
    ['maxParagraphWords', {maxParagraphWords: DEFAULT_CONFIG.maxParagraphWords}],
    ['terminology', {terminology: ['our-terms.yaml']}],
  ]
  for (const [key, expected] of examples) {
    it(`uncommenting ${key} gives a valid setting${typeof (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key] === 'number' ? ', shown at its default' : ''}`, () => {
      assert.deepEqual(read(uncomment(CONFIG_TEMPLATE, key)), {accept: [], ...expected})
    })
  }

  it('the rules example changes what is reported', () => {
    const text = 'The tumor was removed. The best cancer hospital is here.\n'
    const config = read(uncomment(CONFIG_TEMPLATE, 'rules'))
    const before = lint(text, {}).findings.map((f) => [f.ruleId, f.severity])
    const after = lint(text, {config}).findings.map((f) => [f.ruleId, f.severity])
    assert.deepEqual(before, [
      ['readability/passive-voice', 'info'],
      ['promotion/superlative', 'warning'],
    ])
    assert.deepEqual(after, [['promotion/superlative', 'error']])
  })

  it('shows every key of the schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'server', 'oncolintrc.schema.json'), 'utf8')) as {properties: object}
    const shown = Object.keys(parse(CONFIG_TEMPLATE.replace(/^# (?=\w+:)/gm, '').replace(/^#   /gm, '  ')) as object)
    assert.deepEqual(shown.sort(), Object.keys(schema.properties).filter((k) => k !== '$schema').sort())
  })
})
