import {CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {isPlainText, type Finding} from '../engine/index.js'
import {documentEdit, quickFixes, rangeOf, type EditSupport} from './convert.js'
import {SERVER_COMMANDS, type AcceptArgs} from './protocol.js'
import {addReason, disableFile, disableLine, disableLines, type Insertion} from './suppress-edits.js'

export type {EditSupport} from './convert.js'

function insertionEdit(doc: TextDocument, insertions: Insertion[], support: EditSupport): WorkspaceEdit {
  const edits = insertions.map((i) => ({range: rangeOf(doc, i.offset, i.offset), newText: i.newText}))
  const edit = documentEdit(doc, edits, support)
  if (!support.snippets || !edit.documentChanges) return edit
  // Only the first insertion carries the tab stop: one snippet per action is what editors run.
  const [change] = edit.documentChanges as TextDocumentEdit[]
  change.edits[0] = {range: edits[0].range, snippet: {kind: 'snippet', value: insertions[0].snippet}}
  return edit
}

/**
 * Every action for one diagnostic: its quick fixes, then the ways to silence it (this line, the
 * selected lines, this file) and, for a flagged phrase, accepting it for the whole project.
 */
export function actionsFor(
  doc: TextDocument,
  diagnostic: Diagnostic,
  finding: Finding,
  requested: Range,
  support: EditSupport,
  canAccept: boolean,
): CodeAction[] {
  const actions = quickFixes(doc, diagnostic, finding, support)
  const rule = finding.ruleId
  // A finding about a directive itself is fixed in the directive, not silenced by another one.
  if (rule.startsWith('oncolint/')) {
    const reason = rule === 'oncolint/unexplained-suppression' ? addReason(doc.getText(), finding.offset, finding.endOffset) : undefined
    if (reason) actions.push({kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, title: 'Add a reason to this suppression', edit: insertionEdit(doc, [reason], support)})
    return actions
  }
  const markdown = !isPlainText(doc.languageId)
  const text = doc.getText()
  const base = {kind: CodeActionKind.QuickFix, diagnostics: [diagnostic]}
  actions.push({...base, title: `Disable ${rule} for this line`, edit: insertionEdit(doc, [disableLine(text, finding.offset, rule, markdown)], support)})
  if (requested.end.line > requested.start.line) {
    const start = doc.offsetAt({line: requested.start.line, character: 0})
    const end = doc.offsetAt(requested.end.character === 0 ? {line: requested.end.line - 1, character: 0} : requested.end)
    actions.push({...base, title: `Disable ${rule} for the selected lines`, edit: insertionEdit(doc, disableLines(text, start, end, rule, markdown), support)})
  }
  actions.push({...base, title: `Disable ${rule} for this file`, edit: insertionEdit(doc, [disableFile(text, rule, markdown)], support)})
  if (canAccept && finding.actual && finding.entryId) {
    const args: AcceptArgs = {uri: doc.uri, phrase: finding.actual}
    actions.push({...base, title: `Accept '${finding.actual}' in this workspace`, command: {title: 'Accept phrase', command: SERVER_COMMANDS.accept, arguments: [args]}})
  }
  return actions
}
