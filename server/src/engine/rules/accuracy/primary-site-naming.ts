import {classSpansOf} from '../../analyses/class-spans.js'
import type {PhraseHit} from '../../analyses/phrase-hits.js'
import type {LintContext} from '../../rule-context.js'
import {phraseFinding, phraseRule} from '../phrase-rule.js'

/**
 * accuracy/primary-site-naming: Metastatic cancer named after the organ it spread to ("it becomes
 * bone cancer"). Entries: terminology/accuracy-primary-site.yaml.
 *
 * A name is wrong only when it is the new site's: "Her bowel cancer has spread to her liver, so
 * the liver tumours are treated as bowel cancer" names the cancer where it started, which is
 * right. The data cannot say "the same organ as the one it spread from", so the rule drops a hit
 * whose organ is the organ of a cancer said to have spread in the same sentence (class
 * `spread-from-organ`).
 */
export const primarySiteNaming = phraseRule({
  id: 'accuracy/primary-site-naming',
  defaultSeverity: 'error',
  description: 'Metastatic cancer is named after the organ it spread to instead of where it started.',
  data: 'accuracy-primary-site.yaml',
  negatable: true,
  check: (ctx, hits) => hits.filter((h) => !namesTheOrigin(ctx, h)).map((h) => phraseFinding(ctx, h)),
})

function namesTheOrigin(ctx: LintContext, hit: PhraseHit): boolean {
  const sentence = ctx.draft.sentences[hit.sentence]
  const spans = classSpansOf(sentence, ctx.terminology)
  const origins = spans.spansOf('spread-from-organ')
  if (origins.length === 0) return false
  const tokens = sentence.tokens
  const organs = spans.spansOf('organ')
  const stemsIn = (a: number, b: number): string[] => organs.filter(([c, d]) => c >= a && d <= b).map(([c, d]) => tokens.slice(c, d).map((t) => t.stem).join(' '))
  const originOrgans = new Set(origins.flatMap(([a, b]) => stemsIn(a, b)))
  const inHit = (t: {offset: number; endOffset: number}): boolean => t.offset >= hit.offset && t.endOffset <= hit.endOffset
  const first = tokens.findIndex(inHit)
  if (first < 0) return false
  let last = first
  while (last + 1 < tokens.length && inHit(tokens[last + 1])) last++
  const named = stemsIn(first, last + 1)
  return named.length > 0 && named.every((o) => originOrgans.has(o))
}
