import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/unsupported-statistic: Success, cure or survival rates given as a selling point; a
 * figure with a source cited in its sentence or the next is supported. Entries:
 * terminology/promotion-unsupported-statistic.yaml.
 */
export const unsupportedStatistic = phraseRule({
  id: 'promotion/unsupported-statistic',
  defaultSeverity: 'warning',
  description: 'A success, cure or survival rate given as a selling point.',
  data: 'promotion-unsupported-statistic.yaml',
  negatable: true,
  excusedByCitation: true,
  onePerSentence: true,
})
