import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {SERVER_COMMANDS} from '../../../common/protocol.js'
import {warmUp} from './warm-up.js'
import {ConfigProblems} from './config-problems.js'
import type {ServerContext} from './context.js'
import {DocumentConfigs} from './document-configs.js'
import {codeActions} from './handlers/code-actions.js'
import {executeCommand} from './handlers/commands.js'
import {FIX_ALL_KIND} from './handlers/fix-all.js'
import {hover} from './handlers/hover.js'
import {pullDiagnostics} from './handlers/pull-diagnostics.js'
import {DocumentLinter} from './linter.js'
import {DEBOUNCE_MS, LintScheduler} from './scheduler.js'
import {Workspace} from './workspace.js'

/**
 * Wires the engine to an LSP connection. A keystroke's path: didChange (watchDocuments) →
 * LintScheduler.schedule (debounced) → DocumentLinter.lint (config from DocumentConfigs) →
 * diagnostics and the stats notification (handlers/stats.ts) → the client. Requests between
 * lints (code actions, hover, commands) read the kept lint of the current version.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const workspace = new Workspace()
  const configs = new DocumentConfigs(connection, workspace, new ConfigProblems(connection))
  const linter = new DocumentLinter(connection.console, configs)
  const scheduler = new LintScheduler(connection, documents, configs, linter)
  const ctx: ServerContext = {connection, documents, workspace, configs, linter, scheduler}

  connection.onInitialize((params) => initialize(ctx, params))
  connection.onInitialized(() => {
    if (workspace.canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'oncolint'})
    // Load the terminology and warm the engine up while the editor is still opening documents, not on the first lint.
    void warmUp(() => documents.all().length > 0)
  })
  watchDocuments(ctx)
  connection.onDidChangeConfiguration(async () => {
    if (await configs.reloadSettings(documents.all().map((d) => d.uri))) scheduler.relintAll()
  })
  // The client watches .oncolintrc.* and YAML files (terminology): any change may matter.
  connection.onDidChangeWatchedFiles(() => scheduler.relintAll())
  connection.onCodeAction((params) => codeActions(ctx, params))
  connection.onExecuteCommand((params) => executeCommand(ctx, params))
  connection.onHover((params) => hover(ctx, params))
  connection.languages.diagnostics.on((params, token) => pullDiagnostics(ctx, params, token))

  documents.listen(connection)
  connection.listen()
}

/** initialize: takes in the workspace and what the client can do, and says what the server does. */
function initialize({workspace, scheduler}: ServerContext, params: InitializeParams): InitializeResult {
  workspace.initialize(params)
  // A client that pulls diagnostics (VS Code does) asks for them with the result id it holds,
  // and gets "unchanged" instead of the whole set again when an edit changed none of them.
  scheduler.pull = params.capabilities.textDocument?.diagnostic !== undefined
  scheduler.canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true
  return {
    capabilities: {
      ...(scheduler.pull ? {diagnosticProvider: {identifier: 'oncolint', interFileDependencies: false, workspaceDiagnostics: false}} : {}),
      textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false},
      hoverProvider: true,
      executeCommandProvider: {commands: [...SERVER_COMMANDS]},
    },
    serverInfo: {name: 'oncolint'},
  }
}

/** Lints a document when it is opened or saved, and after typing stops (oncolint.run onType); forgets it when closed. */
function watchDocuments({connection, documents, configs, linter, scheduler}: ServerContext): void {
  const justOpened = new Set<string>()
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri)
    scheduler.schedule(e.document.uri, 0)
  })
  documents.onDidChangeContent((e) => {
    // onDidChangeContent also fires on open; the open handler has scheduled that lint.
    if (justOpened.delete(e.document.uri)) return
    linter.markEdited(e.document.uri)
    void configs.settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType' && documents.get(e.document.uri)) scheduler.schedule(e.document.uri, DEBOUNCE_MS)
    })
  })
  documents.onDidSave((e) => {
    configs.forgetConfig(e.document.uri)
    scheduler.schedule(e.document.uri, 0)
  })
  documents.onDidClose((e) => {
    const {uri} = e.document
    scheduler.forget(uri)
    justOpened.delete(uri)
    linter.forget(uri)
    configs.forget(uri)
    // A pulling client drops a closed document's diagnostics itself.
    if (!scheduler.pull) void connection.sendDiagnostics({uri, diagnostics: []})
  })
}
