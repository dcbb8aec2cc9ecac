import type {ExecuteCommandParams} from 'vscode-languageserver/node'
import {AcceptCommand, FixAllCommand, type AcceptArgs, type AcceptResult, type FixAllResult} from '../../../../common/protocol.js'
import {acceptPhraseInFile} from '../accept-phrase.js'
import type {ServerContext} from '../context.js'
import {WriteRefused} from '../workspace-file.js'
import {fixAll} from './fix-all.js'

/** workspace/executeCommand: runs one of the server's commands (common/protocol.ts SERVER_COMMANDS); null for any other. */
export async function executeCommand(ctx: ServerContext, params: ExecuteCommandParams): Promise<FixAllResult | AcceptResult | null> {
  if (params.command === FixAllCommand.name) return fixAll(ctx, params)
  if (params.command === AcceptCommand.name) return accept(ctx, params)
  return null
}

/**
 * The AcceptCommand: adds the phrase to `accept` in the .oncolintrc that applies to the
 * document, then lints every document again. Never in an untrusted workspace, and never to a
 * file outside the workspace folders.
 */
function accept(ctx: ServerContext, params: ExecuteCommandParams): AcceptResult {
  const {connection, workspace} = ctx
  const {uri, phrase} = (params.arguments?.[0] ?? {}) as Partial<AcceptArgs>
  if (!workspace.trusted) {
    void connection.window.showErrorMessage(
      'oncolint: this workspace is not trusted, so oncolint writes nothing in it; add the phrase to accept in its .oncolintrc yourself',
    )
    return {file: null}
  }
  const file = typeof uri === 'string' ? workspace.acceptFileFor(uri) : undefined
  if (!file || typeof phrase !== 'string' || !phrase.trim()) {
    void connection.window.showErrorMessage('oncolint: open the draft from a workspace folder to accept phrases in its .oncolintrc')
    return {file: null}
  }
  try {
    const added = acceptPhraseInFile(file, phrase.trim(), workspace.folders)
    ctx.scheduler.relintAll()
    void connection.window.showInformationMessage(
      added ? `oncolint: '${phrase.trim()}' is accepted in ${file}` : `oncolint: '${phrase.trim()}' was already accepted in ${file}`,
    )
    return {file}
  } catch (e) {
    const why = e instanceof WriteRefused ? `will not write ${file}: ${e.message}` : `could not update ${file}: ${(e as Error).message}`
    void connection.window.showErrorMessage(`oncolint: ${why}`)
    return {file: null}
  }
}
