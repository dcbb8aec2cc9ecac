import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {builtinTerminology, lint} from '../../server/src/engine/index.js'
import {parseDraft} from '../../server/src/engine/parse/draft.js'
import {spunDetector} from '../../server/src/engine/spun/load.js'
import {ROOT} from '../helpers.js'

// The spun-term detector of accuracy/nonstandard-term: a standard term of
// terminology/standard-terms.yaml with a word swapped for a WordNet synonym.
const spun = (text: string) =>
  lint(text).findings.filter((f) => f.ruleId === 'accuracy/nonstandard-term' && f.entryId === undefined)

/** What the detector alone reads in `text`, entries aside. */
const detectorAlone = (text: string): string[] =>
  parseDraft(text, 'markdown').sentences.flatMap((s) => spunDetector().find(s.tokens).map((m) => text.slice(s.tokens[m.start].offset, s.tokens[m.end - 1].endOffset)))

describe('accuracy/nonstandard-term: spun terms (a word swapped for a synonym)', function () {
  this.timeout(30_000)
  it('flags the swapped phrase, says which term it reads as, and offers the term in the writer\'s number', () => {
    const text = 'Drugs act while cells go through cell partitions.'
    const [f, ...rest] = spun(text)
    assert.equal(rest.length, 0)
    assert.equal(text.slice(f.offset, f.endOffset), 'cell partitions')
    assert.equal(f.severity, 'warning')
    assert.match(f.message, /^'cell partitions' reads like 'cell division' with a word swapped for a synonym/)
    assert.deepEqual(f.suggestions.map((s) => [s.title, s.safe, s.edits]), [["Replace with 'cell divisions'", false, [{offset: 33, endOffset: 48, newText: 'cell divisions'}]]])
  })

  it('keeps a capital and fits the article to the new words', () => {
    const text = 'An indispensable sign such as your pulse is checked every hour.'
    const [f] = spun(text)
    assert.equal(text.slice(f.offset, f.endOffset), 'indispensable sign')
    assert.deepEqual(f.suggestions[0].edits, [{offset: 0, endOffset: 21, newText: 'A vital sign'}])
    assert.deepEqual(spun('Smoking is the biggest cause of lung crab.').map((x) => x.suggestions[0].edits[0].newText), ['lung cancer'])
  })

  it('finds swaps of two words when one of them is a rare word', () => {
    assert.deepEqual(detectorAlone('Her doctor said she is at medium jeopardy.'), ['medium jeopardy'])
  })

  it('leaves standard terms, their established variants and WordNet compounds alone', () => {
    for (const text of ['In the National Lung Screening Trial, low-dose CT found cancer early.', 'Cancer cells reach the lymph nodes first.', 'A lymph gland in the neck was swollen.', 'Bone marrow is spongy tissue inside the bones.', 'The laboratory tests came back normal.', 'A positron emission tomography scan was done.', 'Blood flow to the tumor was low.', 'Signs of carcinoid syndrome include a fast heartbeat.', 'Tell your nurse about a racing or irregular heartbeat.']) {
      assert.deepEqual(detectorAlone(text), [], text)
    }
  })

  it('does not report a phrase a terminology entry already reports', () => {
    const findings = lint('Tumors can form branch tumors in the liver.').findings.filter((f) => f.ruleId === 'accuracy/nonstandard-term')
    assert.deepEqual(findings.map((f) => f.entryId), ['branch-tumor'])
  })

  it('raises nothing on trusted text: the NCI corpus, the plain-language fixtures and every pass example of the nonstandard entries', () => {
    const found: string[] = []
    for (const dir of ['test/corpus/real/trusted', 'test/fixtures/plain']) {
      for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.md'))) {
        for (const phrase of detectorAlone(readFileSync(join(ROOT, dir, name), 'utf8'))) found.push(`${dir}/${name}: ${phrase}`)
      }
    }
    for (const e of builtinTerminology().entries.filter((x) => x.rule === 'accuracy/nonstandard-term')) {
      for (const s of e.examples.pass) for (const phrase of detectorAlone(s)) found.push(`${e.id} pass example: ${phrase}`)
    }
    assert.deepEqual(found, [])
  })

  it('on its own, finds the garbled terms of a good share of the nonstandard entries', () => {
    // The entries name known garbles; the detector should find many of them without the list.
    const entries = builtinTerminology().entries.filter((e) => e.rule === 'accuracy/nonstandard-term')
    const found = entries.filter((e) => e.examples.flag.some((s) => detectorAlone(s).length > 0))
    assert.ok(found.length >= 13, `${found.length} of ${entries.length}: ${found.map((e) => e.id).join(', ')}`)
  })

  it('reads a thing named by a related sense of a word: a direct hypernym or hyponym of a sense the term does not mean', () => {
    // "marker" is also a pen: its hyponym "highlighter" put for the tumor marker is a garble.
    const text = 'Doctors measure tumor highlighters such as CA 125.'
    const [f, ...rest] = spun(text)
    assert.equal(rest.length, 0)
    assert.equal(text.slice(f.offset, f.endOffset), 'tumor highlighters')
    assert.match(f.message, /^'tumor highlighters' reads like 'tumor marker'/)
    assert.deepEqual(f.suggestions[0].edits, [{offset: 16, endOffset: 34, newText: 'tumor markers'}])
    // "vessel" is also a jar or a ship: its hypernym "container" put for a blood vessel.
    assert.deepEqual(detectorAlone('Tumors grow new blood containers to feed themselves.'), ['new blood containers'])
  })

  it('does not read a related word that is common, names no thing, is mostly a verb, or swaps along with another word', () => {
    for (const text of [
      'The plant extract has anti-tumor properties.', // an attribute of the sense the term means (grade)
      'Survival proportions come from cancer registries.', // a relation (rate)
      'Early discovery of the disease helps.', // an act (detection)
      'Pain reduction after surgery takes time.', // an act (relief)
      'Bring your cancer materials to the visit.', // a common thing (screening as cloth)
      'Cancer travels through the blood.', // mostly a verb (spread)
      'A sterilizer kit and a bedpan are in the room.', // related words of vessel, with no term around them
    ]) {
      assert.deepEqual(detectorAlone(text), [], text)
    }
    // A related word is the only swap of its reading: "novel" for new as well is not read as "new blood vessel".
    assert.deepEqual(detectorAlone('Tumors grow novel blood containers to feed themselves.'), ['blood containers'])
  })

  it('does not read a gerund noun swapped for a word in -s, which reads as a verb', () => {
    assert.deepEqual(detectorAlone('Our information on advanced cancer covers treatment and symptoms.'), [])
    assert.deepEqual(detectorAlone('She went for cancer covering at the clinic.'), ['cancer covering'])
  })

  it('does not read a swapped head followed by an adverb in -ly, which makes it a verb; "on" follows nouns too', () => {
    assert.deepEqual(detectorAlone('Many cancer cells rely heavily on glucose.'), [])
    assert.deepEqual(detectorAlone('There were cell partitions on the slide.'), ['cell partitions'])
  })

  it('reads the new standard terms: tests, transplant care and the care team', () => {
    assert.deepEqual(detectorAlone('Kidney function trials show how well the kidneys filter blood.'), ['Kidney function trials'])
    assert.deepEqual(spun('Ask your nurse practician about side effects.').map((f) => f.suggestions[0].edits[0].newText), ['nurse practitioner'])
  })

  it('in a term of three or more words, lets one common word be swapped while two others stand as written', () => {
    // "liver role test" keeps "liver" and "test": the pair pins the term, as a rare word does for two.
    assert.deepEqual(detectorAlone('The liver role test came back normal.'), ['liver role test'])
    // Two words: a common modifier with the head as written is still plain English ("original tumor").
    assert.deepEqual(detectorAlone('The original tumor was small.'), [])
    // Joining words are not words of the term: "nature of life" keeps only "life".
    assert.deepEqual(detectorAlone('Many people think about the meaning and nature of life.'), [])
  })

  it('leaves real medical phrases that look like a swap of a new term alone', () => {
    for (const text of ['A stem cell graft was given after high-dose chemotherapy.', 'Bone marrow grafts can be rejected.', 'Your pain medication may be changed.']) {
      assert.deepEqual(detectorAlone(text), [], text)
    }
  })
})

