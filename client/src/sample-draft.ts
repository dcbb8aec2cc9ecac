import {readFile} from 'node:fs/promises'
import {ViewColumn, window, workspace, type ExtensionContext, type TextEditor} from 'vscode'

/** The draft shipped in the extension (examples/ of the package) with a problem of each kind on purpose. */
export const SAMPLE_DRAFT = 'examples/metastasis-draft.md'

/**
 * "oncolint: Open sample draft" (the walkthrough's first step): the sample in a new untitled
 * Markdown editor, so a writer can try fixes on it without touching any file. It opens beside
 * the active editor, so the walkthrough stays in view.
 */
export async function openSampleDraft(context: ExtensionContext): Promise<TextEditor> {
  const content = await readFile(context.asAbsolutePath(SAMPLE_DRAFT), 'utf8')
  const doc = await workspace.openTextDocument({language: 'markdown', content})
  return window.showTextDocument(doc, {preview: false, viewColumn: ViewColumn.Beside})
}
