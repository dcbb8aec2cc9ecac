import assert from 'node:assert/strict'
import {applyFixes, lint} from '../../server/src/engine/index.js'
import {byRule, testTerminology} from '../helpers.js'

describe('fixes', () => {
  it('keeps capital letters and plurals of the replaced text', () => {
    const [f] = byRule('Zorblat tumors grew.', 'accuracy/nonstandard-term')
    assert.deepEqual(f.suggestions.map((s) => [s.title, s.safe, s.preferred]), [
      ["Replace with 'Secondary tumors'", true, true],
      ["Replace with 'Metastases'", false, false],
    ])
    assert.deepEqual(f.suggestions[0].edits, [{offset: 0, endOffset: 14, newText: 'Secondary tumors'}])
  })

  it('fix-all applies safe suggestions only and leaves every other character', () => {
    const text = 'A zorblat tumor grew.\r\n\r\nWe are the blorpest cancer hospital. 😀 A zorblat tumor.'
    const {findings} = lint(text, {terminology: testTerminology()})
    const fixed = applyFixes(text, findings)
    assert.equal(fixed.text, 'A secondary tumor grew.\r\n\r\nWe are the blorpest cancer hospital. 😀 A secondary tumor.')
    assert.equal(fixed.applied.length, 2)
  })

  it('is idempotent', () => {
    const text = 'A zorblat tumor grew.'
    const once = applyFixes(text, lint(text, {terminology: testTerminology()}).findings).text
    const twice = applyFixes(once, lint(once, {terminology: testTerminology()}).findings).text
    assert.equal(twice, once)
  })

  it('never applies overlapping edits', () => {
    const edit = (offset: number, endOffset: number, newText: string) => ({
      ruleId: 'x/y', severity: 'warning' as const, message: 'm', offset, endOffset,
      suggestions: [{title: 't', safe: true, edits: [{offset, endOffset, newText}]}],
    })
    const fixed = applyFixes('abcdef', [edit(0, 3, 'X'), edit(2, 4, 'Y'), edit(4, 6, 'Z')])
    assert.equal(fixed.text, 'XdZ')
  })
})

describe('articles before a replacement', () => {
  it('switches a/an to fit the new word', async () => {
    const {withArticle} = await import('../../server/src/engine/rules/replacement.js')
    const apply = (text: string, phrase: string, by: string) => {
      const at = text.indexOf(phrase)
      const e = withArticle(text, at, at + phrase.length, by)
      return text.slice(0, e.offset) + e.newText + text.slice(e.endOffset)
    }
    assert.equal(apply('It is an auxiliary tumor.', 'auxiliary tumor', 'secondary tumor'), 'It is a secondary tumor.')
    assert.equal(apply('A forceful tumor grew.', 'forceful tumor', 'aggressive tumor'), 'An aggressive tumor grew.')
    assert.equal(apply('It is a branch tumor.', 'branch tumor', 'secondary tumor'), 'It is a secondary tumor.')
    assert.equal(apply('Get a CT filter.', 'CT filter', 'MRI scan'), 'Get an MRI scan.')
    assert.equal(apply('It is a test.', 'test', 'useful test'), 'It is a useful test.')
  })
})

describe('articles before a shouted replacement', () => {
  it('reads a long all-capital word as a word, not an acronym', async () => {
    const {articleFor} = await import('../../server/src/engine/rules/replacement.js')
    assert.equal(articleFor('SECONDARY TUMOR'), 'a')
    assert.equal(articleFor('MRI scan'), 'an')
  })
})

