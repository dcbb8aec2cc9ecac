import {createHash} from 'node:crypto'
import type {Diagnostic} from 'vscode-languageserver/node'
import type {DocumentStats} from '../../../common/protocol.js'

/** The diagnostics last worked out for a document, and the id a client echoes to ask whether they changed. */
export interface DiagnosticReport {
  version: number
  /** Kept while the set stays the same, whatever lint made it; a new one when it changes. */
  resultId: string
  diagnostics: Diagnostic[]
}

/**
 * Each open document's latest diagnostics, for clients that pull them (LSP 3.17
 * textDocument/diagnostic). A client sends back the result id it holds; when the set is the
 * same, the server answers "unchanged" instead of re-sending hundreds of diagnostics a long
 * draft has. A new set is compared with the one kept, field by field, and keeps its id when
 * they are the same, so an edit that changes no diagnostic (a word replaced on a line without
 * findings after it) keeps it. Comparing costs less than a hash of the set's JSON would:
 * that serialises the whole set, hundreds of KB for a long spun page, on every lint. The stats notification is kept to
 * the same rule for such a client: sent when its figures changed.
 */
export class DiagnosticReports {
  private readonly reports = new Map<string, DiagnosticReport>()
  /** A hash of the stats last sent per document, its version left out. */
  private readonly statsSent = new Map<string, string>()

  /** Keeps the set for the document; true when it differs from the one kept before. */
  record(uri: string, version: number, diagnostics: Diagnostic[]): boolean {
    const previous = this.reports.get(uri)
    const same = previous !== undefined && sameDiagnostics(previous.diagnostics, diagnostics)
    const resultId = same ? previous.resultId : `${++this.made}`
    this.reports.set(uri, {version, resultId, diagnostics})
    return !same
  }

  /** Result ids given so far: each new set gets the next. */
  private made = 0

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

/** Whether two sets hold the same diagnostics in the same order, in every field a client reads. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false
  return true
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  const {start, end} = a.range
  const other = b.range
  if (start.line !== other.start.line || start.character !== other.start.character || end.line !== other.end.line || end.character !== other.end.character) return false
  if (a.message !== b.message || a.severity !== b.severity || a.code !== b.code || a.source !== b.source || a.codeDescription?.href !== b.codeDescription?.href) return false
  // Anything else a diagnostic may carry (data, tags, related information) is compared whole.
  const rest = (d: Diagnostic): string => JSON.stringify([d.data, d.tags, d.relatedInformation])
  return (a.data === undefined && b.data === undefined && a.tags === undefined && b.tags === undefined && a.relatedInformation === undefined && b.relatedInformation === undefined) || rest(a) === rest(b)
}
