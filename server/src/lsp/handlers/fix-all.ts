import {CodeActionKind, type ExecuteCommandParams, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {FixAllArgs, FixAllResult} from '../../../../common/protocol.js'
import {applyFixes} from '../../engine/index.js'
import type {ServerContext} from '../context.js'
import {documentEdit, rangeOf} from '../convert.js'

/** The code action kind of "fix all safe problems" (editor.codeActionsOnSave, the Source Action menu). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.oncolint`

/** The edit that applies every safe fix of the document's current version, and how many fixes it holds; undefined when there are none. */
export async function fixAllEdit(ctx: ServerContext, doc: TextDocument): Promise<{edit: WorkspaceEdit; applied: number} | undefined> {
  const linted = await ctx.linter.current(doc)
  if (!linted) return undefined
  const fixed = applyFixes(doc.getText(), linted.findings)
  if (fixed.applied.length === 0) return undefined
  const edits = fixed.edits.map((e) => ({range: rangeOf(doc, e.offset, e.endOffset), newText: e.newText}))
  return {edit: documentEdit(doc, edits, ctx.workspace.editSupport), applied: fixed.applied.length}
}

/**
 * The FixAllCommand: has the client apply every safe fix (workspace/applyEdit), unless the
 * document has moved on from the version the user saw.
 */
export async function fixAll(ctx: ServerContext, params: ExecuteCommandParams): Promise<FixAllResult> {
  const {uri, version} = (params.arguments?.[0] ?? {}) as Partial<FixAllArgs>
  const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined
  if (!doc || (version !== undefined && version !== doc.version)) return {applied: 0}
  const fix = await fixAllEdit(ctx, doc)
  if (!fix) return {applied: 0}
  const {applied} = await ctx.connection.workspace.applyEdit({label: 'oncolint: Fix all safe problems', edit: fix.edit})
  return {applied: applied ? fix.applied : 0}
}
