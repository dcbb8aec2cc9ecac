import {randomBytes} from 'node:crypto'
import {basename} from 'node:path'
import {
  Range,
  Selection,
  TextEditorRevealType,
  type Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextEditor,
  type WebviewPanel,
} from 'vscode'
import type {Range as LspRange} from 'vscode-languageserver-protocol'
import {reportBody, reportPage, waitingBody} from './report-html.js'
import {LANGUAGES} from './status-bar.js'
import type {StatsStore} from './stats-store.js'

/** What the webview posts: a click on a sentence or a section asks to show it in the editor. */
export interface RevealMessage {
  type: 'reveal'
  range: LspRange
}

/** Posted by the page after it (re)draws: what it shows, counted in the browser. */
export interface RenderedMessage {
  type: 'rendered'
  sections: number
  sentences: number
}

/**
 * The readability report webview: one panel that follows the active Markdown or plain-text
 * editor and updates whenever the server sends new stats for the document it shows.
 */
export class ReportPanel implements Disposable {
  private panel: WebviewPanel | undefined
  private uri: Uri | undefined
  private body = ''
  private rendered: {sections: number; sentences: number} | undefined
  private readonly subscriptions: Disposable[] = []

  constructor(private readonly store: StatsStore) {
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && LANGUAGES.has(e.document.languageId)) this.follow(e.document.uri)
      }),
      store.onDidChange((uri) => {
        if (this.panel && uri === this.uri?.toString()) this.render(false)
      }),
    )
  }

  /** The document the report shows and its current content (what the page displays). */
  get state(): {open: boolean; uri?: string; body: string; rendered?: {sections: number; sentences: number}} {
    return {open: this.panel !== undefined, uri: this.uri?.toString(), body: this.body, rendered: this.rendered}
  }

  show(editor: TextEditor | undefined = window.activeTextEditor): void {
    const target = editor && LANGUAGES.has(editor.document.languageId) ? editor.document.uri : this.uri
    if (!this.panel) {
      // Beside the draft's own group (from the walkthrough, the draft is not the active editor).
      const viewColumn = editor?.viewColumn ? editor.viewColumn + 1 : ViewColumn.Beside
      this.panel = window.createWebviewPanel('oncolint.report', 'oncolint: Readability report', {viewColumn, preserveFocus: true}, {
        enableScripts: true,
        // The page loads nothing: no local file, no network.
        localResourceRoots: [],
      })
      this.panel.onDidDispose(() => {
        this.panel = undefined
        this.rendered = undefined
      })
      this.panel.webview.onDidReceiveMessage((m: RevealMessage | RenderedMessage) => {
        if (m?.type === 'rendered') this.rendered = {sections: m.sections, sentences: m.sentences}
        else void this.handleMessage(m)
      })
      // A hidden webview loses its page: show the latest content when it comes back.
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.render(true)
      })
      this.uri = target
      this.render(true)
    } else {
      this.panel.reveal(undefined, true)
      if (target) this.follow(target)
    }
  }

  private follow(uri: Uri): void {
    if (uri.toString() === this.uri?.toString()) return
    this.uri = uri
    this.render(false)
  }

  private render(fullPage: boolean): void {
    if (!this.panel) return
    const name = this.uri ? basename(this.uri.path) || this.uri.toString() : 'no document'
    const stats = this.uri ? this.store.get(this.uri.toString()) : undefined
    this.body = stats ? reportBody(stats, name) : this.uri ? waitingBody(name) : '<p>Open a Markdown or plain-text draft.</p>'
    this.panel.title = `Readability: ${name}`
    if (fullPage || !this.panel.webview.html) this.panel.webview.html = reportPage(this.body, randomBytes(16).toString('base64'), this.panel.webview.cspSource)
    else void this.panel.webview.postMessage({type: 'update', html: this.body})
  }

  /** Shows the clicked range in the editor of the reported document. */
  async handleMessage(message: RevealMessage): Promise<void> {
    if (message?.type !== 'reveal' || !this.uri) return
    const {start, end} = message.range
    const range = new Range(start.line, start.character, end.line, end.character)
    const uri = this.uri
    const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
    const editor = visible
      ? await window.showTextDocument(visible.document, {viewColumn: visible.viewColumn, preserveFocus: false})
      : await window.showTextDocument(await workspace.openTextDocument(uri), {viewColumn: ViewColumn.One})
    editor.selection = new Selection(range.start, range.end)
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport)
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose()
    this.panel?.dispose()
  }
}