describe('a wording that brings its own article', () => {
  const apply = async (text: string, phrase: string, by: string) => {
    const {withArticle} = await import('../../server/src/engine/rules/replacement.js')
    const at = text.indexOf(phrase)
    const e = withArticle(text, at, at + phrase.length, by)
    return text.slice(0, e.offset) + e.newText + text.slice(e.endOffset)
  }

  it('replaces the writer\'s article instead of doubling it', async () => {
    assert.equal(await apply('Stage 4 is a death sentence.', 'death sentence', 'a serious diagnosis'), 'Stage 4 is a serious diagnosis.')
    assert.equal(await apply('It was called an ugly verdict.', 'ugly verdict', 'a serious diagnosis'), 'It was called a serious diagnosis.')
    assert.equal(await apply('It is the death sentence.', 'death sentence', 'a serious diagnosis'), 'It is a serious diagnosis.')
  })

  it('keeps the capital of an article that opens the sentence', async () => {
    assert.equal(await apply('A bright spot glows.', 'bright spot', 'A bright spot'), 'A bright spot glows.')
    assert.equal(await apply('A death sentence is feared.', 'death sentence', 'an serious diagnosis'), 'A serious diagnosis is feared.')
    assert.equal(await apply('AN OLD TERM.', 'OLD TERM', 'A SERIOUS TERM'), 'A SERIOUS TERM.')
  })

  it('chooses a/an from the word that follows it, with or without a writer\'s article', async () => {
    assert.equal(await apply('It means certain death.', 'certain death', 'a early diagnosis'), 'It means an early diagnosis.')
    assert.equal(await apply('It is a branch tumor.', 'branch tumor', 'an secondary tumor'), 'It is a secondary tumor.')
  })
})

describe('letters read by their names', () => {
  it('takes "an" before a vowel-named letter and "a" before another', async () => {
    const {articleFor} = await import('../../server/src/engine/rules/replacement.js')
    assert.equal(articleFor('x-ray'), 'an')
    assert.equal(articleFor('T cell'), 'a')
    assert.equal(articleFor('MRI scan'), 'an')
    assert.equal(articleFor('useful test'), 'a')
  })
})

describe('case of an abbreviation that is replaced', () => {
  it('does not take the capitals of "METs" for a sentence capital', async () => {
    const {fitReplacement} = await import('../../server/src/engine/rules/replacement.js')
    assert.equal(fitReplacement('metastases', 'METs', false), 'metastases')
    assert.equal(fitReplacement('metastases', 'Mets', false), 'Metastases')
    assert.equal(fitReplacement('metastases', 'METS', false), 'METASTASES')
  })

  it('capitalises the wording where the replaced abbreviation opens a sentence', async () => {
    const {withArticle} = await import('../../server/src/engine/rules/replacement.js')
    const text = 'See the scan. METs were found.'
    const at = text.indexOf('METs')
    assert.deepEqual(withArticle(text, at, at + 4, 'metastases'), {offset: at, endOffset: at + 4, newText: 'Metastases'})
    const mid = 'Higher METs burn more.'
    assert.deepEqual(withArticle(mid, 7, 11, 'metastases'), {offset: 7, endOffset: 11, newText: 'metastases'})
  })
})

describe('removing a phrase', () => {
  const remove = async (text: string, phrase: string) => {
    const {removal} = await import('../../server/src/engine/rules/replacement.js')
    const at = text.indexOf(phrase)
    const e = removal(text, at, at + phrase.length)
    return e && text.slice(0, e.offset) + e.newText + text.slice(e.endOffset)
  }

  it('makes the article before it fit the word that follows', async () => {
    assert.equal(await remove('We are an award-winning team.', 'award-winning'), 'We are a team.')
    assert.equal(await remove('A revolutionary approach helps.', 'revolutionary'), 'An approach helps.')
    assert.equal(await remove('Our revolutionary laser treatment works.', 'revolutionary'), 'Our laser treatment works.')
  })

  it('offers no removal of a whole predicate', async () => {
    assert.equal(await remove('Our care is award-winning.', 'award-winning'), undefined)
    assert.equal(await remove('The equipment is truly state-of-the-art, and safe.', 'state-of-the-art'), undefined)
  })

  it('drops the suggestion, keeps the finding', () => {
    const [f] = lint('Our care is award-winning.').findings.filter((x) => x.entryId === 'superlative-award-winning')
    assert.deepEqual(f.suggestions, [])
    const [g] = lint('We are an award-winning team.').findings.filter((x) => x.entryId === 'superlative-award-winning')
    assert.deepEqual(g.suggestions.map((s) => s.edits), [[{offset: 7, endOffset: 24, newText: 'a '}]])
  })
})
