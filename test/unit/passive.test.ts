import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint} from '../../server/src/engine/index.js'
import type {EngineOptions} from '../../server/src/engine/lint.js'
import {CLINIC_DRAFT, testTerminology} from '../helpers.js'

const RULE = 'readability/passive-voice'
// Built once: compiling the terminology for each of the 120 sentences would take minutes.
const terminology = testTerminology()
const byRule = (text: string, ruleId: string, options: EngineOptions = {}) =>
  lint(text, {terminology, ...options})
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => ({...f, text: text.slice(f.offset, f.endOffset)}))
const flagged = (text: string): string[] => byRule(text, RULE).map((f) => f.text)

// A labelled set written for oncolint: each passive sentence with the verb phrase the rule
// must cover (from the "be" word to the participle), and sentences that are not passive,
// many of them built to look like one (adjectives after "be", active perfects, possessives).
const PASSIVE: Array<[string, string]> = [
  ['The tumor was removed by the surgeon.', 'was removed'],
  ['This is also called stage 4 cancer.', 'is also called'],
  ['Cancer cells that travel far are referred to as circulating tumor cells.', 'are referred'],
  ['The drug is utilized in many clinics.', 'is utilized'],
  ['These treatments are aimed at slowing the cancer.', 'are aimed'],
  ['The walls of the blood vessel were breached.', 'were breached'],
  ['The cancer had spread to the liver before it was found.', 'was found'],
  ['Your results will be sent to your doctor.', 'be sent'],
  ['Pills should be taken with food.', 'be taken'],
  ['Most cancers are found by screening.', 'are found'],
  ['The scan is usually done in a hospital.', 'is usually done'],
  ['Metastatic cancer is often known as stage 4 cancer.', 'is often known'],
  ['You may be given medicine to ease the pain.', 'be given'],
  ['The lymph nodes were checked for cancer cells.', 'were checked'],
  ['A small sample of tissue is taken with a needle.', 'is taken'],
  ['Cancer cells can be carried through the blood.', 'be carried'],
  ['The tumor was shown to have grown.', 'was shown'],
  ['The results are written in a report.', 'are written'],
  ['Some tumors are hidden deep in the body.', 'are hidden'],
  ['Treatment is chosen based on where the cancer started.', 'is chosen'],
  ['The sample is frozen and sent to a lab.', 'is frozen'],
  ['Radiation is sometimes used to shrink tumors in the bone.', 'is sometimes used'],
  ['The bone was broken by the tumor.', 'was broken'],
  ['The cancer is being treated with hormone therapy.', 'is being treated'],
  ['She has been told that the cancer has spread.', 'been told'],
  ['New drugs are being tested in clinical trials.', 'are being tested'],
  ["It's called metastasis when cancer spreads.", "It's called"],
  ["They're tested every few months.", "They're tested"],
  ["The cancer wasn't detected on the first scan.", "wasn't detected"],
  ['Surgery is not recommended for everyone.', 'is not recommended'],
  ['The cells are then destroyed by the immune system.', 'are then destroyed'],
  ['Your pain can be controlled with medicine.', 'be controlled'],
  ['The treatment plan is made by a team of doctors.', 'is made'],
  ['Blood is drawn from a vein in your arm.', 'is drawn'],
  ['This test is covered by most insurance plans.', 'is covered'],
  ['More research is needed to find better treatments.', 'is needed'],
  ['Cancer that has spread to the bones is sometimes treated with radiation.', 'is sometimes treated'],
  ['Small tumors in the lung can be removed with surgery.', 'be removed'],
  ['The results were explained to the family.', 'were explained'],
  ['The cancer cells are killed by the drug.', 'are killed'],
  ['Side effects are usually managed at home.', 'are usually managed'],
  ['Your doctor will be kept informed of your progress.', 'be kept'],
  ['Cancer cells are shed into the blood.', 'are shed'],
  ['The first tumor is called the primary tumor.', 'is called'],
  ['Patients are offered a choice of treatments.', 'are offered'],
  ['Doctors say it is caused by changes in genes.', 'is caused'],
  ['The disease was first described in 1889.', 'was first described'],
  ['Some cancers are diagnosed only after they have spread.', 'are diagnosed'],
  ['The tumor is thought to have started in the breast.', 'is thought'],
  ['The drug is given through a drip into a vein.', 'is given'],
  ['This medicine should not be stopped suddenly.', 'be stopped'],
  ['Cancer cells were seen in the fluid.', 'were seen'],
  ['The spread of cancer is slowed down by the treatment.', 'is slowed'],
  ['Chemotherapy is most commonly given in cycles.', 'is most commonly given'],
  ['He was diagnosed last year.', 'was diagnosed'],
  ['Your care is shared between the hospital and your family doctor.', 'is shared'],
  ['Targeted drugs are prescribed by an oncologist.', 'are prescribed'],
  ["I'm scheduled for a scan next week.", "I'm scheduled"],
  ['Treatment options are limited by the spread of the cancer.', 'are limited'],
  ['The bone marrow is damaged by some treatments.', 'is damaged'],
  // Written after the detector was tuned on the sentences above, to measure it on text it had
  // not seen (24/25 found, no false alarm; the miss, "is felt most", was then fixed).
  ['The biopsy sample is looked at under a microscope.', 'is looked'],
  ['Fluid can be drained from the belly with a thin tube.', 'be drained'],
  ['Bone metastases are often treated with radiation therapy.', 'are often treated'],
  ['Your treatment will be planned by a team of specialists.', 'be planned'],
  ['Some of the lymph nodes may be removed during surgery.', 'be removed'],
  ['The cancer was caught early.', 'was caught'],
  ['A dye is injected into a vein before the scan.', 'is injected'],
  ['These changes are passed on in families.', 'are passed'],
  ['You will be asked to lie still.', 'be asked'],
  ['The tumor was hit with high doses of radiation.', 'was hit'],
  ['Hair loss is caused by some chemotherapy drugs.', 'is caused'],
  ['The liver is affected in about half of these patients.', 'is affected'],
  ['Cancer cells are carried in the lymph fluid to the nodes.', 'are carried'],
  ['The drug was approved in 2020.', 'was approved'],
  ['Many people are helped by talking to others.', 'are helped'],
  ['A port is put in under the skin of your chest.', 'is put'],
  ['The new tumors were spotted on a routine scan.', 'were spotted'],
  ['Pain is felt most at night.', 'is felt'],
  ['Treatment is stopped if the side effects are too strong.', 'is stopped'],
  ['Tumor markers are measured in a blood test.', 'are measured'],
  ['Brain metastases are sometimes found before the first tumor.', 'are sometimes found'],
  ['The scans are read by a radiologist.', 'are read'],
  ['Clinical trials are run at large cancer centers.', 'are run'],
  ["It's known as a secondary tumor.", "It's known"],
  ['Each dose is given over about an hour.', 'is given'],
]

