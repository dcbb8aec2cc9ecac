import * as path from 'node:path'
import {commands, window, workspace, type ExtensionContext, type LogOutputChannel} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'
import type {Range as LspRange} from 'vscode-languageserver-protocol'
import {FixAllCommand, StatsNotification, commandParams, type DocumentStats, type FixAllArgs, type InitializationOptions} from '../../common/protocol.js'
import {createConfiguration} from './create-config.js'
import {draftEditor} from './draft-editor.js'
import {ReportPanel} from './report-panel.js'
import {openSampleDraft} from './sample-draft.js'
import {GradeStatusBar, LANGUAGES} from './status-bar.js'
import {StatsStore} from './stats-store.js'

let client: LanguageClient | undefined
let output: LogOutputChannel | undefined
const store = new StatsStore()

/** What the extension returns from activate(): read by the real-VS-Code tests. */
export interface OncolintApi {
  /** The status bar item as the user sees it. */
  statusBar(): {text: string; tooltip: string; command: string | undefined; visible: boolean}
  /** The latest stats the server sent for a document. */
  stats(uri: string): DocumentStats | undefined
  /** The readability report: whether it is open, the document it follows, its content, and
   * what the page last drew (sections and sentences counted in the webview itself). */
  report(): {open: boolean; uri?: string; body: string; rendered?: {sections: number; sentences: number}}
  /** Does what a click on a sentence or section of the report does. */
  revealFromReport(range: LspRange): Promise<void>
  /** The language server's process id, so a test can kill it and watch the client restart it. */
  serverPid(): number | undefined
}

/** Starts the bundled language server for Markdown and plain-text drafts. */
export async function activate(context: ExtensionContext): Promise<OncolintApi> {
  output = window.createOutputChannel('oncolint', {log: true})
  const statusBar = new GradeStatusBar(store)
  const report = new ReportPanel(store)
  context.subscriptions.push(output, statusBar, report, store)
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('oncolint.enable')) await (enabled() ? start(context) : stop())
    }),
    // Trust changes what the server may read (workspace terminology files): start it again.
    workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return
      await stop()
      await start(context)
    }),
    workspace.onDidCloseTextDocument((doc) => store.delete(doc.uri.toString())),
    commands.registerCommand('oncolint.fixAll', () => fixAll()),
    commands.registerCommand('oncolint.showReport', () => report.show(draftEditor() ?? window.activeTextEditor)),
    commands.registerCommand('oncolint.createConfiguration', () => createConfiguration()),
    commands.registerCommand('oncolint.openSample', () => openSampleDraft(context)),
  )
  if (enabled()) await start(context)
  return {
    statusBar: () => ({
      text: statusBar.item.text,
      tooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : (statusBar.item.tooltip?.value ?? ''),
      command: typeof statusBar.item.command === 'string' ? statusBar.item.command : statusBar.item.command?.command,
      visible: statusVisible(),
    }),
    stats: (uri) => store.get(uri),
    report: () => report.state,
    revealFromReport: (range) => report.handleMessage({type: 'reveal', range}),
    serverPid: () => client?.serverProcess?.pid,
  }
}

// StatusBarItem has no "visible" property: it is shown exactly when this holds (see GradeStatusBar.update).
function statusVisible(): boolean {
  const editor = window.activeTextEditor
  return !!editor && LANGUAGES.has(editor.document.languageId) && store.get(editor.document.uri.toString()) !== undefined
}

export async function deactivate(): Promise<void> {
  await stop()
}

const enabled = (): boolean => workspace.getConfiguration('oncolint').get<boolean>('enable', true)

async function start(context: ExtensionContext): Promise<void> {
  if (client) return
  const module = context.asAbsolutePath(path.join('dist', 'server.js'))
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6010']}},
  }
  const initializationOptions: InitializationOptions = {trusted: workspace.isTrusted}
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['file', 'untitled'].flatMap((scheme) => [
      {scheme, language: 'markdown'},
      {scheme, language: 'plaintext'},
    ]),
    outputChannel: output,
    initializationOptions,
    // .oncolintrc.* and terminology files (YAML) the config names: a change re-lints open drafts.
    synchronize: {fileEvents: [workspace.createFileSystemWatcher('**/.oncolintrc.{json,yaml,yml}'), workspace.createFileSystemWatcher('**/*.{yaml,yml}')]},
  }
  // The id 'oncolint' makes vscode-languageclient honour the oncolint.trace.server setting.
  const c = new LanguageClient('oncolint', 'oncolint', serverOptions, clientOptions)
  client = c
  c.onNotification(StatsNotification, (stats) => {
    store.set(c.protocol2CodeConverter.asUri(stats.uri).toString(), stats)
  })
  await c.start()
  output?.appendLine(`oncolint language server started${workspace.isTrusted ? '' : ' (untrusted workspace: built-in terminology only)'}`)
}

async function stop(): Promise<void> {
  const c = client
  client = undefined
  store.clear()
  if (c) await c.stop()
}

/** "oncolint: Fix all safe problems": the server computes the edits and applies them. */
async function fixAll(): Promise<number> {
  const editor = draftEditor()
  if (!editor) {
    void window.showInformationMessage('oncolint: open a Markdown or plain-text draft to fix.')
    return 0
  }
  if (!client) {
    void window.showWarningMessage('oncolint is disabled (oncolint.enable).')
    return 0
  }
  const args: FixAllArgs = {uri: client.code2ProtocolConverter.asUri(editor.document.uri), version: editor.document.version}
  const {applied} = await client.sendRequest(FixAllCommand.request, commandParams(FixAllCommand, args))
  window.setStatusBarMessage(applied ? `oncolint: fixed ${applied} problem${applied === 1 ? '' : 's'}` : 'oncolint: no safe fixes to apply', 4000)
  return applied
}
