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
import {DataFileError, ParseCache, applyFixes, builtinTerminology, lint, termsAt, type LintResult} from '../engine/index.js'
import {acceptPhraseInFile, acceptTarget} from './accept-phrase.js'
import {actionsFor, type EditSupport} from './code-actions.js'
import {ConfigResolver, type DocConfig} from './doc-config.js'
import {findingFor, rangeOf, toDiagnostic} from './convert.js'
import {termHover} from './hover.js'
import {SERVER_COMMANDS, STATS_NOTIFICATION, type AcceptArgs, type FixAllArgs, type InitializationOptions} from './protocol.js'
import {DEFAULT_SETTINGS, readSettings, type Settings} from './settings.js'
import {documentStats} from './stats.js'


/** Characters above which the editor does not lint a document (about 2 MB of text). */
export const MAX_LINT_CHARS = 2_000_000

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.oncolint`
/** Re-lint after typing stops for this long, so a burst of keystrokes costs one lint. */
const DEBOUNCE_MS = 150

/** Does a requested kind (`only`) cover an action kind? "source" covers "source.fixAll.oncolint". */
const covers = (requested: string, kind: string): boolean => kind === requested || kind.startsWith(`${requested}.`)

/**
 * Lets the messages already received run (a didChange that arrived while a lint was running),
 * so a result can be checked against the newest version before it is published. The first
 * immediate gets past the event loop's timers phase (a timer set after a long lint counts as
 * already due: the loop's clock was read before the lint) to the poll phase that reads the
 * pipe. vscode-jsonrpc then hands a message on through chained setImmediate turns (read lock,
 * decode, queue); an immediate chain of our own stays one turn ahead of theirs, so three turns
 * let theirs finish, and the timer covers a slower path.
 */
const yieldToMessages = (): Promise<void> =>
  new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(() => setTimeout(resolve, 5)))))

interface Linted {
  version: number
  /** Bumped when config, settings or terminology files change: a cached result is then stale. */
  epoch: number
  result: LintResult
  docConfig: DocConfig
}

/** Wires the engine to an LSP connection: diagnostics, code actions, hover, commands, stats. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const timers = new Map<string, NodeJS.Timeout>()
  const results = new Map<string, Linted>()
  /** Parsed chunks per open document: a re-lint re-parses only the paragraphs an edit touched. */
  const parseCaches = new Map<string, ParseCache>()
  const settingsCache = new Map<string, Promise<Settings>>()
  let epoch = 0
  let folders: string[] = []
  let canPullSettings = false
  let canRegisterConfigChange = false
  let editSupport: EditSupport = {documentChanges: false, snippets: false}
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
    resolver = new ConfigResolver(init.trusted !== false, onProblem, onRecovered)
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

  /** The workspace folder a document belongs to (the innermost), else the first one. */
  const folderOf = (uri: string): string | undefined => {
    const path = pathOf(uri)
    const inside = path ? folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)) : []
    return inside.sort((a, b) => b.length - a.length)[0] ?? folders[0]
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

  /** The lint of the document's current version (cached), with the config it used. */
  const lintDocument = (doc: TextDocument, settings: Settings): Linted => {
    const cached = results.get(doc.uri)
    if (cached && cached.version === doc.version && cached.epoch === epoch) return cached
    const folder = folderOf(doc.uri) ?? process.cwd()
    const docConfig = resolver.resolve(pathOf(doc.uri), folder, settings)
    let cache = parseCaches.get(doc.uri)
    if (!cache) parseCaches.set(doc.uri, (cache = new ParseCache()))
    const languageId = doc.languageId
    const result = lint(doc.getText(), {languageId, config: docConfig.config, terminology: docConfig.terminology, cache})
    // Once per document, rule and message: a failing rule must not log a line per keystroke.
    for (const e of result.ruleErrors) {
      const key = `${doc.uri}|${e.ruleId}|${e.message}`
      if (loggedErrors.has(key)) continue
      loggedErrors.add(key)
      connection.console.error(`rule ${e.ruleId} failed on ${doc.uri}: ${e.message}`)
    }
    const linted = {version: doc.version, epoch, result, docConfig}
    results.set(doc.uri, linted)
    return linted
  }

  const validate = async (uri: string): Promise<void> => {
    // Another lint of this document is scheduled (it changed again): this one would arrive outdated.
    const superseded = () => timers.has(uri) || !documents.get(uri)
    try {
      const settings = await settingsFor(uri)
      const doc = documents.get(uri)
      if (!doc || superseded()) return
      // The connection has one thread: a pasted 20 MB file must not stall every other document.
      if (doc.getText().length > MAX_LINT_CHARS) {
        void connection.sendDiagnostics({uri, version: doc.version, diagnostics: []})
        if (!tooLargeShown.has(uri)) {
          tooLargeShown.add(uri)
          void connection.window.showWarningMessage(`oncolint: ${uri.split('/').pop()} is ${(doc.getText().length / 1e6).toFixed(1)} MB; drafts over ${MAX_LINT_CHARS / 1e6} MB are not linted in the editor (the CLI lints them).`)
        }
        return
      }
      const {result, docConfig, version} = lintDocument(doc, settings)
      // Positions now: TextDocuments updates the same document object in place on a change.
      const diagnostics = result.findings.map((f) => toDiagnostic(doc, f))
      const stats = documentStats(doc, result, docConfig.config.targetGrade ?? DEFAULT_SETTINGS.targetGrade)
      await yieldToMessages()
      if (superseded()) return
      void connection.sendDiagnostics({uri, version, diagnostics})
      void connection.sendNotification(STATS_NOTIFICATION, stats)
    } catch (e) {
      connection.console.error(`oncolint failed on ${uri}: ${(e as Error).stack ?? e}`)
    }
  }

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri))
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        void validate(uri)
      }, delay),
    )
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
    void settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType' && documents.get(e.document.uri)) schedule(e.document.uri, DEBOUNCE_MS)
    })
  })
  documents.onDidSave((e) => schedule(e.document.uri, 0))
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri))
    timers.delete(e.document.uri)
    justOpened.delete(e.document.uri)
    results.delete(e.document.uri)
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
      const {result} = lintDocument(doc, await settingsFor(doc.uri))
      const canAccept = folderOf(doc.uri) !== undefined || pathOf(doc.uri) !== undefined
      const seen = new Set<string>()
      for (const d of ours) {
        const finding = findingFor(doc, result.findings, d)
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
    const {result} = lintDocument(doc, settings)
    const fixed = applyFixes(doc.getText(), result.findings)
    if (fixed.applied.length === 0) return undefined
    const edits = fixed.edits.map((e) => ({range: rangeOf(doc, e.offset, e.endOffset), newText: e.newText}))
    const edit = editSupport.documentChanges ? {documentChanges: [{textDocument: {uri: doc.uri, version: doc.version}, edits}]} : {changes: {[doc.uri]: edits}}
    return {edit, applied: fixed.applied.length}
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
      const path = pathOf(uri)
      const file = acceptTarget(path ? dirname(path) : undefined, folderOf(uri))
      if (!file || !phrase?.trim()) {
        void connection.window.showErrorMessage('oncolint: open a folder to accept phrases in its .oncolintrc.yaml')
        return {file: null}
      }
      try {
        const added = acceptPhraseInFile(file, phrase.trim())
        relintAll()
        void connection.window.showInformationMessage(added ? `oncolint: '${phrase.trim()}' is accepted in ${file}` : `oncolint: '${phrase.trim()}' was already accepted in ${file}`)
        return {file}
      } catch (e) {
        void connection.window.showErrorMessage(`oncolint: could not update ${file}: ${(e as Error).message}`)
        return {file: null}
      }
    }
    return null
  })

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return null
    const offset = doc.offsetAt(params.position)
    const {result, docConfig} = lintDocument(doc, await settingsFor(doc.uri))
    const text = doc.getText()
    const terms = docConfig.terminology
    const finding = result.findings.find((f) => f.entryId && f.offset <= offset && offset <= f.endOffset && terms.byId.has(f.entryId))
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
