/**
 * A scripted LSP client for protocol tests: runs the built server (bin/oncolint.js --stdio),
 * answers the requests an editor answers (workspace/configuration, workspace/applyEdit,
 * window/showMessageRequest, client/registerCapability) and records what the server sends.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {DocumentStats} from '../../common/protocol.js'
import {ROOT} from '../helpers.js'

/** What VS Code announces that the server looks at. */
export const VSCODE_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: {dynamicRegistration: true},
    workspaceEdit: {documentChanges: true, snippetEditSupport: true},
  },
} as ClientCapabilities

export interface StartOptions {
  root: string
  capabilities?: ClientCapabilities
  /**
   * Sent as is; `{trusted: true}` when left out, as the VS Code client sends for a trusted
   * workspace (the tests use the workspace's terminology files). `undefined` sends none.
   */
  initializationOptions?: unknown
  /** The `oncolint` settings section answered to workspace/configuration. */
  settings?: Record<string, unknown>
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = []
  readonly stats: DocumentStats[] = []
  readonly messages: ShowMessageParams[] = []
  readonly edits: ApplyWorkspaceEditParams[] = []
  readonly configurationRequests: unknown[] = []
  readonly registrations: unknown[] = []
  settings: Record<string, unknown>
  /** What the server answered to initialize. */
  initializeResult: {capabilities: Record<string, unknown>} = {capabilities: {}}
  private readonly waiters = new Set<() => void>()

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {}
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'oncolint.js'), '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
    const c = new TestClient(child, conn, options)
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => c.record(c.published, p))
    conn.onNotification('oncolint/stats', (p: DocumentStats) => c.record(c.stats, p))
    conn.onNotification('window/showMessage', (p: ShowMessageParams) => c.record(c.messages, p))
    conn.onNotification('window/logMessage', () => undefined)
    conn.onRequest('window/showMessageRequest', (p: ShowMessageParams) => (c.record(c.messages, p), null))
    conn.onRequest('workspace/configuration', (p: {items: Array<{section?: string}>}) => {
      c.record(c.configurationRequests, p)
      return p.items.map((i) => (i.section === 'oncolint' ? c.settings : null))
    })
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => (c.record(c.edits, p), {applied: true}))
    conn.onRequest('client/registerCapability', (p: unknown) => (c.record(c.registrations, p), null))
    conn.listen()
    c.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.root).href,
      workspaceFolders: [{uri: pathToFileURL(options.root).href, name: 'root'}],
      capabilities: options.capabilities ?? {},
      initializationOptions: 'initializationOptions' in options ? options.initializationOptions : {trusted: true},
    })
    await conn.sendNotification('initialized', {})
    return c
  }

  private record<T>(list: T[], item: T): void {
    list.push(item)
    for (const w of [...this.waiters]) w()
  }

  /** Resolves with the first value `probe` returns that is not undefined (checked on every message). */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 40_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = probe()
        if (v === undefined) return
        this.waiters.delete(check)
        clearTimeout(timer)
        resolve(v)
      }
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`timed out waiting for ${what}`))
      }, timeoutMs)
      this.waiters.add(check)
      check()
    })
  }

  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitFor(() => this.published.find((p) => p.uri === uri && p.version === version)?.diagnostics, `diagnostics of ${uri} v${version}`)
  }

  statsOf(uri: string, version: number): Promise<DocumentStats> {
    return this.waitFor(() => this.stats.find((s) => s.uri === uri && s.version === version), `stats of ${uri} v${version}`)
  }

  /** Waits for the next publication for `uri` after the ones seen so far. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    const seen = this.published.length
    return this.waitFor(() => this.published.slice(seen).find((p) => p.uri === uri)?.diagnostics, `next diagnostics of ${uri}`)
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text}]})
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', {textDocument: {uri}})
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown')
    await this.conn.sendNotification('exit')
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve))
    this.conn.dispose()
  }
}

/** Applies LSP text edits (TextEdit or SnippetTextEdit with its placeholders filled) to a text. */
export function applyLspEdits(text: string, edits: Array<{range: Diagnostic['range']; newText?: string; snippet?: {value: string}}>): string {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text)
  return TextDocument.applyEdits(
    doc,
    edits.map((e) => ({range: e.range, newText: e.newText ?? e.snippet!.value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\([$}\\])/g, '$1')})),
  )
}
