import {readFileSync} from 'node:fs'
import assert from 'node:assert/strict'
import {lint} from '../../server/src/engine/index.js'
import type {EngineOptions} from '../../server/src/engine/lint.js'
import {parseDraft} from '../../server/src/engine/parse/draft.js'
import {passivesOf} from '../../server/src/engine/readability/passive.js'
import {CLINIC_DRAFT, testTerminology} from '../helpers.js'

const RULE = 'readability/passive-voice'
// Built once: compiling the terminology for each of the 120 sentences would take minutes.
const terminology = testTerminology()
const byRule = (text: string, ruleId: string, options: EngineOptions = {}) =>
  lint(text, {terminology, ...options})
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => ({...f, text: text.slice(f.offset, f.endOffset)}))
const flagged = (text: string): string[] => byRule(text, RULE).map((f) => f.text)
/** Every passive verb phrase the grammar finds (from the "be" word to the participle), reported or not. */
const passives = (text: string): string[] =>
  parseDraft(text, 'markdown').sentences.flatMap((s) => passivesOf(text, s).map((p) => text.slice(s.words[p.start].offset, s.words[p.participle].endOffset)))

// A labelled set written for oncolint: each passive sentence with the verb phrase the
// grammar must find (from the "be" word to the participle), and sentences that are not
// passive, many of them built to look like one (adjectives after "be", active perfects,
// possessives). Whether a passive is worth reporting is tested apart, below.
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
  // Added with the reporting rules: a stative participle after "has been" reports an action,
  // and "of" may follow a participle.
  ['The leaflet has been prepared by the ward team.', 'been prepared'],
  ['The booklet has been prepared for families.', 'been prepared'],
  ['Your surgeon will be told of any change.', 'be told'],
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
  'Many people are amazed by how quickly they recover.',
  'You should be prepared for some tiredness.',
]

describe('passive voice: the grammar, on a labelled set', () => {
  it(`has at least 40 sentences each way (${PASSIVE.length} passive, ${ACTIVE.length} not)`, () => {
    assert.ok(PASSIVE.length >= 40 && ACTIVE.length >= 40)
  })

  it('finds at least 95% of the passives and is right at least 95% of the time', () => {
    let found = 0
    let falseAlarms = 0
    const missed: string[] = []
    const wrong: string[] = []
    for (const [sentence, phrase] of PASSIVE) {
      const got = passives(sentence)
      if (got.includes(phrase)) found++
      else missed.push(`${sentence} -> [${got.join(', ')}]`)
      const extra = got.filter((g) => g !== phrase)
      falseAlarms += extra.length
      wrong.push(...extra.map((g) => `${sentence} -> ${g}`))
    }
    for (const sentence of ACTIVE) {
      const got = passives(sentence)
      falseAlarms += got.length
      wrong.push(...got.map((g) => `${sentence} -> ${g}`))
    }
    const recall = found / PASSIVE.length
    const precision = found / (found + falseAlarms)
    console.log(`      passive grammar on the labelled set: recall ${found}/${PASSIVE.length} (${(recall * 100).toFixed(1)}%), precision ${found}/${found + falseAlarms} (${(precision * 100).toFixed(1)}%)`)
    for (const m of missed) console.log(`      missed: ${m}`)
    for (const w of wrong) console.log(`      false alarm: ${w}`)
    assert.ok(recall >= 0.95, `recall ${recall}`)
    assert.ok(precision >= 0.95, `precision ${precision}`)
  })
})

