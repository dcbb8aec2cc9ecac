import type {LintedFile} from '../report.js'
import {formatGithub} from './github.js'
import {formatHtml} from './html.js'
import {formatJson} from './json.js'
import {formatJunit} from './junit.js'
import {formatSarif} from './sarif.js'
import {formatStylish} from './stylish.js'

export interface FormatContext {
  /** Paths in reports are shown relative to it. */
  cwd: string
  color: boolean
  /** oncolint's version, for SARIF's tool.driver and the HTML page. */
  version: string
}

export type Formatter = (files: readonly LintedFile[], ctx: FormatContext) => string

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  html: formatHtml,
} satisfies Record<string, Formatter>

export type Format = keyof typeof FORMATTERS
export const FORMATS = Object.keys(FORMATTERS) as Format[]
