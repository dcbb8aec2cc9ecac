import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {splitChunks} from '../../server/src/engine/parse/chunks.js'
import {parseChunk} from '../../server/src/engine/parse/draft.js'
import {asPlainProse} from '../../server/src/engine/parse/plain-markdown.js'
import {ROOT} from '../helpers.js'

function draftsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return draftsUnder(path)
    return /\.(md|txt)$/.test(name) ? [path] : []
  })
}

/** The fast path's parse of a chunk must equal remark's, paragraph for paragraph, word for word. */
function assertSameParse(chunk: string, first: boolean): boolean {
  if (!asPlainProse(chunk)) return false
  assert.deepEqual(parseChunk(chunk, true, first, true), parseChunk(chunk, true, first, false), JSON.stringify(chunk))
  return true
}

// A small deterministic generator (mulberry32), so a failure names a case that can be re-run.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('plain Markdown prose skips remark', () => {
  it('takes a paragraph of prose, a heading line and a list of one-line items, leaving out their markers', () => {
    assert.deepEqual(asPlainProse('Cancer can spread. It is then called metastatic.\nA second line.\n\n'), {
      blocks: [{start: 0, text: 'Cancer can spread. It is then called metastatic.\nA second line.'}],
      heading: false,
    })
    assert.deepEqual(asPlainProse('## What happens next\n\n'), {blocks: [{start: 3, text: 'What happens next'}], heading: true})
    assert.deepEqual(asPlainProse('Rates fell 10% (AT&T, Q&A). Is it "stage 4"? Yes!\n'), {blocks: [{start: 0, text: 'Rates fell 10% (AT&T, Q&A). Is it "stage 4"? Yes!'}], heading: false})
    assert.deepEqual(asPlainProse('- pain\n- feeling tired. Very tired\n+ weight loss\n\n'), {
      blocks: [
        {start: 2, text: 'pain'},
        {start: 9, text: 'feeling tired. Very tired'},
        {start: 37, text: 'weight loss'},
      ],
      heading: false,
      list: true,
    })
    assert.deepEqual(asPlainProse('[T]he letter [sic] cites [1] and [2].\n'), {blocks: [{start: 0, text: '[T]he letter [sic] cites [1] and [2].'}], heading: false})
    assert.deepEqual(asPlainProse('1. Call us.\n10) Rest.\n'), {blocks: [{start: 3, text: 'Call us.'}, {start: 16, text: 'Rest.'}], heading: false, list: true})
  })

  it('leaves anything remark could read as syntax to remark', () => {
    const remarkOnly = [
      'Some *emphasis* here.\n',
      'Some _emphasis_ here.\n',
      'Use `code` here.\n',
      'A [link](https://example.org).\n',
      'A [link] (with a space).\n',
      'A [full][reference].\n',
      'A [collapsed][] reference.\n',
      '[label]: https://example.org\n',
      'An ![image](a.png).\n',
      'An <b>tag</b>.\n',
      'An escape \\* here.\n',
      'An entity &amp; here.\n',
      'A numeric &#233; here.\n',
      '* a list item with a star\n',
      '-  two spaces after the marker\n',
      '- a list item\nand a lazy continuation\n',
      'A paragraph\n- then a list\n',
      '- - a nested list\n',
      '- \n',
      '1.  two spaces after the number\n',
      '- item\n---\n',
      '> a quote\n',
      'Text\n===\n',
      'Text\n---\n',
      '    indented code\n',
      'Line one\n  indented continuation\n',
      'A hard break  \nnext line\n',
      'Windows line\r\nends\r\n',
      '~~~\nfence\n',
      '# Closed heading #\n',
      '# Heading\nand a paragraph under it\n',
      '#\n',
      'Text\n\n  indented after a blank\n',
      'NUL \0 here\n',
      '',
      '\n\n',
    ]
    for (const chunk of remarkOnly) assert.equal(asPlainProse(chunk), undefined, JSON.stringify(chunk))
  })

  it('parses every plain chunk of the fixtures exactly as remark does', () => {
    let compared = 0
    for (const file of [...draftsUnder(join(ROOT, 'test')), ...draftsUnder(join(ROOT, 'examples'))]) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
      for (const [start, end] of splitChunks(text, true)) if (assertSameParse(text.slice(start, end), start === 0)) compared++
    }
    assert.ok(compared > 150, `only ${compared} plain chunks in the fixtures`)
  })

  it('parses generated plain chunks exactly as remark does', () => {
    const next = random(20261127)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
    const words = ['cancer', 'spread', 'Stage', 'IV', 'metastatic', "doesn't", 'e.g.', 'Dr.', 'U.S.', 'No.', '1', '10,000', '1.5', '50%', '$20', '#1', 'AT&T', 'well-known', 'and/or', '"quoted"', '(aside)', '—', '–', '…', '😀', 'café', 'naïve', 'İstanbul', 'www.example.org', 'https://example.org/a?b=c', 'a@b.org', "'tis", '‘single’', 'x²', 'ﬁne', '\t', '\u00a0', 'a.', 'b!', 'c?', 'd;', 'e:', 'f,', '?!', '...', '.', 'mets.Cancer', 'cancer;spread', '-', '--', '[T]he', '[sic]', '[1]', '[', ']', 'a]b', '[x']
    const ends = ['', '.', '!', '?', '...', ':', ' 5.', ' (1)']
    let compared = 0
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = []
      const count = 1 + Math.floor(next() * 4)
      for (let l = 0; l < count; l++) {
        const length = 1 + Math.floor(next() * 14)
        lines.push(Array.from({length}, () => pick(words)).join(pick([' ', ' ', ' ', '  ', '\t'])) + pick(ends))
      }
      const shape = next()
      let chunk: string
      if (shape < 0.2) chunk = `${'#'.repeat(1 + Math.floor(next() * 6))}${pick([' ', '  '])}${lines[0]}`
      else if (shape < 0.45) chunk = lines.map((l) => `${pick(['- ', '+ ', '1. ', '2) ', '12. '])}${l}`).join('\n')
      else chunk = lines.join('\n')
      chunk += pick(['', '\n', '\n\n', '\n\n\n'])
      if (assertSameParse(chunk, next() < 0.5)) compared++
    }
    assert.ok(compared > 1000, `only ${compared} generated chunks were plain`)
  })
})

