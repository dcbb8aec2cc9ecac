import {CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit, type Range} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ruleDocUrl, type Finding, type Suggestion} from '../engine/index.js'

export const SOURCE = 'oncolint'

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information}

/** What a diagnostic carries so code actions can be built without linting again. */
export interface DiagnosticData {
  suggestions: Suggestion[]
  entryId?: string
  actual?: string
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const data: DiagnosticData = {suggestions: f.suggestions, entryId: f.entryId, actual: f.actual}
  return {
    range: {start: doc.positionAt(f.offset), end: doc.positionAt(f.endOffset)},
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: {href: ruleDocUrl(f.ruleId)},
    source: SOURCE,
    message: f.message,
    data,
  }
}

const rangeOf = (doc: TextDocument, offset: number, endOffset: number): Range => ({start: doc.positionAt(offset), end: doc.positionAt(endOffset)})

/** One quick fix per suggestion of a diagnostic, the preferred one marked isPreferred. */
export function quickFixes(doc: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined
  if (diagnostic.source !== SOURCE || !data?.suggestions) return []
  return data.suggestions.map((s) => ({
    title: s.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: s.preferred === true,
    edit: {changes: {[doc.uri]: s.edits.map((e) => TextEdit.replace(rangeOf(doc, e.offset, e.endOffset), e.newText))}},
  }))
}