// What the rule reports: passives that hide who acted or who must act (the Federal Plain
// Language Guidelines, the CDC Clear Communication Index), each with the words it must
// underline; and passives that hide no one, which plain-language guides keep. Written for
// oncolint, in patient-leaflet wording.
const REPORTED: Array<[string, string, string]> = [
  // [sentence, underlined words, what the message must say]
  ['The stitches were removed by the practice nurse.', 'were removed', "Say who does it first: 'The practice nurse removed …'."],
  ['These swellings may be caused by the drug.', 'may be caused', "Say who does it first: 'The drug …'."],
  ['The consent form must be signed before the scan.', 'must be signed', 'does not say who must do it'],
  ['Your tablets should not be crushed.', 'should not be crushed', 'does not say who must do it'],
  ['The dressing needs to be changed every day.', 'needs to be changed', 'does not say who must do it'],
  ['The cream ought to be applied thinly.', 'ought to be applied', 'does not say who must do it'],
  ['Your next scan has been postponed.', 'has been postponed', 'does not say who did it'],
  ['The sample was lost.', 'was lost', 'does not say who did it'],
  ['Your request was turned down.', 'was turned', 'does not say who did it'],
  ['A letter will be sent to your family doctor.', 'will be sent', 'does not say who will do it'],
  ["You'll be contacted about the results.", "You'll be contacted", 'does not say who will do it'],
  ['The nurse will be given your notes.', 'will be given', 'does not say who will do it'],
  ['It is advised that you rest for a week.', 'It is advised', 'does not say whose view it is'],
  ['It is believed that the drug works for some people.', 'It is believed', 'does not say whose view it is'],
  ['More leaflets can be obtained from the clinic desk.', 'can be obtained', 'hides that the reader does it'],
  ['A parking permit can be requested at reception.', 'can be requested', 'hides that the reader does it'],
  ['The booklet has been prepared by the ward team.', 'has been prepared', "Say who does it first: 'The ward team …'."],
]

// [sentence, why no one is hiding]; the grammar finds a passive in each except where the
// reason says it is an adjective to it already ("is located", "is made of", a feeling).
const KEPT: Array<[string, string]> = [
  ['This kind of growth is called a polyp.', 'a name'],
  ['The tube is known as a catheter.', 'a name'],
  ['Hair is sometimes referred to as a skin appendage.', 'a name'],
  ['The bladder is located low in the belly.', 'a state: where it is (an adjective)'],
  ['The gullet is lined with a smooth layer of cells.', 'a state: what covers it'],
  ['Most of our lymph glands are found in the neck and armpits.', 'a state: where they are'],
  ['The sample bottle is made of clear plastic.', 'a state: what it is made of (an adjective)'],
  ['Each lobe is divided into smaller parts.', 'a state: its parts'],
  ['The kidneys are surrounded by a layer of fat.', 'a state, even with "by"'],
  ['She was diagnosed with bowel cancer last spring.', "a person's condition"],
  ['If you have been exposed to asbestos, tell your doctor.', "a person's condition"],
  ['Most skin cancers can be cured.', 'what is possible'],
  ['The pain can usually be eased.', 'what is possible'],
  ['Some spread to the liver may be removed with surgery.', 'what is possible'],
  ['The drug is given through a vein.', 'how it usually is'],
  ['Blood cells are made in the bone marrow.', 'how it usually is'],
  ['New drugs are being tested all the time.', 'how it usually is'],
  ['The tissue that was taken out is checked for cancer cells.', 'a relative clause and how it usually is'],
  ["You'll be given a gown to wear.", 'what will be done for the reader'],
  ['You may be asked to hold your breath.', 'what will be done for the reader'],
  ['Many people are shocked by how fast it happens.', 'a feeling with no doer after "by" (an adjective)'],
  ['You may be overwhelmed at first.', 'a feeling (an adjective)'],
]

