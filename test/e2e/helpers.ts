// Helpers for the end-to-end tests, which run in the extension host with the real vscode API.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'

export const EXTENSION_ID = 'oncolint.oncolint'
export const SOURCE = 'oncolint'

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** A file of the fixture workspace (a temp copy of test/e2e/fixtures/workspace/). */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]
  if (!folder) throw new Error('no workspace folder is open: the runner must open test/e2e/fixtures/workspace')
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'))
}

/** Opens a fixture file in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath))
  return vscode.window.showTextDocument(doc, {preview: false})
}

/** Opens an untitled document with the given text in an editor. */
const untitled: vscode.TextDocument[] = []

export async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({language, content})
  untitled.push(doc)
  const editor = await vscode.window.showTextDocument(doc, {preview: false})
  if (editor.document !== doc) throw new Error(`showTextDocument gave ${editor.document.uri.toString()}, not the new ${doc.uri.toString()}`)
  return editor
}

/**
 * Reverts and closes every untitled document the tests opened. Each is brought to the front
 * first: after the server is killed, focus can sit outside the editor, and closing "the
 * active editor" would then leave the document open for the next test to find.
 */
export async function closeUntitled(): Promise<void> {
  for (const doc of untitled.splice(0)) {
    if (doc.isClosed) continue
    await showDocument(doc)
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
  }
}

/**
 * Brings a document to the front. The workbench may open an editor of its own meanwhile (the
 * Welcome page at start-up), and VS Code then refuses ("another editor opened in the
 * meantime"): this tries again.
 */
export async function showDocument(doc: vscode.TextDocument): Promise<vscode.TextEditor> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.window.showTextDocument(doc, {preview: false, preserveFocus: false})
    } catch (err) {
      if (attempt === 5) throw err
      await sleep(300)
    }
  }
}

/**
 * Closes every editor; the tests' own edited documents (workspace files, untitled drafts) are
 * reverted first, so no "save changes?" dialog blocks the run. Other dirty documents are left to
 * VS Code: its user settings.json can be dirty while a setting is being written, and showing it
 * then fails ("another editor opened in the meantime"), as a CI run once did.
 */
export async function closeAllEditors(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString()
  const ours = (d: vscode.TextDocument) =>
    d.uri.scheme === 'untitled' ||
    (folder !== undefined && d.uri.toString().startsWith(folder + '/') && !d.uri.path.includes('/.vscode/'))
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && ours(d))) {
    await showDocument(doc)
    await revertAndCloseActiveEditor()
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors')
}

/** Closes the active editor, dropping unsaved changes (files on disk are left as they were). */
export async function revertAndCloseActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
}

/** The rule id of a diagnostic: its code, or the code's value when it links to a rule doc. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code
  if (code === undefined) return undefined
  return String(typeof code === 'object' ? code.value : code)
}

export function oncolintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE)
}

const describeDiagnostics = (ds: vscode.Diagnostic[]): string =>
  ds.length === 0
    ? '(none)'
    : ds.map((d) => `  ${d.source}/${ruleOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).join('\n')

/**
 * Waits until the oncolint diagnostics of uri satisfy the predicate (the server lints
 * asynchronously, and starts up on the first draft) and returns them.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  {timeout = 30_000, what = 'the expected diagnostics'}: {timeout?: number; what?: string} = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false
    const check = (): void => {
      if (settled) return
      const ds = oncolintDiagnostics(uri)
      if (!predicate(ds)) return
      settled = true
      finish()
      resolve(ds)
    }
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check()
    })
    const poll = setInterval(check, 250)
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      finish()
      const all = vscode.languages.getDiagnostics(uri)
      reject(new Error(`timed out after ${timeout} ms waiting for ${what} on ${uri.toString()}; diagnostics now:\n${describeDiagnostics(all)}`))
    }, timeout)
    const finish = (): void => {
      sub.dispose()
      clearInterval(poll)
      clearTimeout(timer)
    }
    check()
  })
}

/** Waits for a diagnostic of the rule on exactly the given text (its first occurrence). */
export async function waitForRuleOn(doc: vscode.TextDocument, rule: string, text: string): Promise<vscode.Diagnostic> {
  const offset = doc.getText().indexOf(text)
  if (offset < 0) throw new Error(`"${text}" is not in ${doc.uri.toString()}`)
  const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length))
  const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => ruleOf(d) === rule && d.range.intersection(range)), {
    what: `${rule} on "${text}"`,
  })
  return ds.find((d) => ruleOf(d) === rule && d.range.intersection(range))!
}

