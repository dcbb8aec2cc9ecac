import {spawn} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic, type PublishDiagnosticsParams} from 'vscode-languageserver-protocol/node'

/**
 * The least an editor does with a language server: start `command` (its stdio the protocol)
 * in `cwd`, initialize with `cwd` as the workspace, open one document, and return the first
 * diagnostics published for it; then shut the server down.
 */
export async function diagnosticsOf(command: string[], cwd: string, file: string, text: string, env: NodeJS.ProcessEnv = process.env): Promise<Diagnostic[]> {
  const child = spawn(command[0], command.slice(1), {cwd, env, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c))
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited (${code}) before publishing diagnostics: ${stderr}`))))
  exited.catch(() => {})
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const uri = pathToFileURL(file).href
  const published = new Promise<Diagnostic[]>((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) resolve(p.diagnostics)
    })
  })
  conn.onNotification('window/logMessage', () => undefined)
  conn.listen()
  try {
    const root = pathToFileURL(cwd).href
    await Promise.race([conn.sendRequest('initialize', {processId: process.pid, rootUri: root, workspaceFolders: [{uri: root, name: 'docs-repo'}], capabilities: {}}), exited])
    await conn.sendNotification('initialized', {})
    await conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    return await Promise.race([published, exited])
  } finally {
    await conn.sendRequest('shutdown').catch(() => undefined)
    await conn.sendNotification('exit').catch(() => undefined)
    conn.dispose()
    child.kill()
  }
}
