/**
 * What the oncolint server and the VS Code client say to each other beyond plain LSP: shared by
 * both sides (types and names only, so the client bundle pulls in no server code).
 */
import type {Range} from 'vscode-languageserver-protocol'

/** Commands the server runs (workspace/executeCommand). Named apart from the client's own
 * commands because vscode-languageclient registers server commands under the same id. */
export const SERVER_COMMANDS = {
  /** [{uri, version?}] -> {applied: number}; sends workspace/applyEdit with the safe fixes. */
  fixAll: 'oncolint.server.fixAll',
  /** [{uri, phrase}] -> {file: string}; adds the phrase to `accept` in the project's .oncolintrc. */
  accept: 'oncolint.server.accept',
} as const

export interface FixAllArgs {
  uri: string
  /** The version the user saw; no edit is sent if the document has moved on. */
  version?: number
}

export interface AcceptArgs {
  uri: string
  phrase: string
}

/** Sent after every lint that is published: what the status bar and the report show. */
export const STATS_NOTIFICATION = 'oncolint/stats'

export interface SectionStats {
  /** Heading text, '' for text before the first heading. */
  title: string
  range: Range
  /** SMOG grade; null when the section has no sentence to measure. */
  smog: number | null
  sentences: number
  words: number
}

export interface HardSentence {
  range: Range
  /** The sentence as written (cut at 300 characters). */
  text: string
  /** Flesch–Kincaid grade of the sentence alone. */
  grade: number
  words: number
}

/** A statistic of the document and what a reader needs to judge it that the text does not give. */
export interface NumberEntry {
  range: Range
  /** The figure as written ("about 12%", "cuts the risk by 50%"). */
  text: string
  /** What it measures: survival, death, risk, relative change, median or survival time, proportion… */
  measure: string
  /** What it lacks: time frame, cancer type, stage, source, absolute numbers, one format…; empty when nothing. */
  lacks: string[]
}

export interface DocumentStats {
  uri: string
  version: number
  targetGrade: number
  /** SMOG grade of the whole document; null with no sentence. */
  smog: number | null
  sentences: number
  words: number
  sections: SectionStats[]
  hardest: HardSentence[]
  /** Findings by severity. */
  counts: {error: number; warning: number; info: number}
  /** Findings by family (accuracy, readability, promotion, oncolint). */
  families: Record<string, number>
  /** The document's statistics, each with what it lacks, in document order. */
  numbers?: NumberEntry[]
}

/** initializationOptions the client sends. */
export interface InitializationOptions {
  /** False in an untrusted workspace: built-in terminology only, no workspace terminology files. */
  trusted?: boolean
}
