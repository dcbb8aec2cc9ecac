import type {Draft} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import type {Token} from '../parse/tokens.js'
import type {ClassSpans} from '../terminology/matcher.js'
import type {Terminology} from '../terminology/terminology.js'
import {classSpansOf} from './class-spans.js'
import {clauseRange} from './clauses.js'

// Contractions as forum posts and texts spell them, without the apostrophe ("it cant see single
// cells", "doesnt spread"). "wont" is left out, being a word of its own ("as is its wont");
// "cant" in its other sense (jargon) does not stand before the verb it would deny.
const DROPPED_APOSTROPHE = ['cant', 'dont', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'didnt', 'hasnt', 'havent', 'hadnt', 'couldnt', 'wouldnt', 'shouldnt', 'aint', 'neednt', 'mustnt']
// Words that deny what follows ("does not spread", "never fatal", "no cure", "nobody can promise").
const NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'without', 'neither', 'nor', 'nothing', 'none', 'nobody', 'hardly', 'rarely', 'unlikely', 'untrue', 'false', ...DROPPED_APOSTROPHE])
// Words that mark the statement as a belief being corrected, wherever they stand in the sentence.
const MYTH_CUES = new Set(['myth', 'myths', 'misconception', 'misconceptions', 'misbelief', 'misunderstand', 'misunderstood', 'untrue', 'falsely', 'wrongly', 'mistakenly', 'mistaken', 'incorrect', 'incorrectly', 'rumor', 'rumour', 'rumors', 'rumours', 'debunk', 'debunked', 'corrected'])

/**
 * The context classes of terminology/classes.yaml the engine reads (their members are data):
 * `report` frames a statement as someone's belief or claim ("you may have heard that", "the
 * idea that", "was told", "avoid telling patients that", "nobody can promise"); `refuted`
 * denies what came before it in the sentence ("… is false", "… is a warning sign");
 * `refutation` opens a sentence that denies the one before ("This is not true.").
 */
export const REPORT = 'report'
export const REFUTED = 'refuted'
export const REFUTATION = 'refutation'

/** How far before a match, inside its clause, a negation still applies to it. */
const NEGATION_WINDOW = 5

/** Whether a word denies what follows it ("not", "never", "don't", "unlikely"); `notDenials` are words a caller reads otherwise. */
export const isNegation = (t: Token, notDenials?: ReadonlySet<string>): boolean => !notDenials?.has(t.word) && (NEGATIONS.has(t.word) || t.word.endsWith("n't"))

// A negation word that intensifies instead of denying: "not only … but", "no doubt", "without
// question", "it's no exaggeration to say", "no wonder".
const INTENSIFIED = new Set(['only', 'doubt', 'doubts', 'question', 'exaggeration', 'wonder', 'surprise', 'fail'])

/** Whether the negation word at `i` intensifies what follows ("not only", "no doubt") rather than denying it. */
function intensifies(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.word
  if (next === undefined) return false
  if (INTENSIFIED.has(next)) return true
  // "without a doubt", "no small feat"? Only the article form of doubt.
  return (next === 'a' || next === 'any') && tokens[i + 2]?.word === 'doubt'
}

/**
 * Whether the negation at `i` belongs to a short opener that a comma or colon closes before the
 * match: "Don't worry, the biopsy is basically a scan", "Never mind: …". The opener denies a
 * feeling; what follows it is asserted.
 */
function opener(tokens: readonly Token[], i: number, start: number): boolean {
  if (i > OPENER_WORDS) return false
  // (Not "No, …": an answer's "No" often stands before a denial that follows the match, "No, an
  // alkaline diet can't change your blood's pH", which the denial check does not read.)
  // "Don't worry,", "Do not be alarmed:", "Never mind,", and no more than OPENER_WORDS words.
  let k = i + 1
  if (tokens[k]?.word === 'be') k++
  if (!CALMED.has(tokens[k]?.word ?? '')) return false
  for (k++; k <= Math.min(start, i + OPENER_WORDS + 1); k++) if (tokens[k]?.breakBefore) return true
  return false
}

