/**
 * Fault isolation: a rule that throws on a document is reported once, and every other rule's
 * findings still arrive, from the engine and from the command line.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint, RULES, type Finding} from '../../server/src/engine/index.js'
import {cli, project, TEST_RC} from '../cli/helpers.js'
import {testTerminology} from '../helpers.js'
import {THROWING_RULE, withThrowingRule} from './throwing-rule.js'

const TEXT = 'A zorblat tumor grew. Quux spreads cancer. We are the blorpest cancer hospital.\n'
const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId)

describe('reliability: a rule that throws', () => {
  const terminology = testTerminology()

  it('is reported once by lint(), and the other rules still report', () => {
    const healthy = lint(TEXT, {terminology})
    const result = lint(TEXT, {terminology, rules: [THROWING_RULE, ...RULES, THROWING_RULE]})
    assert.deepEqual(result.ruleErrors, [
      {ruleId: 'readability/test-throws', message: 'boom on purpose'},
      {ruleId: 'readability/test-throws', message: 'boom on purpose'},
    ])
    assert.deepEqual(result.findings, healthy.findings)
    assert.deepEqual(ids(result.findings), ['accuracy/nonstandard-term', 'accuracy/misconception', 'promotion/superlative'])
  })

  it('switched off, is not run at all', () => {
    const result = lint(TEXT, {terminology, rules: [THROWING_RULE, ...RULES], config: {rules: {'readability/test-throws': 'off'}}})
    assert.deepEqual(result.ruleErrors, [])
  })

  it('the CLI reports it once per file on stderr, still reports the rest, and fixes with the rest', async () => {
    const dir = project({'a.md': TEXT, 'b.md': 'Quux spreads cancer.\n'}, TEST_RC)
    const r = await withThrowingRule(() => cli(['--fix', '-f', 'json', '.'], {cwd: dir}))
    assert.equal(
      r.stderr,
      [`oncolint: rule readability/test-throws failed on ${join(dir, 'a.md')}: boom on purpose`, `oncolint: rule readability/test-throws failed on ${join(dir, 'b.md')}: boom on purpose`, ''].join('\n'),
    )
    assert.equal(r.code, 1, 'the error-severity misconception still fails the run')
    const [a, b] = (JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string}>}>).map((f) => f.messages.map((m) => m.ruleId).filter((id) => !id.startsWith('readability/')))
    assert.deepEqual(a, ['accuracy/misconception', 'promotion/superlative'])
    assert.deepEqual(b, ['accuracy/misconception'])
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), TEXT.replace('zorblat', 'secondary'), 'the safe fix of another rule is still applied')
  })
})