describe('a Markdown title written without "#"', () => {
  const headings = (text: string, fastPath = true) => {
    const chunks = splitChunks(text, true)
    return chunks.flatMap(([a, b], i) => parseChunk(text.slice(a, b), true, i === 0, fastPath, a).paragraphs.map((p) => [text.slice(p.offset, p.endOffset), p.heading]))
  }

  it('is a short one-line paragraph with no closing punctuation, on either parse path', () => {
    const text = 'Secondary cancer\n\nA primary cancer is where a cancer starts.\n\n*Posted by the clinic team*\n\nIt spreads\nthrough the blood\n\nWhat is secondary cancer?\n\nCall us now!\n'
    const expected = [
      ['Secondary cancer', true],
      ['A primary cancer is where a cancer starts.', false],
      ['Posted by the clinic team', true],
      ['It spreads\nthrough the blood', false],
      ['What is secondary cancer?', true],
      ['Call us now!', false],
    ]
    assert.deepEqual(headings(text), expected)
    assert.deepEqual(headings(text, false), expected)
  })

  it('is not a list item or a quoted line', () => {
    assert.deepEqual(headings('• What do the tests show?\n'), [['• What do the tests show?', false]])
    assert.deepEqual(headings('- Stage 4 cancer\n- Bone metastases\n\n> Ask your team\n'), [
      ['Stage 4 cancer', false],
      ['Bone metastases', false],
      ['Ask your team', false],
    ])
  })
})
