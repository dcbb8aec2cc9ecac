import type {Token} from '../parse/tokens.js'

// Words that deny what follows ("does not spread", "never fatal", "no cure").
const NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'without', 'neither', 'nor', 'nothing', 'none', 'hardly', 'rarely', 'unlikely', 'untrue', 'false'])
// Words that mark the statement as a belief being corrected, wherever they stand in the sentence.
const MYTH_CUES = new Set(['myth', 'misconception', 'misbelief', 'misunderstand', 'misunderstood', 'untrue', 'falsely', 'wrongly', 'mistakenly', 'mistaken', 'incorrect', 'incorrectly', 'rumor', 'rumour'])
// "some people think/believe/say ..." reports a belief rather than stating it.
const BELIEF_VERBS = new Set(['think', 'thinks', 'believe', 'believes', 'believed', 'thought', 'fear', 'fears', 'worry', 'worries', 'assume', 'assumes', 'say', 'says', 'claim', 'claims', 'hear', 'heard', 'told'])
const BELIEVERS = new Set(['people', 'some', 'many', 'patients', 'you', 'they', 'friends', 'others', 'someone', 'may', 'websites', 'sites', 'articles', 'posts', 'ads', 'rumors', 'rumours', 'stories', 'family', 'relatives', 'neighbors', 'neighbours'])

/** How far before a match a negation still applies to it. */
const NEGATION_WINDOW = 5

const isNegation = (t: Token): boolean => NEGATIONS.has(t.word) || t.word.endsWith("n't")

/**
 * True when the phrase at tokens [start, end) is denied, asked about, reported as a belief
 * or called a myth in its sentence: "it is not liver cancer", "does a biopsy spread
 * cancer?", "some people think a biopsy spreads cancer", "the idea that sugar feeds cancer
 * is a myth". Such text must not be "fixed" into the opposite, which context-blind linters
 * do. `ownWords` are the stems the entry's patterns name: a negation that is part of the
 * phrase itself ("no side effects") does not cancel it, one inside a gap ("a biopsy does
 * not spread cancer") does.
 */
export function isNegated(tokens: readonly Token[], start: number, end: number, ownWords: ReadonlySet<string>, question: boolean): boolean {
  if (question) return true
  for (let i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) if (isNegation(tokens[i])) return true
  for (let i = start; i < end; i++) if (isNegation(tokens[i]) && !ownWords.has(tokens[i].stem)) return true
  for (let i = 0; i < tokens.length; i++) {
    if (i >= start && i < end) continue
    if (MYTH_CUES.has(tokens[i].word)) return true
    if (i < start && BELIEF_VERBS.has(tokens[i].word) && i > 0 && BELIEVERS.has(tokens[i - 1].word)) return true
  }
  return false
}
