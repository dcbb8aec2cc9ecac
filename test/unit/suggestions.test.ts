import assert from 'node:assert/strict'
import {builtinTerminology, lint, type Entry, type Finding} from '../../server/src/engine/index.js'
import {fixtureLines} from '../helpers.js'
import {problems} from './suggestion-checks.js'

// Every suggestion a terminology entry offers, applied the way the editor applies it (lint the
// sentence, take the finding's first suggestion, apply its edits), must leave a well-formed
// sentence that names the same numbers, stages, treatments and organs: see suggestion-checks.ts.
// It runs over each entry's own flag examples and over a corpus of leaflet sentences written
// for this test in other words and other syntax (test/fixtures/suggestion-corpus.txt).

const terminology = builtinTerminology()
const byId = new Map(terminology.entries.map((e) => [e.id, e]))
const JARGON = 'readability/undefined-jargon'

function applyFirst(text: string, f: Finding): {result: string; edit: {offset: number; endOffset: number; newText: string}} {
  const edits = [...f.suggestions[0].edits].sort((a, b) => b.offset - a.offset)
  let result = text
  for (const e of edits) result = result.slice(0, e.offset) + e.newText + result.slice(e.endOffset)
  return {result, edit: edits[edits.length - 1]}
}

/** The problems of each suggestion on `text`, one line per finding that has a suggestion. */
function check(text: string, only?: Entry): string[] {
  const out: string[] = []
  for (const f of lint(text, {terminology}).findings) {
    if (!f.entryId || f.ruleId === JARGON || f.suggestions.length === 0) continue
    if (only && f.entryId !== only.id) continue
    const entry = byId.get(f.entryId)!
    const {result, edit} = applyFirst(text, f)
    const found = problems({original: text, result, actual: text.slice(f.offset, f.endOffset), edit, entry})
    if (found.length) out.push(`${entry.id}: "${text}" -> "${result}": ${found.join('; ')}`)
  }
  return out
}

const withPrefer = terminology.entries.filter((e) => e.prefer?.length)

describe('suggestions on each entry\'s flag examples', () => {
  for (const entry of withPrefer) {
    it(`${entry.id}`, () => {
      const found = entry.examples.flag.flatMap((s) => check(s, entry))
      assert.deepEqual(found, [])
    })
  }
})

describe('suggestions on the suggestion corpus', () => {
  const lines = fixtureLines('suggestion-corpus.txt')

  it('has at least 150 sentences, each of which gets a suggestion from an entry', () => {
    assert.ok(lines.length >= 150, `${lines.length} sentences`)
    const silent = lines.filter((l) => !lint(l, {terminology}).findings.some((f) => f.entryId && f.ruleId !== JARGON && f.suggestions.length > 0))
    assert.deepEqual(silent, [], 'every corpus sentence must trigger a suggestion')
  })

  it('reaches at least 250 different entries', () => {
    const ids = new Set(lines.flatMap((l) => lint(l, {terminology}).findings.filter((f) => f.suggestions.length > 0 && f.ruleId !== JARGON).map((f) => f.entryId)))
    assert.ok(ids.size >= 250, `${ids.size} entries`)
  })

  for (const line of lines) {
    it(line, () => assert.deepEqual(check(line), []))
  }
})

describe('the suggestion checks themselves', () => {
  const entry = (rule = 'accuracy/absolute-statement', find = ['x']): Entry => ({id: 'x', rule, find, message: 'm', source: 's', examples: {flag: [], pass: []}, file: '', line: 1}) as Entry
  const run = (original: string, actual: string, newText: string, e = entry()) => {
    const offset = original.indexOf(actual)
    const edit = {offset, endOffset: offset + actual.length, newText}
    return problems({original, result: original.slice(0, offset) + newText + original.slice(offset + actual.length), actual, edit, entry: e})
  }

  it('catch each garbling the terminology review found', () => {
    assert.match(run('A PET scan finds every cancer cell in the body.', 'PET scan finds every cancer cell', 'Scans can miss small areas of cancer.').join(), /sentence end|capital/)
    assert.match(run('Metastatic cancer is terminal.', 'Metastatic cancer is terminal', 'is serious but can often be treated').join(), /lost subject/)
    assert.match(run('For most people, spread to the lungs means certain death.', 'means certain death', 'a serious diagnosis').join(), /lost verb/)
    assert.match(run('It is always fatal.', 'always fatal', 'is can be life-threatening').join(), /doubled words "is"/)
    assert.match(run('When it spreads there is no hope.', 'no hope', 'there is always hope').join(), /doubled words "there is"/)
    assert.match(run('It is a death sentence.', 'a death sentence', 'an a serious diagnosis').join(), /wrong article "an a"/)
    assert.match(run('Tanner stage 5 means puberty is complete.', 'stage 5', 'stage 4', entry('accuracy/misconception')).join(), /stage:5/)
    assert.match(run('Intravesical chemotherapy only treats the area where the tumor is.', 'chemotherapy only treats the area where', 'Chemotherapy is a systemic treatment.').join(), /capital|sentence end/)
    assert.match(run('Hormone therapy does not work for metastatic cancer.', 'Hormone therapy does not work for metastatic', 'Treatment can help').join(), /"hormone"/)
    assert.match(run('The clinic commences treatment.', 'commences', 'start', entry('readability/complex-word', ['("commence"|"commences")'])).join(), /lost -s/)
  })

  it('leave a good edit alone', () => {
    assert.deepEqual(run('Metastatic cancer is always fatal.', 'is always fatal', 'can be life-threatening, but many people live for years with treatment'), [])
    assert.deepEqual(run('Bosom malignant growth spreads.', 'Bosom malignant growth', 'Breast cancer', entry('accuracy/nonstandard-term')), [])
    assert.deepEqual(run('It is an auxiliary tumor.', 'an auxiliary tumor', 'a secondary tumor', entry('accuracy/nonstandard-term')), [])
  })
})
