import {directivesOf} from '../../analyses/directives.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/** A suppression must say why, so reviewers can judge it (ESLint's eslint-comments/require-description). */
export const unexplainedSuppression: Rule = {
  id: 'oncolint/unexplained-suppression',
  family: 'oncolint',
  defaultSeverity: 'info',
  description: 'An oncolint-disable comment gives no reason after "--".',
  check(ctx) {
    return (
      ctx
        .get(directivesOf)
        // The editor's disable actions insert the placeholder "reason": left as is, it explains nothing.
        .filter((d) => d.kind !== 'enable' && (d.reason === '' || /^reason$/i.test(d.reason)))
        .map(
          (d): RawFinding => ({
            ruleId: this.id,
            message: `oncolint-${d.kind} has no reason: add one after "--", e.g. <!-- oncolint-${d.kind}${d.rules.length ? ` ${d.rules.join(', ')}` : ''} -- quoted from the source -->.`,
            offset: d.offset,
            endOffset: d.endOffset,
            suggestions: [],
          }),
        )
    )
  },
}
