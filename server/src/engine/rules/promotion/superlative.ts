import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/superlative: Superlatives and rankings about a provider or treatment. Entries:
 * terminology/promotion-superlative.yaml.
 */
export const superlative = phraseRule({
  id: 'promotion/superlative',
  defaultSeverity: 'warning',
  description: 'A superlative about a hospital, doctor or treatment (best, No. 1, leading).',
  data: 'promotion-superlative.yaml',
  negatable: true,
  praise: true,
})