describe('spun terms: a shared stem is not a synonym', () => {
  it('"compares survival" is not a swapped "relative survival" (Porter stems "compares" and "comparative" alike)', () => {
    const text = 'A 10-year relative survival rate of 70% compares survival of people with the disease with that of people without it.'
    assert.deepEqual(
      lint(text).findings.filter((f) => f.ruleId === 'accuracy/nonstandard-term').map((f) => text.slice(f.offset, f.endOffset)),
      [],
    )
  })
})

describe('spun terms: a graded word is the same word', () => {
  it('"earliest stage" is "early stage" graded, not swapped (WordNet lists "earliest" as a synonym of "early")', () => {
    assert.deepEqual(detectorAlone('Stage 0 is the earliest stage. It was found at an earlier stage.'), [])
    assert.deepEqual(detectorAlone('Her doctor said she is at medium jeopardy.'), ['medium jeopardy'])
  })
  it('graded() knows -er/-est, y to -ier/-iest, a silent e and a doubled consonant', async () => {
    const {graded} = await import('../../server/src/engine/spun/detector.js')
    assert.deepEqual(
      [graded('earliest', 'early'), graded('larger', 'large'), graded('bigger', 'big'), graded('smaller', 'small'), graded('faster', 'fast'), graded('sooner', 'early'), graded('stage', 'stage')],
      [true, true, true, true, true, false, false],
    )
  })
})
