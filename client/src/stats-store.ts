import {EventEmitter, type Event} from 'vscode'
import type {DocumentStats} from '../../common/protocol.js'

/** The latest stats the server sent for each document, keyed by the document's URI string. */
export class StatsStore {
  private readonly byUri = new Map<string, DocumentStats>()
  private readonly changed = new EventEmitter<string>()
  /** Fires with the URI whose stats changed. */
  readonly onDidChange: Event<string> = this.changed.event

  set(uri: string, stats: DocumentStats): void {
    this.byUri.set(uri, stats)
    this.changed.fire(uri)
  }

  get(uri: string): DocumentStats | undefined {
    return this.byUri.get(uri)
  }

  delete(uri: string): void {
    if (this.byUri.delete(uri)) this.changed.fire(uri)
  }

  clear(): void {
    const uris = [...this.byUri.keys()]
    this.byUri.clear()
    for (const uri of uris) this.changed.fire(uri)
  }

  dispose(): void {
    this.changed.dispose()
  }
}
