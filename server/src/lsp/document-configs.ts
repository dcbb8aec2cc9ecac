import type {Connection} from 'vscode-languageserver/node'
import {ConfigResolver, type DocConfig} from '../config/doc-config.js'
import {DEFAULT_SETTINGS, readSettings, type Settings} from '../config/settings.js'
import type {ConfigProblems} from './config-problems.js'
import type {Workspace} from './workspace.js'

/**
 * The settings and the config of each open document. Settings are pulled from the client once
 * per document (workspace/configuration) and again when it says they changed. The config (the
 * .oncolintrc that applies, merged with the settings, and its terminology) is resolved on open,
 * on save and when a config, settings or terminology file changes (the epoch), not on every
 * keystroke's lint: finding the .oncolintrc walks up the folders with a stat per name per
 * folder. A client that does not report watched files has a changed .oncolintrc taken up when
 * the draft is saved.
 */
export class DocumentConfigs {
  /** Bumped when config, settings or terminology files change: every config and lint result made before is stale. */
  epoch = 0
  private readonly settings = new Map<string, Promise<Settings>>()
  private readonly configs = new Map<string, {epoch: number; docConfig: DocConfig}>()
  private resolver: ConfigResolver | undefined

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly problems: ConfigProblems,
  ) {}

  /** The document's settings: the client's, checked (a wrong value is said once, its default used). */
  settingsFor(uri: string): Promise<Settings> {
    let pending = this.settings.get(uri)
    if (!pending) {
      pending = this.workspace.canPullSettings
        ? this.connection.workspace.getConfiguration({scopeUri: uri, section: 'oncolint'}).then(
            (raw) => {
              const {settings, problems} = readSettings(raw)
              for (const p of problems) this.problems.warnSetting(p)
              return settings
            },
            () => DEFAULT_SETTINGS,
          )
        : Promise.resolve(DEFAULT_SETTINGS)
      this.settings.set(uri, pending)
    }
    return pending
  }

  /** What the document is linted with now. */
  configFor(uri: string, settings: Settings): DocConfig {
    const known = this.configs.get(uri)
    if (known?.epoch === this.epoch) return known.docConfig
    this.resolver ??= new ConfigResolver(this.workspace.trusted, this.problems.report, this.problems.recovered)
    const docConfig = this.resolver.resolve(this.workspace.pathOf(uri), this.workspace.folderOf(uri) ?? process.cwd(), settings)
    this.configs.set(uri, {epoch: this.epoch, docConfig})
    return docConfig
  }

  /** A config, settings or terminology file changed: everything is resolved again. */
  changed(): void {
    this.epoch++
    this.resolver?.reset()
  }

  /**
   * The client says the settings changed: pulls those of the open documents again; true when
   * any differs from before.
   */
  async reloadSettings(uris: readonly string[]): Promise<boolean> {
    const before = new Map(this.settings)
    this.settings.clear()
    let changed = false
    for (const uri of uris) {
      const old = await before.get(uri)
      const now = await this.settingsFor(uri)
      if (JSON.stringify(old) !== JSON.stringify(now)) changed = true
    }
    return changed
  }

  /** The document was saved: its .oncolintrc is looked for again. */
  forgetConfig(uri: string): void {
    this.configs.delete(uri)
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.configs.delete(uri)
    this.settings.delete(uri)
  }
}
