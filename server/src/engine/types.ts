/** What the engine reports; shared by the language server and the CLI. */
import type {LintConfig, Severity} from './config.js'

/** A text replacement by 0-based UTF-16 offsets into the linted source. */
export interface Edit {
  offset: number
  endOffset: number
  newText: string
}

export interface Suggestion {
  title: string
  /** True only when applying it cannot change the meaning; fix-all applies safe ones only. */
  safe: boolean
  /** The preferred suggestion of a finding (editors mark it isPreferred). */
  preferred?: boolean
  edits: Edit[]
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  offset: number
  endOffset: number
  suggestions: Suggestion[]
  /** Terminology entry behind the finding, when a phrase rule reported it. */
  entryId?: string
  /** The flagged text as written. */
  actual?: string
}

export type LanguageId = 'markdown' | 'plaintext'

export interface LintOptions {
  languageId?: LanguageId | string
  config?: Partial<LintConfig>
}
