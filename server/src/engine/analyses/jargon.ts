import type {Draft} from '../parse/draft.js'
import {provider} from '../rule-context.js'
import {explainedInDraft, type TermUse} from './explanation.js'
import {phraseHits, type PhraseHit} from './phrase-hits.js'

/** The first use of a term the draft can explain (jargon), and whether it is explained there. */
export interface JargonUse {
  hit: PhraseHit
  explained: boolean
  /** When the first use is not explained: where a later use of the term is (the explanation is in the wrong place). */
  explainedLater?: number
}

/**
 * The first use of each explainable term in the body (a heading names a term; the text under
 * it explains it), and whether it is explained there. Later uses are not reported again.
 * Which terms are explainable is the rule's to say (PhraseRuleTraits.explainable).
 */
export const jargonUses = provider('first uses of jargon', (ctx) =>
  firstJargonUses(ctx.draft, ctx.get(phraseHits), (ruleId) => ctx.rulesById.get(ruleId)?.phrase?.explainable === true),
)

/** Word offsets of every use of a term the draft explains: easy words in the second grade figure. */
export const explainedWords = provider('words of explained terms', (ctx) => explainedWordOffsets(ctx.draft, ctx.get(phraseHits), ctx.get(jargonUses)))

export function firstJargonUses(draft: Draft, hits: readonly PhraseHit[], explainable: (ruleId: string) => boolean): JargonUse[] {
  const seen = new Set<string>()
  const out: JargonUse[] = []
  for (const [k, hit] of hits.entries()) {
    if (!explainable(hit.entry.rule) || seen.has(hit.entry.id)) continue
    if (draft.paragraphs[draft.sentences[hit.sentence].paragraph].heading) continue
    seen.add(hit.entry.id)
    if (explainedInDraft(draft, hit, usesInNextSentence(hits, k))) {
      out.push({hit, explained: true})
      continue
    }
    const later = laterExplainedUse(draft, hits, k)
    out.push(later === undefined ? {hit, explained: false} : {hit, explained: false, explainedLater: later})
  }
  return out
}

function explainedWordOffsets(draft: Draft, hits: readonly PhraseHit[], uses: readonly JargonUse[]): Set<number> {
  const explainedIds = new Set(uses.filter((u) => u.explained || u.explainedLater !== undefined).map((u) => u.hit.entry.id))
  const offsets = new Set<number>()
  for (const hit of hits) {
    if (!explainedIds.has(hit.entry.id)) continue
    for (const w of draft.sentences[hit.sentence].words) if (w.offset >= hit.offset && w.offset < hit.endOffset) offsets.add(w.offset)
  }
  return offsets
}

/** The uses of hits[k]'s entry in the sentence after its own (hits are in document order). */
function usesInNextSentence(hits: readonly PhraseHit[], k: number): TermUse[] {
  const {entry, sentence} = hits[k]
  const out: TermUse[] = []
  for (let j = k + 1; j < hits.length && hits[j].sentence <= sentence + 1; j++) if (hits[j].sentence === sentence + 1 && hits[j].entry === entry) out.push(hits[j])
  return out
}

/** Offset of the first use of hits[k]'s entry after it that the draft explains, if any (not in a heading). */
function laterExplainedUse(draft: Draft, hits: readonly PhraseHit[], k: number): number | undefined {
  const {entry} = hits[k]
  for (let j = k + 1; j < hits.length; j++) {
    const hit = hits[j]
    if (hit.entry !== entry || draft.paragraphs[draft.sentences[hit.sentence].paragraph].heading) continue
    if (explainedInDraft(draft, hit, usesInNextSentence(hits, j))) return hit.offset
  }
  return undefined
}