/** How far a negated opener may run from its negation to its comma ("Please don't worry too much,"). */
const OPENER_WORDS = 3
/** Feelings a negated opener tells the reader not to have ("don't worry", "never mind", "do not be alarmed"). */
const CALMED = new Set(['worry', 'panic', 'fret', 'stress', 'mind', 'fear', 'scared', 'afraid', 'alarmed', 'frightened', 'nervous', 'anxious', 'upset', 'concerned'])

/** A sentence as the negation check reads it. */
export interface NegationContext {
  tokens: readonly Token[]
  /** Clause number of each token (analyses/clauses.ts). */
  clauses: Uint16Array
  spans: ClassSpans
  question: boolean
  /** The sentence opens with a label that reports what follows ("Claim: surgery spreads cancer."), as a fact-check does. */
  labelled?: boolean
  /** The text the tokens' offsets point into, where a check needs its punctuation. */
  text?: string
}

/** A fact-check's or a myth list's label opening a sentence: what follows is the claim checked, not made. */
export const CLAIM_LABEL = /^\W*(?:the\s+)?(?:claim|myth|rumou?r|belief|misconception|false claim|what people say|you may hear)\s*:/i

/**
 * True when the phrase at tokens [start, end) is denied, asked about, reported as a belief
 * or called a myth in its sentence: "it is not liver cancer", "does a biopsy spread
 * cancer?", "you may have heard that a biopsy spreads cancer", "the idea that sugar feeds
 * cancer is false". Such text must not be "fixed" into the opposite, which context-blind
 * linters do. A negation counts only inside the phrase's own clause: in "There is no cure,
 * and nothing can be done" the "no" does not deny the second clause. `ownWords` are the
 * stems the entry's patterns name: a negation that is part of the phrase itself ("no side
 * effects") does not cancel it, one inside a gap ("a biopsy does not spread cancer") does.
 * `notDenials` are words a caller reads otherwise: for a figure, "without" names an arm of a
 * comparison ("without the drug, 30 in 100 relapse"), it denies nothing.
 */
export function isNegated(ctx: NegationContext, start: number, end: number, ownWords: ReadonlySet<string>, notDenials?: ReadonlySet<string>): boolean {
  const {tokens, clauses} = ctx
  if (ctx.labelled || (ctx.question && askedAbout(tokens, start))) return true
  const clause = clauses[start]
  for (let i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) if (clauses[i] === clause && isNegation(tokens[i], notDenials) && !intensifies(tokens, i) && !ofPurpose(tokens, i) && !opener(tokens, i, start)) return true
  if (deniedKnowing(tokens, clauses, clause, start)) return true
  if (setAside(tokens, clauses, clause, start)) return true
  if (deniedExistence(tokens, clauses, clause, start)) return true
  if (deniedSubject(tokens, clauses, start)) return true
  if (deniedReason(tokens, clauses, clause)) return true
  for (let i = start; i < end; i++) if (isNegation(tokens[i], notDenials) && !ownWords.has(tokens[i].stem) && !intensifies(tokens, i)) return true
  const cues = cuesOf(ctx)
  // A myth cue anywhere outside the phrase; a belief or claim reported before it (what someone
  // says, not what the text says); a denial after it ("… is false", "… is a warning sign of fraud").
  // "Have you heard about the groundbreaking therapy …?" presents; its "you heard" reports nothing.
  const reported = !(ctx.question && rhetorical(tokens, labelEnd(tokens, start))) && reportedBefore(tokens, ctx.text, cues, start)
  return cues.firstMyth < start || cues.lastMyth >= end || reported || cues.lastRefutedStart >= end
}

/**
 * Whether the clause is a reason given only to be denied: "not because sugar feeds tumours, but
 * because sweet things taste odd", "not just because". The clause opens at "because" and a
 * "not" (or "not just", "not only") stands right before it.
 */
function deniedReason(tokens: readonly Token[], clauses: Uint16Array, clause: number): boolean {
  let first = 0
  while (first < tokens.length && clauses[first] !== clause) first++
  if (tokens[first]?.word !== 'because') return false
  const before = tokens[first - 1]?.word
  return before === 'not' || ((before === 'just' || before === 'only' || before === 'simply') && tokens[first - 2]?.word === 'not')
}

/**
 * Whether a report ("they said", "you may have heard that") stands before `start` with no
 * conclusion drawn between them: in "they said it can't be cured so what's the point of chemo"
 * the report ends where the writer's own "so …" begins.
 */
