import {createHash} from 'node:crypto'
import type {Diagnostic} from 'vscode-languageserver/node'
import type {DocumentStats} from '../../../common/protocol.js'

/** The diagnostics last worked out for a document, and the id a client echoes to ask whether they changed. */
export interface DiagnosticReport {
  version: number
  /** Derived from the diagnostics themselves: the same set gets the same id, whatever lint made it. */
  resultId: string
  diagnostics: Diagnostic[]
}

/**
 * Each open document's latest diagnostics, for clients that pull them (LSP 3.17
 * textDocument/diagnostic). A client sends back the result id it holds; when the set is the
 * same, the server answers "unchanged" instead of re-sending hundreds of diagnostics a long
 * draft has. The id is a hash of the set, so an edit that changes no diagnostic (a word
 * replaced on a line without findings after it) keeps it. The stats notification is kept to
 * the same rule for such a client: sent when its figures changed.
 */
export class DiagnosticReports {
  private readonly reports = new Map<string, DiagnosticReport>()
  /** A hash of the stats last sent per document, its version left out. */
  private readonly statsSent = new Map<string, string>()

  /** Keeps the set for the document; true when it differs from the one kept before. */
  record(uri: string, version: number, diagnostics: Diagnostic[]): boolean {
    const resultId = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url')
    const previous = this.reports.get(uri)
    this.reports.set(uri, {version, resultId, diagnostics})
    return previous?.resultId !== resultId
  }

  /**
   * Whether the status-bar figures of a lint differ from those last sent for the document (its
   * version aside): a draft with many figures lists each in them, and an edit rarely changes one.
   */
  statsChanged(stats: DocumentStats): boolean {
    const hash = createHash('sha1')
      .update(JSON.stringify({...stats, version: 0}))
      .digest('base64url')
    if (this.statsSent.get(stats.uri) === hash) return false
    this.statsSent.set(stats.uri, hash)
    return true
  }

  get(uri: string): DiagnosticReport | undefined {
    return this.reports.get(uri)
  }

  forget(uri: string): void {
    this.reports.delete(uri)
    this.statsSent.delete(uri)
  }
}
