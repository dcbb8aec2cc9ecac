import type {Word} from '../../parse/draft.js'
import {passivesOf, type PassiveSpan} from '../../readability/passive.js'
import type {RawFinding, Rule} from '../../rule-context.js'

const REGULAR_ED = /ed$/i
// Words after "was" that the simple past cannot keep ("was not removed" -> "did not remove").
const NOT_SIMPLE = new Set(['not', 'never', "n't", 'being', 'no', 'longer'])

/**
 * readability/passive-voice: "was removed", "is also called", "are referred to as". The
 * finding covers the verb phrase, from the "be" word to the participle; the message names
 * the agent when "by ..." gives one, since putting it first is the fix.
 */
export const passiveVoice: Rule = {
  id: 'readability/passive-voice',
  family: 'readability',
  defaultSeverity: 'info',
  description: 'A verb in the passive voice, which hides or delays who does the action.',
  check({draft}) {
    const out: RawFinding[] = []
    for (const sentence of draft.sentences) {
      if (draft.paragraphs[sentence.paragraph].heading) continue
      const spans = passivesOf(draft.text, sentence)
      if (spans.length === 0) continue
      const {words} = sentence
      for (const span of spans) {
        const offset = words[span.start].offset
        const endOffset = words[span.participle].endOffset
        out.push({ruleId: this.id, message: message(draft.text, words, span), offset, endOffset, suggestions: []})
      }
    }
    return out
  },
}

const squash = (s: string): string => s.replace(/\s+/g, ' ')

function message(text: string, words: readonly Word[], span: PassiveSpan): string {
  const verb = squash(text.slice(words[span.start].offset, words[span.participle].endOffset))
  if (!span.agent) return `Passive voice: '${verb}'. Say who does it, if you can: active sentences are easier to follow.`
  const [from, to] = span.agent
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