const ACTIVE: string[] = [
  'The cancer has spread to the liver.',
  'The tumor is bleeding.',
  'Her skin was red and sore.',
  'You may be tired after treatment.',
  'I am worried about the scan.',
  'The area around the scar is swollen.',
  'The cancer is advanced.',
  'The liver is located under the ribs.',
  'Treatment options are limited for this cancer.',
  'The cancer is localized to the breast.',
  'Many people are interested in clinical trials.',
  'This is targeted therapy.',
  'There is increased risk of infection.',
  'The tumor has grown since the last scan.',
  'Doctors removed the tumor.',
  'The nurse gave her the medicine.',
  "It's spread to the bones.",
  'She is a nurse who has treated many patients.',
  'Your family is important.',
  'Being tired is common.',
  'The cancer is in the bones.',
  'The scan showed a small tumor.',
  "The doctor's trained staff will help you.",
  'Treatment is based on the type of cancer.',
  'Cancer is related to changes in genes.',
  'The risk is linked to smoking.',
  'Her lymph nodes are involved.',
  'The tumor is made of cancer cells.',
  'You are not alone.',
  'These drugs are very expensive.',
  'He is very concerned about the results.',
  'The cells are becoming more aggressive.',
  'The cancer is gone.',
  'The tumor is smaller than before.',
  'The test is quick and easy.',
  'We need more research.',
  'She felt better after the treatment.',
  'The treatment worked well.',
  'The wound is infected.',
  'They are married and have two children.',
  'The cancer is untreated.',
  'The result was unexpected.',
  'The lump is hard and fixed.',
  'The blood vessels that feed the tumor grow quickly.',
  'Your doctor is the best person to ask.',
  'This is a proven treatment.',
  'Some people feel scared when they hear the news.',
  'The bleeding stopped after an hour.',
  'There are many kinds of treatment.',
  'Your doctor is experienced in treating this cancer.',
  'The options are more limited when cancer has spread.',
  'We are pleased to help.',
  'The disease is complicated.',
  'The pain was severe.',
  'He was born in 1950.',
  'Cancer cells are skilled at hiding.',
  'Promising research fields are personalized medicine and new drugs.',
  'The goal is to remove the tumor.',
  'Is it true that a biopsy spreads cancer?',
  'The cancer is now in remission.',
  // Held out, like the second half of PASSIVE.
  'Cancer cells break away from the first tumor.',
  'The tumor is pressing on a nerve.',
  'You are likely to feel tired for a few weeks.',
  'Her cancer was stable for two years.',
  'The lungs are a common place for cancer to spread.',
  'He is scared of needles.',
  'The bones are weaker after this treatment.',
  'The scan was clear.',
  'Some people are surprised that they feel well.',
  'I was excited to start the trial.',
  'This cancer is rare in young people.',
  'The pain has eased since the radiation.',
  'The tumor was hard to see on the X-ray.',
  'We were lucky to find it early.',
  'Your doctor is happy to answer questions.',
  'The cells are growing quickly.',
  'The area is tender after the injection.',
  "It's worth asking about clinical trials.",
  "That's a good question to ask your doctor.",
  'The results were mixed.',
  'The lymph nodes are enlarged.',
  'Your skin may be dry and itchy.',
  'They were tired but hopeful.',
  'There is limited evidence for this diet.',
  'Most side effects are mild and short.',
]

