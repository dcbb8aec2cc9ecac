import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/absolute-claim: Absolute claims about results or safety. Entries:
 * terminology/promotion-absolute-claim.yaml.
 */
export const absoluteClaim = phraseRule({
  id: 'promotion/absolute-claim',
  defaultSeverity: 'error',
  description: 'An absolute claim about results or safety (100% success, no side effects).',
  data: 'promotion-absolute-claim.yaml',
  negatable: true,
})
