import {phraseRule} from '../phrase-rule.js'

/**
 * promotion/testimonial: Patient testimonials used as evidence of results. Entries:
 * terminology/promotion-testimonial.yaml.
 */
export const testimonial = phraseRule({
  id: 'promotion/testimonial',
  defaultSeverity: 'warning',
  description: 'Patient testimonials used as evidence of results.',
  data: 'promotion-testimonial.yaml',
  negatable: true,
})
