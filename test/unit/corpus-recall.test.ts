import assert from 'node:assert/strict'
import {join} from 'node:path'
import {ROOT} from '../helpers.js'
import {formatScore} from '../../scripts/score-expect.mjs'
import {recall} from '../../scripts/recall.mjs'

// Recall of labelled problems on the drafts written for this project (test/corpus), linted
// by the built CLI and scored by scripts/score-expect.mjs. The reviewers' seed draft, kept
// outside the repository, is checked by scripts/check-shared-corpus.mjs from .ci/run.
describe('recall of labelled problems (score-expect)', function () {
  this.timeout(60000)
  it('project drafts: at least 80% of labelled problems found, every label scoreable', () => {
    const result = recall(join(ROOT, 'test', 'corpus'))
    const output = formatScore(result)
    assert.ok(result.total > 0, output)
    assert.deepEqual(result.problems, [], output)
    assert.ok(result.found / result.total >= 0.8, output)
  })
})
