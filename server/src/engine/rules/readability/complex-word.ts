import {isExplained} from '../../analyses/explanation.js'
import type {PhraseHit} from '../../analyses/phrase-hits.js'
import type {RawFinding} from '../../rule-context.js'
import {phraseFinding, phraseRule} from '../phrase-rule.js'

/**
 * readability/complex-word: Wordy or hard words with a plain alternative ("utilize" -> "use").
 * Entries: terminology/readability-plain-words.yaml.
 *
 * A word with a safe swap is reported at every use ("fix all" makes them all at once). A word
 * whose swap is a judgement call ("abdomen" -> "belly") is one decision for the whole draft, so
 * it is reported once, at its first use, with the number of uses; and a word paired with its
 * plain word in brackets ("tummy (abdomen)", "abdomen (belly)") is the NHS style guide's way
 * of giving both, and is not reported.
 */
export const complexWord = phraseRule({
  id: 'readability/complex-word',
  defaultSeverity: 'info',
  description: 'A wordy or hard word has a plain alternative.',
  data: 'readability-plain-words.yaml',
  negatable: false,
  check(ctx, hits) {
    const {text} = ctx.draft
    const paired = (h: PhraseHit): boolean => isExplained(text, h.offset, h.endOffset)
    const uses = new Map<string, number>()
    for (const h of hits) if (h.entry.safe !== true && !paired(h)) uses.set(h.entry.id, (uses.get(h.entry.id) ?? 0) + 1)
    const reported = new Set<string>()
    const out: RawFinding[] = []
    for (const hit of hits) {
      if (hit.entry.safe === true) {
        out.push(phraseFinding(ctx, hit))
        continue
      }
      if (reported.has(hit.entry.id) || paired(hit)) continue
      reported.add(hit.entry.id)
      const finding = phraseFinding(ctx, hit)
      const n = uses.get(hit.entry.id) ?? 1
      out.push(n > 1 ? {...finding, message: `${finding.message} (The draft uses it ${n} times; this is the first.)`} : finding)
    }
    return out
  },
})
