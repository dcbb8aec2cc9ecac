import type {Word} from '../parse/draft.js'
import {
  ADVERBS,
  CARE_EXPERIENCE,
  DUTY_BEFORE_TO,
  HAVE,
  IMPERSONAL_AFTER,
  LOCATIVE,
  MADE_OF,
  MODAL_DUTY,
  MODAL_FUTURE,
  MODAL_POSSIBLE,
  NAMING,
  NOT_ADVERB_LY,
  READER_ACTIONS,
  RELATIVE,
  STATAL,
  STATUS,
} from './participles.js'
import {punctuationBetween, type PassiveSpan} from './passive.js'

/**
 * Why a passive is worth rewriting: it hides who acted or who must act. The Federal Plain
 * Language Guidelines object to passives because they obscure "who is responsible for what",
 * and accept them "when it doesn't matter who is doing an action"; the CDC Clear Communication
 * Index asks for the active voice in the main message and the call to action.
 */
export type PassiveCause =
  /** A doer is named after "by": the active sentence is at hand. */
  | 'agent'
  /** A duty with no one to do it: "must be signed", "needs to be taken". */
  | 'duty'
  /** An action someone took or will take: "was given", "has been cancelled", "will be sent". */
  | 'event'
  /** An opinion with no one to hold it: "it is recommended that". */
  | 'impersonal'
  /** An action the reader takes, put as what "can be" done: "a pharmacy can be found". */
  | 'reader'

/** Why a passive is left alone: no one is hiding. */
export type PassiveExcuse =
  /** It gives a name: "is called", "is known as", "is referred to as". */
  | 'naming'
  /** It describes a state: where a thing is or what it is made of ("is located", "is lined with", "are found in the neck"). */
  | 'statal'
  /** It states a person's condition: "has been diagnosed with". */
  | 'status'
  /** It describes how things usually are or can be ("is given by vein", "can be cured"): who acts does not matter. */
  | 'description'
  /** It describes a noun in a relative clause: "the tissue that was removed". */
  | 'relative'
  /** It tells the reader what will be done for them in their care: "you'll be given a gown". */
  | 'care'

export type PassiveUse =
  /** `from`: the first word of its auxiliaries, where the finding starts; `future`: an event still to come. */
  | {cause: PassiveCause; excuse?: undefined; from: number; future: boolean}
  | {excuse: PassiveExcuse; cause?: undefined}

type Tense = 'past' | 'present' | 'possible' | 'duty' | 'future' | 'perfect' | 'nonfinite'

const lower = (w: Word | undefined): string => (w ? w.text.toLowerCase().replace(/’/g, "'") : '')
const isAdverb = (w: string): boolean => ADVERBS.has(w) || w === "n't" || (w.length > 3 && w.endsWith('ly') && !NOT_ADVERB_LY.has(w))

/**
 * How a passive found by passive.ts reads in its sentence: what it hides (a cause, with the
 * word the finding should start at, so "must be signed" is underlined whole), or why it hides
 * nothing.
 */
export function passiveUse(text: string, words: readonly Word[], span: PassiveSpan): PassiveUse {
  const participle = lower(words[span.participle])
  const next = wordAfter(text, words, span.participle)
  const afterNext = next >= 0 ? wordAfter(text, words, next) : -1
  const nextWord = lower(words[next])
  if (NAMING.has(participle)) return {excuse: 'naming'}
  if (participle === 'known' && nextWord === 'as') return {excuse: 'naming'}
  if (participle === 'referred' && nextWord === 'to' && lower(words[afterNext]) === 'as') return {excuse: 'naming'}
  if (STATAL.has(participle)) return {excuse: 'statal'}
  if (participle === 'found' && LOCATIVE.has(nextWord)) return {excuse: 'statal'}
  if ((participle === 'made' || participle === 'formed') && MADE_OF.has(nextWord)) return {excuse: 'statal'}
  if (STATUS.has(participle) && !span.agent) return {excuse: 'status'}

  const {tense, from} = tenseOf(text, words, span.start)
  const future = tense === 'future'
  if (span.agent) return {cause: 'agent', from, future}
  if (tense === 'present' && IMPERSONAL_AFTER.has(nextWord)) {
    const it = itBefore(text, words, span.start)
    if (it >= 0) return {cause: 'impersonal', from: it, future}
  }
  if ((tense === 'future' || tense === 'possible') && CARE_EXPERIENCE.has(participle) && readerIsSubject(text, words, from)) return {excuse: 'care'}
  if (tense === 'duty') return {cause: 'duty', from, future}
  if (tense === 'past' || tense === 'perfect' || tense === 'future') {
    return RELATIVE.has(lower(words[from - 1])) && !punctuationBetween(text, words[from - 1], words[from]) ? {excuse: 'relative'} : {cause: 'event', from, future}
  }
  if (tense === 'possible' && READER_ACTIONS.has(participle)) return {cause: 'reader', from, future}
  return {excuse: 'description'}
}

