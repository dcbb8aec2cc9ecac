import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {ParseEnglish} from 'parse-english'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {FastParseEnglish} from '../../server/src/engine/parse/english.js'
import {ROOT} from '../helpers.js'

function draftsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return draftsUnder(path)
    return /\.(md|txt)$/.test(name) ? [path] : []
  })
}

/** Pseudo-random text of `pieces` (the same every run). */
function generator(seed: number, pieces: readonly string[]): (maxPieces: number) => string {
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
  return (maxPieces) => {
    let text = ''
    const length = Math.floor(next() * maxPieces)
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]
    return text
  }
}

// Single characters and words in many scripts, for the tokenizer's character classes.
const CHARACTERS = ['cancer', 'Spread', ' ', '  ', '\n', '\r\n', '\r', '\t', '.', '...', '!?', ',', ';', '"', '“', '”', "'", '’', '(', ')', '-', '—', '–', '/', '&', '%', '$', '#', '@', '+', '=', '_', '*', '1', '2.5', '10,000', 'e.g.', 'Dr.', 'U.S.', '😀', '👍🏽', 'café', 'naïve', 'e\u0301', 'İ', 'ß', 'Ωμέγα', 'Москва', '東京', 'مرحبا', 'עברית', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u0000', '\ud800', '\udc00', '…', '‽', '§', '¶', '©', '™', '½', '²']
// What the sentence and paragraph plugins act on: elisions ("o' ", "'tis", "'n'", "w/"), "&c",
// hyphens ending words, inner symbols, short words around a slash, initialisms, abbreviations
// before a full stop, sentences starting lower case or with a digit, blank lines.
const PLUGIN_CASES = [' o', ' ol', "' ", '’ ', " 'tis", " 'twas", " ’cause", " 'em", " '90s", " 'n' ", ' w/', ' W/', 'w/o', '&c', ' & ', '&', ' pre-', '- ', '-', "don't", 'well-known', 'x:y', 'a=b', 'a?b', 'a@b', 'a_b', 'a__b', 'a\u00adb', 'a·b', 'a\u2010b', 'a\u2027b', 'N/A', 'and/or', 'a/', '/b', 'e.g', 'i.e.', 'U.S.A.', '1.2.', 'a.1.', ' Mr.', ' etc.', ' Inc.', ' jan.', ' p.', ' cf.', ' 12.', ' Notts.', '. a', '. 3', '. The', '.) ', '."', '! ', '? ', '. ', '.\n\n', '\n\n', '\r\n\r\n', '\n \n', ' .', '. .', '..', "'", 'tis', 'cause', 'em', '90s', 'word', 'Word', 'w', 'o', 'n', 'A', 'ab', 'abc', '5', ',', ';', ' ']

describe('the sentence parser with a table-driven tokenizer and its own plugin loops', () => {
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
    const text = generator(1127, CHARACTERS)
    for (let n = 0; n < 3000; n++) {
      const t = text(40)
      assert.deepEqual(fast.parse(t), original.parse(t), JSON.stringify(t))
    }
  })

  it('merges and splits as parse-english does where its plugins act', () => {
    const cases = ["x'tis so", "'tis the season", "He ate 'em.", "Cap o' the hill", "rock 'n' roll", "in the '90s", "w/ food", "w/o", "&c and so on", 'salt & pepper', 'pre- and post-op', "don't", 'well-known', 'N/A', 'and/or', 'e.g. this', 'the U.S. and', 'Mr. Smith', 'etc. and more', 'Notts. county', 'See p. 5.', 'Stage 4. it spread.', 'Done.\n\nNext', 'Done\r\n\r\nnext', 'a . . . b', 'so... then']
    for (const t of cases) assert.deepEqual(fast.parse(t), original.parse(t), JSON.stringify(t))
  })

  it('merges and splits generated text exactly as parse-english does', () => {
    const text = generator(2024, [...PLUGIN_CASES, ...CHARACTERS.slice(0, 30)])
    for (let n = 0; n < 6000; n++) {
      const t = text(30)
      assert.deepEqual(fast.parse(t), original.parse(t), JSON.stringify(t))
    }
  })

  it('reads Markdown through remark-retext exactly as parse-english does', () => {
    // mdast-util-to-nlcst runs the plugin lists itself, on text from many Markdown nodes.
    const withParser = (parser: typeof ParseEnglish) => unified().use(remarkParse).use(remarkRetext, parser)
    const [a, b] = [withParser(FastParseEnglish), withParser(ParseEnglish)]
    const read = (processor: ReturnType<typeof withParser>, t: string) => processor.runSync(processor.parse(t), new VFile(t))
    const files = [...draftsUnder(join(ROOT, 'test')), ...draftsUnder(join(ROOT, 'examples'))].filter((f) => f.endsWith('.md'))
    for (const file of files) {
      const t = readFileSync(file, 'utf8')
      assert.deepEqual(read(a, t), read(b, t), file)
    }
    const text = generator(77, [...PLUGIN_CASES, '*', '**', '`x`', '[a](b)', '![alt. text](i.png)', '\n- ', '\n1. ', '\n# ', '\n> ', '  \n', '<br>', '\\.'])
    for (let n = 0; n < 800; n++) {
      const t = text(30)
      assert.deepEqual(read(a, t), read(b, t), JSON.stringify(t))
    }
  })
})