function reportedBefore(tokens: readonly Token[], text: string | undefined, cues: SentenceCues, start: number): boolean {
  // A match inside a report is reported too: "anyone who guarantees you'll be cancer-free".
  if (cues.reports.some(([a, e]) => a < start && e > start)) return true
  if (cues.firstReportEnd > start) return false
  let lastEnd = -1
  for (const e of cues.reportEnds) if (e <= start && e > lastEnd) lastEnd = e
  if (cues.conclusions.some((c) => c >= lastEnd && c < start)) return false
  // What others say about the writer's own offer is the writer's claim, told through them:
  // "read the stories of patients who say our tea cured them". Not in their words quoted: "a
  // clinic that says '95% of our patients are cured'".
  for (let i = lastEnd; i < start; i++) if (OWN.has(tokens[i].word) && !quotedBetween(tokens, text, lastEnd, i)) return false
  return true
}

/** Whether a quotation mark opens between tokens `from` and `to` (their offsets into `text`). */
function quotedBetween(tokens: readonly Token[], text: string | undefined, from: number, to: number): boolean {
  if (text === undefined || from <= 0) return false
  const between = text.slice(tokens[from - 1].endOffset, tokens[to].offset)
  // A straight single mark opens a quotation only before a word, not inside one ("clinic's").
  return /["“”‘]/.test(between) || /(?:^|\s)'/.test(between)
}

const OWN = new Set(['our', 'we', 'us', "we've", "we're"])

// Words that draw the writer's own conclusion: "so" before what follows it as a clause
// ("so what's the point", "so there is no hope"), "therefore", "thus", "hence".
const CONCLUDES = new Set(['therefore', 'thus', 'hence'])

/**
 * ", meaning …" and ", which means …" after a report draw the writer's own conclusion from it:
 * "she was told that 65% of patients are alive at five years, meaning she has five years left".
 */
function concludesAfterComma(tokens: readonly Token[], i: number): boolean {
  if (!tokens[i].breakBefore) return false
  const w = tokens[i].word
  return w === 'meaning' || (w === 'which' && (tokens[i + 1]?.word === 'means' || tokens[i + 1]?.word === 'meant'))
}
const AFTER_SO = new Set(['what', "what's", 'whats', 'there', "there's", 'theres', 'it', "it's", 'its', 'they', 'we', 'you', 'i', 'she', 'he', 'no', 'nothing', 'why', 'that', 'this'])

// Verbs of knowing, telling, meaning and promising: denied, they deny all they govern, however long ("it
// can't say whether cancer is there or whether it has spread", "it doesn't mean her whole body is
// cancer or that she now has a blood cancer"), beyond the window a denial of one verb has.
const KNOWING = new Set(['say', 'tell', 'show', 'prove', 'know', 'confirm', 'predict', 'determine', 'decide', 'diagnose', 'detect', 'mean', 'promise', 'guarantee'])

const TOO_EARLY = new Set(['soon', 'early'])

const BE = new Set(['is', 'are', 'was', 'were', "'s"])
const JOINS = new Set(['so', 'and', 'but', 'therefore', 'because', 'yet'])
const DENIED_BE = new Set(["isn't", "aren't", "wasn't", "weren't", 'isnt', 'arent', 'wasnt', 'werent'])
// "There is no better clinic that cures cancer" outranks; it does not deny.
const OUTRANKING = new Set(['better', 'other', 'else', 'greater', 'finer', 'safer', 'faster', 'stronger', 'more', 'bigger'])

/**
 * Whether "there is no …" or "there isn't …" before `start` in its clause denies what it names,
 * however long the name: "there isn't some secret cutting-edge cure being hidden from you".
 */
function deniedExistence(tokens: readonly Token[], clauses: Uint16Array, clause: number, start: number): boolean {
  for (let j = start - 1; j >= 1 && clauses[j] === clause; j--) {
    // What it names ends at a comma or a conjunction: "There's no cure, so what is the point of chemo?"
    if (tokens[j + 1].breakBefore || JOINS.has(tokens[j].word)) return false
    const w = tokens[j].word
    // "there's no": the token of "there's" is "there" (a possessive 's is dropped), or "theres"
    const there = DENIED_BE.has(w)
      ? tokens[j - 1].word === 'there'
      : isNegation(tokens[j]) && (THERE_IS.has(tokens[j - 1].word) || (j >= 2 && BE.has(tokens[j - 1].word) && tokens[j - 2].word === 'there'))
    if (there && !intensifies(tokens, j) && !OUTRANKING.has(tokens[j + 1]?.word ?? '')) return true
  }
  return false
}

const THERE_IS = new Set(['there', 'theres'])

// The auxiliaries that end a subject opened by "no" ("No diet has been shown to …", "No herb can …").
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'does', 'do', 'did'])
// "no" before these is an idiom, not a subject's denial: "no matter what stage", "no wonder", "no longer".
const NO_IDIOM = new Set(['matter', 'wonder', 'doubt', 'longer', 'sooner', 'way', 'less'])
// In a clause whose subject "no" opens, these make it a boast: "No clinic has cured more patients",
// "No patient has ever relapsed", "No cancer is too advanced for us to treat".
const BOASTING = new Set(['than', 'ever', 'too', ...OUTRANKING])
// Words a subject opened by "no" may start with before its auxiliary, at most.
const SUBJECT_WORDS = 8

