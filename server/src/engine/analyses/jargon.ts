import {stemmer} from 'stemmer'
import type {Draft, Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import {wordFactsOf} from '../readability/stats.js'
import {familyRoots} from '../readability/word-family.js'
import {latinPhraseEnd, spelledOutBefore, unlistedKind, type UnlistedKind} from '../readability/unlisted-jargon.js'
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
  // Family roots of the terms explained so far: "metastatic" after an explained "metastasis".
  const explainedRoots = new Set<string>()
  const out: JargonUse[] = []
  for (const [k, hit] of hits.entries()) {
    if (!explainable(hit.entry.rule) || seen.has(hit.entry.id)) continue
    if (draft.paragraphs[draft.sentences[hit.sentence].paragraph].heading) continue
    seen.add(hit.entry.id)
    const roots = familyRoots(draft.text.slice(hit.offset, hit.endOffset))
    if (roots.some((r) => explainedRoots.has(r)) || explainedInDraft(draft, hit, usesInNextSentence(hits, k))) {
      for (const r of roots) explainedRoots.add(r)
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

/** The first use of a medical word or abbreviation that no entry lists (readability/unlisted-jargon.ts). */
export interface UnlistedUse extends TermUse {
  kind: UnlistedKind
  explained: boolean
  explainedLater?: number
}

/**
 * The first use in the body of each unlisted medical word or abbreviation (inflections of a
 * word count as one: "carcinogen", "carcinogens"), and whether it is explained there. Words a
 * phrase entry matched are left to that entry.
 */
export const unlistedJargonUses = provider('first uses of unlisted jargon', (ctx) => findUnlistedUses(ctx.draft, ctx.get(phraseHits)))

export function findUnlistedUses(draft: Draft, hits: readonly PhraseHit[]): UnlistedUse[] {
  // Hits by sentence: a draft with thousands of hits and candidates must not compare each with each.
  const covered = new Map<number, Array<readonly [number, number]>>()
  for (const h of hits) {
    const list = covered.get(h.sentence)
    if (list) list.push([h.offset, h.endOffset])
    else covered.set(h.sentence, [[h.offset, h.endOffset]])
  }
  const inHit = (sentence: number, offset: number, endOffset: number): boolean => covered.get(sentence)?.some(([a, b]) => offset < b && endOffset > a) === true
  const uses = new Map<string, TermUse[]>()
  const kinds = new Map<string, UnlistedKind>()
  draft.sentences.forEach((sentence, index) => {
    if (draft.paragraphs[sentence.paragraph].heading) return
    for (const c of candidatesOf(draft.text, sentence)) {
      const offset = sentence.offset + c.start
      const endOffset = sentence.offset + c.end
      if (inHit(index, offset, endOffset)) continue
      let list = uses.get(c.key)
      if (!list) uses.set(c.key, (list = []))
      kinds.set(c.key, c.kind)
      list.push({sentence: index, offset, endOffset})
    }
  })
  // An abbreviation a phrase entry names somewhere ("PET" of "PET scan") is that entry's to judge.
  const named = new Set(hits.flatMap((h) => draft.text.slice(h.offset, h.endOffset).split(/[^A-Za-z0-9&]+/)))
  const out: UnlistedUse[] = []
  for (const [key, list] of uses) {
    const kind = kinds.get(key)!
    const [first] = list
    if (kind === 'abbreviation') {
      const abbreviation = key.slice('abbr:'.length)
      if (named.has(abbreviation) || spelledOutBefore(draft.text, first.offset, abbreviation)) continue
    }
    // The uses in the sentence after use k's (the list is in document order).
    const next = (k: number): TermUse[] => {
      const out: TermUse[] = []
      for (let j = k + 1; j < list.length && list[j].sentence <= list[k].sentence + 1; j++) if (list[j].sentence === list[k].sentence + 1) out.push(list[j])
      return out
    }
    if (explainedInDraft(draft, first, next(0))) {
      out.push({...first, kind, explained: true})
      continue
    }
    const later = list.findIndex((u, k) => k > 0 && explainedInDraft(draft, u, next(k)))
    out.push(later < 0 ? {...first, kind, explained: false} : {...first, kind, explained: false, explainedLater: list[later].offset})
  }
  return out.sort((a, b) => a.offset - b.offset)
}

interface Candidate {
  key: string
  kind: UnlistedKind
  /** Offsets relative to the sentence's start (kept in its memo). */
  start: number
  end: number
}

// Each word starts after a space or a hyphen with a letter or digit, so no two ways split the same words (linear).
const NAME_BEFORE_ABBREVIATION = /^(?:(?:\s+|-)[\p{L}\p{N}][\p{L}\p{N}'’]*){0,3}\s*\(\s*[A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*s?\s*[);,]/u

const CANDIDATES = memoSlot<readonly Candidate[]>('unlisted medical words and abbreviations of a sentence')

/** The sentence's unlisted medical words, abbreviations and Latin phrases; kept in its memo. */
function candidatesOf(text: string, sentence: Sentence): readonly Candidate[] {
  return sentence.memo.getOr(CANDIDATES, () => {
    const {words} = sentence
    const facts = wordFactsOf(sentence)
    const out: Candidate[] = []
    // Capitals everywhere ("STOP", a shouted line) are emphasis, not abbreviations.
    const shouted = words.filter((w) => /^[A-Z0-9-]+$/.test(w.text) && /[A-Z]{2}/.test(w.text)).length * 2 > words.length
    for (let i = 0; i < words.length; i++) {
      const latin = latinPhraseEnd(words, i)
      if (latin > 0) {
        out.push({key: `latin:${words[i].text.toLowerCase()} ${words[i + 1].text.toLowerCase()}`, kind: 'medical word', start: words[i].offset - sentence.offset, end: words[latin - 1].endOffset - sentence.offset})
        i = latin - 1
        continue
      }
      const kind = unlistedKind(words[i], facts[i], i === 0)
      if (!kind || (kind === 'abbreviation' && shouted)) continue
      // A word of a name spelled out before its abbreviation: "acquired immunodeficiency syndrome (AIDS)".
      if (kind === 'medical word' && NAME_BEFORE_ABBREVIATION.test(text.slice(words[i].endOffset, Math.min(sentence.endOffset, words[i].endOffset + 80)))) continue
      const written = words[i].text
      const key = kind === 'abbreviation' ? `abbr:${written.split('-')[0].replace(/s$/, '')}` : `word:${stemmer(written.toLowerCase())}`
      out.push({key, kind, start: words[i].offset - sentence.offset, end: words[i].endOffset - sentence.offset})
    }
    return out
  })
}
