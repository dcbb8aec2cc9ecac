import type {Draft} from '../parse/draft.js'
import {provider} from '../rule-context.js'
import {isExplained} from './explanation.js'
import {phraseHits, type PhraseHit} from './phrase-hits.js'

/** The first use of a term the draft can explain (jargon), and whether it is explained there. */
export interface JargonUse {
  hit: PhraseHit
  explained: boolean
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
  for (const hit of hits) {
    if (!explainable(hit.entry.rule) || seen.has(hit.entry.id)) continue
    if (draft.paragraphs[draft.sentences[hit.sentence].paragraph].heading) continue
    seen.add(hit.entry.id)
    out.push({hit, explained: isExplained(draft.text, hit.offset, hit.endOffset)})
  }
  return out
}

function explainedWordOffsets(draft: Draft, hits: readonly PhraseHit[], uses: readonly JargonUse[]): Set<number> {
  const explainedIds = new Set(uses.filter((u) => u.explained).map((u) => u.hit.entry.id))
  const offsets = new Set<number>()
  for (const hit of hits) {
    if (!explainedIds.has(hit.entry.id)) continue
    for (const w of draft.sentences[hit.sentence].words) if (w.offset >= hit.offset && w.offset < hit.endOffset) offsets.add(w.offset)
  }
  return offsets
}
