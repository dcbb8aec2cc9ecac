import {phraseRule} from '../phrase-rule.js'

/**
 * accuracy/primary-site-naming: Metastatic cancer named after the organ it spread to ("it becomes
 * bone cancer"). Entries: terminology/accuracy-primary-site.yaml.
 */
export const primarySiteNaming = phraseRule({
  id: 'accuracy/primary-site-naming',
  defaultSeverity: 'error',
  description: 'Metastatic cancer is named after the organ it spread to instead of where it started.',
  data: 'accuracy-primary-site.yaml',
  negatable: true,
})
