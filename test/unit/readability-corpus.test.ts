import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {builtinTerminology, lint, type Finding} from '../../server/src/engine/index.js'
import {ROOT} from '../helpers.js'

// The noise control for the readability rules: trusted patient text, in which a writer would
// want few findings, and the labelled promotional pages, on which the right rule must still find
// the readability problems. Trusted text is NCI's public-domain patient summaries
// (test/corpus/real/trusted, sources in its README) and this project's own plain-language
// pages (test/fixtures/plain). Issue 17 sets the targets for trusted text the team has not
// seen: at most 15 readability findings per 1,000 words, at most 1 per 1,000 words of
// undefined-jargon on a term the text explains, and 75% of real problems found by the right
// rule. The limits below are tighter than those targets, so that text outside this corpus has
// room to be harder.
const TRUSTED = [join(ROOT, 'test', 'corpus', 'real', 'trusted'), join(ROOT, 'test', 'fixtures', 'plain')]
const PROMOTIONAL = join(ROOT, 'test', 'corpus', 'real', 'promotional')

/** Readability findings allowed per 1,000 words of trusted text, by rule and in all. */
const LIMITS: Record<string, number> = {
  'readability/passive-voice': 2,
  'readability/grade-level': 1.5,
  'readability/undefined-jargon': 4.5,
  'readability/long-sentence': 4.5,
  'readability/complex-word': 1.5,
  'readability/long-paragraph': 0.5,
}
const MAX_IN_ALL = 11
/** undefined-jargon on a term the text explains (at a later use), per 1,000 words. */
const MAX_EXPLAINED_JARGON = 1
/** Share of the labelled readability problems of the promotional pages the labelled rule must find. */
const MIN_RIGHT_RULE = 0.75

const markdownIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n) => join(dir, n))

describe('readability on trusted text and labelled pages (issue 17)', function () {
  this.timeout(60_000)
  const terminology = builtinTerminology()
  let words = 0
  const found: Array<Finding & {where: string; text: string}> = []

  before(() => {
    for (const file of TRUSTED.flatMap(markdownIn)) {
      const text = readFileSync(file, 'utf8')
      // Words as a reader counts them: the unit of the issue's rates.
      words += text.split(/\s+/).filter(Boolean).length
      for (const f of lint(text, {terminology}).findings) {
        if (!f.ruleId.startsWith('readability/')) continue
        const line = text.slice(0, f.offset).split('\n').length
        found.push({...f, where: `${file.slice(ROOT.length)}:${line}`, text: text.slice(f.offset, f.endOffset)})
      }
    }
  })

  const rate = (n: number): number => (n * 1000) / words

  it('has trusted text to measure', () => {
    assert.ok(words > 15_000, `only ${words} words of trusted text`)
  })

  it(`raises at most ${MAX_IN_ALL} readability findings per 1,000 words in all, and each rule stays under its limit`, () => {
    const byRule = new Map<string, number>()
    for (const f of found) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1)
    const figures = [...byRule].map(([rule, n]) => `${rule.split('/')[1]} ${rate(n).toFixed(1)}`).join(', ')
    console.log(`      ${found.length} readability findings in ${words} words of trusted text: ${rate(found.length).toFixed(1)} per 1,000 words (${figures})`)
    const over = Object.entries(LIMITS)
      .filter(([rule, limit]) => rate(byRule.get(rule) ?? 0) > limit)
      .map(([rule, limit]) => `${rule}: ${rate(byRule.get(rule) ?? 0).toFixed(2)} > ${limit}\n${found.filter((f) => f.ruleId === rule).map((f) => `  ${f.where} '${f.text.slice(0, 60)}'`).join('\n')}`)
    assert.deepEqual(over, [])
    assert.ok(rate(found.length) <= MAX_IN_ALL, `${rate(found.length).toFixed(2)} per 1,000 words`)
    assert.ok(Object.keys(LIMITS).every((r) => byRule.has(r) || r === 'readability/long-paragraph'), 'a rule found nothing at all: is it still running?')
  })

  it(`reports undefined-jargon on a term the text explains at most ${MAX_EXPLAINED_JARGON} time per 1,000 words`, () => {
    const explainedLater = found.filter((f) => f.ruleId === 'readability/undefined-jargon' && f.message.includes('explains it further on'))
    console.log(`      undefined-jargon on terms the text explains further on: ${explainedLater.length} = ${rate(explainedLater.length).toFixed(2)} per 1,000 words`)
    assert.ok(rate(explainedLater.length) <= MAX_EXPLAINED_JARGON, explainedLater.map((f) => `${f.where} '${f.text}'`).join('\n'))
  })

  it(`finds at least ${MIN_RIGHT_RULE * 100}% of the labelled readability problems of the promotional pages with the labelled rule`, () => {
    let labelled = 0
    const missed: string[] = []
    for (const file of markdownIn(PROMOTIONAL)) {
      const text = readFileSync(file, 'utf8')
      const labels = readFileSync(file.replace(/\.md$/, '.expect'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t'))
        .filter(([label]) => label?.startsWith('readability/'))
      if (labels.length === 0) continue
      const findings = lint(text, {terminology}).findings
      for (const [rule, phrase] of labels) {
        labelled++
        const at = text.indexOf(phrase)
        assert.ok(at >= 0, `${file}: '${phrase}' is not in the page`)
        if (!findings.some((f) => f.ruleId === rule && f.offset < at + phrase.length && f.endOffset > at)) missed.push(`${file.slice(ROOT.length)}: [${rule}] ${phrase}`)
      }
    }
    console.log(`      right rule on labelled readability problems: ${labelled - missed.length}/${labelled}`)
    assert.ok(labelled >= 5, `only ${labelled} labelled readability problems`)
    assert.ok((labelled - missed.length) / labelled >= MIN_RIGHT_RULE, missed.join('\n'))
  })
})

describe('readability rule docs', () => {
  for (const rule of Object.keys(LIMITS)) {
    it(`${rule}: says what it does not report and why, with sources`, () => {
      const doc = readFileSync(join(ROOT, 'docs', 'rules', `${rule}.md`), 'utf8')
      const section = /^## What it does not report, and why\n([\s\S]*?)^## /m.exec(doc)
      assert.ok(section && section[1].trim().length > 200, `${rule}: no "What it does not report, and why" section`)
      assert.match(doc, /^## Sources\n[\s\S]*https:\/\//m, `${rule}: no sources`)
    })
  }
})