describe('readability/passive-voice: labelled set', () => {
  it(`has at least 40 sentences each way (${PASSIVE.length} passive, ${ACTIVE.length} not)`, () => {
    assert.ok(PASSIVE.length >= 40 && ACTIVE.length >= 40)
  })

  it('finds at least 95% of the passives and is right at least 95% of the time', () => {
    let found = 0
    let falseAlarms = 0
    const missed: string[] = []
    const wrong: string[] = []
    for (const [sentence, phrase] of PASSIVE) {
      const got = flagged(sentence)
      if (got.includes(phrase)) found++
      else missed.push(`${sentence} -> [${got.join(', ')}]`)
      const extra = got.filter((g) => g !== phrase)
      falseAlarms += extra.length
      wrong.push(...extra.map((g) => `${sentence} -> ${g}`))
    }
    for (const sentence of ACTIVE) {
      const got = flagged(sentence)
      falseAlarms += got.length
      wrong.push(...got.map((g) => `${sentence} -> ${g}`))
    }
    const recall = found / PASSIVE.length
    const precision = found / (found + falseAlarms)
    console.log(`      passive-voice on the labelled set: recall ${found}/${PASSIVE.length} (${(recall * 100).toFixed(1)}%), precision ${found}/${found + falseAlarms} (${(precision * 100).toFixed(1)}%)`)
    for (const m of missed) console.log(`      missed: ${m}`)
    for (const w of wrong) console.log(`      false alarm: ${w}`)
    assert.ok(recall >= 0.95, `recall ${recall}`)
    assert.ok(precision >= 0.95, `precision ${precision}`)
  })
})

