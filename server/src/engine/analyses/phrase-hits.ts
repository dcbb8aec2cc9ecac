import {FAMILIES} from '../config.js'
import type {Draft, Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {tokenize} from '../parse/tokens.js'
import {familyOf, provider, type PhraseRuleTraits} from '../rule-context.js'
import type {Entry} from '../terminology/entry.js'
import type {Terminology} from '../terminology/terminology.js'
import {hasCitationNearby} from './citation.js'
import {isNegated} from './negation.js'

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

const HITS = memoSlot<{key: string; cited?: boolean; value: LocalHit[]}>('phrase hits of a sentence')

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
  draft.sentences.forEach((sentence, index) => {
    // Whether a source is cited nearby is asked only of sentences where a statistic was found.
    const cited = (): boolean => hasCitationNearby(draft, index)
    let memo = sentence.memo.get(HITS)
    if (!memo || memo.key !== key || (memo.cited !== undefined && memo.cited !== cited())) {
      const found = sentenceHits(draft.text, sentence, terminology, enabled, traitsOf, cited)
      memo = sentence.memo.set(HITS, {key, cited: found.cited, value: found.value})
    }
    for (const h of memo.value) kept.push({entry: h.entry, sentence: index, offset: sentence.offset + h.start, endOffset: sentence.offset + h.end})
  })
  return kept
}

const stemsOf = new WeakMap<Entry, Set<string>>()

/** The stems an entry's own patterns name (its "no", "never" are part of the phrase). */
function ownWords(entry: Entry): Set<string> {
  let stems = stemsOf.get(entry)
  if (!stems) {
    stems = new Set()
    for (const p of entry.find) for (const t of tokenize(p.replace(/[()[\]|"]|\.\.\.|<num>/g, ' '), 0, [])) stems.add(t.stem)
    stemsOf.set(entry, stems)
  }
  return stems
}

/**
 * Hits of one sentence, offsets relative to the sentence's start, and whether a source was
 * cited nearby when that was asked (a statistic was found): the hits depend on it then.
 */
function sentenceHits(text: string, sentence: Sentence, terminology: Terminology, enabled: (ruleId: string) => boolean, traitsOf: TraitsOf, citedNearby: () => boolean): {value: LocalHit[]; cited?: boolean} {
  const matches = terminology.findMatches(sentence.tokens)
  if (matches.length === 0) return {value: []}
  const question = /\?["'”’)\]]*\s*$/.test(text.slice(sentence.offset, sentence.endOffset))
  // Unless patterns are looked for only where an entry that has them was found.
  const cancelled = new Set<Entry>()
  if (matches.some((m) => m.ref.entry.unless?.length && enabled(m.ref.entry.rule))) {
    for (const m of terminology.unlessMatches(sentence.tokens)) cancelled.add(m.ref.entry)
  }
  const cited = matches.some((m) => traitsOf(m.ref.entry.rule)?.excusedByCitation) ? citedNearby() : undefined
  const candidates: LocalHit[] = []
  const seen = new Set<string>()
  for (const {ref, start, end} of matches) {
    const {entry} = ref
    if (cancelled.has(entry) || !enabled(entry.rule)) continue
    const traits = traitsOf(entry.rule)
    const negatable = entry.negatable ?? traits?.negatable ?? true
    if (negatable && isNegated(sentence.tokens, start, end, ownWords(entry), question)) continue
    // A figure is "unsupported" only when nothing nearby says where it comes from.
    if (cited && traits?.excusedByCitation) continue
    const hit = {entry, start: sentence.tokens[start].offset - sentence.offset, end: sentence.tokens[end - 1].endOffset - sentence.offset}
    const id = `${entry.id}@${hit.start}`
    if (seen.has(id)) continue
    seen.add(id)
    candidates.push(hit)
  }
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      familyRank(a.entry) - familyRank(b.entry) ||
      a.start - b.start,
  )
  const taken: LocalHit[] = []
  for (const hit of candidates) {
    if (taken.some((t) => t.start < hit.end && hit.start < t.end)) continue
    taken.push(hit)
  }
  return {value: taken.sort((a, b) => a.start - b.start), cited}
}
