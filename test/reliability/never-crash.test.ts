/**
 * Never crash, never hang: lint() takes any text a writer can paste and returns findings that
 * lie inside it, on character boundaries, sorted, the same every time, and the same with a
 * reused parse cache as without. Case counts are per property (see scale.ts to run more).
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {lint, ParseCache} from '../../server/src/engine/index.js'
import {testTerminology} from '../helpers.js'
import {applyOp, bigDraft, draft, editOp, languageId, mutatedDraft, noise} from './arbitraries.js'
import {checkResult} from './invariants.js'
import {runs, timeoutFor} from './scale.js'

const terminology = testTerminology()
const lintAs = (text: string, lang: string, cache?: ParseCache) => lint(text, {languageId: lang, terminology, cache})

describe('reliability: lint() on any text', function () {
  this.timeout(timeoutFor(60_000))

  it('returns in-range, sorted findings for unstructured noise (lone surrogates, NUL, control characters)', () => {
    fc.assert(
      fc.property(noise, languageId, (text, lang) => checkResult(text, lintAs(text, lang))),
      runs(3000),
    )
  })

  it('returns in-range, sorted, deterministic findings for Markdown drafts', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const first = lintAs(text, 'markdown')
        checkResult(text, first)
        assert.deepEqual(lintAs(text, 'markdown'), first, 'a second lint of the same text gives the same result')
      }),
      runs(1500),
    )
  })

  it('returns in-range, sorted findings for the same drafts read as plain text', () => {
    fc.assert(
      fc.property(draft, (text) => checkResult(text, lintAs(text, 'plaintext'))),
      runs(1500),
    )
  })

  it('returns in-range, sorted findings for drafts cut and pasted at random points', () => {
    fc.assert(
      fc.property(mutatedDraft, languageId, (text, lang) => checkResult(text, lintAs(text, lang))),
      runs(2000),
    )
  })

  it('gives the same findings and stats with a parse cache reused across random edits as without', () => {
    fc.assert(
      fc.property(draft, fc.array(editOp, {minLength: 1, maxLength: 5}), languageId, (start, ops, lang) => {
        const cache = new ParseCache()
        let text = start
        lintAs(text, lang, cache)
        for (const op of ops) {
          text = applyOp(text, op)
          const warm = lintAs(text, lang, cache)
          const cold = lintAs(text, lang)
          assert.deepEqual(warm.findings, cold.findings)
          assert.deepEqual(warm.stats, cold.stats)
        }
      }),
      runs(400),
    )
  })

  it('handles large drafts: deep nesting, long lines, many blocks', () => {
    fc.assert(
      fc.property(bigDraft, languageId, (text, lang) => checkResult(text, lintAs(text, lang))),
      runs(25),
    )
  })
})
