import assert from 'node:assert/strict'
import {expandPattern, PatternError, MAX_EXPANSIONS} from '../../server/src/engine/terminology/pattern.js'
import {PhraseMatcher} from '../../server/src/engine/terminology/matcher.js'
import {tokenize} from '../../server/src/engine/parse/tokens.js'

const show = (pattern: string) => expandPattern(pattern).map((seq) => seq.map((e) => ('value' in e ? `${e.kind}:${e.value}` : e.kind)).join(' '))

function matches(pattern: string, text: string): string[] {
  const m = new PhraseMatcher<string>()
  for (const seq of expandPattern(pattern)) m.add(seq, 'x')
  const tokens = tokenize(text, 0, [])
  return m.match(tokens).map(({start, end}) => text.slice(tokens[start].offset, tokens[end - 1].endOffset))
}

describe('pattern syntax', () => {
  it('stems words and splits hyphens', () => {
    assert.deepEqual(show('high-goal pictures'), ['stem:high stem:goal stem:pictur'])
  })
  it('expands alternatives, optional groups and empty alternatives', () => {
    assert.deepEqual(show('(a|b c) d'), ['stem:a stem:d', 'stem:b stem:c stem:d'])
    assert.deepEqual(show('[the] best'), ['stem:best', 'stem:the stem:best'])
    assert.deepEqual(show('branch(ing|) tumor').length, 0 + 2)
  })
  it('keeps quoted words exact', () => {
    assert.deepEqual(show('"best" hospital'), ['word:best stem:hospit'])
  })
  it('turns ... into up to four skipped words and <num> into any number', () => {
    assert.equal(expandPattern('biopsy ... spread').length, 5)
    assert.deepEqual(show('stage <num>'), ['stem:stage num'])
  })
  it('rejects unbalanced groups with the column', () => {
    assert.throws(() => expandPattern('(a|b'), (e: Error) => e instanceof PatternError && /missing "\)"/.test(e.message))
    assert.throws(() => expandPattern('a ] b'), /unexpected "\]" at column 3/)
    assert.throws(() => expandPattern('"open'), /missing closing quote/)
  })
  it('rejects patterns that are too broad', () => {
    const wide = Array.from({length: 10}, () => '(a|b|c)').join(' ')
    assert.throws(() => expandPattern(wide), new RegExp(`more than ${MAX_EXPANSIONS}`))
  })
  it('rejects a pattern made only of gaps', () => {
    assert.throws(() => expandPattern('...'), /nothing but gaps/)
  })
})

describe('phrase matcher', () => {
  it('matches inflections, case and British spelling-insensitive stems', () => {
    assert.deepEqual(matches('branch tumor', 'Branch Tumors grow. A branch tumor.'), ['Branch Tumors', 'branch tumor'])
  })
  it('treats hyphen and space alike', () => {
    assert.deepEqual(matches('high-goal picture', 'high goal pictures and high-goal pictures'), ['high goal pictures', 'high-goal pictures'])
  })
  it('skips up to four words for ...', () => {
    assert.deepEqual(matches('biopsy ... spread', 'a biopsy can make the cancer spread'), ['biopsy can make the cancer spread'])
    assert.deepEqual(matches('biopsy ... spread', 'a biopsy can make the tiny cancer spread'), [])
  })
  it('matches numbers and symbols', () => {
    assert.deepEqual(matches('<num> % success', 'a 100% success rate, 99.5 % success'), ['100% success', '99.5 % success'])
  })
  it('quoted words do not match inflections', () => {
    assert.deepEqual(matches('"best" care', 'best care, bests care'), ['best care'])
  })
  it('ignores a possessive', () => {
    assert.deepEqual(matches('world best hospital', "the world's best hospital"), ["world's best hospital"])
  })
  it('stays linear on a long run of one word', () => {
    const m = new PhraseMatcher<string>()
    for (const seq of expandPattern('a ... a ... a ... a')) m.add(seq, 'x')
    const tokens = tokenize('a '.repeat(5000), 0, [])
    const t0 = Date.now()
    m.match(tokens)
    // Bounded work per start token; a backtracking regex would not return.
    assert.ok(Date.now() - t0 < 5000)
  })
})

describe('pattern syntax: optional alternatives', () => {
  it('[a|b] may pick one alternative or none', () => {
    assert.deepEqual(show('it is [further|also] worth'), ['stem:it stem:is stem:worth', 'stem:it stem:is stem:further stem:worth', 'stem:it stem:is stem:also stem:worth'])
  })
})
