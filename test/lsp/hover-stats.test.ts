import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Hover, MarkupContent} from 'vscode-languageserver-protocol/node'
import {termsAt} from '../../server/src/engine/index.js'
import {testTerminology} from '../helpers.js'
import {TEST_TERMS} from '../helpers.js'
import {TestClient} from './harness.js'

describe('hover and stats', function () {
  // Each block starts a server: the first lint compiles the terminology set (seconds on a busy machine).
  this.timeout(60_000)
  let client: TestClient
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-hover-'))
  writeFileSync(join(dir, '.oncolintrc.json'), JSON.stringify({terminology: [TEST_TERMS], targetGrade: 6, rules: {readability: 'off'}}))
  const uri = pathToFileURL(join(dir, 'draft.md')).href

  before(async () => {
    client = await TestClient.start({root: dir})
  })
  after(() => client.stop())

  const hover = (line: number, character: number) => client.conn.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line, character}}) as Promise<Hover | null>

  it('on a flagged term: message, preferred wording, source, rule link and the term range', async () => {
    await client.open(uri, '# Spread\n\nA zorblat tumor grew.\n\nFrobnication (a test explanation) is done. Frobnication again.\n')
    await client.diagnostics(uri, 1)
    const h = (await hover(2, 6))!
    assert.deepEqual(h.range, {start: {line: 2, character: 2}, end: {line: 2, character: 15}})
    const value = (h.contents as MarkupContent).value
    assert.equal((h.contents as MarkupContent).kind, 'markdown')
    assert.match(value, /^\*\*zorblat tumor\*\* · oncolint \[accuracy\/nonstandard-term\]\(file:\/\/.*docs\/rules\/accuracy\/nonstandard-term\.md\)/)
    assert.match(value, /\n\n'Zorblat tumor' is a test term\.\n\n/)
    assert.match(value, /\*\*Prefer:\*\* “secondary tumor”, “metastasis”/)
    assert.match(value, /\*\*Source:\*\* \[cancer\.gov\]\(https:\/\/www\.cancer\.gov\/types\/metastatic-cancer\)$/)
  })

  it('on a jargon term the draft explains (not flagged): the plain-words explanation', async () => {
    const h = (await hover(4, 50))!
    assert.deepEqual(h.range, {start: {line: 4, character: 43}, end: {line: 4, character: 55}})
    const value = (h.contents as MarkupContent).value
    assert.match(value, /^\*\*Frobnication\*\* · oncolint \[readability\/undefined-jargon\]/)
    assert.match(value, /\*\*Plain words:\*\* a test explanation/)
    assert.doesNotMatch(value, /is jargon/)
  })

  it('nothing on ordinary words', async () => {
    assert.equal(await hover(2, 18), null)
  })

  it('sends oncolint/stats after each lint: grade, sections, hardest sentences, counts', async () => {
    const stats = await client.statsOf(uri, 1)
    assert.equal(stats.targetGrade, 6)
    assert.deepEqual(stats.counts, {error: 0, warning: 1, info: 0})
    assert.deepEqual(stats.families, {accuracy: 1, readability: 0, promotion: 0})
    assert.deepEqual(stats.sections.map((s) => [s.title, s.range.start.line, s.sentences]), [['Spread', 0, 3]])
    assert.equal(stats.sentences, 3)
    assert.equal(typeof stats.smog, 'number')
    assert.deepEqual(stats.hardest.map((s) => s.text), ['Frobnication again.', 'Frobnication (a test explanation) is done.', 'A zorblat tumor grew.'])
    assert.deepEqual(stats.hardest[0].range, {start: {line: 4, character: 43}, end: {line: 4, character: 62}})
    assert.ok(stats.hardest[0].grade > stats.hardest[2].grade)
  })

  it('finds the terms at an offset, flagged or not, parsing only that chunk', () => {
    const text = '# T\n\nFrobnication (a test explanation) is done.\n\nA zorblat tumor grew.\n'
    const at = (needle: string) => termsAt(text, text.indexOf(needle) + 2, 'markdown', testTerminology()).map((t) => [t.entry.id, text.slice(t.offset, t.endOffset)])
    assert.deepEqual(at('Frobnication'), [['test-frobnication', 'Frobnication']])
    assert.deepEqual(at('zorblat'), [['test-zorblat-tumor', 'zorblat tumor']])
    assert.deepEqual(at('grew'), [])
  })
})
