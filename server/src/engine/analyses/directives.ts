import {provider} from '../rule-context.js'
import {parseDirectives} from '../suppress.js'

/** The draft's oncolint-disable/enable comments. */
export const directivesOf = provider('directives', (ctx) => parseDirectives(ctx.draft.comments))
