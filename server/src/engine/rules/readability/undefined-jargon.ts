import {jargonUses} from '../../analyses/jargon.js'
import type {RawFinding} from '../../rule-context.js'
import {phraseRule} from '../phrase-rule.js'

/**
 * readability/undefined-jargon: a medical term or acronym used with no plain explanation on its
 * first use. Only the first use of a term is judged; a term the draft explains there (or in the
 * forms analyses/explanation.ts knows) is not reported. Entries: terminology/readability-jargon.yaml.
 */
export const undefinedJargon = phraseRule({
  id: 'readability/undefined-jargon',
  defaultSeverity: 'warning',
  description: 'A medical term or acronym is used without a plain explanation on first use.',
  data: 'readability-jargon.yaml',
  negatable: false,
  explainable: true,
  check(ctx) {
    const out: RawFinding[] = []
    for (const {hit, explained} of ctx.get(jargonUses)) {
      if (explained || hit.entry.rule !== undefinedJargon.id) continue
      const actual = ctx.draft.text.slice(hit.offset, hit.endOffset)
      const {entry} = hit
      out.push({
        ruleId: undefinedJargon.id,
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
})
