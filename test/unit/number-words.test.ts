import assert from 'node:assert/strict'
import {join} from 'node:path'
import {builtinTerminology, DataFileError} from '../../server/src/engine/index.js'
import {digitValue, readNumbers} from '../../server/src/engine/analyses/number-words.js'
import {tokenize} from '../../server/src/engine/parse/tokens.js'
import {readNumerals} from '../../server/src/engine/terminology/load.js'
import {ROOT} from '../helpers.js'

const numerals = builtinTerminology().numerals

/** Each number of `text` as "written=value(kind)". */
function numbers(text: string): string[] {
  const tokens = tokenize(text, 0, [])
  return readNumbers(tokens, numerals).map((n) => `${text.slice(tokens[n.start].offset, tokens[n.end - 1].endOffset)}=${+n.value.toFixed(4)}${n.kind === 'number' ? '' : `(${n.kind})`}`)
}

describe('number words (analyses/number-words.ts)', () => {
  it('reads digits with thousands separators, decimals and scales', () => {
    assert.deepEqual(numbers('1,000 women, 0.5, 12.5 and 1.8 million cases'), ['1,000=1000', '0.5=0.5', '12.5=12.5', '1.8 million=1800000'])
    assert.equal(digitValue('35,000'), 35000)
    assert.equal(digitValue('10,20'), undefined)
  })
  it('joins whole numbers written as words, with or without hyphens', () => {
    assert.deepEqual(numbers('twenty-five people'), ['twenty-five=25'])
    assert.deepEqual(numbers('twenty five people'), ['twenty five=25'])
    assert.deepEqual(numbers('one hundred and ten'), ['one hundred and ten=110'])
    assert.deepEqual(numbers('a thousand people'), ['a thousand=1000'])
    assert.deepEqual(numbers('five year survival'), ['five=5'])
  })
  it('reads fractions as shares: half, a third, two-thirds, three quarters, one fifth', () => {
    assert.deepEqual(numbers('half of them'), ['half=0.5(fraction)'])
    assert.deepEqual(numbers('by a third.'), ['a third=0.3333(fraction)'])
    assert.deepEqual(numbers('two-thirds of survivors'), ['two-thirds=0.6667(fraction)'])
    assert.deepEqual(numbers('three quarters of women'), ['three quarters=0.75(fraction)'])
    assert.deepEqual(numbers('lowers it by one fifth'), ['one fifth=0.2(fraction)'])
    assert.deepEqual(numbers('nearly half (49%)'), ['half=0.5(fraction)', '49=49'])
    assert.deepEqual(numbers('dropped by more than half since 1970'), ['half=0.5(fraction)', '1970=1970'])
    assert.deepEqual(numbers('a half-life of hours'), [])
  })
  it('does not read an ordinal as a fraction', () => {
    assert.deepEqual(numbers('the third leading cause'), [])
    assert.deepEqual(numbers('a third time'), [])
  })
  it('reads multiples: twice, four times, half as, and the verbs that multiply', () => {
    assert.deepEqual(numbers('twice as likely'), ['twice=2(multiple)'])
    assert.deepEqual(numbers('four times the risk'), ['four times=4(multiple)'])
    assert.deepEqual(numbers('half as likely'), ['half=0.5(multiple)'])
    assert.deepEqual(numbers('it doubled, then halved'), ['doubled=2(multiple)', 'halved=0.5(multiple)'])
  })
  it('reads "one in five" as two numbers (the frequency is read by the figures)', () => {
    assert.deepEqual(numbers('one in five'), ['one=1', 'five=5'])
    assert.deepEqual(numbers('one-in-four'), ['one=1', 'four=4'])
  })
  it('adds a half to a whole number: six and a half years', () => {
    assert.deepEqual(numbers('six and a half years'), ['six and a half=6.5'])
  })
  it('finds nothing where there is no number', () => {
    assert.deepEqual(numbers('Cancer can spread to the bones.'), [])
  })
})

describe('terminology/numbers.yaml', () => {
  it('validates against terminology/numbers.schema.json', () => {
    const n = readNumerals(join(ROOT, 'terminology', 'numbers.yaml'))
    assert.equal(n.cardinals.twenty, 20)
    assert.equal(n.fractions.third, 3)
    assert.equal(n.multiples.halve, 0.5)
    assert.ok(n.vague?.includes('statistic'))
  })
  it('knows words that stand for numbers, by stem, for sentences with none ("the statistics", "most")', () => {
    const words = (text: string) => tokenize(text, 0, []).filter((t) => numerals.standsForNumber(t)).map((t) => t.word)
    assert.deepEqual(words('Going by the figures, most people statistically do well.'), ['figures', 'most', 'statistically'])
    assert.deepEqual(words('Cancer can spread to the bones.'), [])
  })
  it('a word that is not lower-case letters, or a value that is not a number, is a data error naming its line', () => {
    assert.throws(
      () => readNumerals('numbers.yaml', 'cardinals:\n  one: 1\nscales:\n  hundred: 100\nfractions:\n  half: two\nmultiples:\n  twice: 2\n'),
      (e: unknown) => e instanceof DataFileError && e.line === 6 && /must be number/.test(e.message),
    )
    assert.throws(() => readNumerals('numbers.yaml', 'cardinals:\n  One: 1\nscales: {hundred: 100}\nfractions: {half: 2}\nmultiples: {twice: 2}\n'), (e: unknown) => e instanceof DataFileError && /cardinals must match pattern/.test(e.message))
  })
})
