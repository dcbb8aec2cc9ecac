import type {CancellationToken, Connection, Diagnostic, TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {notLintable} from '../engine/index.js'
import {toDiagnostic} from './convert.js'
import {DiagnosticReports, type DiagnosticReport} from './diagnostic-reports.js'
import type {DocumentConfigs} from './document-configs.js'
import {publishStats} from './handlers/stats.js'
import {IdleCompaction} from './idle-compaction.js'
import type {DocumentLinter} from './linter.js'

/** Re-lint after typing stops for this long, so a burst of keystrokes costs one lint. */
export const DEBOUNCE_MS = 150

/**
 * Event-loop turns to wait after a lint before publishing it, so a didChange that arrived while
 * the lint ran is seen first and the outdated result is dropped. The pipe is read in the poll
 * phase of the next turn; vscode-jsonrpc then hands a message on through chained setImmediate
 * turns (read lock, then its queue, one message per turn). A chain of our own queued first stays
 * one turn ahead of theirs, so three turns see a didChange that was waiting; the other three
 * cover a message queued behind another one (a code action request) or split over two reads.
 * Each turn costs microseconds when nothing is waiting, where a fixed timer would add its whole
 * length to every edit's time to diagnostics.
 */
const YIELD_TURNS = 6

/** Resolves after YIELD_TURNS turns of the event loop, or sooner once `superseded` says so. */
const yieldToMessages = (superseded: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    let turns = 0
    const next = (): void => {
      if (++turns >= YIELD_TURNS || superseded()) resolve()
      else setImmediate(next)
    }
    setImmediate(next)
  })

/**
 * When documents are linted and their results published: one lint queued per document (a new
 * one cancels the one waiting), after the typing debounce or on the next turn, and a result
 * dropped, not published, when the document changed again meanwhile. With a client that pulls
 * diagnostics (`pull`), a result is kept as the document's report and handed out by
 * reportFor; otherwise it is pushed (publishDiagnostics).
 */