describe('readability/passive-voice: what it reports', () => {
  it('covers the verb phrase from "be" to the participle, at info severity, naming the agent', () => {
    const text = 'First line. The tumor was removed by the surgeon last week.'
    const [f, ...rest] = byRule(text, RULE)
    assert.deepEqual(rest, [])
    assert.equal(f.severity, 'info')
    assert.equal(f.text, 'was removed')
    assert.equal(f.offset, text.indexOf('was removed'))
    assert.equal(f.message, "Passive voice: 'was removed by the surgeon'. Say who does it first: 'The surgeon removed …'.")
    assert.deepEqual(f.suggestions, [])
  })
  it('keeps an adverb in the active form it proposes, and names only the agent for other tenses', () => {
    assert.equal(byRule('The cells were then destroyed by the immune system.', RULE)[0].message, "Passive voice: 'were then destroyed by the immune system'. Say who does it first: 'The immune system then destroyed …'.")
    assert.equal(byRule('Most cancers are found by screening.', RULE)[0].message, "Passive voice: 'are found by screening'. Say who does it first: 'Screening …'.")
  })
  it('without an agent, asks who does it', () => {
    assert.equal(byRule('The drug is utilized widely.', RULE)[0].message, "Passive voice: 'is utilized'. Say who does it, if you can: active sentences are easier to follow.")
  })
  it('does not take a means or a time for the agent ("by mouth", "by the time")', () => {
    assert.equal(byRule('The drug is taken by mouth.', RULE)[0].message, "Passive voice: 'is taken'. Say who does it, if you can: active sentences are easier to follow.")
    assert.equal(byRule('The tumor is removed by the time it spreads.', RULE)[0].message, "Passive voice: 'is removed'. Say who does it, if you can: active sentences are easier to follow.")
  })
  it('reports each passive of a sentence once, and none in headings', () => {
    const text = '# How cancer is treated\n\nThe tumor is removed and the wound is closed.'
    assert.deepEqual(flagged(text), ['is removed', 'is closed'])
  })
  it('counts a feeling or a state as passive only with an agent', () => {
    assert.deepEqual(flagged('You may be overwhelmed by the news.'), ['be overwhelmed'])
    assert.deepEqual(flagged('You may be overwhelmed at first.'), [])
  })
  it('reads "it\'s" as "it is" only where "has" is unlikely', () => {
    assert.deepEqual(flagged("It's caused by changes in genes."), ["It's caused"])
    assert.deepEqual(flagged("It's grown since the last scan."), [])
  })
  it('does not cross punctuation between "be" and the participle', () => {
    assert.deepEqual(flagged('The question is, removed from context, hard to answer.'), [])
  })
  it('reads through Markdown emphasis', () => {
    assert.deepEqual(flagged('The tumor **was removed** in May.'), ['was removed'])
  })
  it('is configurable like any rule', () => {
    assert.deepEqual(byRule('The tumor was removed.', RULE, {config: {rules: {[RULE]: 'off'}}}), [])
    assert.equal(byRule('The tumor was removed.', RULE, {config: {rules: {[RULE]: 'warning'}}})[0].severity, 'warning')
  })
})

describe('readability/passive-voice on a whole draft (test/corpus/clinic-draft.txt)', () => {
  // Counted by hand: the 25 passive verb phrases of the draft. Not counted: "are available"
  // (an adjective), "is causing" (an active progressive), "had turned away" (active), and the
  // participles with no form of "be" ("a concept sometimes called", "tests performed on",
  // "blood taken from", "Terminology used in").
  const expected = [
    'be understood', 'is studied', 'are destroyed', 'be treated', 'be found', 'is taken', 'is examined',
    'are usually explained', 'are sent', 'are seen', 'be arranged', 'are reviewed', 'are discussed', 'are given',
    'was told', 'be done', 'is chosen', 'be used', 'be given', 'is meant', 'be given', 'be tried', 'been shed',
    'be detected', 'is studied',
  ]
  it('finds every passive counted by hand, and nothing else', () => {
    const text = readFileSync(CLINIC_DRAFT, 'utf8')
    const got = byRule(text, RULE, {languageId: 'plaintext'}).map((f) => f.text)
    assert.deepEqual(got, expected)
  })
})