/**
 * Asks the runner for a screenshot of the workbench, saved as test-artifacts/NAME.png.
 * Only scripts/e2e/run.mjs in code-server mode takes screenshots: elsewhere this returns
 * undefined.
 */
export async function screenshot(name: string, {timeout = 30_000} = {}): Promise<string | undefined> {
  const dir = process.env.ONCOLINT_E2E_SHOTS
  if (!dir) return undefined
  if (!/^[\w.-]+$/.test(name)) throw new Error(`bad screenshot name ${name}`)
  for (const ext of ['.done', '.error']) fs.rmSync(path.join(dir, name + ext), {force: true})
  fs.writeFileSync(path.join(dir, `${name}.request`), '')
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    if (fs.existsSync(path.join(dir, `${name}.done`))) return fs.readFileSync(path.join(dir, `${name}.done`), 'utf8')
    if (fs.existsSync(path.join(dir, `${name}.error`))) {
      throw new Error(`screenshot ${name} failed: ${fs.readFileSync(path.join(dir, `${name}.error`), 'utf8')}`)
    }
  }
  throw new Error(`screenshot ${name}: no answer from the runner in ${timeout} ms`)
}

/** What a test can ask the runner to do in the workbench as a user would (scripts/e2e/run.mjs, uiAction). */
export type UiRequest =
  | {action: 'notification'; message: string; button: string}
  | {action: 'click'; selector?: string; role?: string; name?: string}
  | {action: 'text'; selector: string; role?: string; name?: string}
  | {action: 'attribute'; selector: string; attribute: string}

/**
 * Asks the runner to do `request` in the workbench page (click a notification's button, a
 * button of the walkthrough, read what the page shows) and returns its answer. Only scripts/e2e/run.mjs
 * in code-server mode drives the page: elsewhere this returns undefined.
 */
export async function ui(name: string, request: UiRequest, {timeout = 30_000} = {}): Promise<{text?: string; message?: string; value?: string | null} | undefined> {
  const dir = process.env.ONCOLINT_E2E_SHOTS
  if (!dir) return undefined
  if (!/^[\w.-]+$/.test(name)) throw new Error(`bad ui request name ${name}`)
  for (const ext of ['.done', '.error']) fs.rmSync(path.join(dir, name + ext), {force: true})
  // Written whole, then renamed: the runner never reads half a request.
  fs.writeFileSync(path.join(dir, `${name}.tmp`), JSON.stringify(request))
  fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.ui`))
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    if (fs.existsSync(path.join(dir, `${name}.done`))) return JSON.parse(fs.readFileSync(path.join(dir, `${name}.done`), 'utf8'))
    if (fs.existsSync(path.join(dir, `${name}.error`))) throw new Error(`ui ${name} failed: ${fs.readFileSync(path.join(dir, `${name}.error`), 'utf8')}`)
  }
  throw new Error(`ui ${name}: no answer from the runner in ${timeout} ms`)
}

/** The made-up test terms (test/fixtures/terminology/test-terms.yaml), copied into the workspace by the runner. */
export const testTermsFile = (): string => workspaceUri('.e2e-data/test-terms.yaml').fsPath

/** Waits until `probe` gives a value (not undefined or false), checking every 100 ms. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeout = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const v = await probe()
    if (v !== undefined && v !== false) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}