/**
 * Whether the clause of `start` opens with a subject that "no" or "none of" denies, and the
 * phrase stands in its predicate: "No diet or attitude has been shown to decide who survives",
 * "but no herb can cure cancer". Not a boast that ranks or has no exception ("No clinic has
 * cured more patients than ours", "No patient of ours has ever relapsed").
 */
function deniedSubject(tokens: readonly Token[], clauses: Uint16Array, start: number): boolean {
  // The clause's bounds are kept per sentence: asked for every match, not walked each time.
  let [c, clauseEnd] = clauseRange(clauses, start, start + 1)
  if (JOINS.has(tokens[c].word) || OPENERS.has(tokens[c].word)) c++
  const w = tokens[c]?.word
  if (c + 2 >= start || !(w === 'no' || (w === 'none' && tokens[c + 1].word === 'of'))) return false
  if (NO_IDIOM.has(tokens[c + 1].word)) return false
  for (let i = c + 1; i < start && i <= c + SUBJECT_WORDS; i++) {
    const t = tokens[i]
    if (t.breakBefore || BOASTING.has(t.word) || OWN.has(t.word)) return false
    if (!AUX.has(t.word)) continue
    for (let k = i + 1; k < clauseEnd; k++) if (BOASTING.has(tokens[k].word)) return false
    return true
  }
  return false
}

// A denial inside a clause of purpose asks nothing of the claim; it takes it as given: "What
// foods should I avoid so I don't feed his tumours with sugar?", "so that the cancer doesn't spread".
const PURPOSE_GAP = 3

/** Whether the negation at `i` stands in a clause of purpose: "so (that) … don't", "so" without a comma before it. */
function ofPurpose(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(1, i - PURPOSE_GAP); j--) {
    if (tokens[j + 1].breakBefore) return false
    // ", so it doesn't spread" draws a conclusion; "so that" and a "so" with no comma give a purpose
    if (tokens[j].word === 'so') return tokens[j + 1].word === 'that' || !tokens[j].breakBefore
  }
  return false
}

/** Whether a denied verb of knowing ("cannot tell", "doesn't show", "can't say") stands before `start` in its clause. */
function deniedKnowing(tokens: readonly Token[], clauses: Uint16Array, clause: number, start: number): boolean {
  for (let i = start - 1; i >= 0 && clauses[i] === clause; i--) {
    if (!KNOWING.has(tokens[i].word)) continue
    // "can't say", "cannot reliably tell", "does not on its own show"; "too soon to say", "too early to tell"
    for (let j = i - 1; j >= Math.max(0, i - 4) && clauses[j] === clause; j--) {
      if (isNegation(tokens[j]) && !intensifies(tokens, j)) return true
      if (tokens[j].word === 'too' && TOO_EARLY.has(tokens[j + 1].word)) return true
    }
  }
  return false
}

