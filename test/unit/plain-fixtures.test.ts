import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {builtinTerminology, lint} from '../../server/src/engine/index.js'
import {ROOT} from '../helpers.js'

// The control for the readability rules: patient texts written for this project in plain
// language (short sentences, common words, terms explained). A rule change that starts to
// nag such text shows here.
const DIR = join(ROOT, 'test', 'fixtures', 'plain')

/**
 * Readability findings allowed per 1,000 words of plain text, any severity. The seed draft,
 * the kind of text oncolint exists to catch, gets about 58 per 1,000 words; plain text should
 * get close to none. 5 per 1,000 (one finding in 200 words, about one per screen of a
 * leaflet) leaves room for the odd passive or long list sentence a careful writer keeps, and
 * still fails a rule that nags plain text at a tenth of the seed's rate.
 */
const MAX_PER_1000_WORDS = 5
/** SMOG a plain patient text should stay under (grade 6 to 8 is the aim; 9 gives a margin). */
const MAX_DOCUMENT_SMOG = 9

const files = (): string[] => (existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.md')).sort() : [])

describe('plain patient texts (test/fixtures/plain): few readability findings', () => {
  const terminology = builtinTerminology()

  it('has plain-text fixtures to check', () => {
    assert.ok(files().length > 0, `no *.md fixtures in ${DIR}: the readability control has nothing to measure`)
  })

  it(`has at most ${MAX_PER_1000_WORDS} readability findings per 1,000 words`, () => {
    let words = 0
    const found: string[] = []
    for (const name of files()) {
      const text = readFileSync(join(DIR, name), 'utf8')
      const result = lint(text, {terminology})
      words += result.stats.document.counts.words
      for (const f of result.findings) {
        if (!f.ruleId.startsWith('readability/')) continue
        const line = text.slice(0, f.offset).split('\n').length
        found.push(`${name}:${line} ${f.ruleId} '${text.slice(f.offset, f.endOffset).slice(0, 60)}'`)
      }
    }
    assert.ok(words > 0, 'the fixtures have no words')
    const rate = (found.length * 1000) / words
    console.log(`      ${found.length} readability findings in ${words} words of ${files().length} plain texts: ${rate.toFixed(2)} per 1,000 words (limit ${MAX_PER_1000_WORDS})`)
    for (const f of found) console.log(`      ${f}`)
    assert.ok(rate <= MAX_PER_1000_WORDS, `${rate.toFixed(2)} readability findings per 1,000 words:\n${found.join('\n')}`)
  })

  for (const name of files()) {
    it(`${name} reads at SMOG ${MAX_DOCUMENT_SMOG} or under`, () => {
      const {document} = lint(readFileSync(join(DIR, name), 'utf8'), {terminology}).stats
      assert.ok(document.grades.smog <= MAX_DOCUMENT_SMOG, `SMOG ${document.grades.smog.toFixed(1)} (Flesch-Kincaid ${document.grades.fleschKincaid.toFixed(1)})`)
    })
  }
})
