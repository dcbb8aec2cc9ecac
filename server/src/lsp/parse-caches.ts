import {ParseCache} from '../engine/index.js'

/** Parse caches kept at most: for the documents edited last. */
export const MAX_PARSE_CACHES = 8
/** ...and at most this many characters of text between them (a 20,000-word draft is 120,000). */
const MAX_PARSE_CACHE_CHARS = 600_000

/**
 * Parsed chunks of the documents edited last, least recent first: a re-lint re-parses only the
 * paragraphs an edit touched. A cache holds the syntax trees of its document (tens of bytes per
 * character of text) and only helps the next lint of that document, so only documents typed in
 * keep one: a document that is only open would hold memory nothing reads, which V8 keeps in the
 * old generation long after it is dropped. The first edit of a document, or of one whose cache
 * made way for others, is one full lint (after the typing debounce); the next are cached.
 * docs/performance.md has the figures.
 */
export class ParseCaches {
  private readonly edited = new Set<string>()
  private readonly caches = new Map<string, {cache: ParseCache; chars: number}>()

  /** The document was typed in: its next lints keep a cache. */
  markEdited(uri: string): void {
    this.edited.add(uri)
  }

  /** The cache for a document of `chars` characters, when it was edited; the least recent others make way. */
  for(uri: string, chars: number): ParseCache | undefined {
    if (!this.edited.has(uri)) return undefined
    const kept = this.caches.get(uri)
    this.caches.delete(uri)
    const entry = {cache: kept?.cache ?? new ParseCache(), chars}
    this.caches.set(uri, entry)
    let total = 0
    for (const e of this.caches.values()) total += e.chars
    for (const [oldest, e] of this.caches) {
      if (oldest === uri || (this.caches.size <= MAX_PARSE_CACHES && total <= MAX_PARSE_CACHE_CHARS)) break
      this.caches.delete(oldest)
      total -= e.chars
    }
    return entry.cache
  }

  forget(uri: string): void {
    this.edited.delete(uri)
    this.caches.delete(uri)
  }
}
