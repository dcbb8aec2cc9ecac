import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {AcceptCommand, commandCall} from '../../../../common/protocol.js'
import {isPlainText, type Finding} from '../../engine/index.js'
import type {ServerContext} from '../context.js'
import {SOURCE, documentEdit, findingFor, quickFixes, rangeOf, type EditSupport} from '../convert.js'
import {addReason, disableFile, disableLine, disableLines, type Insertion} from '../suppress-edits.js'
import {FIX_ALL_KIND, fixAllEdit} from './fix-all.js'

/** Does a requested kind (`only`) cover an action kind? "source" covers "source.fixAll.oncolint". */
const covers = (requested: string, kind: string): boolean => kind === requested || kind.startsWith(`${requested}.`)

/**
 * textDocument/codeAction: for each oncolint diagnostic in the range, its quick fixes and the
 * ways to silence it; and the whole document's safe fixes when fix-all is asked for.
 */
export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = ctx.documents.get(params.textDocument.uri)
  if (!doc) return []
  const only = params.context.only
  const actions: CodeAction[] = []
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE)
  if (ours.length && (!only || only.some((k) => covers(k, CodeActionKind.QuickFix)))) {
    // Built from the current text: a diagnostic from an older version finds no finding and gets no fix.
    const linted = await ctx.linter.current(doc)
    if (!linted) return []
    actions.push(...diagnosticActions(doc, ours, linted.findings, params.range, ctx))
  }
  // Only when asked for (editor.codeActionsOnSave, the Source Action menu): it lints the whole text.
  if (only?.some((k) => covers(k, FIX_ALL_KIND))) {
    const edit = await fixAllEdit(ctx, doc)
    if (edit) actions.push({title: 'Fix all safe oncolint problems', kind: FIX_ALL_KIND, edit: edit.edit})
  }
  return actions
}

/** The actions for the diagnostics that still have their finding; the same action offered by two findings appears once. */
function diagnosticActions(doc: TextDocument, diagnostics: Diagnostic[], findings: readonly Finding[], requested: Range, ctx: ServerContext): CodeAction[] {
  const canAccept = ctx.workspace.canAccept(doc.uri)
  const seen = new Set<string>()
  const actions: CodeAction[] = []
  for (const d of diagnostics) {
    const finding = findingFor(doc, findings, d)
    if (!finding) continue
    for (const a of actionsFor(doc, d, finding, requested, ctx.workspace.editSupport, canAccept)) {
      // Two findings of one rule offer the same "for this file" action (same title, same edit) once.
      const key = `${a.title}\0${JSON.stringify(a.edit ?? a.command)}`
      if (seen.has(key)) continue
      seen.add(key)
      actions.push(a)
    }
  }
  return actions
}

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
function actionsFor(doc: TextDocument, diagnostic: Diagnostic, finding: Finding, requested: Range, support: EditSupport, canAccept: boolean): CodeAction[] {
  const actions = quickFixes(doc, diagnostic, finding, support)
  const rule = finding.ruleId
  // A finding about a directive itself is fixed in the directive, not silenced by another one.
  if (rule.startsWith('oncolint/')) {
    const reason = rule === 'oncolint/unexplained-suppression' ? addReason(doc.getText(), finding.offset, finding.endOffset) : undefined
    if (reason)
      actions.push({
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        title: 'Add a reason to this suppression',
        edit: insertionEdit(doc, [reason], support),
      })
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
    const command = commandCall(AcceptCommand, 'Accept phrase', {uri: doc.uri, phrase: finding.actual})
    actions.push({...base, title: `Accept '${finding.actual}' in this workspace`, command})
  }
  return actions
}
