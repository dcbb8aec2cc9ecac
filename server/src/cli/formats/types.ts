import type {Output} from '../output.js'
import type {ReportedFile} from '../report.js'

export interface FormatContext {
  /** Paths in reports are shown relative to it. */
  cwd: string
  color: boolean
  /** oncolint's version, for SARIF's tool.driver and the HTML page. */
  version: string
}

/** Writes a run's report: text, or text with stored parts of the cache file spliced in (Output). */
export type Formatter = (files: readonly ReportedFile[], ctx: FormatContext) => Output
