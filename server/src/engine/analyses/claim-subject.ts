import type {Token} from '../parse/tokens.js'
import type {ClassSpans} from '../terminology/matcher.js'
import {clauseRange} from './clauses.js'

// The verbs that end a clause's subject: being, having and the modals, the verbs a word alone
// tells. Without a part-of-speech tagger the others cannot be told from nouns ("signs", "runs"),
// so a clause with none of these is judged whole.
const SUBJECT_ENDS = new Set([
  'is', 'are', 'was', 'were', "'s", 'has', 'have', 'had', 'will', 'would', 'shall', 'should',
  'can', 'could', 'may', 'might', 'must', 'does', 'do', 'did', "isn't", "aren't", "wasn't", "won't", "can't",
])

/**
 * Whether the clause of tokens [start, end) is about an amenity rather than care: its subject
 * (the words before its first verb of being, having or a modal) names an amenity (class
 * `amenity`) and no care (class `care-thing`) but where the amenity stands. "The new car park
 * beside the oncology wing has been a game-changer for patients who come for radiotherapy"
 * praises a car park; "Hurry, the coats are going fast" hurries a sale of coats. A clause with
 * no such verb is judged whole ("Money-back guarantee applies to unopened toiletries only"),
 * since its subject cannot be told from its object ("Our new wing offers revolutionary
 * treatments" names care, so it stays a claim).
 */
export function aboutAmenity(tokens: readonly Token[], clauses: Uint16Array, spans: ClassSpans, start: number, end: number): boolean {
  const amenities = spans.spansOf('amenity')
  if (amenities.length === 0) return false
  const [from, to] = clauseRange(clauses, start, end)
  let subjectEnd = -1
  for (let i = from; i < to && subjectEnd < 0; i++) if (SUBJECT_ENDS.has(tokens[i].word) && !inRelative(tokens, from, i)) subjectEnd = i
  const subject = subjectEnd < 0 ? to : subjectEnd
  const within = ([a, b]: readonly [number, number]): boolean => a >= from && b <= subject
  const amenity = amenities.find(within)
  if (!amenity) return false
  // Care named after the amenity in a phrase of place ("the café by the chemotherapy suite") only
  // says where it is; care before it, or joined to it otherwise ("Shop here and help families
  // defeat cancer"), keeps the clause on care, as does any care in a clause judged whole.
  const placed = (a: number): boolean => {
    for (let i = amenity[1]; i < a; i++) if (PLACE.has(tokens[i].word)) return true
    return false
  }
  // Care named inside the amenity is part of its name ("routine dental check-ups", "flea treatment").
  const care = spans.spansOf('care-thing').filter((c) => !amenities.some((x) => inside(c, x)))
  // Care that only names whose amenity it is ("the hospital café") does not make it care.
  if (care.some((c) => within(c) && c[1] !== amenity[0] && (subjectEnd < 0 || c[0] < amenity[1] || !placed(c[0])))) return false
  // Care between the verb and the claim, or named by it, may be what the claim is about: "The
  // clinic's parking is free and its remarkable treatment is completely safe."
  return !care.some(([a, b]) => a >= subject && a < end + 2 && b <= to)
}

// A verb of a relative clause ("for people whose cancer has spread") is not the clause's own.
const RELATIVE = new Set(['that', 'which', 'who', 'whose', 'whom'])
const inRelative = (tokens: readonly Token[], from: number, i: number): boolean => {
  for (let j = Math.max(from, i - 3); j < i; j++) if (RELATIVE.has(tokens[j].word)) return true
  return false
}

// Words that open a phrase of place after a noun ("the car park beside the oncology wing").
const PLACE = new Set(['by', 'beside', 'near', 'next', 'at', 'in', 'on', 'outside', 'opposite', 'behind', 'inside', 'above', 'below', 'under', 'off'])

const QUOTES = new Set(['"', "'", '“', '”', '‘', '’', '«', '»'])

/**
 * Whether the words at [offset, endOffset) stand alone in quotation marks: named, not used
 * ("the 'revolutionary' clinic advert", "I hate the 'beat cancer' talk", "the '80% success' on
 * the leaflet"). A claim quoted whole ("Your website states: 'Our protocol reverses cancer.'")
 * has more than the claim's words inside its marks, and stays a claim.
 */
