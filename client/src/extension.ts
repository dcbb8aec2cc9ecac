import * as path from 'node:path'
import {workspace, window, type ExtensionContext, type LogOutputChannel} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined
let output: LogOutputChannel | undefined

/** Starts the bundled language server for Markdown and plain-text drafts. */
export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('oncolint', {log: true})
  context.subscriptions.push(output)
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('oncolint.enable')) await (enabled() ? start(context) : stop())
    }),
  )
  if (enabled()) await start(context)
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['file', 'untitled'].flatMap((scheme) => [
      {scheme, language: 'markdown'},
      {scheme, language: 'plaintext'},
    ]),
    outputChannel: output,
    synchronize: {fileEvents: workspace.createFileSystemWatcher('**/.oncolintrc.{json,yaml,yml}')},
  }
  client = new LanguageClient('oncolint', 'oncolint', serverOptions, clientOptions)
  await client.start()
  output?.appendLine('oncolint language server started')
}

async function stop(): Promise<void> {
  const c = client
  client = undefined
  if (c) await c.stop()
}
