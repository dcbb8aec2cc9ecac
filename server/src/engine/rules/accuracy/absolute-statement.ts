import {phraseRule} from '../phrase-rule.js'

/**
 * accuracy/absolute-statement: Absolute or fatalistic claims ("always fatal", "nothing can be
 * done"); denied or hedged forms pass. Entries: terminology/accuracy-absolute.yaml.
 */
export const absoluteStatement = phraseRule({
  id: 'accuracy/absolute-statement',
  defaultSeverity: 'error',
  description: 'An absolute or fatalistic statement about metastatic cancer that is not true for every patient.',
  data: 'accuracy-absolute.yaml',
  negatable: true,
  // "A parking space is guaranteed for every patient attending radiotherapy" is no claim about care.
  careClaim: true,
})
