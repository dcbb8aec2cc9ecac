import type {Draft} from '../parse/draft.js'
import {isExplained} from '../readability/explanation.js'
import type {PhraseHit} from './phrase-hits.js'
import type {RawFinding, Rule} from './rule.js'

export const JARGON_RULE = 'readability/undefined-jargon'

export interface JargonUse {
  hit: PhraseHit
  explained: boolean
}

/**
 * The first use of each jargon term in the body (a heading names a term; the text under it
 * explains it), and whether it is explained there. Later uses are not reported again.
 */
export function firstJargonUses(draft: Draft, hits: readonly PhraseHit[]): JargonUse[] {
  const seen = new Set<string>()
  const out: JargonUse[] = []
  for (const hit of hits) {
    if (hit.entry.rule !== JARGON_RULE || seen.has(hit.entry.id)) continue
    if (draft.paragraphs[draft.sentences[hit.sentence].paragraph].heading) continue
    seen.add(hit.entry.id)
    out.push({hit, explained: isExplained(draft.text, hit.offset, hit.endOffset)})
  }
  return out
}

/** Word offsets of every use of a term the draft explains: easy words in the second grade figure. */
export function explainedWordOffsets(draft: Draft, hits: readonly PhraseHit[], uses: readonly JargonUse[]): Set<number> {
  const explainedIds = new Set(uses.filter((u) => u.explained).map((u) => u.hit.entry.id))
  const offsets = new Set<number>()
  for (const hit of hits) {
    if (!explainedIds.has(hit.entry.id)) continue
    for (const w of draft.sentences[hit.sentence].words) if (w.offset >= hit.offset && w.offset < hit.endOffset) offsets.add(w.offset)
  }
  return offsets
}

export {isExplained}

export const undefinedJargon: Rule = {
  id: JARGON_RULE,
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A medical term or acronym is used without a plain explanation on first use.',
  check({draft, jargonUses}) {
    const out: RawFinding[] = []
    for (const {hit, explained} of jargonUses) {
      if (explained) continue
      const actual = draft.text.slice(hit.offset, hit.endOffset)
      const {entry} = hit
      out.push({
        ruleId: JARGON_RULE,
        message: entry.message,
        offset: hit.offset,
        endOffset: hit.endOffset,
        entryId: entry.id,
        actual,
        suggestions: entry.explain
          ? [{title: `Explain '${actual}': insert ${entry.explain}`, safe: false, preferred: true, edits: [{offset: hit.endOffset, endOffset: hit.endOffset, newText: ` ${entry.explain}`}]}]
          : [],
      })
    }
    return out
  },
}
