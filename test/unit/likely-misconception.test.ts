import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import {claimModel, entryExamples} from '../../server/src/engine/claims/load.js'
import {LIKELY} from '../../server/src/engine/claims/likely-sentences.js'
import {MESSAGE} from '../../server/src/engine/rules/accuracy/likely-misconception.js'
import {builtinTerminology} from '../../server/src/engine/terminology/load.js'

const RULE = 'accuracy/likely-misconception'
const likely = (text: string) => lint(text).findings.filter((f) => f.ruleId === RULE)
const accuracy = (text: string) => lint(text).findings.filter((f) => f.ruleId.startsWith('accuracy/'))

describe('accuracy/likely-misconception: the accuracy model as a second opinion', function () {
  this.timeout(30_000)

  it('reports a sentence no rule names that reads like a misconception: the sentence without its full stop, as information, with no edit', () => {
    const text = 'Welcome. Cancer is simply the body’s way of walling off toxins it cannot get rid of.'
    const [f, ...rest] = accuracy(text)
    assert.equal(rest.length, 0)
    assert.equal(f.ruleId, RULE)
    assert.equal(text.slice(f.offset, f.endOffset), 'Cancer is simply the body’s way of walling off toxins it cannot get rid of')
    assert.deepEqual([f.offset, f.endOffset, f.severity, f.message, f.suggestions], [9, 83, 'info', MESSAGE, []])
  })

  it('finds misconceptions of kinds no entry lists, in other words', () => {
    for (const text of ['Tumours are just the body storing toxins it cannot flush out.', 'A tumour is just the body’s way of protecting itself from toxins.']) {
      assert.deepEqual(accuracy(text).map((f) => f.ruleId), [RULE], text)
    }
  })

  it('stays quiet where the text asks, refutes or reports the belief, though the model alone would report it', () => {
    const belief = 'Cancer is simply the body’s way of walling off toxins it cannot get rid of'
    assert.ok(claimModel('accuracy').score(`${belief}?`) >= LIKELY.accuracy)
    assert.deepEqual(likely(`${belief}?`), [])
    // The sentence after it refutes it.
    assert.deepEqual(likely(`${belief}. That is false.`), [])
    // Reported as a belief, or called a myth, anywhere in the sentence.
    assert.deepEqual(likely(`Some websites say that ${belief.toLowerCase()}, but there is no evidence for it.`), [])
    assert.deepEqual(likely(`${belief}: a myth with no evidence behind it.`), [])
  })

  it('reads only sentences about cancer, its spread, its markers or its care', () => {
    const text = 'Stress is the root cause of every illness.'
    assert.ok(claimModel('accuracy').score(text) >= LIKELY.accuracy)
    assert.deepEqual(likely(text), [])
    // An organ, a scan or a blood test alone is no topic.
    const scan = 'The PET scan will show every spot in your lungs.'
    assert.ok(claimModel('accuracy').score(scan) >= LIKELY.accuracy)
    assert.deepEqual(likely(scan), [])
    assert.deepEqual(likely('The lab takes a sample of blood from your arm.'), [])
    assert.deepEqual(likely('The MRI showed a torn ligament in her knee.'), [])
  })

  it('stays quiet on headings, fragments, and sentences an accuracy rule already names', () => {
    assert.deepEqual(likely('# Cancer is simply the body’s way of walling off toxins\n\nText.'), [])
    assert.deepEqual(likely('Tumours are walled-off toxins.'), [])
    const named = accuracy('Tumours grow because the body is too acidic, so an alkaline diet will starve them.')
    assert.ok(named.length > 0 && named.every((f) => f.ruleId !== RULE))
  })

  it('learns from the flag and pass examples of the accuracy entries, and only theirs', () => {
    const {entries} = builtinTerminology()
    const examples = entryExamples(entries, 'accuracy')
    const accuracyEntries = entries.filter((e) => e.rule.startsWith('accuracy/'))
    assert.equal(examples.length, accuracyEntries.reduce((n, e) => n + e.examples.flag.length + e.examples.pass.length, 0))
    const first = accuracyEntries[0]
    assert.deepEqual(examples[0], {text: first.examples.flag[0], claim: true, weight: 1})
    assert.ok(examples.some((x) => x.text === first.examples.pass[0] && !x.claim))
  })
})
