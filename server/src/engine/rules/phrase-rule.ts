import type {Family, Severity, Suggestion} from '../types.js'
import {fitReplacement, removal, withArticle, writtenInPatterns} from './replacement.js'
import type {Entry} from '../terminology/entry.js'
import type {PhraseHit} from './phrase-hits.js'
import type {RawFinding, Rule, RuleContext} from './rule.js'

/** The finding for one terminology phrase: its message and its preferred wordings as fixes. */
export function phraseFinding(ctx: RuleContext, hit: PhraseHit): RawFinding {
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
    const last = actual.match(/[\p{L}']+$/u)?.[0] ?? ''
    const inflected = !writtenInPatterns(last, entry.find)
    fitted = (entry.prefer ?? []).map((wording) => (wording === '' ? '' : fitReplacement(wording, actual, inflected)))
    // Bounded: a pasted dump must not grow it without end.
    if (byActual.size > 1_000) byActual.clear()
    byActual.set(actual, fitted)
  }
  return fitted
}

/** A rule that is nothing but a list of phrases in terminology/: it reports its entries' hits. */
export function phraseRule(id: string, defaultSeverity: Severity, description: string): Rule {
  return {
    id,
    family: id.split('/')[0] as Family,
    defaultSeverity,
    description,
    check: (ctx) => ctx.hits.filter((h) => h.entry.rule === id).map((h) => phraseFinding(ctx, h)),
  }
}