// A question asks about what it says only in part. "Does a biopsy spread cancer?" asks; but a
// question opening with "why", "how", "what is the point" or a "which" without a modal takes its
// content as given ("Why settle for maybe when our oncologists can promise you a cancer-free
// future?", "How long does a man have once it reaches this hopeless point?"), and so does what it
// names after "why" or a ", since" ("Want to know why three-quarters of our patients are in
// remission?", "Should I put off my operation, since surgery stirs the cancer up?").
// "When is it time to stop treatment and move to palliative care?" asks when, not whether.
const WH = new Set(['why', 'how', 'when'])
// "Which essential oil works best for shrinking the tumour?" takes it that one does; "Which
// treatments can cure stage 4 cancer?" asks which, if any, can: a modal keeps it a question.
const WHICH = new Set(['which', 'what', 'where', 'who', 'whose'])
const MODALS = new Set(['can', 'could', 'may', 'might', 'would', 'should', 'will', 'do', 'does', 'is', 'are'])
// With MODALS, the words a yes/no question opens with ("Did …?", "Isn't …?").
const AUXILIARIES = new Set(['did', 'was', 'were', 'has', 'have', 'had', 'am', 'must', 'shall', "isn't", "doesn't", "don't", "can't", "won't", "wouldn't", "shouldn't", "aren't", "didn't"])
// "How likely is it that …", "what if …": these ask about the claim.
const ASKS_AFTER_WH = new Set(['if', 'likely', 'often', 'common', 'true', 'sure', 'accurate', 'real', 'possible', 'realistic', 'about'])
// Words before the question proper: a forum's or a transcript's label, a discourse word.
const OPENERS = new Set(['q', 'question', 'host', 'guest', 'so', 'and', 'but', 'or', 'ok', 'okay', 'well', 'honestly', 'then', 'now', 'anyway', 'also', 'hi', 'hey', 'just', 'seriously', 'um'])
const GIVEN = new Set(['since', 'because', 'cos', 'given'])
const PRESUPPOSES = new Set(['once'])
const HYPOTHETICAL = new Set(['if', 'whether', 'unless'])

/** Whether the word at `i` opens a question that takes its content before `start` as given: "why", "how", "what is the point", "which" without a modal. */
function takesAsGiven(tokens: readonly Token[], i: number, start: number): boolean {
  const w = tokens[i].word
  if (ASKS_AFTER_WH.has(tokens[i + 1]?.word ?? '')) return false
  if (w === 'what') for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) if (tokens[j].word === 'point' || tokens[j].word === 'use') return true
  if (WH.has(w)) return true
  if (!WHICH.has(w)) return false
  for (let j = i + 1; j < start; j++) if (MODALS.has(tokens[j].word)) return false
  return true
}

// Questions that present their content rather than ask it, as advertisements open: "Did you know
// that 9 in 10 of our patients …?", "Have you heard about the groundbreaking therapy …?", "Ready to
// win your fight?" (whether the reader is ready is asked, not whether the fight can be won).
const PRESENTS = [['did', 'you', 'know'], ['have', 'you', 'heard'], ['ever', 'heard'], ['have', 'you', 'seen']]
const ELLIPTICAL = new Set(['ready', 'want', 'tired', 'sick', 'fed', 'looking', 'struggling', 'imagine'])

/** Whether the question at `o` opens with words that present its content ("did you know", "ready to"). */
function rhetorical(tokens: readonly Token[], o: number): boolean {
  if (ELLIPTICAL.has(tokens[o]?.word ?? '')) return true
  return PRESENTS.some((words) => words.every((w, k) => tokens[o + k]?.word === w))
}

// A later question asks about what came before only when it asks how to know it: "…, so how
// can I check?", "…, and is that true?", "who says so?". Otherwise it takes it as given: "these
// drops cure cancer, what more could you want?", "they call it lung cancer, so which charity
// should we give to?", "Spread Means a New Cancer: What Happens Next?".
const CHECKING = new Set(['check', 'know', 'tell', 'verify', 'find', 'sure', 'trust', 'true', 'believe', 'prove', 'confirm', 'says', 'said', 'evidence', 'proof', 'source'])

/** Whether the question clause at `q` asks how to know what came before. */
function asksToCheck(tokens: readonly Token[], q: number): boolean {
  for (let i = q; i < tokens.length && (i === q || !tokens[i].breakBefore); i++) if (CHECKING.has(tokens[i].word)) return true
  return false
}

