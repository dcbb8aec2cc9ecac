import {LSPErrorCodes, ResponseError, type CancellationToken, type DocumentDiagnosticParams, type DocumentDiagnosticReport} from 'vscode-languageserver/node'
import type {ServerContext} from '../context.js'

/**
 * textDocument/diagnostic: the document's diagnostics once its waiting lint (typing debounce,
 * save, open) is done, or "unchanged" when they are the set the client holds (its
 * previousResultId). Lints stay where the scheduler puts them, so a pull while typing costs no
 * lint of its own and `oncolint.run: onSave` still lints only on save.
 */
export async function pullDiagnostics(
  {scheduler}: ServerContext,
  params: DocumentDiagnosticParams,
  token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  const report = await scheduler.reportFor(params.textDocument.uri, token)
  // The client cancels a pull when the document changes again; it pulls anew after.
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the document changed')
  if (!report) return {kind: 'full', items: []}
  if (params.previousResultId === report.resultId) return {kind: 'unchanged', resultId: report.resultId}
  return {kind: 'full', resultId: report.resultId, items: report.diagnostics}
}
