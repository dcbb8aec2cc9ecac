import {FileType, Uri, ViewColumn, window, workspace, type WorkspaceFolder} from 'vscode'
import {CONFIG_FILE, CONFIG_NAMES, CONFIG_TEMPLATE} from './config-template.js'

/** What the command did: read by the real-VS-Code tests. */
export type CreateConfigResult =
  | {outcome: 'created' | 'overwritten'; uri: string}
  /** The folder already had a config: it was opened, not changed. */
  | {outcome: 'kept'; uri: string}
  | {outcome: 'no-folder'}

/** Opens a config file: beside the walkthrough (or another page that is no text editor) when one is in front. */
const show = (uri: Uri) => window.showTextDocument(uri, {viewColumn: window.activeTextEditor ? undefined : ViewColumn.Beside})

const OVERWRITE = 'Overwrite'
const KEEP = 'Keep'

async function existing(folder: Uri): Promise<Uri | undefined> {
  for (const name of CONFIG_NAMES) {
    const uri = Uri.joinPath(folder, name)
    try {
      if ((await workspace.fs.stat(uri)).type & FileType.File) return uri
    } catch {
      // not there
    }
  }
  return undefined
}

/** The folder to write to: the only one, the active draft's, or the one the writer picks. */
async function targetFolder(): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? []
  if (folders.length <= 1) return folders[0]
  const active = window.activeTextEditor?.document.uri
  const own = active && workspace.getWorkspaceFolder(active)
  return own ?? window.showWorkspaceFolderPick({placeHolder: 'Folder to create .oncolintrc.yaml in'})
}

/**
 * "oncolint: Create configuration": writes a commented .oncolintrc.yaml at the root of the
 * workspace folder and opens it. A folder that has a config already keeps it unless the
 * writer agrees to overwrite (only a .oncolintrc.yaml can be: a .json or .yml one would still
 * win over a new .yaml, so it is opened instead). The question is a notification beside the
 * opened file, not a modal dialog: the writer sees what would be lost before answering (and
 * VS Code refuses modal dialogs in extension tests, which could then not cover this).
 */
export async function createConfiguration(): Promise<CreateConfigResult> {
  const folder = await targetFolder()
  if (!folder) {
    void window.showInformationMessage('oncolint: open a folder first; the configuration applies to the drafts in it.')
    return {outcome: 'no-folder'}
  }
  const target = Uri.joinPath(folder.uri, CONFIG_FILE)
  const found = await existing(folder.uri)
  let outcome: 'created' | 'overwritten' = 'created'
  if (found) {
    const name = found.path.slice(found.path.lastIndexOf('/') + 1)
    if (name !== CONFIG_FILE) {
      await show(found)
      void window.showInformationMessage(`oncolint: ${folder.name} already has ${name}, which oncolint reads; it is open for editing.`)
      return {outcome: 'kept', uri: found.toString()}
    }
    await show(found)
    const answer = await window.showWarningMessage(`${CONFIG_FILE} already exists in ${folder.name}. Overwrite it with the commented template? The settings in it would be lost.`, OVERWRITE, KEEP)
    if (answer !== OVERWRITE) return {outcome: 'kept', uri: found.toString()}
    outcome = 'overwritten'
  }
  await workspace.fs.writeFile(target, Buffer.from(CONFIG_TEMPLATE, 'utf8'))
  await show(target)
  return {outcome, uri: target.toString()}
}
