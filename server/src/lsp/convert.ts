import {CodeActionKind, DiagnosticSeverity, TextEdit, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ruleDocUrl, type Finding} from '../engine/index.js'

export const SOURCE = 'oncolint'

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information}

/**
 * What a diagnostic carries beyond LSP's fields, for other LSP clients: the terminology entry
 * and the phrase as written. Only on findings that have them. The suggestions are not repeated
 * here: the server's quick fixes are built from the finding itself (findingFor), no client reads
 * them from the diagnostic, and every diagnostic is re-sent on every lint (hundreds on a long
 * draft) — they were a large part of that message and most of its objects to decode.
 */
export interface DiagnosticData {
  entryId?: string
  actual?: string
}

/** Rule documentation links, one object per rule: building a file URL per finding per lint showed in profiles. */
const docLinks = new Map<string, {href: string}>()
const docLink = (ruleId: string): {href: string} => {
  let link = docLinks.get(ruleId)
  if (!link) docLinks.set(ruleId, (link = {href: ruleDocUrl(ruleId)}))
  return link
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, f.offset, f.endOffset),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: docLink(f.ruleId),
    source: SOURCE,
    message: f.message,
  }
  if (f.entryId !== undefined || f.actual !== undefined) diagnostic.data = {entryId: f.entryId, actual: f.actual} satisfies DiagnosticData
  return diagnostic
}

export const rangeOf = (doc: TextDocument, offset: number, endOffset: number): Range => ({start: doc.positionAt(offset), end: doc.positionAt(endOffset)})

/** What the client can take in a WorkspaceEdit (from its initialize capabilities). */
export interface EditSupport {
  /** Versioned TextDocumentEdits: an edit made for an older version is refused, not misapplied. */
  documentChanges: boolean
  /** Snippet edits (LSP 3.18): the reason placeholder is selected, ready to type over. */
  snippets: boolean
}

/** An edit of one document: versioned where the client takes that, so it never lands on newer text. */
export function documentEdit(doc: TextDocument, edits: TextEdit[], support: EditSupport): WorkspaceEdit {
  if (!support.documentChanges) return {changes: {[doc.uri]: edits}}
  const change: TextDocumentEdit = {textDocument: {uri: doc.uri, version: doc.version}, edits}
  return {documentChanges: [change]}
}

/** One quick fix per suggestion of a finding, the preferred one marked isPreferred. */
export function quickFixes(doc: TextDocument, diagnostic: Diagnostic, finding: Finding, support: EditSupport): CodeAction[] {
  return finding.suggestions.map((s) => ({
    title: s.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: s.preferred === true,
    edit: documentEdit(doc, s.edits.map((e) => TextEdit.replace(rangeOf(doc, e.offset, e.endOffset), e.newText)), support),
  }))
}

const samePosition = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character

/** The finding behind a diagnostic the client sent back, if it is still there in this version. */
export function findingFor(doc: TextDocument, findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE) return undefined
  return findings.find((f) => f.ruleId === d.code && samePosition(doc.positionAt(f.offset), d.range.start) && samePosition(doc.positionAt(f.endOffset), d.range.end))
}
