import {phraseRule} from '../phrase-rule.js'

/**
 * readability/complex-word: Wordy or hard words with a plain alternative ("utilize" -> "use").
 * Entries: terminology/readability-plain-words.yaml.
 */
export const complexWord = phraseRule({
  id: 'readability/complex-word',
  defaultSeverity: 'info',
  description: 'A wordy or hard word has a plain alternative.',
  data: 'readability-plain-words.yaml',
  negatable: false,
})