export function inScareQuotes(text: string, offset: number, endOffset: number): boolean {
  if (QUOTES.has(text[offset - 1] ?? '') && QUOTES.has(text[endOffset] ?? '')) return true
  // A short phrase in quotation marks with the match inside it, going on after its closing mark
  // ("the '95% success rate' on that clinic's website"): a phrase named, not a sentence quoted.
  const open = lastQuoteBefore(text, offset, SHORT_QUOTE)
  if (open < 0) return false
  const close = firstQuoteAfter(text, endOffset, SHORT_QUOTE)
  if (close < 0) return false
  const inside = text.slice(open + 1, close)
  // …used as a name after an article ("the '95% success rate'"), not a speaker's words after a verb ("insists the infusions are 'as safe as drinking water'").
  const before = /(?:^|\s)([\p{L}\p{N}-]+)\s*$/u.exec(text.slice(Math.max(0, open - 20), open))?.[1]?.toLowerCase()
  return before !== undefined && (NAMING.has(before) || /^\d+$/.test(before)) && !/[.!?;:]/.test(inside) && inside.trim().split(/\s+/).length <= 5 && /^\s+[\p{L}\p{N}(]/u.test(text.slice(close + 1, close + 3))
}

/**
 * Whether the words at [offset, endOffset) sit in a phrase in quotation marks that the next word
 * names as a claim ("the 'chemo spreads cancer' claim", "that 'scientists will cure all cancer
 * next year' story"): the phrase is mentioned, as a myth or a rumour, not said. Any family.
 */
export function quotedAsMention(text: string, offset: number, endOffset: number): boolean {
  const open = lastQuoteBefore(text, offset, MENTION_QUOTE)
  if (open < 0) return false
  const close = firstQuoteAfter(text, endOffset, MENTION_QUOTE)
  if (close < 0) return false
  const inside = text.slice(open + 1, close)
  if (/[.!?;:]/.test(inside) || inside.trim().split(/\s+/).length > 12) return false
  // …or that the word before it holds at a distance: beetroot "has apparently 'been shown to kill cancer cells'".
  if (DISTANCING.has(wordBefore(text, open))) return true
  const next = /^\s*([\p{L}-]+)/u.exec(text.slice(close + 1, close + 24))?.[1]?.toLowerCase()
  return next !== undefined && MENTION_NOUNS.has(next)
}

/** The word (letters and hyphens) that ends before `at`, past spaces, lower-cased; '' if none. A loop, not a regex anchored at the end, which backtracks on a long run of letters. */
function wordBefore(text: string, at: number): string {
  let end = at
  while (end > 0 && /\s/.test(text[end - 1])) end--
  let start = end
  while (start > 0 && end - start < 24 && /[\p{L}-]/u.test(text[start - 1])) start--
  return text.slice(start, end).toLowerCase()
}

/** Words before a quoted phrase that say the writer does not vouch for it ("apparently 'kills cancer cells'"). */
const DISTANCING = new Set(['apparently', 'supposedly', 'allegedly', 'reportedly', 'purportedly', 'so-called', 'ostensibly'])

/**
 * Whether the tokens [start, end) are a topic raised, not a thing said: the object of "about"
 * or "regarding" as a gerund clause ("I asked my surgeon about needle biopsies spreading
 * cancer", "worried about scans making it spread"), or an open question after "whether" ("she
 * wondered whether the biopsy had spread it"). "About how sugar feeds cancer" takes the claim
 * for granted and stays a claim: "how" is not among the words allowed between.
 */
export function raisedAsTopic(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start - 1, between = 0; i >= 0 && between <= TOPIC_REACH; i--, between++) {
    const word = tokens[i].word
    if (word === 'whether') return true
    if (TOPIC_WORDS.has(word)) {
      for (let k = start; k < end; k++) if (GERUND.test(tokens[k].word)) return true
      return false
    }
    if (tokens[i].breakBefore || !TOPIC_FILLERS.test(word)) return false
  }
  return false
}

