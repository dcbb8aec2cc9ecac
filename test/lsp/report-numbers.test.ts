import assert from 'node:assert/strict'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {numbersList, reportBody} from '../../client/src/report-html.js'
import {lint} from '../../server/src/engine/index.js'
import {documentStats} from '../../server/src/lsp/handlers/stats.js'

const TEXT = '# Outlook\n\nOnly 5% of people survive.\n\nFor women with breast cancer that has spread to distant organs, 5-year relative survival is about 32% (SEER).\n'

describe('readability report: the document\'s numbers', () => {
  const doc = TextDocument.create('file:///d.md', 'markdown', 1, TEXT)
  const stats = documentStats(doc, lint(TEXT), 8)

  it('the server sends each statistic with its range, what it measures and what it lacks', () => {
    assert.deepEqual(stats.numbers, [
      {range: {start: {line: 2, character: 5}, end: {line: 2, character: 7}}, text: '5%', measure: 'survival', lacks: ['time frame', 'cancer type', 'stage', 'source']},
      {range: {start: {line: 4, character: 92}, end: {line: 4, character: 101}}, text: 'about 32%', measure: 'survival', lacks: []},
    ])
  })

  it('the report lists them, each a link to its range, with what it lacks or that nothing is missing', () => {
    const html = numbersList(stats)
    assert.deepEqual(
      [...html.matchAll(/<li><a href="#" data-range="([^"]+)">([^<]+)<\/a> <span class="muted">([^<]+)<\/span> · <span class="(lacks|ok)">([^<]+)<\/span><\/li>/g)].map((m) => [JSON.parse(m[1].replace(/&quot;/g, '"')).start.line, m[2], m[3], m[5]]),
      [
        [2, '5%', 'survival · line 3', 'lacks time frame, cancer type, stage, source'],
        [4, 'about 32%', 'survival · line 5', 'nothing missing'],
      ],
    )
    assert.match(reportBody(stats, 'd.md'), /<h2>Numbers<\/h2>\n<ul class="numbers">/)
  })

  it('escapes the figure text, and says so when there are no statistics', () => {
    const html = numbersList({...stats, numbers: [{...stats.numbers![0], text: '<5%>', lacks: ['a & b']}]})
    assert.match(html, />&lt;5%&gt;<\/a>/)
    assert.match(html, /lacks a &amp; b/)
    assert.match(numbersList({...stats, numbers: []}), /No statistics/)
  })
})
