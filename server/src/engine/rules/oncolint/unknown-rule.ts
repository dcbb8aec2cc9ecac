import {directivesOf} from '../../analyses/directives.js'
import {isRuleGroup} from '../../config.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/** A directive naming a rule that does not exist silences nothing: say so. */
export const unknownRuleInDirective: Rule = {
  id: 'oncolint/unknown-rule',
  family: 'oncolint',
  defaultSeverity: 'warning',
  description: 'An oncolint-disable/enable comment names a rule or family that does not exist.',
  check(ctx) {
    const out: RawFinding[] = []
    for (const d of ctx.get(directivesOf)) {
      for (const name of d.rules) {
        if (ctx.rulesById.has(name) || isRuleGroup(name)) continue
        out.push({ruleId: this.id, message: `Unknown rule '${name}' in oncolint-${d.kind} (see oncolint --list-rules).`, offset: d.offset, endOffset: d.endOffset, suggestions: []})
      }
    }
    return out
  },
}
