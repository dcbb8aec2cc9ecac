import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {ParseEnglish} from 'parse-english'
import {FastParseEnglish} from '../../server/src/engine/parse/english.js'
import {ROOT} from '../helpers.js'

function draftsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return draftsUnder(path)
    return /\.(md|txt)$/.test(name) ? [path] : []
  })
}

describe('the sentence parser with a table-driven tokenizer', () => {
  const original = new ParseEnglish()
  const fast = new FastParseEnglish()

  it('parses every fixture exactly as parse-english does', () => {
    const files = [...draftsUnder(join(ROOT, 'test')), ...draftsUnder(join(ROOT, 'examples'))]
    assert.ok(files.length > 10, `only ${files.length} fixtures`)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      assert.deepEqual(fast.parse(text), original.parse(text), file)
    }
  })

  it('parses generated text in many scripts exactly as parse-english does', () => {
    let seed = 1127
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const pieces = ['cancer', 'Spread', ' ', '  ', '\n', '\r\n', '\r', '\t', '.', '...', '!?', ',', ';', '"', '“', '”', "'", '’', '(', ')', '-', '—', '–', '/', '&', '%', '$', '#', '@', '+', '=', '_', '*', '1', '2.5', '10,000', 'e.g.', 'Dr.', 'U.S.', '😀', '👍🏽', 'café', 'naïve', 'e\u0301', 'İ', 'ß', 'Ωμέγα', 'Москва', '東京', 'مرحبا', 'עברית', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u0000', '\ud800', '\udc00', '…', '‽', '§', '¶', '©', '™', '½', '²']
    for (let n = 0; n < 3000; n++) {
      let text = ''
      const length = Math.floor(next() * 40)
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]
      assert.deepEqual(fast.parse(text), original.parse(text), JSON.stringify(text))
    }
  })
})
