import assert from 'node:assert/strict'
import {join} from 'node:path'
import {RULES, ruleDocUrl} from '../../server/src/engine/index.js'
import {TEST_TERMS} from '../helpers.js'
import {TEST_RC, cli, project} from './helpers.js'

describe('CLI --print-config and --list-rules', () => {
  it('--print-config shows the config file, defaults filled in, every rule with its resulting severity', async () => {
    const dir = project({}, `${TEST_RC}rules:\n  promotion: error\n  promotion/hype: info\n  readability/long-paragraph: off\naccept: [tumor milieu]\ntargetGrade: 6\n`)
    const r = await cli(['--print-config', 'drafts/new.txt'], {cwd: dir})
    assert.equal(r.code, 0)
    const shown = JSON.parse(r.stdout)
    assert.equal(shown.filePath, join(dir, 'drafts', 'new.txt'))
    assert.equal(shown.configFile, join(dir, '.oncolintrc.yaml'))
    assert.equal(shown.languageId, 'plaintext')
    assert.deepEqual(Object.keys(shown.rules), RULES.map((rule) => rule.id))
    assert.equal(shown.rules['promotion/superlative'], 'error', 'from the family setting')
    assert.equal(shown.rules['promotion/hype'], 'info', 'a rule setting beats its family')
    assert.equal(shown.rules['readability/long-paragraph'], 'off')
    assert.equal(shown.rules['accuracy/nonstandard-term'], 'warning', 'the default')
    assert.deepEqual([shown.accept, shown.targetGrade, shown.maxSentenceWords, shown.maxParagraphWords], [['tumor milieu'], 6, 25, 120])
    assert.ok(shown.terminology.files.includes(TEST_TERMS))
    assert.match(shown.terminology.version, /^\w+$/)
  })

  it('--print-config without a config file shows the defaults', async () => {
    const dir = project({}, '')
    const shown = JSON.parse((await cli(['--print-config', 'a.md'], {cwd: dir})).stdout)
    assert.deepEqual([shown.configFile, shown.languageId, shown.targetGrade, shown.accept], [null, 'markdown', 8, []])
    assert.deepEqual(
      shown.rules,
      Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])),
    )
  })

  it('--list-rules gives id, family, default severity, description and doc link of every rule', async () => {
    const r = await cli(['--list-rules'], {cwd: project({})})
    const lines = r.stdout.trimEnd().split('\n')
    assert.equal(lines.length, RULES.length)
    RULES.forEach((rule, i) => {
      assert.deepEqual(lines[i].split(/\s{2,}/), [rule.id, rule.family, rule.defaultSeverity, rule.description, ruleDocUrl(rule.id)])
    })
  })
})
