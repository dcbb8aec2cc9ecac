import type {Sentence, Word} from '../../parse/draft.js'
import {memoSlot} from '../../parse/memo.js'
import {passiveUse, type PassiveCause} from '../../readability/passive-use.js'
import {passivesOf, type PassiveSpan} from '../../readability/passive.js'
import type {RawFinding, Rule} from '../../rule-context.js'

const REGULAR_ED = /ed$/i
// Words after "was" that the simple past cannot keep ("was not removed" -> "did not remove").
const NOT_SIMPLE = new Set(['not', 'never', "n't", 'being', 'no', 'longer'])

/**
 * readability/passive-voice: a passive that hides who acted or who must act: "was removed by
 * the surgeon", "must be signed", "has been cancelled", "it is recommended that", "can be
 * found" (by the reader). Passives that hide no one are left alone: names ("is called"),
 * states ("is located", "is made of"), a person's condition ("was diagnosed with") and
 * descriptions of how things usually are or can be ("is given by vein", "can be cured").
 * passive-use.ts decides which is which; the doc gives the sources. The finding covers the
 * verb phrase with its auxiliaries ("must be signed").
 */
export const passiveVoice: Rule = {
  id: 'readability/passive-voice',
  family: 'readability',
  defaultSeverity: 'info',
  description: 'A passive verb that hides who did something or who must do it.',
  check({draft}) {
    const out: RawFinding[] = []
    for (const sentence of draft.sentences) {
      if (draft.paragraphs[sentence.paragraph].heading) continue
      for (const f of sentence.memo.getOr(FOUND, () => passivesIn(draft.text, sentence))) {
        out.push({ruleId: this.id, message: f.message, offset: sentence.offset + f.from, endOffset: sentence.offset + f.to, suggestions: []})
      }
    }
    return out
  },
}

/** A reported passive, offsets from its sentence's start. */
interface Found {
  from: number
  to: number
  message: string
}

// What the rule reports in a sentence depends on its words alone: kept in its memo, so an edit
// elsewhere neither re-reads it nor copies a moved sentence's words.
const FOUND = memoSlot<readonly Found[]>('passives the rule reports in a sentence')

function passivesIn(text: string, sentence: Sentence): readonly Found[] {
  const spans = passivesOf(text, sentence)
  if (spans.length === 0) return []
  const {words} = sentence
  const found: Found[] = []
  for (const span of spans) {
    const use = passiveUse(text, words, span)
    if (use.cause === undefined) continue
    found.push({from: words[use.from].offset - sentence.offset, to: words[span.participle].endOffset - sentence.offset, message: message(text, words, span, use.cause, use.from, use.future)})
  }
  return found
}

const squash = (s: string): string => s.replace(/\s+/g, ' ')

function message(text: string, words: readonly Word[], span: PassiveSpan, cause: PassiveCause, from: number, future: boolean): string {
  const verb = squash(text.slice(words[from].offset, words[span.participle].endOffset))
  switch (cause) {
    case 'agent':
      return agentMessage(text, words, span, verb)
    case 'duty':
      return `Passive voice: '${verb}' does not say who must do it. Name them, or if it is the reader, say it as an instruction.`
    case 'event':
      return `Passive voice: '${verb}' does not say who ${future ? 'will do' : 'did'} it. Name them: the reader should know who is responsible.`
    case 'impersonal':
      return `Passive voice: '${verb}' does not say whose view it is. Say who holds it: 'Doctors …', 'We …'.`
    case 'reader':
      return `Passive voice: '${verb}' hides that the reader does it. Speak to them: 'You can …'.`
  }
}

function agentMessage(text: string, words: readonly Word[], span: PassiveSpan, verb: string): string {
  const [from, to] = span.agent!
  const agent = squash(text.slice(words[from].offset, words[to - 1].endOffset))
  const participle = words[span.participle].text
  // With "was/were" and a regular verb the active form is the participle itself:
  // "was removed by the surgeon" -> "The surgeon removed ...".
  const between = words.slice(span.start + 1, span.participle).map((w) => w.text.toLowerCase())
  const past = /^(?:was|were)$/i.test(words[span.start].text) && REGULAR_ED.test(participle) && !between.some((w) => NOT_SIMPLE.has(w))
  const lead = agent[0].toUpperCase() + agent.slice(1)
  const active = past ? `${lead} ${[...between, participle.toLowerCase()].join(' ')} …` : `${lead} …`
  return `Passive voice: '${verb} by ${agent}'. Say who does it first: '${active}'.`
}