/** Index of the word after `i` in the same clause (no punctuation between), or -1. */
function wordAfter(text: string, words: readonly Word[], i: number): number {
  return i + 1 < words.length && !punctuationBetween(text, words[i], words[i + 1]) ? i + 1 : -1
}

/** The word before `i` in the same clause, over adverbs and "not"; -1 when there is none. */
function auxBefore(text: string, words: readonly Word[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    if (punctuationBetween(text, words[k], words[k + 1])) return -1
    if (!isAdverb(lower(words[k]))) return k
  }
  return -1
}

/**
 * The tense and mood of the verb phrase whose first "be" word is at `be`, and the first word of
 * its auxiliaries ("must be", "has been", "needs to be"), where a finding starts.
 */
function tenseOf(text: string, words: readonly Word[], be: number): {tense: Tense; from: number} {
  const w = lower(words[be])
  if (/^(?:was|were|wasn't|weren't)$/.test(w)) return {tense: 'past', from: be}
  if (/^(?:is|are|am|isn't|aren't)$/.test(w) || /'(?:s|re|m)$/.test(w)) return {tense: 'present', from: be}
  if (w === 'being') return {tense: 'nonfinite', from: be}
  const aux = auxBefore(text, words, be)
  const a = lower(words[aux])
  if (w === 'been') {
    if (aux >= 0 && (HAVE.has(a) || /'(?:ve|s|d)$/.test(a))) {
      const modal = auxBefore(text, words, aux)
      return {tense: 'perfect', from: modal >= 0 && (MODAL_POSSIBLE.has(lower(words[modal])) || MODAL_DUTY.has(lower(words[modal])) || MODAL_FUTURE.has(lower(words[modal]))) ? modal : aux}
    }
    return {tense: 'perfect', from: be}
  }
  // "be": what stands before it decides.
  if (aux < 0) return {tense: 'duty', from: be} // "that fluids be drunk": a mandate
  if (MODAL_POSSIBLE.has(a)) return {tense: 'possible', from: aux}
  if (MODAL_DUTY.has(a)) return {tense: 'duty', from: aux}
  if (MODAL_FUTURE.has(a) || a.endsWith("'ll")) return {tense: 'future', from: aux}
  if (a === 'to') {
    const head = auxBefore(text, words, aux)
    const h = lower(words[head])
    if (h === 'ought' || DUTY_BEFORE_TO.has(h)) return {tense: 'duty', from: head}
    if (h === 'going') return {tense: 'future', from: head}
    return {tense: 'nonfinite', from: be}
  }
  return {tense: 'nonfinite', from: be}
}

/** Index of "it" (or "it's") that opens the verb phrase at `be` ("it is recommended"), or -1. */
function itBefore(text: string, words: readonly Word[], be: number): number {
  const w = lower(words[be])
  if (w === "it's") return be
  const k = auxBefore(text, words, be)
  return k >= 0 && lower(words[k]) === 'it' ? k : -1
}

/** Whether "you" is the subject of the verb phrase starting at `from`: "you will be …", "you'll be …". */
function readerIsSubject(text: string, words: readonly Word[], from: number): boolean {
  const w = lower(words[from])
  if (w === "you'll") return true
  const k = from - 1
  return k >= 0 && lower(words[k]) === 'you' && !punctuationBetween(text, words[k], words[from])
}
