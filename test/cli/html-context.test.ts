import assert from 'node:assert/strict'
import fc from 'fast-check'
import {contextOf, firstWords, lastWords} from '../../server/src/cli/formats/html.js'

// The regexes contextOf used: the first is exponential in the length of a word (issue 21, finding 3).
const LAST = /(?:\S+\s*){0,6}$/
const FIRST = /^(?:\s*\S+){0,6}/

describe('HTML report: the context of a finding', () => {
  it('the review\'s 94-character token before a finding takes no time (it took 92 s)', () => {
    const text = `Read more at ${'x'.repeat(94)} b c d e f g h i and ask your team.`
    const started = performance.now()
    const c = contextOf(text, text.indexOf('ask'), text.indexOf('ask') + 3)
    assert.ok(performance.now() - started < 50, `${performance.now() - started} ms`)
    assert.deepEqual(c, {before: '…e f g h i and ', marked: 'ask', after: ' your team.'})
    const url = `See [the NCI page](https://www.cancer.gov/${'a/'.repeat(5000)}) and ask your team if we are the best cancer hospital for you.`
    const t = performance.now()
    contextOf(url, url.indexOf('best'), url.indexOf('best') + 4)
    assert.ok(performance.now() - t < 50)
  })

  it('finds the same words as the regexes did, on short texts of words, spaces, tabs and line breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\t', '\n', '\u00a0', '\u2028'), {maxLength: 14}).map((parts) => parts.join('')), (s) => {
        assert.equal(lastWords(s, 6), LAST.exec(s)?.[0] ?? '')
        assert.equal(firstWords(s, 6), FIRST.exec(s)?.[0] ?? '')
      }),
      {numRuns: 2000},
    )
  })
})
