import {phraseHits} from '../../analyses/phrase-hits.js'
import {spunTerms} from '../../analyses/spun-terms.js'
import type {RawFinding} from '../../rule-context.js'
import {phraseFinding, phraseRule} from '../phrase-rule.js'
import {fitReplacement, withArticle} from '../replacement.js'

/**
 * accuracy/nonstandard-term: spun or garbled terms with the standard term as the fix, from two
 * sources. Entries of terminology/accuracy-nonstandard.yaml name known ones ("branch tumors",
 * "CT filters"); the spun-term detector (analyses/spun-terms.ts) finds any standard term of
 * terminology/standard-terms.yaml with a word swapped for a WordNet synonym ("lymph hubs",
 * "side impacts"). A denial does not excuse a wrong word: "is not a branch tumor" still uses it.
 */
export const nonstandardTerm = phraseRule({
  id: 'accuracy/nonstandard-term',
  defaultSeverity: 'warning',
  description: 'A garbled or non-standard term is used where a standard medical term exists.',
  data: 'accuracy-nonstandard.yaml',
  negatable: false,
  check(ctx, hits) {
    const out: RawFinding[] = hits.map((h) => phraseFinding(ctx, h))
    // A phrase any entry already reports (of this rule or another) is not read again as a swap.
    const taken = ctx.get(phraseHits)
    for (const spun of ctx.get(spunTerms)) {
      if (taken.some((h) => h.offset < spun.endOffset && spun.offset < h.endOffset)) continue
      const actual = ctx.draft.text.slice(spun.offset, spun.endOffset)
      const wording = fitReplacement(spun.term, actual, true)
      out.push({
        ruleId: nonstandardTerm.id,
        message: `'${actual}' reads like '${spun.term}' with a word swapped for a synonym, as article-spinning tools do; patients and doctors say '${spun.term}'. Check the meaning and use the standard term.`,
        offset: spun.offset,
        endOffset: spun.endOffset,
        actual,
        suggestions: [{title: `Replace with '${wording}'`, safe: false, preferred: true, edits: [withArticle(ctx.draft.text, spun.offset, spun.endOffset, wording)]}],
      })
    }
    return out.sort((a, b) => a.offset - b.offset)
  },
})