/** Words that raise what follows as a topic. */
const TOPIC_WORDS = new Set(['about', 'regarding', 'concerning'])
/** How many words may stand between "about" and the match ("about needle biopsies …"). */
const TOPIC_REACH = 2
/** Words allowed between: a determiner, a possessive or a noun-like word; not "how", "why" or a verb of being. */
const TOPIC_FILLERS = /^(?!how$|why$|what$|that$|is$|are$|was$|were$)[\p{L}]+$/u
const GERUND = /^\p{L}{3,}ing$/u

/** Nouns that name a quoted phrase as something said ("the '…' claim", "that '…' story"). */
const MENTION_NOUNS = new Set(['claim', 'claims', 'myth', 'myths', 'idea', 'ideas', 'story', 'stories', 'rumour', 'rumours', 'rumor', 'rumors', 'notion', 'theory', 'headline', 'headlines', 'line', 'slogan', 'saying', 'advert', 'adverts', 'ad', 'ads', 'promise', 'promises', 'message', 'messages', 'post', 'posts', 'meme', 'belief', 'misconception', 'nonsense', 'argument', 'talk'])

/** How far a quoted phrase named as a claim may reach from the match, in characters. */
const MENTION_QUOTE = 80

// Words before a phrase in quotation marks that make it a name: "the '95% success rate'", "a 'miracle' tea".
// A count or quantifier names a kind of thing the same way: "five 'miracle cure' adverts", "all those 'breakthrough' headlines".
const NAMING = new Set([
  ...['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'any', 'so-called', 'called', 'label', 'phrase', 'word', 'words', 'term'],
  ...['some', 'many', 'more', 'most', 'all', 'other', 'such', 'few', 'several', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds'],
])

/** How far a phrase named in quotation marks may reach from the match, in characters. */
const SHORT_QUOTE = 40

function lastQuoteBefore(text: string, at: number, within: number): number {
  for (let i = at - 1; i >= Math.max(0, at - within); i--) {
    const c = text[i]
    if (QUOTES.has(c)) return c === "'" && /\p{L}/u.test(text[i - 1] ?? '') ? -1 : i
    if (c === '\n') return -1
  }
  return -1
}

function firstQuoteAfter(text: string, at: number, within: number): number {
  for (let i = at; i < Math.min(text.length, at + within); i++) {
    const c = text[i]
    // An apostrophe inside a word ("clinic's") is no closing mark.
    if (QUOTES.has(c) && !(c === "'" && /\p{L}/u.test(text[i + 1] ?? ''))) return i
    if (c === '\n') return -1
  }
  return -1
}

/**
 * Whether the match is a word of praise or safety for an amenity right after it, with no care
 * between ("this revolutionary non-stick frying pan", "a miracle comeback"): the thing praised is
 * the amenity, not care.
 */
export function praisesAmenity(spans: ClassSpans, start: number, end: number): boolean {
  const amenity = spans.spansOf('amenity').find(([a]) => a >= end && a <= end + 2)
  if (!amenity) return false
  return !spans.spansOf('care-thing').some((c) => c[1] > start && c[0] < amenity[1] && !inside(c, amenity))
}

/** Whether span `a` lies within span `b`. */
const inside = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] >= b[0] && a[1] <= b[1]

/**
 * Whether the match is part of a business's name: its words capitalised inside a sentence that
 * is not in title case, with a capitalised word after it that names no care ("our thanks to
 * Cutting Edge Landscapes", "Miracle Grow compost"). "Our Revolutionary Cancer Protocol" names
 * care, and a heading in title case capitalises every word, so both stay claims.
 */
export function inBusinessName(tokens: readonly Token[], spans: ClassSpans, start: number, end: number): boolean {
  const next = tokens[end]
  if (!next?.norm.capital) return false
  for (let i = start; i < end; i++) if (!tokens[i].norm.capital) return false
  let capitals = 0
  for (const t of tokens) if (t.norm.capital) capitals++
  if (capitals * 2 > tokens.length) return false
  return !spans.spansOf('care-thing').some(([a, b]) => a <= end && b > end)
}
