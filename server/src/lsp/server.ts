import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {configFor} from '../config/load-config.js'
import {DataFileError, applyFixes, lint, type LintResult} from '../engine/index.js'
import {quickFixes, toDiagnostic} from './convert.js'

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.oncolint`
/** Re-lint after typing stops for this long, so a burst of keystrokes costs one lint. */
const DEBOUNCE_MS = 150

/** Wires the engine to an LSP connection: diagnostics on open/change/save, quick fixes, fix-all. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const timers = new Map<string, NodeJS.Timeout>()
  const results = new Map<string, {version: number; result: LintResult}>()
  let workspaceRoot = process.cwd()

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri
    if (folder?.startsWith('file:')) workspaceRoot = fileURLToPath(folder)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND]},
      },
      serverInfo: {name: 'oncolint'},
    }
  })

  const lintDocument = (doc: TextDocument): LintResult => {
    const cached = results.get(doc.uri)
    if (cached && cached.version === doc.version) return cached.result
    const path = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined
    const {config, terminology} = configFor(path, workspaceRoot)
    const result = lint(doc.getText(), {languageId: doc.languageId === 'plaintext' ? 'plaintext' : 'markdown', config, terminology})
    for (const e of result.ruleErrors) connection.console.error(`rule ${e.ruleId} failed on ${doc.uri}: ${e.message}`)
    results.set(doc.uri, {version: doc.version, result})
    return result
  }

  const validate = (doc: TextDocument): void => {
    try {
      const {findings} = lintDocument(doc)
      void connection.sendDiagnostics({uri: doc.uri, version: doc.version, diagnostics: findings.map((f) => toDiagnostic(doc, f))})
    } catch (e) {
      if (e instanceof DataFileError) connection.window.showErrorMessage(`oncolint: ${e.message}`)
      else connection.console.error(`oncolint failed on ${doc.uri}: ${(e as Error).stack ?? e}`)
    }
  }

  const schedule = (doc: TextDocument, delay: number): void => {
    clearTimeout(timers.get(doc.uri))
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri)
        const current = documents.get(doc.uri)
        if (current) validate(current)
      }, delay),
    )
  }

  documents.onDidOpen((e) => schedule(e.document, 0))
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS))
  documents.onDidSave((e) => schedule(e.document, 0))
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri))
    results.delete(e.document.uri)
    void connection.sendDiagnostics({uri: e.document.uri, diagnostics: []})
  })

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const only = params.context.only
    const actions: CodeAction[] = []
    if (!only || only.some((k) => k === CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) actions.push(...quickFixes(doc, d))
    }
    if (!only || only.some((k) => FIX_ALL_KIND.startsWith(k))) {
      const {findings} = lintDocument(doc)
      const fixed = applyFixes(doc.getText(), findings)
      if (fixed.applied.length) {
        actions.push({
          title: 'Fix all safe oncolint problems',
          kind: FIX_ALL_KIND,
          edit: {changes: {[doc.uri]: fixed.edits.map((e) => ({range: {start: doc.positionAt(e.offset), end: doc.positionAt(e.endOffset)}, newText: e.newText}))}},
        })
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}
