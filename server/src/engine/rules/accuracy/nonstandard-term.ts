import {phraseRule} from '../phrase-rule.js'

/**
 * accuracy/nonstandard-term: Spun or garbled terms ("branch tumors", "CT filters") with the
 * standard term as the fix. A denial does not excuse a wrong word: "is not a branch tumor" still
 * uses it. Entries: terminology/accuracy-nonstandard.yaml.
 */
export const nonstandardTerm = phraseRule({
  id: 'accuracy/nonstandard-term',
  defaultSeverity: 'warning',
  description: 'A garbled or non-standard term is used where a standard medical term exists.',
  data: 'accuracy-nonstandard.yaml',
  negatable: false,
})
