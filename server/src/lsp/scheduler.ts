import type {Connection, TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {notLintable} from '../engine/index.js'
import {toDiagnostic} from './convert.js'
import type {DocumentConfigs} from './document-configs.js'
import {publishStats} from './handlers/stats.js'
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
 * dropped, not published, when the document changed again meanwhile.
 */
export class LintScheduler {
  /** Lints scheduled (debounce timer or next turn), by URI: the function cancels one. */
  private readonly pending = new Map<string, () => void>()
  /** Documents the user was told are not linted (binary, too large): told once. */
  private readonly notLintedShown = new Set<string>()

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: DocumentConfigs,
    private readonly linter: DocumentLinter,
  ) {}

  /** Lints the document after `delay` ms, or on the next turn (a timer's clock would add a millisecond or more). */
  schedule(uri: string, delay: number): void {
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
  }

  /** Lints the document and publishes its diagnostics and stats, unless it changed again meanwhile. */
  private async validate(uri: string): Promise<void> {
    // Another lint of this document is scheduled (it changed again): this one would arrive outdated.
    const superseded = () => this.pending.has(uri) || !this.documents.get(uri)
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
      void this.connection.sendDiagnostics({uri, version, diagnostics})
      publishStats(this.connection, stats)
    } catch (e) {
      this.connection.console.error(`oncolint failed on ${uri}: ${(e as Error).stack ?? e}`)
    }
  }

  /** A document the CLI would not lint either: no diagnostics, and the user told why, once. */
  private publishNotLinted(doc: TextDocument): void {
    void this.connection.sendDiagnostics({uri: doc.uri, version: doc.version, diagnostics: []})
    if (this.notLintedShown.has(doc.uri)) return
    this.notLintedShown.add(doc.uri)
    void this.connection.window.showWarningMessage(
      `oncolint: ${doc.uri.split('/').pop()}: ${notLintable(doc.getText()) ?? 'not linted'} (the command line skips it too).`,
    )
  }
}
