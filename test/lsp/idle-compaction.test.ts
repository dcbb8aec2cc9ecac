import assert from 'node:assert/strict'
import {GROWTH_BYTES, IdleCompaction, exposedCollect} from '../../server/src/lsp/idle-compaction.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const MB = 1024 * 1024

/** A compaction with a fake collector and a fake resident size the test sets. */
function fake(delayMs = 20) {
  const state = {rss: 100 * MB, collections: 0}
  const compaction = new IdleCompaction(
    delayMs,
    () => {
      state.collections++
      state.rss = 90 * MB
    },
    () => state.rss,
  )
  return {state, compaction}
}

describe('IdleCompaction: memory given back when the server goes idle', () => {
  it('collects twice, a turn apart, once idle for the delay after memory grew', async () => {
    const {state, compaction} = fake()
    state.rss += GROWTH_BYTES
    compaction.idle()
    await sleep(5)
    assert.equal(state.collections, 0, 'not before the delay')
    await sleep(40)
    assert.equal(state.collections, 2)
    compaction.dispose()
  })

  it('does not collect when memory grew less than GROWTH_BYTES since the last collection', async () => {
    const {state, compaction} = fake()
    state.rss += GROWTH_BYTES - MB
    compaction.idle()
    await sleep(45)
    assert.equal(state.collections, 0)
    // Measured from the memory after the last collection, not from the start.
    state.rss += 2 * MB
    compaction.idle()
    await sleep(45)
    assert.equal(state.collections, 2)
    state.rss = 90 * MB + GROWTH_BYTES - MB
    compaction.idle()
    await sleep(45)
    assert.equal(state.collections, 2, 'grown less than GROWTH_BYTES since the collection')
    compaction.dispose()
  })

  it('work arriving before the delay cancels the collection', async () => {
    const {state, compaction} = fake()
    state.rss += 2 * GROWTH_BYTES
    compaction.idle()
    await sleep(5)
    compaction.busy()
    await sleep(45)
    assert.equal(state.collections, 0)
    compaction.idle()
    await sleep(45)
    assert.equal(state.collections, 2)
    compaction.dispose()
  })

  it('the exposed collector is V8\'s full collection: a weakly held object is gone after it', async () => {
    const collect = exposedCollect()
    const ref = new WeakRef({big: new Array(1000).fill(0)})
    // A WeakRef keeps its target alive to the end of the job that made it.
    await sleep(0)
    assert.notEqual(ref.deref(), undefined)
    await sleep(0)
    collect()
    assert.equal(ref.deref(), undefined)
  })
})
