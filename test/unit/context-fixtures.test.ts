import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {lint} from '../../server/src/engine/index.js'
import {fixtureLines, ROOT} from '../helpers.js'

// Sentences written for this project, not taken from the terminology entries' own examples:
// they check that the set catches kinds of problem, and that context (negation, hedges,
// advice to call a care team) is respected.
const FIXTURES = join(ROOT, 'test', 'fixtures')
const lines = fixtureLines

for (const family of ['accuracy', 'promotion']) {
  const passFile = family === 'accuracy' ? 'accuracy-context-pass.txt' : 'promotion-pass.txt'
  const flagFile = family === 'accuracy' ? 'accuracy-context-flag.txt' : 'promotion-flag.txt'

  describe(`${family} fixtures: must flag`, () => {
    it(`${flagFile} exists and has cases`, () => assert.ok(existsSync(join(FIXTURES, flagFile)) && lines(flagFile).length >= 20))
    if (!existsSync(join(FIXTURES, flagFile))) return
    for (const line of lines(flagFile)) {
      const [rule, sentence] = line.split('\t')
      it(`${rule}: ${sentence}`, () => {
        const ids = lint(sentence).findings.map((f) => f.ruleId)
        assert.ok(ids.includes(`${family}/${rule}`), `expected ${family}/${rule}, got [${ids.join(', ')}]`)
      })
    }
  })

  describe(`${family} fixtures: must pass`, () => {
    it(`${passFile} exists and has cases`, () => assert.ok(existsSync(join(FIXTURES, passFile)) && lines(passFile).length >= 20))
    if (!existsSync(join(FIXTURES, passFile))) return
    for (const sentence of lines(passFile)) {
      it(sentence, () => {
        const hits = lint(sentence).findings.filter((f) => f.ruleId.startsWith(`${family}/`))
        assert.deepEqual(hits.map((f) => `${f.ruleId}: ${sentence.slice(f.offset, f.endOffset)}`), [])
      })
    }
  })
}
