import {dirname} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {DataFileError, MAX_TEXT_CHARS, ParseCache, applyFixes, builtinTerminology, lint, notLintable, termsAt, type Finding} from '../engine/index.js'
import {acceptPhraseInFile, acceptTarget} from './accept-phrase.js'
import {actionsFor} from './code-actions.js'
import {ConfigResolver, type DocConfig} from '../config/doc-config.js'
import {documentEdit, findingFor, rangeOf, toDiagnostic, type EditSupport} from './convert.js'
import {termHover} from './hover.js'
import {SERVER_COMMANDS, STATS_NOTIFICATION, type AcceptArgs, type DocumentStats, type FixAllArgs, type InitializationOptions} from './protocol.js'
import {DEFAULT_SETTINGS, readSettings, type Settings} from '../config/settings.js'
import {documentStats} from './stats.js'
import {WriteRefused, isInside} from './workspace-file.js'


/**
 * Characters above which the editor does not lint a document (about 2 MB of text): not for
 * diagnostics, hovers, code actions or fix-all. The connection has one thread, and a pasted
 * 20 MB file must not stall every other document.
 */
/** The editor's limit is the CLI's (engine/input.ts): both lint the same drafts. */
export const MAX_LINT_CHARS = MAX_TEXT_CHARS

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.oncolint`
/** Re-lint after typing stops for this long, so a burst of keystrokes costs one lint. */
const DEBOUNCE_MS = 150

/** Does a requested kind (`only`) cover an action kind? "source" covers "source.fixAll.oncolint". */
const covers = (requested: string, kind: string): boolean => kind === requested || kind.startsWith(`${requested}.`)

/** Parse caches kept at most: for the documents edited last. */
export const MAX_PARSE_CACHES = 8
/** ...and at most this many characters of text between them (a 20,000-word draft is 120,000). */
export const MAX_PARSE_CACHE_CHARS = 600_000

/**
 * Event-loop turns to wait after a lint before publishing it, so a didChange that arrived while
 * the lint ran is seen first and the outdated result is dropped. The pipe is read in the poll
 * phase of the next turn; vscode-jsonrpc then hands a message on through chained setImmediate
 * turns (read lock, then its queue, one message per turn). A chain of our own queued first stays
 * one turn ahead of theirs, so three turns see a didChange that was waiting; the other three
 * cover a message queued behind another one (a code action request) or split over two reads.
 * Each turn costs microseconds when nothing is waiting: the fixed 5 ms timer that stood here
 * was a tenth of an edit's time to diagnostics on a 20,000-word draft.
 */
const YIELD_TURNS = 6
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
 * The last lint of a document, kept for the code actions, hovers and fix-all the editor asks for
 * between lints (on every cursor move). Only what they need: the findings and the config; the
 * engine's readability figures are boiled down to the few the client shows (DocumentStats).
 */
interface Linted {
  version: number
  /** Bumped when config, settings or terminology files change: a cached result is then stale. */
  epoch: number
  findings: Finding[]
  docConfig: DocConfig
  stats: DocumentStats
  /** Sent to the client already: a save with no change since does not send it again. */
  published: boolean
}

/** Wires the engine to an LSP connection: diagnostics, code actions, hover, commands, stats. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  /** Lints scheduled (debounce timer or next turn), by URI: the function cancels one. */
  const pending = new Map<string, () => void>()
  const results = new Map<string, Linted>()
  /**
   * Parsed chunks of the documents edited last, least recent first: a re-lint re-parses only the
   * paragraphs an edit touched. A cache holds about 40 bytes per character of text (the syntax
   * trees) and only helps the next lint of its document, so only documents typed in keep one:
   * with 50 drafts open (and not edited) the server used 20 MB more for caches nothing would
   * read, and V8 keeps that garbage in the old generation long after it is dropped. The first
   * edit of a document, or of one whose cache made way for others, is one full lint (30 ms for a
   * 2,000-word draft, 200 ms for 20,000 words, after the typing debounce); the next are cached.
   */
  const edited = new Set<string>()
  const parseCaches = new Map<string, {cache: ParseCache; chars: number}>()
  const parseCacheFor = (uri: string, chars: number): ParseCache => {
    const kept = parseCaches.get(uri)
    parseCaches.delete(uri)
    const entry = {cache: kept?.cache ?? new ParseCache(), chars}
    parseCaches.set(uri, entry)
    let total = 0
    for (const e of parseCaches.values()) total += e.chars
    for (const [oldest, e] of parseCaches) {
      if (oldest === uri || (parseCaches.size <= MAX_PARSE_CACHES && total <= MAX_PARSE_CACHE_CHARS)) break
      parseCaches.delete(oldest)
      total -= e.chars
    }
    return entry.cache
  }
  const settingsCache = new Map<string, Promise<Settings>>()
  let epoch = 0
  let folders: string[] = []
  let canPullSettings = false
  let canRegisterConfigChange = false
  let editSupport: EditSupport = {documentChanges: false, snippets: false}
  /**
   * Whether the client vouches for the workspace (initializationOptions.trusted, which the VS
   * Code client sends from workspace.isTrusted). Not trusted unless it says so: a cloned
   * repository's .oncolintrc may name any file to read as terminology, and "Accept" writes.
   */
  let trusted = false
  let resolver: ConfigResolver

  // --- config problems: one notification per distinct error, a diagnostic on the file --------
  const shownErrors = new Set<string>()
  const problems = new Map<string, DataFileError>()
  const publishFileProblems = (file: string): void => {
    const diagnostics: Diagnostic[] = [...problems.values()]
      .filter((e) => e.file === file)
      .map((e) => ({
        range: {start: {line: Math.max(0, e.line - 1), character: 0}, end: {line: Math.max(0, e.line - 1), character: Number.MAX_SAFE_INTEGER}},
        severity: DiagnosticSeverity.Error,
        source: 'oncolint',
        code: 'config',
        message: e.problem,
      }))
    void connection.sendDiagnostics({uri: pathToFileURL(file).href, diagnostics})
  }
  const onProblem = ({source, error}: {source: string; error: DataFileError}): void => {
    const known = problems.get(source)
    if (known?.message !== error.message) {
      if (known) {
        problems.delete(source)
        publishFileProblems(known.file)
      }
      problems.set(source, error)
      publishFileProblems(error.file)
    }
    if (shownErrors.has(error.message)) return
    shownErrors.add(error.message)
    connection.console.error(`oncolint: ${error.message}`)
    void connection.window
      .showErrorMessage(`oncolint: ${error.message} (the last valid configuration stays in use)`, {title: 'Open'})
      .then((choice) => {
        if (choice?.title !== 'Open') return
        const line = Math.max(0, error.line - 1)
        return connection.window.showDocument({uri: pathToFileURL(error.file).href, takeFocus: true, selection: {start: {line, character: 0}, end: {line, character: 0}}})
      })
      .catch(() => undefined)
  }
  const onRecovered = (source: string): void => {
    const known = problems.get(source)
    if (!known) return
    problems.delete(source)
    publishFileProblems(known.file)
  }

  connection.onInitialize((params): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u))
    if (folders.length === 0 && params.rootUri?.startsWith('file:')) folders = [fileURLToPath(params.rootUri)]
    const caps = params.capabilities
    canPullSettings = caps.workspace?.configuration === true
    canRegisterConfigChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true
    editSupport = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      snippets: (caps.workspace?.workspaceEdit as {snippetEditSupport?: boolean} | undefined)?.snippetEditSupport === true,
    }
    const init = (params.initializationOptions ?? {}) as InitializationOptions
    trusted = init.trusted === true
    resolver = new ConfigResolver(trusted, onProblem, onRecovered)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false},
        hoverProvider: true,
        executeCommandProvider: {commands: [SERVER_COMMANDS.fixAll, SERVER_COMMANDS.accept]},
      },
      serverInfo: {name: 'oncolint'},
    }
  })

  connection.onInitialized(() => {
    if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'oncolint'})
    // Load the terminology while the editor is still opening documents, not on the first lint.
    setImmediate(() => builtinTerminology())
  })

  const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined)

  /** The workspace folder holding a file's path (the innermost), if any. */
  const holderOf = (path: string): string | undefined =>
    folders.filter((f) => isInside(path, f)).sort((a, b) => b.length - a.length)[0]

  /** The workspace folder a document belongs to (the innermost), else the first one. */
  const folderOf = (uri: string): string | undefined => {
    const path = pathOf(uri)
    return (path ? holderOf(path) : undefined) ?? folders[0]
  }

  /**
   * The .oncolintrc "Accept" would write for a document, when it may write at all: never in an
   * untrusted workspace, and only for a file in a workspace folder (or an untitled draft of
   * one), so the file it writes is the one that applies to the draft.
   */
  const acceptFileFor = (uri: string): string | undefined => {
    if (!trusted) return undefined
    const path = pathOf(uri)
    const folder = path ? holderOf(path) : uri.startsWith('untitled:') ? folders[0] : undefined
    if (!folder) return undefined
    return acceptTarget(path ? dirname(path) : undefined, folder)
  }

  const settingsFor = (uri: string): Promise<Settings> => {
    let pending = settingsCache.get(uri)
    if (!pending) {
      pending = canPullSettings
        ? connection.workspace.getConfiguration({scopeUri: uri, section: 'oncolint'}).then(
            (raw) => {
              const {settings, problems: wrong} = readSettings(raw)
              for (const p of wrong) {
                if (shownErrors.has(p)) continue
                shownErrors.add(p)
                void connection.window.showWarningMessage(`${p}; using the default.`)
              }
              return settings
            },
            () => DEFAULT_SETTINGS,
          )
        : Promise.resolve(DEFAULT_SETTINGS)
      settingsCache.set(uri, pending)
    }
    return pending
  }

  const loggedErrors = new Set<string>()
  const tooLargeShown = new Set<string>()

  /**
   * The config of each open document, resolved on open, on save and when a config, settings or
   * terminology file changes (epoch), not on every keystroke's lint: finding the .oncolintrc
   * walks up the folders with a stat per name per folder (1.4 ms a lint here). A client that
   * does not report watched files has a changed .oncolintrc taken up when the draft is saved.
   */
  const docConfigs = new Map<string, {epoch: number; docConfig: DocConfig}>()
  const docConfigFor = (uri: string, settings: Settings): DocConfig => {
    const known = docConfigs.get(uri)
    if (known?.epoch === epoch) return known.docConfig
    const docConfig = resolver.resolve(pathOf(uri), folderOf(uri) ?? process.cwd(), settings)
    docConfigs.set(uri, {epoch, docConfig})
    return docConfig
  }

  /**
   * The lint of the document's current version (cached), with the config it used; undefined for
   * a document the CLI would not lint either (binary, or over the size limit: engine/input.ts).
   * Every request that needs findings comes here, so this is the one place the limits are checked.
   */
  const lintDocument = (doc: TextDocument, settings: Settings): Linted | undefined => {
    if (doc.getText().length > MAX_LINT_CHARS || notLintable(doc.getText())) return undefined
    const cached = results.get(doc.uri)
    if (cached && cached.version === doc.version && cached.epoch === epoch) return cached
    const docConfig = docConfigFor(doc.uri, settings)
    const text = doc.getText()
    const cache = edited.has(doc.uri) ? parseCacheFor(doc.uri, text.length) : undefined
    const languageId = doc.languageId
    const result = lint(text, {languageId, config: docConfig.config, terminology: docConfig.terminology, cache})
    // Once per document, rule and message: a failing rule must not log a line per keystroke.
    for (const e of result.ruleErrors) {
      const key = `${doc.uri}|${e.ruleId}|${e.message}`
      if (loggedErrors.has(key)) continue
      loggedErrors.add(key)
      connection.console.error(`rule ${e.ruleId} failed on ${doc.uri}: ${e.message}`)
    }
    const stats = documentStats(doc, result, docConfig.config.targetGrade ?? DEFAULT_SETTINGS.targetGrade)
    const linted = {version: doc.version, epoch, findings: result.findings, docConfig, stats, published: false}
    results.set(doc.uri, linted)
    return linted
  }

  const validate = async (uri: string): Promise<void> => {
    // Another lint of this document is scheduled (it changed again): this one would arrive outdated.
    const superseded = () => pending.has(uri) || !documents.get(uri)
    try {
      const settings = await settingsFor(uri)
      const doc = documents.get(uri)
      if (!doc || superseded()) return
      const linted = lintDocument(doc, settings)
      if (!linted) {
        void connection.sendDiagnostics({uri, version: doc.version, diagnostics: []})
        if (!tooLargeShown.has(uri)) {
          tooLargeShown.add(uri)
          void connection.window.showWarningMessage(`oncolint: ${uri.split('/').pop()}: ${notLintable(doc.getText()) ?? 'not linted'} (the command line skips it too).`)
        }
        return
      }
      // A save with no change since the last lint: the client has these diagnostics already.
      if (linted.published) return
      const {findings, stats, version} = linted
      // Positions now: TextDocuments updates the same document object in place on a change.
      const diagnostics = findings.map((f) => toDiagnostic(doc, f))
      await yieldToMessages(superseded)
      if (superseded()) return
      linted.published = true
      void connection.sendDiagnostics({uri, version, diagnostics})
      void connection.sendNotification(STATS_NOTIFICATION, stats)
    } catch (e) {
      connection.console.error(`oncolint failed on ${uri}: ${(e as Error).stack ?? e}`)
    }
  }

  /** Lints the document after `delay` ms, or on the next turn (a timer's clock would add a millisecond or more). */
  const schedule = (uri: string, delay: number): void => {
    pending.get(uri)?.()
    const run = (): void => {
      pending.delete(uri)
      void validate(uri)
    }
    if (delay > 0) {
      const timer = setTimeout(run, delay)
      pending.set(uri, () => clearTimeout(timer))
    } else {
      const immediate = setImmediate(run)
      pending.set(uri, () => clearImmediate(immediate))
    }
  }

  /** Config, settings or terminology changed: every open document is linted again. */
  const relintAll = (): void => {
    epoch++
    resolver.reset()
    for (const doc of documents.all()) schedule(doc.uri, 0)
  }

  const justOpened = new Set<string>()
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri)
    schedule(e.document.uri, 0)
  })
  documents.onDidChangeContent((e) => {
    // onDidChangeContent also fires on open; the open handler has scheduled that lint.
    if (justOpened.delete(e.document.uri)) return
    edited.add(e.document.uri)
    void settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType' && documents.get(e.document.uri)) schedule(e.document.uri, DEBOUNCE_MS)
    })
  })
  documents.onDidSave((e) => {
    docConfigs.delete(e.document.uri)
    schedule(e.document.uri, 0)
  })
  documents.onDidClose((e) => {
    pending.get(e.document.uri)?.()
    pending.delete(e.document.uri)
    justOpened.delete(e.document.uri)
    results.delete(e.document.uri)
    docConfigs.delete(e.document.uri)
    edited.delete(e.document.uri)
    parseCaches.delete(e.document.uri)
    tooLargeShown.delete(e.document.uri)
    for (const key of loggedErrors) if (key.startsWith(`${e.document.uri}|`)) loggedErrors.delete(key)
    settingsCache.delete(e.document.uri)
    void connection.sendDiagnostics({uri: e.document.uri, diagnostics: []})
  })

  connection.onDidChangeConfiguration(async () => {
    const before = new Map([...settingsCache].map(([uri, p]) => [uri, p]))
    settingsCache.clear()
    let changed = false
    for (const doc of documents.all()) {
      const old = await before.get(doc.uri)
      const now = await settingsFor(doc.uri)
      if (JSON.stringify(old) !== JSON.stringify(now)) changed = true
    }
    if (changed) relintAll()
  })

  // The client watches .oncolintrc.* and YAML files (terminology): any change may matter.
  connection.onDidChangeWatchedFiles(() => relintAll())

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const only = params.context.only
    const actions: CodeAction[] = []
    const ours = params.context.diagnostics.filter((d) => d.source === 'oncolint')
    if (ours.length && (!only || only.some((k) => covers(k, CodeActionKind.QuickFix)))) {
      // Built from the current text: a diagnostic from an older version finds no finding and gets no fix.
      const linted = lintDocument(doc, await settingsFor(doc.uri))
      if (!linted) return []
      const {findings} = linted
      // Not offered where it could only be refused: a config above the workspace folder applies.
      const acceptFile = acceptFileFor(doc.uri)
      const canAccept = acceptFile !== undefined && folders.some((f) => isInside(acceptFile, f))
      const seen = new Set<string>()
      for (const d of ours) {
        const finding = findingFor(doc, findings, d)
        if (!finding) continue
        for (const a of actionsFor(doc, d, finding, params.range, editSupport, canAccept)) {
          // Two findings of one rule offer the same "for this file" action (same title, same edit) once.
          const key = `${a.title}\0${JSON.stringify(a.edit ?? a.command)}`
          if (seen.has(key)) continue
          seen.add(key)
          actions.push(a)
        }
      }
    }
    // Only when asked for (editor.codeActionsOnSave, the Source Action menu): it lints the whole text.
    if (only?.some((k) => covers(k, FIX_ALL_KIND))) {
      const edit = fixAllEdit(doc, await settingsFor(doc.uri))
      if (edit) actions.push({title: 'Fix all safe oncolint problems', kind: FIX_ALL_KIND, edit: edit.edit})
    }
    return actions
  })

  const fixAllEdit = (doc: TextDocument, settings: Settings) => {
    const linted = lintDocument(doc, settings)
    if (!linted) return undefined
    const fixed = applyFixes(doc.getText(), linted.findings)
    if (fixed.applied.length === 0) return undefined
    const edits = fixed.edits.map((e) => ({range: rangeOf(doc, e.offset, e.endOffset), newText: e.newText}))
    return {edit: documentEdit(doc, edits, editSupport), applied: fixed.applied.length}
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command === SERVER_COMMANDS.fixAll) {
      const {uri, version} = (params.arguments?.[0] ?? {}) as FixAllArgs
      const doc = documents.get(uri)
      if (!doc || (version !== undefined && version !== doc.version)) return {applied: 0}
      const fix = fixAllEdit(doc, await settingsFor(uri))
      if (!fix) return {applied: 0}
      const {applied} = await connection.workspace.applyEdit({label: 'oncolint: Fix all safe problems', edit: fix.edit})
      return {applied: applied ? fix.applied : 0}
    }
    if (params.command === SERVER_COMMANDS.accept) {
      const {uri, phrase} = (params.arguments?.[0] ?? {}) as AcceptArgs
      if (!trusted) {
        void connection.window.showErrorMessage('oncolint: this workspace is not trusted, so oncolint writes nothing in it; add the phrase to accept in its .oncolintrc yourself')
        return {file: null}
      }
      const file = typeof uri === 'string' ? acceptFileFor(uri) : undefined
      if (!file || typeof phrase !== 'string' || !phrase.trim()) {
        void connection.window.showErrorMessage('oncolint: open the draft from a workspace folder to accept phrases in its .oncolintrc')
        return {file: null}
      }
      try {
        const added = acceptPhraseInFile(file, phrase.trim(), folders)
        relintAll()
        void connection.window.showInformationMessage(added ? `oncolint: '${phrase.trim()}' is accepted in ${file}` : `oncolint: '${phrase.trim()}' was already accepted in ${file}`)
        return {file}
      } catch (e) {
        const why = e instanceof WriteRefused ? `will not write ${file}: ${e.message}` : `could not update ${file}: ${(e as Error).message}`
        void connection.window.showErrorMessage(`oncolint: ${why}`)
        return {file: null}
      }
    }
    return null
  })

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return null
    const linted = lintDocument(doc, await settingsFor(doc.uri))
    if (!linted) return null
    const {findings, docConfig} = linted
    const offset = doc.offsetAt(params.position)
    const text = doc.getText()
    const terms = docConfig.terminology
    const finding = findings.find((f) => f.entryId && f.offset <= offset && offset <= f.endOffset && terms.byId.has(f.entryId))
    if (finding) {
      return {
        contents: {kind: MarkupKind.Markdown, value: termHover(terms.byId.get(finding.entryId!)!, text.slice(finding.offset, finding.endOffset), finding)},
        range: rangeOf(doc, finding.offset, finding.endOffset),
      }
    }
    // A known term no rule flagged here (explained, or used before): its explanation still helps.
    const term = termsAt(text, offset, doc.languageId, terms).find((t) => t.entry.explain)
    if (!term) return null
    return {
      contents: {kind: MarkupKind.Markdown, value: termHover(term.entry, text.slice(term.offset, term.endOffset))},
      range: rangeOf(doc, term.offset, term.endOffset),
    }
  })

  documents.listen(connection)
  connection.listen()
}
