/** What the engine reports; shared by the language server and the CLI. */

export type Family = 'accuracy' | 'readability' | 'promotion'
/** Findings about oncolint's own directives (a suppression with no reason), not about the prose. */
export type RuleGroup = Family | 'oncolint'
export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

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

export interface LintConfig {
  /** Rule id -> severity; unknown ids are a config error caught by the config loader. */
  rules: Record<string, SeveritySetting>
  /** Phrases accepted for this project: never flagged (case-insensitive, whole words). */
  accept: string[]
  /** Reading grade above which readability/grade-level reports. */
  targetGrade: number
  /** Words in a sentence above which readability/long-sentence reports. */
  maxSentenceWords: number
  /** Words in a paragraph above which readability/long-paragraph reports. */
  maxParagraphWords: number
}

export type LanguageId = 'markdown' | 'plaintext'

export interface LintOptions {
  languageId?: LanguageId | string
  config?: Partial<LintConfig>
}
