import {pathToFileURL} from 'node:url'
import {DiagnosticSeverity, type Connection, type Diagnostic} from 'vscode-languageserver/node'
import type {ConfigProblem} from '../config/doc-config.js'
import type {DataFileError} from '../engine/index.js'

/**
 * How the server tells the user about a config, settings or terminology file it cannot use:
 * one message per distinct error (not one per lint), and a diagnostic on the file's line for
 * as long as the problem lasts.
 */
export class ConfigProblems {
  /** Messages already shown: each is shown once. */
  private readonly shown = new Set<string>()
  /** The problem of each source (a config file, or the terminology of one) that fails to load. */
  private readonly problems = new Map<string, DataFileError>()

  constructor(private readonly connection: Connection) {}

  /** A source failed to load: a diagnostic on its file, and the error said once with a way to open the file. */
  readonly report = ({source, error}: ConfigProblem): void => {
    const known = this.problems.get(source)
    if (known?.message !== error.message) {
      if (known) {
        this.problems.delete(source)
        this.publishFile(known.file)
      }
      this.problems.set(source, error)
      this.publishFile(error.file)
    }
    if (!this.once(error.message)) return
    this.connection.console.error(`oncolint: ${error.message}`)
    void this.connection.window
      .showErrorMessage(`oncolint: ${error.message} (the last valid configuration stays in use)`, {title: 'Open'})
      .then((choice) => {
        if (choice?.title !== 'Open') return
        const line = Math.max(0, error.line - 1)
        return this.connection.window.showDocument({
          uri: pathToFileURL(error.file).href,
          takeFocus: true,
          selection: {start: {line, character: 0}, end: {line, character: 0}},
        })
      })
      .catch(() => undefined)
  }

  /** A source loads again: its diagnostic goes. */
  readonly recovered = (source: string): void => {
    const known = this.problems.get(source)
    if (!known) return
    this.problems.delete(source)
    this.publishFile(known.file)
  }

  /** A wrong setting (its default is used instead): said once. */
  warnSetting(problem: string): void {
    if (this.once(problem)) void this.connection.window.showWarningMessage(`${problem}; using the default.`)
  }

  /** True the first time a message is seen. */
  private once(message: string): boolean {
    if (this.shown.has(message)) return false
    this.shown.add(message)
    return true
  }

  /** The diagnostics of one config or terminology file: one per problem it has now. */
  private publishFile(file: string): void {
    const diagnostics: Diagnostic[] = [...this.problems.values()]
      .filter((e) => e.file === file)
      .map((e) => ({
        range: {start: {line: Math.max(0, e.line - 1), character: 0}, end: {line: Math.max(0, e.line - 1), character: Number.MAX_SAFE_INTEGER}},
        severity: DiagnosticSeverity.Error,
        source: 'oncolint',
        code: 'config',
        message: e.problem,
      }))
    void this.connection.sendDiagnostics({uri: pathToFileURL(file).href, diagnostics})
  }
}
