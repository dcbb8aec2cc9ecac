import {FAMILIES} from '../config.js'
import type {Draft, Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {tokenize} from '../parse/tokens.js'
import {familyOf, provider, type PhraseRuleTraits} from '../rule-context.js'
import type {Entry} from '../terminology/entry.js'
import type {Keep} from '../terminology/matcher.js'
import {withGroups, type PatternRef, type Terminology} from '../terminology/terminology.js'
import {hasCitationNearby} from './citation.js'
import {clauseRange, clausesOf} from './clauses.js'
import {CLAIM_LABEL, isNegated, refutedByNext, type NegationContext} from './negation.js'
import {classSpansOf} from './class-spans.js'
import {aboutAmenity, inScareQuotes, praisesAmenity, inBusinessName, quotedAsMention, raisedAsTopic} from './claim-subject.js'

/** One terminology phrase found in the draft and kept after its context was checked. */
export interface PhraseHit {
  entry: Entry
  sentence: number
  offset: number
  endOffset: number
}

/** A hit inside one sentence, offsets relative to the sentence's start (cacheable). */
export interface LocalHit {
  entry: Entry
  start: number
  end: number
}

/** How the rule of an entry treats it; undefined for a rule that is not a phrase rule of this run. */
export type TraitsOf = (ruleId: string) => PhraseRuleTraits | undefined

// When phrases of several rules cover the same words, one finding is kept: the longer
// phrase, then the family that matters most to a patient (FAMILIES is in that order).
const familyRank = (entry: Entry): number => {
  const rank = (FAMILIES as readonly string[]).indexOf(familyOf(entry.rule))
  return rank < 0 ? FAMILIES.length : rank
}

/**
 * A sentence's hits, and what they depended on beyond the sentence when that was asked:
 * whether a source is cited nearby (a statistic was found), and whether the next sentence
 * refutes this one (a hit that a refutation would cancel was found).
 */
interface HitsMemo {
  key: string
  cited?: boolean
  refuted?: boolean
  /** The ids of the entries whose `with` patterns the sentence before has (scope: adjacent). */
  before?: string
  /** The `with` groups of page-scoped entries the whole draft has (scope: page). */
  page?: string
  value: LocalHit[]
}

/**
 * Of two entries on the same words: the one that offers a fix (a named wording with its
 * standard form, over a kind that gives advice), then the one that comes first in the data.
 */
const tieBreak = (a: Entry, b: Entry): number =>
  Number(!a.prefer?.length) - Number(!b.prefer?.length) || (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1)

/** Whether an entry is about wording (readability), not a claim. */
const isWording = (entry: Entry): boolean => familyOf(entry.rule) === 'readability'

/** The key the unless and with searches keep matches by: the same function every time, so the matchers' index by key lasts. */
const entryOf = (ref: PatternRef): Entry => ref.entry

const HITS = memoSlot<HitsMemo>('phrase hits of a sentence')
const WITH_FOUND = memoSlot<{version: string; groups: ReadonlySet<string>; signature: string}>('the with groups of entries a sentence has')

/** Every phrase hit of the draft, for the rules of this lint. */
export const phraseHits = provider('phrase hits', (ctx) => findPhraseHits(ctx.draft, ctx.terminology, (id) => ctx.enabled(id), (id) => ctx.rulesById.get(id)?.phrase))

/**
 * Runs the terminology matcher once over every sentence, drops matches cancelled by their
 * context (negation, `unless` patterns, disabled rules) and resolves overlaps, so that the
 * same words never carry two phrase findings. The result depends only on the sentence, the
 * terminology, the disabled rules and whether a citation is near, so it is kept in the
 * sentence's memo and an edit elsewhere in the document reuses it.
 */
export function findPhraseHits(draft: Draft, terminology: Terminology, enabled: (ruleId: string) => boolean, traitsOf: TraitsOf): PhraseHit[] {
  const disabled = [...new Set(terminology.entries.map((e) => e.rule))].filter((r) => !enabled(r)).join(',')
  const kept: PhraseHit[] = []
  const key = `${terminology.version}|${disabled}`
  let page: ReadonlySet<string> | undefined
  // Worked out once per lint: every sentence whose hits turned on the page compares with it.
  let pageSignature: string | undefined
  const sentences = draft.sentences
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]
    let memo = sentence.memo.get(HITS)
    // Most sentences' hits turned on nothing beyond them: their memo is taken as it is, with no
    // closures made for them (an edit of a long draft reads a thousand such memos).
    const dependsOnAround = memo !== undefined && (memo.cited !== undefined || memo.refuted !== undefined || memo.before !== undefined || memo.page !== undefined)
    if (!memo || memo.key !== key || dependsOnAround) {
      // Whether a source is cited nearby is asked only of sentences where a statistic was found.
      const around: Around = {
        cited: () => hasCitationNearby(draft, index),
        refuted: () => refutedByNext(draft, index, terminology),
        before: () => withsBefore(draft, index, terminology).groups,
        beforeSignature: () => withsBefore(draft, index, terminology).signature,
        page: () => (page ??= withsOnPage(draft, terminology)),
      }
      const stale = (m: HitsMemo): boolean =>
        m.key !== key ||
        (m.cited !== undefined && m.cited !== around.cited()) ||
        (m.refuted !== undefined && m.refuted !== around.refuted()) ||
        (m.before !== undefined && m.before !== around.beforeSignature()) ||
        (m.page !== undefined && m.page !== (pageSignature ??= signature(around.page())))
      if (!memo || stale(memo)) memo = sentence.memo.set(HITS, {key, ...sentenceHits(draft.text, sentence, terminology, enabled, traitsOf, around)})
    }
    for (const h of memo.value) kept.push({entry: h.entry, sentence: index, offset: sentence.offset + h.start, endOffset: sentence.offset + h.end})
  }
  return kept
}

