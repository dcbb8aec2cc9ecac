import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {lint, ParseCache} from '../../server/src/engine/index.js'
import {splitChunks} from '../../server/src/engine/parse/chunks.js'
import {parseDraft} from '../../server/src/engine/parse/draft.js'
import {CITES} from '../../server/src/engine/analyses/citation.js'
import {findPhraseHits} from '../../server/src/engine/analyses/phrase-hits.js'
import {RULES_BY_ID} from '../../server/src/engine/rules/index.js'
import {builtinTerminology} from '../../server/src/engine/terminology/load.js'
import {CLINIC_DRAFT, testTerminology} from '../helpers.js'

const chunksOf = (text: string, md = true) => splitChunks(text, md).map(([a, b]) => text.slice(a, b))

describe('chunked parsing', () => {
  it('splits at blank lines before unindented lines', () => {
    assert.deepEqual(chunksOf('# A\n\nOne.\ntwo.\n\nThree.\n'), ['# A\n\n', 'One.\ntwo.\n\n', 'Three.\n'])
  })
  it('keeps list continuations, fenced code, front matter and HTML comments whole', () => {
    assert.deepEqual(chunksOf('- a\n\n  more a\n\nNext.\n'), ['- a\n\n  more a\n\n', 'Next.\n'])
    assert.deepEqual(chunksOf('```\ncode\n\nstill code\n```\n\nText.\n'), ['```\ncode\n\nstill code\n```\n\n', 'Text.\n'])
    assert.deepEqual(chunksOf('---\ntitle: x\n\nmore: y\n---\n\nText.\n'), ['---\ntitle: x\n\nmore: y\n---\n\n', 'Text.\n'])
    assert.deepEqual(chunksOf('<!-- a\n\nb -->\n\nText.\n'), ['<!-- a\n\nb -->\n\n', 'Text.\n'])
  })
  it('does not take a later "---" for front matter', () => {
    const text = 'Intro.\n\n---\ntitle: a zorblat tumor\n---\n'
    assert.ok(lint(text, {terminology: testTerminology()}).findings.some((f) => f.ruleId === 'accuracy/nonstandard-term'))
  })
})

describe('incremental lint', () => {
  const seed = readFileSync(CLINIC_DRAFT, 'utf8')
  const terminology = testTerminology()
  const edits: Array<(t: string) => string> = [
    (t) => t.replace('ultimately', 'finally'),
    (t) => t.replace('How cancer moves through the body', 'How cancer travels'),
    (t) => t.replace('\n\n', '\n\nA zorblat tumor. Quux spreads cancer.\n\n'),
    (t) => t.slice(0, 4000) + t.slice(4100),
    (t) => t + '\n\nFrobnication happens.\n',
    (t) => '<!-- oncolint-disable readability -- test -->\n\n' + t,
  ]
  for (const languageId of ['plaintext', 'markdown']) {
    it(`gives the same findings and stats with a cache as without (${languageId})`, () => {
      const cache = new ParseCache()
      let text = seed
      lint(text, {languageId, terminology, cache})
      for (const edit of edits) {
        text = edit(text)
        const warm = lint(text, {languageId, terminology, cache})
        const cold = lint(text, {languageId, terminology})
        assert.deepEqual(warm.findings, cold.findings)
        assert.deepEqual(warm.stats, cold.stats)
      }
    })
  }
})

describe('incremental lint: a citation beside a statistic', () => {
  // A sentence's phrase hits are kept in its memo; a statistic's depend on the next sentence
  // too, which an edit can change while the statistic's own sentence stays as it was.
  const stat = 'We have a 95% survival rate.'
  const found = (text: string, cache: ParseCache) =>
    lint(text, {cache}).findings.filter((f) => f.ruleId === 'promotion/unsupported-statistic').map((f) => text.slice(f.offset, f.endOffset))
  it('drops the finding when a source is added after it, and brings it back when the source goes', () => {
    const cache = new ParseCache()
    assert.deepEqual(found(`${stat} Call us.\n`, cache), ['We have a 95% survival rate'])
    assert.deepEqual(found(`${stat} Data from the NCI (NCI, 2024).\n`, cache), [])
    assert.deepEqual(found(`${stat} Call us.\n`, cache), ['We have a 95% survival rate'])
  })
  it('drops a jargon finding when the next sentence comes to explain the term, and brings it back when it goes', () => {
    // Whether a use is explained is kept with its sentence, keyed by the neighbouring text it reads.
    const cache = new ParseCache()
    const jargon = (text: string) => lint(text, {cache}).findings.filter((f) => f.ruleId === 'readability/undefined-jargon').map((f) => text.slice(f.offset, f.endOffset))
    // The term's paragraph stays the same text (its parse and memo are reused) and is long
    // enough that the next sentence lies beyond the words read after the term; the next changes.
    const term = 'You may need a lumpectomy, and your surgeon will talk with you about the operation, the time it takes to heal, how to care for the wound at home and the visits you will have after it.'
    const plain = `${term}\n\nIt will be quick.\n`
    const explained = `${term}\n\nIn a lumpectomy, the surgeon removes the lump and a little tissue around it.\n`
    assert.deepEqual(jargon(plain), ['lumpectomy'])
    assert.deepEqual(jargon(explained), [])
    assert.deepEqual(jargon(plain), ['lumpectomy'])
    assert.deepEqual(jargon(`Intro.\n\n${explained}`), [])
  })
  it('looks for a citation only around sentences where a statistic was found', () => {
    const draft = parseDraft(`We help people. Data from the NCI (NCI, 2024).\n\n${stat} Call us.\n`, 'markdown')
    findPhraseHits(draft, builtinTerminology(), () => true, (id) => RULES_BY_ID.get(id)?.phrase)
    assert.deepEqual(draft.sentences.map((s) => s.memo.get(CITES)), [undefined, undefined, false, false])
  })
})
