import assert from 'node:assert/strict'
import {expandPattern} from '../../server/src/engine/terminology/pattern.js'
import {PhraseMatcher} from '../../server/src/engine/terminology/matcher.js'
import {tokenize} from '../../server/src/engine/parse/tokens.js'

// The matcher keeps word edges in flat arrays, scanned for most nodes and looked up in a map
// for nodes of many edges; dist/terminology.json stores those arrays. These tests hold the
// two ways of finding an edge, and a stored matcher, to the trie they were made from.

const build = (patterns: string[]): PhraseMatcher<string> => {
  const m = new PhraseMatcher<string>()
  for (const p of patterns) for (const seq of expandPattern(p)) m.add(seq, p)
  m.minimize()
  return m
}

// As the sentence parser marks them: punctuation between two tokens breaks a phrase.
const found = (m: PhraseMatcher<string>, text: string): string[] => {
  const tokens = tokenize(text, 0, [])
  for (let i = 1; i < tokens.length; i++) tokens[i].breakBefore = /[.,;:!?]/.test(text.slice(tokens[i - 1].endOffset, tokens[i].offset))
  return m.match(tokens).map((x) => `${x.ref}@${x.start}-${x.end}`)
}

const stored = (m: PhraseMatcher<string>): PhraseMatcher<string> => {
  const refs: string[] = []
  const data = JSON.parse(JSON.stringify(m.serialize((ref) => (refs.includes(ref) ? refs.indexOf(ref) : refs.push(ref) - 1))))
  return PhraseMatcher.deserialize(data, (id) => refs[id])
}

describe('phrase matcher edges', () => {
  // 30 words after "the": the node after "the" has more edges than a scan is used for.
  const many = Array.from({length: 30}, (_, i) => `the word${i} ... end`)
  const patterns = [...many, 'cancer (spreads|spread) to the (bone|bones|liver)', 'shrink the tumor', '<num> percent', 'stage <num> ... cancer']
  const text = 'They said the word7 was the end. Cancer spread to the liver. It shrank the tumor. 40 percent had stage 4 breast cancer. the word29 at the end'

  it('finds phrases through a node of many edges and through a node of few, the same before and after storing', () => {
    const m = build(patterns)
    const expected = [
      'the word7 ... end@2-7',
      'cancer (spreads|spread) to the (bone|bones|liver)@7-12',
      'shrink the tumor@13-16',
      '<num> percent@16-18',
      'stage <num> ... cancer@19-23',
      'the word29 ... end@23-28',
    ]
    assert.deepEqual(found(m, text), expected)
    assert.deepEqual(found(stored(m), text), expected)
  })

  it('finds the same phrases in stored data whose edges are not in order of label', () => {
    const m = build(patterns)
    const refs: string[] = []
    const data = JSON.parse(JSON.stringify(m.serialize((ref) => (refs.includes(ref) ? refs.indexOf(ref) : refs.push(ref) - 1))))
    // Each node's edges reversed, their lenient flags with them.
    const {from, label, child} = data.words
    const lenient = new Set<number>(data.words.lenient)
    const moved: number[] = []
    for (let node = 0; node + 1 < from.length; node++) {
      const [a, b] = [from[node], from[node + 1]]
      for (let k = a; k < b; k++) if (lenient.has(k)) moved.push(a + b - 1 - k)
      label.splice(a, b - a, ...label.slice(a, b).reverse())
      child.splice(a, b - a, ...child.slice(a, b).reverse())
    }
    data.words.lenient = moved
    const shuffled = PhraseMatcher.deserialize<string>(data, (id) => refs[id])
    assert.deepEqual(found(shuffled, text), found(m, text))
    assert.deepEqual(found(shuffled, 'cancer. It reached the word3 and the end'), found(m, 'cancer. It reached the word3 and the end'))
  })

  it('keeps punctuation rules for stored edges: a gap may cross a full stop, a plain word may not', () => {
    const m = stored(build(['cancer ... liver', 'cancer spreads']))
    assert.deepEqual(found(m, 'cancer. It reached the liver'), ['cancer ... liver@0-5'])
    assert.deepEqual(found(m, 'cancer. spreads'), [])
  })

  it('gives only the matches of the refs `keep` keeps, in the same order as without it', () => {
    const m = stored(build(['cancer', 'cancer ... liver', 'spread to the liver', 'liver']))
    const tokens = tokenize('cancer spread to the liver', 0, [])
    const all = m.match(tokens).map((x) => `${x.ref}@${x.start}-${x.end}`)
    assert.deepEqual(all, ['cancer ... liver@0-5', 'cancer@0-1', 'spread to the liver@1-5', 'liver@4-5'])
    const keep = {keyOf: (ref: string) => ref, keys: new Set<unknown>(['cancer ... liver', 'spread to the liver'])}
    const kept = m.match(tokens, undefined, keep).map((x) => `${x.ref}@${x.start}-${x.end}`)
    assert.deepEqual(kept, ['cancer ... liver@0-5', 'spread to the liver@1-5'])
  })

  it('keeps the same matches where many refs end at one node, looking up the few keys asked for', () => {
    // Twelve entries share "may spread" (one node ends all their refs), as common unless patterns do.
    const m = new PhraseMatcher<string>()
    for (let e = 0; e < 12; e++) for (const p of ['may spread', 'may spread to the liver']) for (const seq of expandPattern(p)) m.add(seq, `entry${e}:${p}`)
    m.minimize()
    const tokens = tokenize('it may spread to the liver and may spread', 0, [])
    const show = (ms: ReadonlyArray<{ref: string; start: number; end: number}>) => ms.map((x) => `${x.ref}@${x.start}-${x.end}`)
    const keyOf = (ref: string): string => ref.slice(0, ref.indexOf(':'))
    for (const keys of [['entry3'], ['entry0', 'entry11'], ['entry5', 'nobody'], []]) {
      const kept = show(stored(m).match(tokens, undefined, {keyOf, keys: new Set<unknown>(keys)}))
      const wanted = show(m.match(tokens)).filter((x) => keys.includes(keyOf(x)))
      assert.deepEqual([...kept].sort(), [...wanted].sort(), keys.join())
      assert.equal(kept.length, keys.filter((k) => k !== 'nobody').length * 3, keys.join())
      // Each key's own matches in the order of the search.
      for (const key of keys) assert.deepEqual(kept.filter((x) => x.startsWith(`${key}:`)), wanted.filter((x) => x.startsWith(`${key}:`)))
    }
  })

  it('refuses to change a stored matcher', () => {
    const m = stored(build(['cancer spreads']))
    assert.throws(() => m.add(expandPattern('tumor grows')[0], 'x'), /a loaded phrase matcher cannot be changed/)
    assert.throws(() => m.minimize(), /a loaded phrase matcher cannot be changed/)
  })
})