export class LintScheduler {
  /** Lints scheduled (debounce timer or next turn), by URI: the function cancels one. */
  private readonly pending = new Map<string, () => void>()
  /** Lints under way (between the timer and the publish: settings are awaited, messages yielded to). */
  private readonly running = new Set<string>()
  /** Pulls waiting for a document's scheduled lint, woken when a lint of it ends. */
  private readonly settledWaiters = new Map<string, Array<() => void>>()
  /** Documents the user was told are not linted (binary, too large): told once. */
  private readonly notLintedShown = new Set<string>()
  /** Set at initialize when the client pulls diagnostics (textDocument/diagnostic). */
  pull = false
  /** Set with `pull` when the client can be told to pull again (workspace/diagnostic/refresh). */
  canRefresh = false
  readonly reports = new DiagnosticReports()
  private refreshQueued = false

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: DocumentConfigs,
    private readonly linter: DocumentLinter,
    private readonly compaction = new IdleCompaction(DEBOUNCE_MS),
  ) {}

  /** Lints the document after `delay` ms, or on the next turn (a timer's clock would add a millisecond or more). */
  schedule(uri: string, delay: number): void {
    this.compaction.busy()
    this.pending.get(uri)?.()
    const run = (): void => {
      this.pending.delete(uri)
      void this.validate(uri)
    }
    if (delay > 0) {
      const timer = setTimeout(run, delay)
      this.pending.set(uri, () => clearTimeout(timer))
    } else {
      const immediate = setImmediate(run)
      this.pending.set(uri, () => clearImmediate(immediate))
    }
  }

  /** Config, settings or terminology changed: every open document is linted again. */
  relintAll(): void {
    this.configs.changed()
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0)
  }

  /** The document was closed: its waiting lint is cancelled. */
  forget(uri: string): void {
    this.pending.get(uri)?.()
    this.pending.delete(uri)
    this.notLintedShown.delete(uri)
    this.reports.forget(uri)
    this.wake(uri)
  }

  /**
   * The document's report once no lint of it is waiting or under way: what a pull answers. A
   * document never linted yet is linted first. With `run: onSave`, typing schedules no lint, so
   * a pull while typing gets the last report, as a pushing client keeps the last diagnostics.
   */
  async reportFor(uri: string, token: CancellationToken): Promise<DiagnosticReport | undefined> {
    let scheduled = false
    for (;;) {
      if (token.isCancellationRequested || !this.documents.get(uri)) return undefined
      if (this.pending.has(uri) || this.running.has(uri)) await this.settled(uri, token)
      else {
        const report = this.reports.get(uri)
        if (report || scheduled) return report
        scheduled = true
        this.schedule(uri, 0)
      }
    }
  }

  /** Resolves when a lint of the document ends (published, dropped or failed), or the pull is cancelled. */
  private settled(uri: string, token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const list = this.settledWaiters.get(uri) ?? []
      list.push(resolve)
      this.settledWaiters.set(uri, list)
      token.onCancellationRequested(() => resolve())
    })
  }

  private wake(uri: string): void {
    const list = this.settledWaiters.get(uri)
    this.settledWaiters.delete(uri)
    for (const resolve of list ?? []) resolve()
  }

  /** Lints the document and publishes its diagnostics and stats, unless it changed again meanwhile. */
  private async validate(uri: string): Promise<void> {
    // Another lint of this document is scheduled (it changed again): this one would arrive outdated.
    const superseded = () => this.pending.has(uri) || !this.documents.get(uri)
    this.running.add(uri)
    try {
      const settings = await this.configs.settingsFor(uri)
      const doc = this.documents.get(uri)
      if (!doc || superseded()) return
      const linted = this.linter.lint(doc, settings)
      if (!linted) return this.publishNotLinted(doc)
      // A save with no change since the last lint: the client has these diagnostics already.
      if (linted.published) return
      const {findings, stats, version} = linted
      // Positions now: TextDocuments updates the same document object in place on a change.
      const diagnostics = findings.map((f) => toDiagnostic(doc, f))
      await yieldToMessages(superseded)
      if (superseded()) return
      linted.published = true
      this.publish(uri, version, diagnostics)
      // A pulling client is sent the figures only when they changed (the client reads no version from them).
      if (!this.pull || this.reports.statsChanged(stats)) publishStats(this.connection, stats)
    } catch (e) {
      this.connection.console.error(`oncolint failed on ${uri}: ${(e as Error).stack ?? e}`)
    } finally {
      this.running.delete(uri)
      this.wake(uri)
      if (this.pending.size === 0 && this.running.size === 0) this.compaction.idle()
    }
  }

  /**
   * Pushed to a client that does not pull; kept as the report for one that does. A changed
   * report no pull is waiting for (a lint after a config change, on save in onSave mode) is
   * announced with a refresh, and the client pulls again.
   */
  private publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    if (!this.pull) {
      void this.connection.sendDiagnostics({uri, version, diagnostics})
      return
    }
    const changed = this.reports.record(uri, version, diagnostics)
    if (changed && this.canRefresh && !this.settledWaiters.has(uri) && !this.refreshQueued) {
      // Once for all the documents a config change relints in this turn.
      this.refreshQueued = true
      setImmediate(() => {
        this.refreshQueued = false
        void this.connection.languages.diagnostics.refresh()
      })
    }
  }

  /** A document the CLI would not lint either: no diagnostics, and the user told why, once. */
  private publishNotLinted(doc: TextDocument): void {
    this.publish(doc.uri, doc.version, [])
    if (this.notLintedShown.has(doc.uri)) return
    this.notLintedShown.add(doc.uri)
    void this.connection.window.showWarningMessage(
      `oncolint: ${doc.uri.split('/').pop()}: ${notLintable(doc.getText()) ?? 'not linted'} (the command line skips it too).`,
    )
  }
}
