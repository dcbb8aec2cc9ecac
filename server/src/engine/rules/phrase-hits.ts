import type {Draft} from '../parse/draft.js'
import type {Entry} from '../terminology/entry.js'
import type {Terminology} from '../terminology/terminology.js'
import {hasCitationNearby} from './citation.js'
import {isNegated} from './context.js'

/** One terminology phrase found in the draft and kept after its context was checked. */
export interface PhraseHit {
  entry: Entry
  sentence: number
  offset: number
  endOffset: number
}

/** Rules whose phrases a negation or myth cue before them does not excuse, unless an entry says so. */
const NOT_NEGATABLE = new Set(['accuracy/nonstandard-term', 'readability/complex-word', 'readability/undefined-jargon'])

const SOURCED_RULE = 'promotion/unsupported-statistic'

// When phrases of several rules cover the same words, one finding is kept: the longer
// phrase, then the family that matters most to a patient.
const FAMILY_RANK: Record<string, number> = {accuracy: 0, promotion: 1, readability: 2}

/**
 * Runs the terminology matcher once over every sentence, drops matches cancelled by their
 * context (negation, `unless` patterns, disabled rules) and resolves overlaps, so that the
 * same words never carry two phrase findings.
 */
export function findPhraseHits(draft: Draft, terminology: Terminology, enabled: (ruleId: string) => boolean): PhraseHit[] {
  const kept: PhraseHit[] = []
  draft.sentences.forEach((sentence, index) => {
    const matches = terminology.matcher.match(sentence.tokens)
    if (matches.length === 0) return
    const cancelled = new Set<Entry>()
    for (const m of matches) if (m.ref.kind === 'unless') cancelled.add(m.ref.entry)
    const candidates: PhraseHit[] = []
    const seen = new Set<string>()
    for (const {ref, start, end} of matches) {
      const {entry} = ref
      if (ref.kind !== 'find' || cancelled.has(entry) || !enabled(entry.rule)) continue
      const negatable = entry.negatable ?? !NOT_NEGATABLE.has(entry.rule)
      if (negatable && isNegated(sentence.tokens, start, end)) continue
      // A statistic is "unsupported" only when nothing nearby says where it comes from.
      if (entry.rule === SOURCED_RULE && hasCitationNearby(draft, index)) continue
      const offset = sentence.tokens[start].offset
      const endOffset = sentence.tokens[end - 1].endOffset
      const key = `${entry.id}@${offset}`
      if (seen.has(key)) continue
      seen.add(key)
      candidates.push({entry, sentence: index, offset, endOffset})
    }
    candidates.sort(
      (a, b) =>
        b.endOffset - b.offset - (a.endOffset - a.offset) ||
        FAMILY_RANK[a.entry.rule.split('/')[0]] - FAMILY_RANK[b.entry.rule.split('/')[0]] ||
        a.offset - b.offset,
    )
    const taken: PhraseHit[] = []
    for (const hit of candidates) {
      if (taken.some((t) => t.offset < hit.endOffset && hit.offset < t.endOffset)) continue
      taken.push(hit)
    }
    kept.push(...taken.sort((a, b) => a.offset - b.offset))
  })
  return kept
}
