import assert from 'node:assert/strict'
import {builtinTerminology} from '../../server/src/engine/index.js'
import {warmUp, warmUpParagraphs} from '../../server/src/lsp/warm-up.js'

describe('warm-up: the engine runs on the terminology\'s examples before the first draft arrives', () => {
  it('makes paragraphs of eight example sentences, one flag and one pass example per entry in turn, at most 60', () => {
    const terminology = builtinTerminology()
    const paragraphs = warmUpParagraphs(terminology)
    assert.equal(paragraphs.length, 60)
    const [first] = terminology.entries
    assert.ok(paragraphs[0].startsWith(`${first.examples.flag[0]} ${first.examples.pass[0]} `), paragraphs[0])
    assert.deepEqual(warmUpParagraphs(terminology, 2).length, 2)
  })

  it('lints one paragraph per turn and stops as soon as a document is open', async () => {
    let asked = 0
    // Free for two turns, then a document opens.
    const linted = await warmUp(() => ++asked > 2, ['Cancer cells can spread.', 'Stage 4 cancer is always terminal.', 'A third paragraph.'])
    assert.equal(linted, 2)
    assert.equal(asked, 3)
  })

  it('lints every paragraph when no document opens, and none when one is open from the start', async () => {
    assert.equal(await warmUp(() => false, ['One.', 'Two.', 'Three.']), 3)
    assert.equal(await warmUp(() => true, ['One.']), 0)
  })
})
