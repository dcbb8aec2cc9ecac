import type {Connection, TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {DocumentConfigs} from './document-configs.js'
import type {DocumentLinter} from './linter.js'
import type {LintScheduler} from './scheduler.js'
import type {Workspace} from './workspace.js'

/** The parts of a running server that request handlers use (server.ts makes them). */
export interface ServerContext {
  connection: Connection
  documents: TextDocuments<TextDocument>
  workspace: Workspace
  configs: DocumentConfigs
  linter: DocumentLinter
  scheduler: LintScheduler
}
