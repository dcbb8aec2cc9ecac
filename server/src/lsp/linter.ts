import type {RemoteConsole} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {DocumentStats} from '../../../common/protocol.js'
import type {DocConfig} from '../config/doc-config.js'
import type {Settings} from '../config/settings.js'
import {DEFAULT_CONFIG, MAX_TEXT_CHARS, lint, notLintable, type Finding} from '../engine/index.js'
import type {DocumentConfigs} from './document-configs.js'
import {documentStats} from './handlers/stats.js'
import {ParseCaches} from './parse-caches.js'

/**
 * Characters above which the editor does not lint a document: not for diagnostics, hovers,
 * code actions or fix-all. The limit is the CLI's (engine/input.ts), so both lint the same
 * drafts; the connection has one thread, and a pasted huge file must not stall every other
 * document.
 */
export const MAX_LINT_CHARS = MAX_TEXT_CHARS

/**
 * The last lint of a document, kept for the code actions, hovers and fix-all the editor asks for
 * between lints (on every cursor move). Only what they need: the findings and the config; the
 * engine's readability figures are boiled down to the few the client shows (DocumentStats).
 */
export interface Linted {
  version: number
  /** The config epoch it was made in (DocumentConfigs.epoch): a result of an older one is stale. */
  epoch: number
  findings: Finding[]
  docConfig: DocConfig
  stats: DocumentStats
  /** Sent to the client already: a save with no change since does not send it again. */
  published: boolean
}

/**
 * Lints open documents, one result per document kept for its current version. Every request
 * that needs findings comes here, so this is the one place the limits are checked.
 */
export class DocumentLinter {
  private readonly results = new Map<string, Linted>()
  private readonly parseCaches = new ParseCaches()
  /** Rule failures already logged, by document, rule and message. */
  private readonly loggedErrors = new Set<string>()

  constructor(
    private readonly console: RemoteConsole,
    private readonly configs: DocumentConfigs,
  ) {}

  /** The document was typed in: its lints keep a parse cache from now on. */
  markEdited(uri: string): void {
    this.parseCaches.markEdited(uri)
  }

  /**
   * The lint of the document's current version (cached), with the config it used; undefined for
   * a document the CLI would not lint either (binary, or over the size limit: engine/input.ts).
   */
  lint(doc: TextDocument, settings: Settings): Linted | undefined {
    if (doc.getText().length > MAX_LINT_CHARS || notLintable(doc.getText())) return undefined
    const {epoch} = this.configs
    const cached = this.results.get(doc.uri)
    if (cached && cached.version === doc.version && cached.epoch === epoch) return cached
    const docConfig = this.configs.configFor(doc.uri, settings)
    const text = doc.getText()
    const cache = this.parseCaches.for(doc.uri, text.length)
    const result = lint(text, {languageId: doc.languageId, config: docConfig.config, terminology: docConfig.terminology, cache})
    this.logRuleErrors(doc.uri, result.ruleErrors)
    const stats = documentStats(doc, result, docConfig.config.targetGrade ?? DEFAULT_CONFIG.targetGrade)
    const linted = {version: doc.version, epoch, findings: result.findings, docConfig, stats, published: false}
    this.results.set(doc.uri, linted)
    return linted
  }

  /** The lint of the document as it is now, with its settings (which may have to be pulled first). */
  async current(doc: TextDocument): Promise<Linted | undefined> {
    return this.lint(doc, await this.configs.settingsFor(doc.uri))
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.results.delete(uri)
    this.parseCaches.forget(uri)
    for (const key of this.loggedErrors) if (key.startsWith(`${uri}|`)) this.loggedErrors.delete(key)
  }

  /** Once per document, rule and message: a failing rule must not log a line per keystroke. */
  private logRuleErrors(uri: string, errors: ReadonlyArray<{ruleId: string; message: string}>): void {
    for (const e of errors) {
      const key = `${uri}|${e.ruleId}|${e.message}`
      if (this.loggedErrors.has(key)) continue
      this.loggedErrors.add(key)
      this.console.error(`rule ${e.ruleId} failed on ${uri}: ${e.message}`)
    }
  }
}
