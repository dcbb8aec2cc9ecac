import type {Sentence, Word} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {wordFactsOf, type WordFacts} from './stats.js'
import {
  ACTION_AFTER_PERFECT,
  ADVERBS,
  AFTER_S_IS,
  AGENT_OPENERS,
  AGENT_STOPS,
  BE,
  DEGREE,
  EED_PARTICIPLES,
  FOLLOWERS,
  IRREGULAR,
  NOT_ADVERB_LY,
  NOT_AGENT,
  NOT_PARTICIPLE_ED,
  OBJECT_TAKING,
  S_IS_HOSTS,
  STATIVE,
} from './participles.js'

/** A passive verb phrase, by word indexes into its sentence (so it survives a shift of the sentence). */
export interface PassiveSpan {
  /** The first word of the phrase: the form of "be" (or the word holding 's, as in "it's"). */
  start: number
  /** The past participle. */
  participle: number
  /** Words [from, to) of the agent after "by" ("by the surgeon"), when one is named. */
  agent?: readonly [number, number]
}

// What a word can be, as bit flags, worked out once per distinct word (see classify).
const F_BE = 1
const F_S_HOST = 2 // "it's", "that's": 's may be "is"
const F_ADVERB = 4
const F_LY = 8 // an adverb in -ly
const F_DEGREE = 16
const F_PARTICIPLE = 32
const F_STATIVE = 64
const F_REGULAR = 128
const F_OBJECT = 256
const F_FOLLOWER = 512
const F_AFTER_S = 1024
const F_BY = 2048
const F_AGENT_OPENER = 4096
const F_AGENT_STOP = 8192
const F_NOT_AGENT = 16384
const F_MADE = 32768
const F_OF_UP = 65536
const F_PERFECT_ACTION = 131072 // a state after "is", an action after "has been"
const F_BEEN = 262144

const ED = /^[a-z]+ed$/
const ING = /^[a-z]{3,}ing$/
const NUMBER = /^\d/

/** The flags of a word as written, kept with its facts (one record per distinct word, stats.ts). */
function classify(facts: WordFacts, text: string): number {
  return (facts.passive ??= computeFlags(text.toLowerCase().replace(/’/g, "'")))
}

function computeFlags(w: string): number {
  let f = 0
  if (BE.has(w)) f |= F_BE
  if (w.endsWith("'s") && S_IS_HOSTS.has(w.slice(0, -2))) f |= F_S_HOST
  const ly = w.length > 3 && w.endsWith('ly') && !NOT_ADVERB_LY.has(w)
  if (ly) f |= F_LY | F_ADVERB
  if (ADVERBS.has(w)) f |= F_ADVERB
  if (DEGREE.has(w)) f |= F_DEGREE
  f |= participleFlags(w)
  if (OBJECT_TAKING.has(w)) f |= F_OBJECT
  if (FOLLOWERS.has(w) || ly || ING.test(w) || NUMBER.test(w)) f |= F_FOLLOWER
  if (AFTER_S_IS.has(w)) f |= F_AFTER_S
  if (w === 'by') f |= F_BY
  if (AGENT_OPENERS.has(w)) f |= F_AGENT_OPENER
  if (AGENT_STOPS.has(w)) f |= F_AGENT_STOP
  if (NOT_AGENT.has(w)) f |= F_NOT_AGENT
  if (w === 'made') f |= F_MADE
  if (w === 'of' || w === 'up') f |= F_OF_UP
  if (ACTION_AFTER_PERFECT.has(w)) f |= F_PERFECT_ACTION
  if (w === 'been') f |= F_BEEN
  return f
}

function participleFlags(w: string): number {
  if (STATIVE.has(w)) return F_STATIVE
  if (IRREGULAR.has(w)) return F_PARTICIPLE
  if (w.length < 4 || !ED.test(w) || NOT_PARTICIPLE_ED.has(w)) return 0
  if (w.endsWith('eed') && !EED_PARTICIPLES.has(w)) return 0
  // "is untreated", "is unexpected": un- participles describe a state.
  if (w.startsWith('un') && !w.startsWith('under')) return F_STATIVE
  return F_PARTICIPLE | F_REGULAR
}

/** True when punctuation stands between two words (Markdown emphasis marks do not count). */
export function punctuationBetween(text: string, a: Word, b: Word): boolean {
  for (let i = a.endOffset; i < b.offset; i++) {
    switch (text.charCodeAt(i)) {
      case 0x2c: // , . ; : ! ? ( ) [ ] " / - — – … “ ”
      case 0x2e:
      case 0x3b:
      case 0x3a:
      case 0x21:
      case 0x3f:
      case 0x28:
      case 0x29:
      case 0x5b:
      case 0x5d:
      case 0x22:
      case 0x2f:
      case 0x2d:
      case 0x2014:
      case 0x2013:
      case 0x2026:
      case 0x201c:
      case 0x201d:
        return true
    }
  }
  return false
}

