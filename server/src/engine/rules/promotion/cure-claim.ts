import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/cure-claim: Claims to cure or eliminate cancer, presented as certain. Entries:
 * terminology/promotion-cure-claim.yaml.
 */
export const cureClaim = phraseRule({
  id: 'promotion/cure-claim',
  defaultSeverity: 'error',
  description: 'A claim to cure or eliminate cancer, presented as certain.',
  data: 'promotion-cure-claim.yaml',
  negatable: true,
})
