import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {ROOT} from '../helpers.js'
import {formatScore, score, type ReportFile} from '../../scripts/score-expect.mjs'

const SCORER = join(ROOT, 'scripts', 'score-expect.mjs')

/** A folder with one labelled draft. */
function labelled(text: string, expect: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-score-'))
  writeFileSync(join(dir, 'd.md'), text)
  writeFileSync(join(dir, 'd.expect'), expect)
  return dir
}

const TEXT = 'It is a miracle cure. A miracle! Branch tumors grow.\n'
//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345
const finding = (ruleId: string, offset: number, endOffset: number) => ({ruleId, offset, endOffset})
const report = (...messages: ReportFile['messages']): ReportFile[] => [{filePath: '/elsewhere/d.md', messages}]

describe('scripts/score-expect.mjs', () => {
  it('a family label is found by any rule of that family overlapping the first occurrence', () => {
    const dir = labelled(TEXT, 'promotion\tmiracle\naccuracy\tBranch tumors\n')
    const r = score(report(finding('promotion/miracle-cure', 8, 15), finding('readability/hard-word', 33, 39)), dir)
    assert.deepEqual([r.found, r.total, r.missed], [1, 2, ['d.md: [accuracy] Branch tumors']])
    // Only the first "miracle" counts: a finding on the second one does not answer the label.
    assert.equal(score(report(finding('promotion/miracle-cure', 24, 31)), dir).found, 0)
    // Touching is not overlapping.
    assert.equal(score(report(finding('promotion/x', 15, 20)), dir).found, 0)
    assert.equal(score(report(finding('promotion/x', 0, 8)), dir).found, 0)
    assert.equal(score(report(finding('promotion/x', 14, 15)), dir).found, 1)
  })

  it('a third column is a note, not part of the phrase', () => {
    const dir = labelled(TEXT, 'promotion\tmiracle cure\thype\n')
    const r = score(report(finding('promotion/x', 8, 20)), dir)
    assert.deepEqual([r.found, r.total, r.problems], [1, 1, []])
  })

  it('a family/rule label is found only by exactly that rule', () => {
    const dir = labelled(TEXT, 'promotion/miracle-cure\tmiracle cure\n')
    assert.equal(score(report(finding('promotion/superlative', 8, 20)), dir).found, 0)
    assert.equal(score(report(finding('promotion/miracle-cure-x', 8, 20)), dir).found, 0)
    assert.equal(score(report(finding('promotion/miracle-cure', 8, 20)), dir).found, 1)
  })

  it('prints misses, recall per family and per rule, then in all', () => {
    const dir = labelled(TEXT, 'promotion/miracle-cure\tmiracle cure\npromotion\tA miracle!\naccuracy/nonstandard-term\tBranch tumors\n')
    const r = score(report(finding('promotion/miracle-cure', 8, 20), finding('promotion/superlative', 22, 31)), dir)
    assert.equal(
      formatScore(r),
      'missed d.md: [accuracy/nonstandard-term] Branch tumors\n' +
        'recall accuracy: 0/1\nrecall promotion: 2/2\n' +
        'recall accuracy/nonstandard-term: 0/1\nrecall promotion/miracle-cure: 1/1\n' +
        'recall: 2/3\n',
    )
  })

  it('as a command: same output; a phrase not in the draft or a bad line is a problem and exit 1', () => {
    const dir = labelled(TEXT, 'promotion\tmiracle\n\naccuracy\tnot there\nno tab here\nPromotion\tmiracle\n')
    const file = join(dir, 'report.json')
    writeFileSync(file, JSON.stringify(report(finding('promotion/miracle-cure', 8, 15))))
    const r = spawnSync(process.execPath, [SCORER, file, dir], {encoding: 'utf8'})
    assert.equal(r.status, 1)
    assert.equal(
      r.stdout,
      'problem d.expect:3: phrase not in d.md: not there\n' +
        'problem d.expect:4: not "family<TAB>phrase" nor "family/rule<TAB>phrase": no tab here\n' +
        'problem d.expect:5: not "family<TAB>phrase" nor "family/rule<TAB>phrase": Promotion\tmiracle\n' +
        'recall promotion: 1/1\nrecall: 1/1\n',
    )
    const clean = labelled(TEXT, 'promotion\tmiracle\n')
    writeFileSync(join(clean, 'report.json'), JSON.stringify(report()))
    assert.equal(execFileSync(process.execPath, [SCORER, join(clean, 'report.json'), clean], {encoding: 'utf8'}), 'missed d.md: [promotion] miracle\nrecall promotion: 0/1\nrecall: 0/1\n')
  })

  it('a report that is not JSON is a one-line error, exit 2', () => {
    const dir = labelled(TEXT, 'promotion\tmiracle\n')
    writeFileSync(join(dir, 'report.json'), 'oops')
    const r = spawnSync(process.execPath, [SCORER, join(dir, 'report.json'), dir], {encoding: 'utf8'})
    assert.equal(r.status, 2)
    assert.match(r.stderr, /^score-expect: .*report\.json: Unexpected token .*\n$/)
    assert.equal(r.stderr.split('\n').length, 2)
  })
})
