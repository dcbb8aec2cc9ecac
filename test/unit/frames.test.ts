import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {lint, ParseCache, terminologyWith} from '../../server/src/engine/index.js'

// The frame fields of an entry (docs/terminology-format.md, "Frames: who claims what"): `with`
// (one pattern of each group must stand beside the find), `scope` (clause, sentence, adjacent, page).
function termsOf(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-frames-'))
  const file = join(dir, 'frames.yaml')
  writeFileSync(file, yaml)
  return terminologyWith([file])
}

const entry = (fields: string) => `- id: test-frame
  rule: promotion/hype
  find: ['<num> %']
${fields}
  message: A figure the provider claims for itself, with no source.
  source: https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance
  examples: {flag: ['x'], pass: ['y']}
`
const found = (terminology: ReturnType<typeof termsOf>, text: string) =>
  lint(text, {terminology}).findings.filter((f) => f.entryId === 'test-frame').map((f) => text.slice(f.offset, f.endOffset))

describe('frames: with and scope', () => {
  it('a list of lists: one pattern of each group must be found', () => {
    // Plain words, so that no built-in entry competes for the figure.
    const terms = termsOf(entry(`  with: [['(fox|foxes)'], ['(apple|pear)']]`))
    assert.deepEqual(found(terms, 'The fox ate 92 % of the apples.'), ['92 %'])
    assert.deepEqual(found(terms, 'The fox ate 92 % of the eggs.'), [], 'the first group only')
    assert.deepEqual(found(terms, 'The hens ate 92 % of the apples.'), [], 'the second group only')
  })

  it('a flat list: one of them is enough', () => {
    const terms = termsOf(entry(`  with: ['(fox|foxes)', 'apple']`))
    assert.deepEqual(found(terms, 'The fox ate 92 % of the eggs.'), ['92 %'])
    assert.deepEqual(found(terms, 'The hens ate 92 % of the eggs.'), [])
  })

  it('scope clause: the with must stand in the clause of the find', () => {
    const terms = termsOf(entry(`  with: ['(fox|foxes)']\n  scope: clause`))
    assert.deepEqual(found(terms, 'The fox ran off, and 92 % of the hens slept.'), [])
    assert.deepEqual(found(terms, 'The hens slept, but the fox ate 92 % of the eggs.'), ['92 %'])
  })

  it('opens: the find must open its sentence, or its clause', () => {
    const sentence = termsOf(entry(`  opens: sentence`))
    assert.deepEqual(found(sentence, '92 % of the hens slept.'), ['92 %'])
    assert.deepEqual(found(sentence, 'The hens slept, and 92 % of them dreamt.'), [])
    const clause = termsOf(entry(`  opens: clause`))
    assert.deepEqual(found(clause, 'The hens slept, and 92 % of them dreamt.'), [], '"and" opens the clause')
    assert.deepEqual(found(clause, 'The hens slept; 92 % of them dreamt.'), ['92 %'])
  })

  it('scope adjacent: each group may stand in the sentence before', () => {
    const terms = termsOf(entry(`  with: [['(fox|foxes)'], ['(apple|pear)']]\n  scope: adjacent`))
    assert.deepEqual(found(terms, 'A fox came by. It ate 92 % of the apples.'), ['92 %'])
    assert.deepEqual(found(terms, 'A hen came by. It ate 92 % of the apples.'), [])
  })

  it('scope page: the `with` may stand anywhere in the draft, the unless only in the sentence', () => {
    const terms = termsOf(entry(`  with: ['(fox|foxes)']\n  unless: ['pear']\n  scope: page`))
    const text = '# The fox\n\nHens came by.\n\nThey ate 92 % of the apples.'
    assert.deepEqual(found(terms, text), ['92 %'])
    assert.deepEqual(found(terms, '# The hen\n\nHens came by.\n\nThey ate 92 % of the apples.'), [])
    assert.deepEqual(found(terms, '# The fox\n\nThey ate 92 % of the pears.'), [], 'unless in the sentence')
    assert.deepEqual(found(terms, '# The fox\n\nNo pear here.\n\nThey ate 92 % of the apples.'), ['92 %'], 'unless elsewhere does not cancel')
  })

  it('scope page: an edit elsewhere that removes or adds the `with` changes the finding (the sentence memo follows the page)', () => {
    const terms = termsOf(entry(`  with: ['(fox|foxes)']\n  scope: page`))
    const cache = new ParseCache()
    const run = (text: string) =>
      lint(text, {terminology: terms, cache})
        .findings.filter((f) => f.entryId === 'test-frame')
        .map((f) => text.slice(f.offset, f.endOffset))
    assert.deepEqual(run('# The fox\n\nThey ate 92 % of the apples.'), ['92 %'])
    assert.deepEqual(run('# The hen\n\nThey ate 92 % of the apples.'), [])
    assert.deepEqual(run('# The fox\n\nThey ate 92 % of the apples.'), ['92 %'])
  })

  it('same: the find and a `with` must name the same member of a class, in the sentence', () => {
    const yaml = (same: string) => `- id: test-same
  rule: promotion/hype
  find: ['(liver|lung|bone) ache']
  with: ['went to the @organ']
  same: ${same}
  message: An ache named for the organ the fox went to.
  source: https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance
  examples: {flag: ['x'], pass: ['y']}
`
    const terms = termsOf(yaml('organ'))
    const aches = (text: string) => lint(text, {terminology: terms}).findings.filter((f) => f.entryId === 'test-same').map((f) => text.slice(f.offset, f.endOffset))
    assert.deepEqual(aches('The fox went to the lungs, and then the lung ache began.'), ['lung ache'], '"lungs" and "lung" are one organ')
    assert.deepEqual(aches('The fox went to the liver, and then the lung ache began.'), [], 'another organ')
    assert.deepEqual(aches('The fox went to the lungs. Then the lung ache began.'), [], 'the with must stand in the same sentence')
    assert.throws(() => termsOf(yaml('no-such-class')), /test-same.*same: unknown class "no-such-class"/)
    assert.throws(() => termsOf(yaml('organ').replace("  with: ['went to the @organ']\n", '')), /test-same.*same: needs a `with`/)
  })
})