/**
 * The passive verb phrases of a sentence: a form of "be" (am/is/are/was/were/be/been/being,
 * 're, 'm, "it's" when 's is clearly "is"), up to three adverbs, then a past participle
 * (regular -ed or irregular). Kept with the sentence's memo, so an edit elsewhere reuses it.
 */
export function passivesOf(text: string, sentence: Sentence): readonly PassiveSpan[] {
  return sentence.memo.getOr(PASSIVES, () => findPassives(text, sentence.words, wordFactsOf(sentence)))
}

const PASSIVES = memoSlot<readonly PassiveSpan[]>('passive verb phrases of a sentence')

const MAX_ADVERBS = 3
const MAX_AGENT_WORDS = 4

export function findPassives(text: string, words: readonly Word[], facts: readonly WordFacts[]): PassiveSpan[] {
  const out: PassiveSpan[] = []
  const flags = new Array<number>(words.length)
  for (let i = 0; i < words.length; i++) flags[i] = classify(facts[i], words[i].text)
  for (let i = 1; i < words.length; i++) {
    const f = flags[i]
    if (!(f & (F_PARTICIPLE | F_STATIVE))) continue
    const be = auxiliaryBefore(text, words, flags, i)
    if (be < 0) continue
    const next = i + 1 < words.length && !punctuationBetween(text, words[i], words[i + 1]) ? i + 1 : -1
    const byFollows = next >= 0 && (flags[next] & F_BY) !== 0
    const agent = byFollows ? agentAfter(text, words, flags, next + 1) : undefined
    // Feelings and states ("is tired", "is located") are passives only with an agent: "are
    // surprised by how tired they feel" has none.
    if (f & F_STATIVE && !agent && !(f & F_PERFECT_ACTION && flags[be] & F_BEEN)) continue
    // After "it's", 's may be "has" ("it's spread"): only clear cases.
    if (flags[be] & F_S_HOST && !(flags[be] & F_BE) && !(f & F_AFTER_S) && !byFollows) continue
    // A noun right after the participle makes it an adjective: "is targeted therapy". Another
    // participle does not ("is chosen based on").
    if (next >= 0 && !(f & F_OBJECT) && !(flags[next] & (F_FOLLOWER | F_PARTICIPLE | F_STATIVE))) continue
    if (f & F_MADE && next >= 0 && flags[next] & F_OF_UP) continue // "is made of", "is made up of": what it is
    let start = be
    // "is being treated", "is not being treated": the phrase starts at the first "be".
    for (let k = be - 1, adverbs = 0; k >= 0 && adverbs <= 2; k--) {
      if (punctuationBetween(text, words[k], words[k + 1])) break
      if (flags[k] & F_BE) (start = k), (adverbs = 0)
      else if (flags[k] & F_ADVERB) adverbs++
      else break
    }
    out.push(agent ? {start, participle: i, agent} : {start, participle: i})
  }
  return out
}

/** Index of the "be" word before the participle at `i`, over adverbs; -1 when there is none. */
function auxiliaryBefore(text: string, words: readonly Word[], flags: readonly number[], i: number): number {
  for (let j = i - 1, adverbs = 0; j >= 0; j--) {
    if (punctuationBetween(text, words[j], words[j + 1])) return -1
    const f = flags[j]
    if (f & (F_BE | F_S_HOST)) return j
    // "is very limited", "is more advanced": a degree word makes the participle an adjective;
    // before an -ly adverb it is part of that adverb ("is more commonly used").
    if (f & F_DEGREE) {
      if (!(flags[j + 1] & F_LY)) return -1
      continue
    }
    if (!(f & F_ADVERB) || ++adverbs > MAX_ADVERBS) return -1
  }
  return -1
}

/** The agent phrase starting at `from` (right after "by"), or undefined when it names a means or a time. */
function agentAfter(text: string, words: readonly Word[], flags: readonly number[], from: number): readonly [number, number] | undefined {
  if (from >= words.length || punctuationBetween(text, words[from - 1], words[from])) return undefined
  // The phrase ends at a clause word, a pronoun, punctuation, or a word that follows a verb
  // phrase ("by the surgeon last week", "by doctors usually").
  const ends = (k: number): boolean =>
    (flags[k] & F_AGENT_STOP) !== 0 || (k > from && (punctuationBetween(text, words[k - 1], words[k]) || (flags[k] & (F_FOLLOWER | F_AGENT_OPENER)) === F_FOLLOWER))
  let to = from
  while (to < words.length && to - from < MAX_AGENT_WORDS && !ends(to)) to++
  if (to === from) return undefined
  for (let k = from; k < to; k++) if (flags[k] & F_NOT_AGENT) return undefined
  const head = words[to - 1].text
  // "by the surgeon", "by Dr Patel", "by doctors", "by screening"; not "by mouth".
  const opened = (flags[from] & F_AGENT_OPENER) !== 0 || /^\p{Lu}/u.test(words[from].text)
  if (!opened && !/(?:s|ing)$/i.test(head)) return undefined
  return [from, to]
}
