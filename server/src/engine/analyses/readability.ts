import {provider} from '../rule-context.js'
import {readability} from '../readability/stats.js'
import {explainedWords} from './jargon.js'

/** The draft's readability figures (document, sections, paragraphs) and each sentence's counts. */
export const readabilityOf = provider('readability figures', (ctx) => readability(ctx.draft, ctx.get(explainedWords)))