/** Where a question proper begins, after a label or a discourse word ("Q:", "HOST: so", "[00:14:32]"). */
function labelEnd(tokens: readonly Token[], start: number): number {
  let o = 0
  while (o < start && (OPENERS.has(tokens[o].word) || /^\d+$/.test(tokens[o].word))) o++
  return o
}

// A tag question states its claim and asks only for agreement: "that proves the cancer hasn't
// come back, doesn't it?", "sugar feeds it, right?". The tag is a negative auxiliary with its
// pronoun, or a word asking to confirm, after the sentence's last break.
const TAG_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'you', 'we', 'i', 'there', 'that', 'this'])
const TAG_WORDS = new Set(['right', 'correct', 'yes', 'yeah', 'true', 'eh', 'innit', 'surely', 'ok', 'okay'])

/** Where a closing tag question begins ("…, doesn't it?", "…, right?"), or -1. */
function tagStart(tokens: readonly Token[]): number {
  const n = tokens.length
  for (let b = n - 1; b >= Math.max(1, n - 3); b--) {
    if (!tokens[b].breakBefore) continue
    const w = tokens[b].word
    const rest = tokens.slice(b + 1).map((t) => t.word)
    if (TAG_WORDS.has(w) && rest.length === 0) return b
    if (/n't$|^aint$/.test(w) && rest.length >= 1 && rest.length <= 2 && rest.every((r) => TAG_PRONOUNS.has(r) || r === 'so')) return b
    return -1
  }
  return -1
}

/** Whether a question asks about the phrase at `start`, rather than taking it as given. */
function askedAbout(tokens: readonly Token[], start: number): boolean {
  const tag = tagStart(tokens)
  if (tag > 0 && start < tag) return false
  // A question that opens with its reason takes the reason as given: "Since stage IV is the end of
  // the line, how do I tell my kids?", "Now that his colon cancer has become a blood cancer, …?"
  const o = labelEnd(tokens, start)
  // ("now" is skipped as a discourse word, so "now that" is found at its "that")
  if (GIVEN.has(tokens[o]?.word ?? '') || (tokens[o]?.word === 'that' && tokens[o - 1]?.word === 'now')) {
    let comma = o + 1
    while (comma < tokens.length && !tokens[comma].breakBefore) comma++
    if (start < comma) return false
  }
  for (let i = o + 1; i < start; i++) if (HYPOTHETICAL.has(tokens[i].word)) return true
  if (o <= start && (takesAsGiven(tokens, o, start) || rhetorical(tokens, o))) return false
  // What a question's "once …" clause names has happened, to the asker: "What will you do first
  // once you're cancer-free after our programme?" ("after" is too often a plain preposition.)
  for (let i = start - 1; i > o; i--) {
    if (PRESUPPOSES.has(tokens[i].word)) return false
    if (tokens[i].breakBefore) break
  }
  // The question is a later clause of its own, and what comes before it is stated: "these drops
  // cure cancer, what more could you want?", "sugar feeds tumours, so why eat it?" ("…, how true
  // is that?" and "…, but who says so?" still ask), unless the sentence opens as a question
  // itself ("Can a biopsy spread cancer, and what should I ask?").
  if (!MODALS.has(tokens[o]?.word ?? '') && !AUXILIARIES.has(tokens[o]?.word ?? '')) for (let i = start + 1; i < tokens.length; i++) {
    if (!tokens[i].breakBefore) continue
    // "…, but who ranked it?" challenges what came before; it does not take it as given
    if (tokens[i].word === 'but' || tokens[i].word === 'yet') continue
    let q = i
    while (q < tokens.length - 1 && OPENERS.has(tokens[q].word)) q++
    const w = tokens[q].word
    if ((WH.has(w) || WHICH.has(w)) && !ASKS_AFTER_WH.has(tokens[q + 1]?.word ?? '') && !asksToCheck(tokens, q)) return false
  }
  // …and so does a later clause that opens with one: "There's no cure, so what is the point of chemo?"
  for (let i = o + 1; i <= start; i++) if ((tokens[i].breakBefore || OPENERS.has(tokens[i - 1].word)) && takesAsGiven(tokens, i, start)) return false
  for (let i = o + 1; i < start; i++) {
    const w = tokens[i].word
    if (w === 'why') return false
    // ", since surgery stirs it up", not "since the operation" or "because of"
    if (GIVEN.has(w) && tokens[i].breakBefore && tokens[i + 1]?.word !== 'of') return false
  }
  return true
}

/**
 * Whether the phrase is what "rather than" or "instead of" sets aside, right after it ("help some
 * people for a while rather than working for everyone"). Only the words next to it are set aside:
 * in "instead of chemo, our tea cures cancer" the claim is made.
 */
function setAside(tokens: readonly Token[], clauses: Uint16Array, clause: number, start: number): boolean {
  for (let i = start - 1; i >= Math.max(1, start - 2) && clauses[i] === clause; i--) {
    const w = tokens[i].word
    if ((w === 'than' && tokens[i - 1].word === 'rather') || (w === 'of' && tokens[i - 1].word === 'instead')) return true
  }
  return false
}

/** Where a sentence's myth cues, reports and refutations lie, summed up once for all its phrases. */
interface SentenceCues {
  firstMyth: number
  lastMyth: number
  /** The earliest end of a report span: a span ending at or before a phrase's start lies before it. */
  firstReportEnd: number
  /** Where each report span ends. */
  reportEnds: number[]
  /** Each report span, [start, end). */
  reports: Array<readonly [number, number]>
  /** Where a conclusion of the writer's own starts ("so what's the point"). */
  conclusions: number[]
  lastRefutedStart: number
}

// Summed up once per sentence: a sentence with thousands of matches would otherwise be scanned
// once per match.
const CUES = new WeakMap<NegationContext, SentenceCues>()

function cuesOf(ctx: NegationContext): SentenceCues {
  let cues = CUES.get(ctx)
  if (cues) return cues
  const {tokens, spans} = ctx
  cues = {firstMyth: Number.POSITIVE_INFINITY, lastMyth: -1, firstReportEnd: Number.POSITIVE_INFINITY, reportEnds: [], reports: [], conclusions: [], lastRefutedStart: -1}
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].word
    if (MYTH_CUES.has(w)) {
      cues.firstMyth = Math.min(cues.firstMyth, i)
      cues.lastMyth = i
    }
    if (CONCLUDES.has(w) || (w === 'so' && AFTER_SO.has(tokens[i + 1]?.word ?? '')) || concludesAfterComma(tokens, i)) cues.conclusions.push(i)
  }
  for (const [a, e] of spans.spansOf(REPORT)) {
    cues.firstReportEnd = Math.min(cues.firstReportEnd, e)
    cues.reportEnds.push(e)
    cues.reports.push([a, e])
  }
  for (const [a] of spans.spansOf(REFUTED)) cues.lastRefutedStart = Math.max(cues.lastRefutedStart, a)
  CUES.set(ctx, cues)
  return cues
}

