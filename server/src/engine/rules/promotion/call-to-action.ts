import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/call-to-action: Advertising calls to act. Entries: terminology/promotion-call-to-
 * action.yaml.
 */
export const callToAction = phraseRule({
  id: 'promotion/call-to-action',
  defaultSeverity: 'warning',
  description: 'Advertising calls to act (call now, book today, limited slots).',
  data: 'promotion-call-to-action.yaml',
  negatable: true,
})
