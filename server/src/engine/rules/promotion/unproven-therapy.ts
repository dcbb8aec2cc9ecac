import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/unproven-therapy: Alternative remedies presented as treating or curing cancer.
 * Entries: terminology/promotion-unproven-therapy.yaml.
 */
export const unprovenTherapy = phraseRule({
  id: 'promotion/unproven-therapy',
  defaultSeverity: 'error',
  description: 'An alternative remedy presented as treating or curing cancer.',
  data: 'promotion-unproven-therapy.yaml',
  negatable: true,
})
