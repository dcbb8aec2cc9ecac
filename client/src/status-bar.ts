import {MarkdownString, StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem, type TextEditor} from 'vscode'
import type {StatsStore} from './stats-store.js'

export const LANGUAGES = new Set(['markdown', 'plaintext'])

/** The active document's reading grade and finding counts; a click opens the readability report. */
export class GradeStatusBar implements Disposable {
  readonly item: StatusBarItem
  private readonly subscriptions: Disposable[] = []

  constructor(private readonly store: StatsStore) {
    this.item = window.createStatusBarItem('oncolint.grade', StatusBarAlignment.Right, 100)
    this.item.name = 'oncolint reading grade'
    this.item.command = 'oncolint.showReport'
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor((e) => this.update(e)),
      store.onDidChange((uri) => {
        if (window.activeTextEditor?.document.uri.toString() === uri) this.update(window.activeTextEditor)
      }),
    )
    this.update(window.activeTextEditor)
  }

  update(editor: TextEditor | undefined): void {
    const stats = editor && LANGUAGES.has(editor.document.languageId) ? this.store.get(editor.document.uri.toString()) : undefined
    if (!stats) {
      this.item.hide()
      return
    }
    const grade = stats.smog === null ? '–' : stats.smog.toFixed(1)
    const {error, warning, info} = stats.counts
    this.item.text = `$(book) SMOG ${grade} $(error) ${error} $(warning) ${warning} $(info) ${info}`
    const over = stats.smog !== null && stats.smog > stats.targetGrade
    this.item.backgroundColor = over ? new ThemeColor('statusBarItem.warningBackground') : undefined
    this.item.tooltip = new MarkdownString(
      `**oncolint**: reading grade ${grade} (SMOG), target ${stats.targetGrade}${over ? ' (above target)' : ''}\n\n` +
        `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info\n\nClick for the readability report.`,
    )
    this.item.accessibilityInformation = {label: `oncolint: reading grade ${grade}, ${error} errors, ${warning} warnings, ${info} info`}
    this.item.show()
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose()
    this.item.dispose()
  }
}
