import type {Draft} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'

// What a cited figure looks like in patient text: "(NCI, 2024)", "according to the American
// Cancer Society", a footnote "[1]" or "[^2]", a link, "Source:", "et al.", "published in the annual
// quality report", "we publish our audit results". "According to our records" (or "the records of the
// centre", "the clinic's own records") is the provider's own count, not a source.
const CITATION = /\([^()]*\b(?:19|20)\d\d\b[^()]*\)|\baccording to\b(?!\s+(?:our|my|its|their)\b)(?!\s+the\s+(?:[\w'’]+\s+){0,3}(?:records|files|notes|database|books)\b)(?!\s+the\s+(?:\w+\s+)?(?:data|figures|statistics|results|audit)\s+of\s+(?:the|this|our)\s+(?:centre|center|clinic|hospital|institute|practice|team|unit|department)\b)|\[\^?\d+\]|\]\(|https?:\/\/|\bsources?:|\bet al\.|\bdata from\b|\breported by\b|\bpublished (?:in|by)\b|\bpublish(?:es|ed)? (?:our|its|their|the|all|these|those) (?:\w+ )?(?:audit|results|outcomes|data|figures)\b/i

/** Whether a sentence names a source, kept in its memo (exported for tests that check when it is asked). */
export const CITES = memoSlot<boolean>('whether a sentence names a source')

/** True when the sentence, or the one after it, points to where its figures come from. */
export function hasCitationNearby(draft: Draft, sentence: number): boolean {
  return cites(draft, sentence) || cites(draft, sentence + 1)
}

/** Whether one sentence names a source; kept in its memo, as each sentence is asked twice. */
function cites(draft: Draft, index: number): boolean {
  const s = draft.sentences[index]
  if (!s) return false
  return s.memo.getOr(CITES, () => CITATION.test(draft.text.slice(s.offset, s.endOffset)))
}
