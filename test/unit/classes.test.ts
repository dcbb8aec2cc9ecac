import assert from 'node:assert/strict'
import {join} from 'node:path'
import {builtinTerminology, DataFileError} from '../../server/src/engine/index.js'
import {tokenize} from '../../server/src/engine/parse/tokens.js'
import {ClassIndex} from '../../server/src/engine/terminology/classes.js'
import {readClasses} from '../../server/src/engine/terminology/load.js'
import {ROOT} from '../helpers.js'

const classes = builtinTerminology().classes
const tokensOf = (text: string) => tokenize(text, 0, [])
/** Whether class `name` covers all of `phrase`. */
const whole = (index: ClassIndex, name: string, phrase: string): boolean => {
  const tokens = tokensOf(phrase)
  return index.spans(tokens).ends(name, 0).includes(tokens.length)
}
/** Whether class `name` matches anywhere in `phrase`. */
const anywhere = (index: ClassIndex, name: string, phrase: string): boolean => {
  const tokens = tokensOf(phrase)
  const spans = index.spans(tokens)
  return tokens.some((_, i) => spans.ends(name, i).length > 0)
}

describe('word classes (terminology/classes/): every class proves itself', () => {
  it('validates against terminology/classes/schema.json', () => {
    assert.ok(readClasses(join(ROOT, 'terminology', 'classes', 'context.yaml')).length > 0)
  })
  for (const c of classes.classes) {
    describe(`@${c.name}`, () => {
      for (const phrase of c.examples?.in ?? []) it(`holds: ${phrase}`, () => assert.ok(whole(classes, c.name, phrase), `@${c.name} should match "${phrase}"`))
      for (const phrase of c.examples?.out ?? []) it(`does not hold: ${phrase}`, () => assert.ok(!anywhere(classes, c.name, phrase), `@${c.name} should not match in "${phrase}"`))
    })
  }
})

describe('word classes: how they compile', () => {
  const cls = (name: string, members: string[], line = 1) => ({name, description: 'a test class', members, file: 'classes.yaml', line})
  it('members inflect by stem and by irregular forms, and may name earlier classes', () => {
    const index = ClassIndex.compile([cls('shrinking', ['shrink', 'wipe out']), cls('claim', ['@shrinking (tumor|cancer)'])])
    assert.ok(whole(index, 'shrinking', 'shrank'))
    assert.ok(whole(index, 'shrinking', 'wiped out'))
    assert.ok(whole(index, 'claim', 'shrunk the tumors'.replace('the ', '')))
    assert.ok(!anywhere(index, 'claim', 'treats cancer'))
  })
  it('~word stands for the word and its synonyms (WordNet at build time; here a stand-in)', () => {
    const synonyms = (word: string) => (word === 'futile' ? ['vain', 'useless', 'ineffective', 'in vain'] : [])
    const index = ClassIndex.compile([cls('hopeless', ['~futile', '~pointless'])], synonyms)
    for (const w of ['futile', 'vain', 'useless', 'ineffective', 'pointless']) assert.ok(whole(index, 'hopeless', w), w)
    // Only single words are taken: a phrase synonym would need its own member.
    assert.ok(!anywhere(index, 'hopeless', 'in the rain'))
  })

  it('a class that names an unknown class, or itself, is a data error naming its line', () => {
    assert.throws(() => ClassIndex.compile([cls('a', ['@nope'], 4)]), (e: unknown) => e instanceof DataFileError && e.line === 4 && /unknown class "@nope"/.test(e.message))
    assert.throws(() => ClassIndex.compile([cls('a', ['@b'], 2), cls('b', ['@a'], 3)]), (e: unknown) => e instanceof DataFileError && /names itself/.test(e.message))
    assert.throws(() => ClassIndex.compile([cls('a', ['x'], 2), cls('a', ['y'], 3)]), (e: unknown) => e instanceof DataFileError && e.line === 3 && /duplicate class/.test(e.message))
  })
})
