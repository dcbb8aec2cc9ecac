import {CodeActionKind, DiagnosticSeverity, TextEdit, type CodeAction, type Diagnostic, type Range} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ruleDocUrl, type Finding, type Suggestion} from '../engine/index.js'

export const SOURCE = 'oncolint'

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information}

/** What a diagnostic carries, for other LSP clients and for matching it back to its finding. */
export interface DiagnosticData {
  suggestions: Suggestion[]
  entryId?: string
  actual?: string
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const data: DiagnosticData = {suggestions: f.suggestions, entryId: f.entryId, actual: f.actual}
  return {
    range: rangeOf(doc, f.offset, f.endOffset),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: {href: ruleDocUrl(f.ruleId)},
    source: SOURCE,
    message: f.message,
    data,
  }
}

export const rangeOf = (doc: TextDocument, offset: number, endOffset: number): Range => ({start: doc.positionAt(offset), end: doc.positionAt(endOffset)})

/** One quick fix per suggestion of a finding, the preferred one marked isPreferred. */
export function quickFixes(doc: TextDocument, diagnostic: Diagnostic, finding: Finding): CodeAction[] {
  return finding.suggestions.map((s) => ({
    title: s.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: s.preferred === true,
    edit: {changes: {[doc.uri]: s.edits.map((e) => TextEdit.replace(rangeOf(doc, e.offset, e.endOffset), e.newText))}},
  }))
}

const samePosition = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character

/** The finding behind a diagnostic the client sent back, if it is still there in this version. */
export function findingFor(doc: TextDocument, findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE) return undefined
  return findings.find((f) => f.ruleId === d.code && samePosition(doc.positionAt(f.offset), d.range.start) && samePosition(doc.positionAt(f.endOffset), d.range.end))
}