describe('readability/passive-voice: what it reports', () => {
  for (const [sentence, underlined, says] of REPORTED) {
    it(`reports '${underlined}' in "${sentence}"`, () => {
      const found = byRule(sentence, RULE)
      assert.deepEqual(found.map((f) => f.text), [underlined])
      assert.ok(found[0].message.startsWith(`Passive voice: '${underlined}`), found[0].message)
      assert.ok(found[0].message.includes(says), found[0].message)
    })
  }
  for (const [sentence, why] of KEPT) {
    it(`keeps "${sentence}" (${why})`, () => {
      assert.equal(passives(sentence).length > 0, !why.endsWith('(an adjective)'))
      assert.deepEqual(flagged(sentence), [])
    })
  }

  it('covers the verb phrase with its auxiliaries, at info severity, naming the agent', () => {
    const text = 'First line. The tumor was removed by the surgeon last week.'
    const [f, ...rest] = byRule(text, RULE)
    assert.deepEqual(rest, [])
    assert.equal(f.severity, 'info')
    assert.equal(f.text, 'was removed')
    assert.equal(f.offset, text.indexOf('was removed'))
    assert.equal(f.message, "Passive voice: 'was removed by the surgeon'. Say who does it first: 'The surgeon removed …'.")
    assert.deepEqual(f.suggestions, [])
  })
  it('gives the whole message for each cause', () => {
    assert.equal(byRule('The form must be signed.', RULE)[0].message, "Passive voice: 'must be signed' does not say who must do it. Name them, or if it is the reader, say it as an instruction.")
    assert.equal(byRule('The form has been lost.', RULE)[0].message, "Passive voice: 'has been lost' does not say who did it. Name them: the reader should know who is responsible.")
    assert.equal(byRule('The form will be posted.', RULE)[0].message, "Passive voice: 'will be posted' does not say who will do it. Name them: the reader should know who is responsible.")
    assert.equal(byRule('It is thought that rest helps.', RULE)[0].message, "Passive voice: 'It is thought' does not say whose view it is. Say who holds it: 'Doctors …', 'We …'.")
    assert.equal(byRule('The form can be downloaded.', RULE)[0].message, "Passive voice: 'can be downloaded' hides that the reader does it. Speak to them: 'You can …'.")
  })
  it('keeps an adverb in the active form it proposes, and names only the agent for other tenses', () => {
    assert.equal(byRule('The cells were then destroyed by the immune system.', RULE)[0].message, "Passive voice: 'were then destroyed by the immune system'. Say who does it first: 'The immune system then destroyed …'.")
    assert.equal(byRule('Most cancers are found by screening.', RULE)[0].message, "Passive voice: 'are found by screening'. Say who does it first: 'Screening …'.")
  })
  it('does not take a means or a time for the agent ("by mouth", "by the time")', () => {
    assert.deepEqual(flagged('The drug is taken by mouth.'), [])
    assert.deepEqual(flagged('The drug was taken by mouth.'), ['was taken'])
    assert.equal(byRule('The drug was taken by mouth.', RULE)[0].message, "Passive voice: 'was taken' does not say who did it. Name them: the reader should know who is responsible.")
    assert.deepEqual(flagged('The tumor is removed by the time it spreads.'), [])
  })
  it('reports each passive of a sentence once, and none in headings', () => {
    const text = '# How the tumor was removed\n\nThe tumor was removed and the wound was closed.'
    assert.deepEqual(flagged(text), ['was removed', 'was closed'])
  })
  it('counts a feeling or a state as passive only with an agent', () => {
    assert.deepEqual(flagged('You may be overwhelmed by the news.'), ['may be overwhelmed'])
    assert.deepEqual(flagged('You may be overwhelmed at first.'), [])
  })
  it('reads "it\'s" as "it is" only where "has" is unlikely', () => {
    assert.deepEqual(flagged("It's caused by changes in genes."), ["It's caused"])
    assert.deepEqual(flagged("It's grown since the last scan."), [])
  })
  it('does not cross punctuation between "be" and the participle', () => {
    assert.deepEqual(flagged('The question was, removed from context, hard to answer.'), [])
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
  const text = readFileSync(CLINIC_DRAFT, 'utf8')
  it('the passive finder finds every passive counted by hand, and nothing else', () => {
    const draft = parseDraft(text, 'plaintext')
    const got = draft.sentences.flatMap((s) => passivesOf(text, s).map((p) => text.slice(s.words[p.start].offset, s.words[p.participle].endOffset)))
    assert.deepEqual(got, expected)
  })
  it('the rule reports those that hide who acts or who must act, and leaves the forms plain-language guides accept', () => {
    // Left alone: descriptions ("can be understood"), names ("is meant"), and what
    // the reader is told will happen where the doer is obvious ("are given", "be arranged").
    const got = byRule(text, RULE, {languageId: 'plaintext'}).map((f) => f.text)
    assert.deepEqual(got, ['are destroyed', 'must be treated', 'may be found', 'is examined', 'are reviewed', 'was told', 'will be given', 'is studied'])
    for (const phrase of got) assert.ok(expected.some((e) => phrase.endsWith(e.split(' ').pop()!)), phrase)
  })
})