/**
 * Whether a whole sentence is held at a distance from the writer: asked, called a myth,
 * reported as someone's belief or claim, or denied after it is stated ("… is false"). A model
 * reading the sentence's words cannot see that frame, so its findings are dropped there.
 */
export function framedAsBelief(tokens: readonly Token[], spans: ClassSpans, question: boolean): boolean {
  if (question) return true
  for (const t of tokens) if (MYTH_CUES.has(t.word)) return true
  return spans.spansOf(REPORT).length > 0 || spans.spansOf(REFUTED).length > 0
}

/** Whether a sentence opens by denying the one before it ("This is not true.", "In fact, …"). */
export function opensWithRefutation(tokens: readonly Token[], spans: ClassSpans): boolean {
  return tokens.length > 0 && spans.ends(REFUTATION, 0).length > 0
}

const REFUTES = memoSlot<boolean>('whether a sentence opens by refuting the one before')

/** Whether the sentence after `index` (in the same paragraph) opens by refuting it: "Vitamin D halves the risk. This is not true." */
export function refutedByNext(draft: Draft, index: number, terminology: Terminology): boolean {
  const next = draft.sentences[index + 1]
  if (!next || next.paragraph !== draft.sentences[index].paragraph) return false
  return next.memo.getOr(REFUTES, () => opensWithRefutation(next.tokens, classSpansOf(next, terminology)))
}
