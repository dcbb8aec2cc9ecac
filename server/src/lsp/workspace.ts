import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {InitializeParams} from 'vscode-languageserver/node'
import type {InitializationOptions} from '../../../common/protocol.js'
import {acceptTarget} from './accept-phrase.js'
import type {EditSupport} from './convert.js'
import {isInside} from './workspace-file.js'

/**
 * What the client said at initialize: the workspace folders, whether it vouches for them, and
 * what it can do (pull settings, register for their changes, take versioned or snippet edits).
 * Set once, by initialize; read by everything after.
 */
export class Workspace {
  folders: string[] = []
  /**
   * Whether the client vouches for the workspace (initializationOptions.trusted, which the VS
   * Code client sends from workspace.isTrusted). Not trusted unless it says so: a cloned
   * repository's .oncolintrc may name any file to read as terminology, and "Accept" writes.
   */
  trusted = false
  canPullSettings = false
  canRegisterConfigChange = false
  editSupport: EditSupport = {documentChanges: false, snippets: false}

  initialize(params: InitializeParams): void {
    this.folders = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u))
    if (this.folders.length === 0 && params.rootUri?.startsWith('file:')) this.folders = [fileURLToPath(params.rootUri)]
    const caps = params.capabilities
    this.canPullSettings = caps.workspace?.configuration === true
    this.canRegisterConfigChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true
    this.editSupport = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      snippets: (caps.workspace?.workspaceEdit as {snippetEditSupport?: boolean} | undefined)?.snippetEditSupport === true,
    }
    const init = (params.initializationOptions ?? {}) as InitializationOptions
    this.trusted = init.trusted === true
  }

  /** The file path of a file: URI; undefined for an untitled draft and other schemes. */
  pathOf(uri: string): string | undefined {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
  }

  /** The workspace folder a document belongs to (the innermost), else the first one. */
  folderOf(uri: string): string | undefined {
    const path = this.pathOf(uri)
    return (path ? this.holderOf(path) : undefined) ?? this.folders[0]
  }

  /**
   * The .oncolintrc "Accept" would write for a document, when it may write at all: never in an
   * untrusted workspace, and only for a file in a workspace folder (or an untitled draft of
   * one), so the file it writes is the one that applies to the draft.
   */
  acceptFileFor(uri: string): string | undefined {
    if (!this.trusted) return undefined
    const path = this.pathOf(uri)
    const folder = path ? this.holderOf(path) : uri.startsWith('untitled:') ? this.folders[0] : undefined
    if (!folder) return undefined
    return acceptTarget(path ? dirname(path) : undefined, folder)
  }

  /** Whether "Accept" is offered: not where it could only be refused (a config above the workspace folder applies). */
  canAccept(uri: string): boolean {
    const file = this.acceptFileFor(uri)
    return file !== undefined && this.folders.some((f) => isInside(file, f))
  }

  /** The workspace folder holding a file's path (the innermost), if any. */
  private holderOf(path: string): string | undefined {
    return this.folders.filter((f) => isInside(path, f)).sort((a, b) => b.length - a.length)[0]
  }
}
