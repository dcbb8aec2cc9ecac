import {phraseRule} from '../phrase-rule.js'

/** promotion/hype: Words that oversell a treatment. Entries: terminology/promotion-hype.yaml. */
export const hype = phraseRule({
  id: 'promotion/hype',
  defaultSeverity: 'warning',
  description: 'Hype words that oversell a treatment (miracle, breakthrough, cutting-edge).',
  data: 'promotion-hype.yaml',
  negatable: true,
  praise: true,
})
