/**
 * The contract between the oncolint language server (server/src/lsp) and its VS Code client
 * (client/src): every request and notification beyond plain LSP, as a typed RequestType or
 * NotificationType with its params and result. Both sides import this one module, and it
 * imports nothing of either, so the client bundle pulls in no server code.
 */
import {ExecuteCommandRequest, NotificationType, RequestType, type Command, type ExecuteCommandParams, type Range} from 'vscode-languageserver-protocol'

/** workspace/executeCommand's params for one server command: its name and its one argument. */
export interface CommandParams<Args> extends ExecuteCommandParams {
  arguments: [Args]
}

/**
 * A command the server runs (workspace/executeCommand), typed by its argument and result.
 * Named apart from the client's own commands because vscode-languageclient registers server
 * commands under the same id.
 */
export interface ServerCommand<Args, Result> {
  readonly name: string
  /** workspace/executeCommand typed for this command: `sendRequest(cmd.request, commandParams(cmd, args))`. */
  readonly request: RequestType<CommandParams<Args>, Result, void>
}

const serverCommand = <Args, Result>(name: string): ServerCommand<Args, Result> => ({name, request: new RequestType(ExecuteCommandRequest.method)})

/** The params that run `command` with `args`. */
export const commandParams = <Args>(command: ServerCommand<Args, unknown>, args: Args): CommandParams<Args> => ({command: command.name, arguments: [args]})

/** The LSP Command (in a code action) that has the client run `command` with `args`. */
export const commandCall = <Args>(command: ServerCommand<Args, unknown>, title: string, args: Args): Command => ({
  title,
  command: command.name,
  arguments: [args],
})

export interface FixAllArgs {
  uri: string
  /** The version the user saw; no edit is sent if the document has moved on. */
  version?: number
}

export interface FixAllResult {
  /** How many fixes the client applied (0 when none, or the edit was refused). */
  applied: number
}

export interface AcceptArgs {
  uri: string
  phrase: string
}

export interface AcceptResult {
  /** The .oncolintrc the phrase was written to; null when nothing was written. */
  file: string | null
}

/** Fixes every safe problem of a document: the server sends workspace/applyEdit with the fixes. */
export const FixAllCommand = serverCommand<FixAllArgs, FixAllResult>('oncolint.server.fixAll')

/** Adds a phrase to `accept` in the .oncolintrc that applies to the document. */
export const AcceptCommand = serverCommand<AcceptArgs, AcceptResult>('oncolint.server.accept')

/** Every command the server runs, as it announces them at initialize. */
export const SERVER_COMMANDS: readonly string[] = [FixAllCommand.name, AcceptCommand.name]

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

/** Sent after every lint that is published: what the status bar and the readability report show. */
export const StatsNotification = new NotificationType<DocumentStats>('oncolint/stats')

/** initializationOptions the client sends. */
export interface InitializationOptions {
  /** False in an untrusted workspace: built-in terminology only, no workspace terminology files. */
  trusted?: boolean
}
