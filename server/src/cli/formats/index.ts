import {formatGithub} from './github.js'
import {formatHtml} from './html.js'
import {jsonOutput} from './json.js'
import {formatJunit} from './junit.js'
import {formatSarif} from './sarif.js'
import {stylishOutput} from './stylish.js'
import type {Formatter} from './types.js'

export const FORMATTERS = {
  stylish: stylishOutput,
  json: jsonOutput,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  html: formatHtml,
} satisfies Record<string, Formatter>

export type Format = keyof typeof FORMATTERS
export const FORMATS = Object.keys(FORMATTERS) as Format[]
