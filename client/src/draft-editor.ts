import {window, type TextEditor} from 'vscode'
import {LANGUAGES} from './status-bar.js'

/**
 * The draft a command acts on: the active editor when it holds a draft. When no text editor is
 * in front (the walkthrough or the readability report is), the one draft visible beside it:
 * the walkthrough's "Fix all safe problems" and "Show readability report" buttons act on the
 * sample draft it opened next to itself.
 */
export function draftEditor(): TextEditor | undefined {
  const active = window.activeTextEditor
  if (active) return LANGUAGES.has(active.document.languageId) ? active : undefined
  const visible = window.visibleTextEditors.filter((e) => LANGUAGES.has(e.document.languageId))
  return visible.length === 1 ? visible[0] : undefined
}
