import {phraseHits, type PhraseHit} from '../analyses/phrase-hits.js'
import type {Severity} from '../config.js'
import {familyOf, type LintContext, type PhraseRuleTraits, type RawFinding, type Rule} from '../rule-context.js'
import type {Entry} from '../terminology/entry.js'
import type {Suggestion} from '../types.js'
import {fitReplacement, lastWord, removal, withArticle, writtenInPatterns} from './replacement.js'

/** The finding for one terminology phrase: its message and its preferred wordings as fixes. */
export function phraseFinding(ctx: LintContext, hit: PhraseHit): RawFinding {
  const {entry} = hit
  const actual = ctx.draft.text.slice(hit.offset, hit.endOffset)
  const fitted = wordingsFor(entry, actual)
  const suggestions: Suggestion[] = fitted.flatMap((newText, i) => {
    // A removal that would leave a sentence without its predicate is not offered.
    const edit = newText === '' ? removal(ctx.draft.text, hit.offset, hit.endOffset) : withArticle(ctx.draft.text, hit.offset, hit.endOffset, newText)
    return edit ? [{title: newText === '' ? `Remove '${actual}'` : `Replace with '${newText}'`, safe: i === 0 && entry.safe === true, preferred: i === 0, edits: [edit]}] : []
  })
  return {ruleId: entry.rule, message: entry.message, offset: hit.offset, endOffset: hit.endOffset, suggestions, entryId: entry.id, actual}
}

const fittedWordings = new WeakMap<Entry, Map<string, string[]>>()

/**
 * The entry's preferred wordings fitted to the words they replace (capitals, plural): the same
 * for every use of those words, so worked out once, not at every lint of every edit.
 */
function wordingsFor(entry: Entry, actual: string): string[] {
  let byActual = fittedWordings.get(entry)
  if (!byActual) fittedWordings.set(entry, (byActual = new Map()))
  let fitted = byActual.get(actual)
  if (!fitted) {
    const last = lastWord(actual)
    const inflected = !writtenInPatterns(last, entry.find)
    fitted = (entry.prefer ?? []).map((wording) => (wording === '' ? '' : fitReplacement(wording, actual, inflected)))
    // Bounded: a pasted dump must not grow it without end.
    if (byActual.size > 1_000) byActual.clear()
    byActual.set(actual, fitted)
  }
  return fitted
}

/** What a phrase rule says of itself: its metadata and how its entries are matched. */
export interface PhraseRuleSpec {
  id: string
  defaultSeverity: Severity
  description: string
  /** Its built-in entries' file, terminology/<data>. */
  data: string
  /** Whether a negation, question or myth cue cancels a match (an entry's own `negatable` wins). */
  negatable: boolean
  /** Whether a source cited in the sentence or the next excuses a match. */
  excusedByCitation?: boolean
  /** Whether the draft can explain its terms (only an unexplained first use is reported). */
  explainable?: boolean
  /** Whether its claims are about care (analyses/claim-subject.ts); by default, a promotion rule's are. */
  careClaim?: boolean
  /** Whether its words are praise a business may carry in its name ("Cutting Edge Landscapes"); a remedy's name ("Cancer Herb Tea") is a claim itself. */
  praise?: boolean
  /**
   * Whether a sentence is one problem however many of its phrases match: a figure claim
   * ("Our survival rate for stage 4 is 90%" matches as the metric and as the figure) is reported
   * once, on its first phrase.
   */
  onePerSentence?: boolean
  /** Findings from the rule's hits; by default one per hit, with the entry's message and fixes. */
  check?: (ctx: LintContext, hits: readonly PhraseHit[]) => RawFinding[]
}

/** A rule whose phrases are terminology entries: it reports its entries' hits. */
export function phraseRule(spec: PhraseRuleSpec): Rule {
  const phrase: PhraseRuleTraits = {data: spec.data, negatable: spec.negatable, excusedByCitation: spec.excusedByCitation ?? false, explainable: spec.explainable ?? false, careClaim: spec.careClaim ?? familyOf(spec.id) === 'promotion', praise: spec.praise ?? false}
  const {id} = spec
  const report = spec.check ?? ((ctx: LintContext, hits: readonly PhraseHit[]) => hits.map((h) => phraseFinding(ctx, h)))
  const once = (hits: readonly PhraseHit[]): readonly PhraseHit[] => (spec.onePerSentence ? hits.filter((h, i) => i === 0 || hits[i - 1].sentence !== h.sentence) : hits)
  return {
    id,
    family: familyOf(id),
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    phrase,
    check: (ctx) => report(ctx, once(ctx.get(phraseHits).filter((h) => h.entry.rule === id))),
  }
}
