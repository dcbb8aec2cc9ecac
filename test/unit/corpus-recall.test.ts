import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {ROOT, SHARED} from '../helpers.js'

// Recall of labelled problems, scored by the shared tool exactly as reviewers score it, on
// the seed draft and on the labelled drafts written for this project (test/corpus).
const BIN = join(ROOT, 'bin', 'oncolint.js')
const SCORER = join(SHARED, 'tools', 'score-expect.mjs')

function recall(dir: string): {found: number; total: number; output: string} {
  const drafts = readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).map((n) => join(dir, n))
  let report = '[]'
  try {
    report = execFileSync(process.execPath, [BIN, '--format', 'json', ...drafts], {encoding: 'utf8', maxBuffer: 64 << 20})
  } catch (e) {
    report = (e as {stdout: string}).stdout // exit 1 just means error findings
  }
  const file = join(mkdtempSync(join(tmpdir(), 'oncolint-recall-')), 'report.json')
  writeFileSync(file, report)
  const output = execFileSync(process.execPath, [SCORER, file, dir], {encoding: 'utf8'})
  const [, found, total] = /^recall: (\d+)\/(\d+)$/m.exec(output) ?? []
  return {found: Number(found), total: Number(total), output}
}

describe('recall of labelled problems (score-expect)', function () {
  this.timeout(60000)
  for (const [name, dir, minimum] of [
    ['seed draft', join(SHARED, 'corpus'), 0.9],
    ['project drafts', join(ROOT, 'test', 'corpus'), 0.8],
  ] as const) {
    it(`${name}: at least ${minimum * 100}% of labelled problems found`, () => {
      const {found, total, output} = recall(dir)
      assert.ok(total > 0, output)
      assert.ok(found / total >= minimum, output)
    })
  }
})
