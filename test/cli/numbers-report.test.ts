import assert from 'node:assert/strict'
import {cli, project} from './helpers.js'

const DRAFT = '# Outlook\n\nThis drug cuts the risk of the cancer coming back by 50%.\n'

describe('CLI reports: the document\'s numbers', () => {
  it('json: stats.numbers lists each statistic with its offsets, what it measures and what it lacks', async () => {
    const dir = project({'d.md': DRAFT}, '')
    const {stdout} = await cli(['--format', 'json', 'd.md'], {cwd: dir})
    const [report] = JSON.parse(stdout)
    assert.deepEqual(report.stats.numbers, [
      {offset: 21, endOffset: 67, text: 'cuts the risk of the cancer coming back by 50%', measure: 'relative change', format: 'percentage', lacks: ['absolute numbers', 'time frame', 'source']},
    ])
  })
  it('html: a table of the numbers in each file section, with line, figure, measure and lacks', async () => {
    const dir = project({'d.md': DRAFT, 'clean.md': 'Cancer can spread.\n'}, '')
    const {stdout} = await cli(['--format', 'html', 'd.md', 'clean.md'], {cwd: dir})
    const tables = stdout.match(/<table class="numbers">[\s\S]*?<\/table>/g) ?? []
    assert.equal(tables.length, 1)
    assert.match(tables[0], /<tr><td class="pos">3:11<\/td><td>cuts the risk of the cancer coming back by 50%<\/td><td>relative change<\/td><td class="over">absolute numbers, time frame, source<\/td><\/tr>/)
  })
})
