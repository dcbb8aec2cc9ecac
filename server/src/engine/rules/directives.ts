// registry.js lists these rules and they look rule ids up in it: the cycle is safe because
// the lookup happens only when a rule runs, never while modules load.
import {RULES_BY_ID} from './registry.js'
import type {RawFinding, Rule} from './rule.js'

const FAMILIES = new Set(['accuracy', 'readability', 'promotion', 'oncolint'])

/** A suppression must say why, so reviewers can judge it (ESLint's eslint-comments/require-description). */
export const unexplainedSuppression: Rule = {
  id: 'oncolint/unexplained-suppression',
  family: 'oncolint',
  defaultSeverity: 'info',
  description: 'An oncolint-disable comment gives no reason after "--".',
  check({directives}) {
    return directives
      // The editor's disable actions insert the placeholder "reason": left as is, it explains nothing.
      .filter((d) => d.kind !== 'enable' && (d.reason === '' || /^reason$/i.test(d.reason)))
      .map((d): RawFinding => ({
        ruleId: this.id,
        message: `oncolint-${d.kind} has no reason: add one after "--", e.g. <!-- oncolint-${d.kind}${d.rules.length ? ` ${d.rules.join(', ')}` : ''} -- quoted from the source -->.`,
        offset: d.offset,
        endOffset: d.endOffset,
        suggestions: [],
      }))
  },
}

/** A directive naming a rule that does not exist silences nothing: say so. */
export const unknownRuleInDirective: Rule = {
  id: 'oncolint/unknown-rule',
  family: 'oncolint',
  defaultSeverity: 'warning',
  description: 'An oncolint-disable/enable comment names a rule or family that does not exist.',
  check({directives}) {
    const out: RawFinding[] = []
    for (const d of directives) {
      for (const name of d.rules) {
        if (RULES_BY_ID.has(name) || FAMILIES.has(name)) continue
        out.push({ruleId: this.id, message: `Unknown rule '${name}' in oncolint-${d.kind} (see oncolint --list-rules).`, offset: d.offset, endOffset: d.endOffset, suggestions: []})
      }
    }
    return out
  },
}