const stemsOf = new WeakMap<Entry, Set<string>>()

/**
 * The stems an entry's own patterns name (its "no", "never" are part of the phrase), with the
 * words of the classes they name: "no other centre comes close" is one claim, not a denial.
 */
function ownWords(entry: Entry, classes: Terminology['classes']): Set<string> {
  let stems = stemsOf.get(entry)
  if (!stems) {
    const own = new Set<string>()
    const seen = new Set<string>()
    const add = (pattern: string): void => {
      for (const m of pattern.matchAll(/@([a-z0-9]+(?:-[a-z0-9]+)*)/g)) {
        const named = classes.byName.get(m[1])
        if (!named || seen.has(named.name)) continue
        seen.add(named.name)
        for (const member of named.members) add(member)
      }
      for (const t of tokenize(pattern.replace(/@[a-z0-9-]+|[()[\]|"]|\.\.\.|<num>|<Name>/g, ' '), 0, [])) own.add(t.stem)
    }
    for (const p of entry.find) add(p)
    stemsOf.set(entry, (stems = own))
  }
  return stems
}

/** What a sentence's hits may depend on beyond it, asked only when a hit would turn on it. */
interface Around {
  cited: () => boolean
  refuted: () => boolean
  /** The `with` groups ("<entry id>#<group>") the sentence before (same paragraph) has. */
  before: () => ReadonlySet<string>
  /** The same, as the string a memo keeps (worked out once per sentence, not per lint). */
  beforeSignature: () => string
  /** The `with` groups of page-scoped entries anywhere in the draft. */
  page: () => ReadonlySet<string>
}

const NONE: ReadonlySet<string> = new Set()
const signature = (groups: ReadonlySet<string>): string => [...groups].sort().join(',')
const groupKey = (entry: Entry, group: number): string => `${entry.id}#${group}`

const NO_WITHS = {groups: NONE, signature: ''}

/** The `with` groups the sentence before `index` has, in the same paragraph, with their signature. */
function withsBefore(draft: Draft, index: number, terminology: Terminology): {groups: ReadonlySet<string>; signature: string} {
  const prev = draft.sentences[index - 1]
  if (!prev || prev.paragraph !== draft.sentences[index].paragraph) return NO_WITHS
  return withsOf(prev, terminology)
}

/** The `with` groups a sentence has, kept in its memo with their signature. */
function withsOf(sentence: Sentence, terminology: Terminology): {groups: ReadonlySet<string>; signature: string} {
  let found = sentence.memo.get(WITH_FOUND)
  if (!found || found.version !== terminology.version) {
    const groups = new Set(terminology.withMatches(sentence.tokens, classSpansOf(sentence, terminology)).map((m) => groupKey(m.ref.entry, m.ref.group)))
    found = sentence.memo.set(WITH_FOUND, {version: terminology.version, groups, signature: signature(groups)})
  }
  return found
}

/**
 * The `with` groups of page-scoped entries anywhere in the draft: a page that sells a salve
 * makes "Skin Cancer Treatment" in its list of products a remedy claim. Asked only when a
 * page-scoped entry was found, so a draft without one never reads every sentence's `with`.
 */
function withsOnPage(draft: Draft, terminology: Terminology): ReadonlySet<string> {
  if (!terminology.entries.some((e) => e.scope === 'page')) return NONE
  const out = new Set<string>()
  for (const sentence of draft.sentences) for (const g of pageWithsOf(sentence, terminology)) out.add(g)
  return out
}

const PAGE_WITHS = memoSlot<{version: string; groups: readonly string[]}>('the with groups of page-scoped entries a sentence has')

/** The `with` groups of page-scoped entries a sentence has, kept in its memo: the page asks every sentence on every lint. */
function pageWithsOf(sentence: Sentence, terminology: Terminology): readonly string[] {
  let found = sentence.memo.get(PAGE_WITHS)
  if (!found || found.version !== terminology.version) {
    const groups = new Set(terminology.pageWithMatches(sentence.tokens, classSpansOf(sentence, terminology)).map((m) => groupKey(m.ref.entry, m.ref.group)))
    found = sentence.memo.set(PAGE_WITHS, {version: terminology.version, groups: [...groups]})
  }
  return found.groups
}

/**
 * Hits of one sentence, offsets relative to the sentence's start, and what they depended on
 * beyond the sentence (a citation nearby, a refutation next) when that was asked.
 */
function sentenceHits(text: string, sentence: Sentence, terminology: Terminology, enabled: (ruleId: string) => boolean, traitsOf: TraitsOf, around: Around): Omit<HitsMemo, 'key'> {
  const tokens = sentence.tokens
  const spans = classSpansOf(sentence, terminology)
  const matches = terminology.findMatches(tokens, spans)
  if (matches.length === 0) return {value: []}
  const live = matches.filter((m) => enabled(m.ref.entry.rule))
  if (live.length === 0) return {value: []}
  const clauses = clausesOf(text, sentence)
  // Unless and with patterns are looked for only where an entry that has them was found, and
  // only that entry's are kept: a common pattern ("may", @warned) is shared by dozens of entries.
  const found = new Set<Entry>()
  for (const m of live) found.add(m.ref.entry)
  const isFound: Keep<PatternRef> = {keyOf: entryOf, keys: found}
  const unless = live.some((m) => m.ref.entry.unless?.length) ? byEntry(terminology.unlessMatches(tokens, spans, isFound)) : undefined
  const withs = live.some((m) => m.ref.entry.with?.length) ? byEntry(terminology.withMatches(tokens, spans, isFound)) : undefined
  const result: Omit<HitsMemo, 'key' | 'value'> = {}
  const inScope = (entry: Entry, found: ReadonlyMap<Entry, Array<[number, number, number]>> | undefined, start: number, end: number, group?: number): boolean => {
    const at = found?.get(entry)
    if (!at) return false
    const [from, to] = entry.scope === 'clause' ? clauseRange(clauses, start, end) : [0, tokens.length]
    return at.some(([a, b, g]) => (group === undefined || g === group) && a >= from && b <= to)
  }
  // A `with` of scope adjacent may stand in the sentence before: "It has spread to her liver. Nothing more can be done."
  // One of scope page anywhere in the draft: the products a page sells.
  const groupBefore = (entry: Entry, group: number): boolean => {
    if (entry.scope === 'page') {
      const page = around.page()
      result.page = signature(page)
      return page.has(groupKey(entry, group))
    }
    if (entry.scope !== 'adjacent') return false
    result.before = around.beforeSignature()
    return around.before().has(groupKey(entry, group))
  }
  // Every group of an entry's `with` must be found (one of its patterns), here or, for adjacent, just before.
  const withsFound = (entry: Entry, start: number, end: number): boolean => {
    const groups = withGroups(entry).length
    for (let g = 0; g < groups; g++) if (!inScope(entry, withs, start, end, g) && !groupBefore(entry, g)) return false
    return true
  }
  const own = text.slice(sentence.offset, sentence.endOffset)
  const negation: NegationContext = {tokens, clauses, spans, question: /\?["'”’)\]]*\s*$/.test(own), labelled: CLAIM_LABEL.test(own), text}
  const candidates: LocalHit[] = []
  const seen = new Set<string>()
  for (const {ref, start, end} of live) {
    const {entry} = ref
    if (entry.opens && !opensAt(entry.opens, tokens, clauses, start)) continue
    if (entry.unless?.length && inScope(entry, unless, start, end)) continue
    if (entry.with?.length && !withsFound(entry, start, end)) continue
    if (entry.same !== undefined && !namesTheSame(entry.same, tokens, spans, start, end, withs?.get(entry))) continue
    const traits = traitsOf(entry.rule)
    if (traits?.careClaim && (aboutAmenity(tokens, clauses, spans, start, end) || praisesAmenity(spans, start, end) || (traits.praise && inBusinessName(tokens, spans, start, end)))) continue
    const negatable = entry.negatable ?? traits?.negatable ?? true
    if (negatable) {
      if (isNegated(negation, start, end, ownWords(entry, terminology.classes))) continue
      // A myth stated here and refuted at the start of the next sentence is myth-busting.
      if ((result.refuted ??= around.refuted())) continue
      if (quotedAsMention(text, tokens[start].offset, tokens[end - 1].endOffset)) continue
      // Only an accuracy claim: a topic an advert raises ("ask about our herbs shrinking tumours") still sells.
      if (familyOf(entry.rule) === 'accuracy' && raisedAsTopic(tokens, start, end)) continue
    }
    // A figure is "unsupported" only when nothing nearby says where it comes from.
    if (traits?.excusedByCitation && (result.cited ??= around.cited())) continue
    if (traits?.careClaim && inScareQuotes(text, tokens[start].offset, tokens[end - 1].endOffset)) continue
    const hit = {entry, start: tokens[start].offset - sentence.offset, end: tokens[end - 1].endOffset - sentence.offset}
    const id = `${entry.id}@${hit.start}`
    if (seen.has(id)) continue
    seen.add(id)
    candidates.push(hit)
  }
  // Claims about the same words are one problem: among accuracy and promotion hits the longer
  // phrase wins, then the family that matters more to a patient, then the one that starts first,
  // then the one with a fix, then the first in the data. How a thing is worded is another
  // problem: a readability hit stays beside a claim ("Our 5-year survival rate is 85%" is jargon
  // and an unsourced figure), and only other readability hits compete with it.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || familyRank(a.entry) - familyRank(b.entry) || a.start - b.start || tieBreak(a.entry, b.entry))
  const taken: LocalHit[] = []
  for (const hit of candidates) {
    if (taken.some((t) => t.start < hit.end && hit.start < t.end && isWording(t.entry) === isWording(hit.entry))) continue
    taken.push(hit)
  }
  return {...result, value: taken.sort((a, b) => a.start - b.start)}
}

/**
 * Whether the find (tokens start..end) and one of its `with` matches name the same member of
 * class `name`, compared by the stems of its words ("lungs" and "lung" are one organ). The
 * pattern language has no variables, so "the organ it spread to" is said this way.
 */
function namesTheSame(name: string, tokens: Sentence['tokens'], spans: ReturnType<typeof classSpansOf>, start: number, end: number, withs: ReadonlyArray<[number, number, number]> | undefined): boolean {
  if (!withs?.length) return false
  const members = spans.spansOf(name)
  const keysIn = (a: number, b: number): string[] => members.filter(([c, d]) => c >= a && d <= b).map(([c, d]) => tokens.slice(c, d).map((t) => t.stem).join(' '))
  const named = new Set(keysIn(start, end))
  if (named.size === 0) return false
  return withs.some(([a, b]) => (a >= end || b <= start) && keysIn(a, b).some((k) => named.has(k)))
}

// Words that may stand before an imperative without making it less of one: "So call our team
// today", "places are going fast, so phone our desk now". Not "and" or "but": "…, and 92 % of
// them …" goes on with the sentence's subject.
const LEAD_WORDS = new Set(['so', 'then', 'now', 'just', 'please', 'simply'])

/** Whether the match at `start` opens its sentence or its clause, after lead words only. */
function opensAt(opens: 'sentence' | 'clause', tokens: Sentence['tokens'], clauses: ReadonlyArray<number> | Uint16Array, start: number): boolean {
  let first = start
  while (first > 0 && (opens === 'sentence' || clauses[first - 1] === clauses[start])) first--
  for (let i = first; i < start; i++) if (!LEAD_WORDS.has(tokens[i].word)) return false
  return true
}

/** Matches grouped by entry, as token ranges with the `with` group they belong to. */
function byEntry(matches: ReadonlyArray<{ref: {entry: Entry; group: number}; start: number; end: number}>): Map<Entry, Array<[number, number, number]>> {
  const out = new Map<Entry, Array<[number, number, number]>>()
  for (const m of matches) {
    const list = out.get(m.ref.entry)
    if (list) list.push([m.start, m.end, m.ref.group])
    else out.set(m.ref.entry, [[m.start, m.end, m.ref.group]])
  }
  return out
}
