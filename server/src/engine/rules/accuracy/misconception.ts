import {phraseRule} from '../phrase-rule.js'

/**
 * accuracy/misconception: Myths stated as fact ("a biopsy spreads cancer"); denied, questioned or
 * reported myths pass. Entries: terminology/accuracy-misconceptions.yaml.
 */
export const misconception = phraseRule({
  id: 'accuracy/misconception',
  defaultSeverity: 'error',
  description: 'A common misconception about cancer spread is stated as fact.',
  data: 'accuracy-misconceptions.yaml',
  negatable: true,
})
