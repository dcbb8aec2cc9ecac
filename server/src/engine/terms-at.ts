import {parseDraft} from './parse/draft.js'
import {splitChunks} from './parse/chunks.js'
import {isPlainText} from './parse/language.js'
import {findPhraseHits} from './analyses/phrase-hits.js'
import {RULES_BY_ID} from './rules/index.js'
import type {Entry} from './terminology/entry.js'
import type {Terminology} from './terminology/terminology.js'

export interface TermAt {
  entry: Entry
  offset: number
  endOffset: number
}

/**
 * Terminology phrases at `offset`, flagged or not (a jargon term the draft explains, a second
 * use of a term): what an editor's hover shows. Only the chunk under the offset is parsed,
 * so it costs little in a long draft.
 */
export function termsAt(text: string, offset: number, languageId: string, terminology: Terminology): TermAt[] {
  const chunk = splitChunks(text, !isPlainText(languageId)).find(([a, b]) => a <= offset && offset <= b) ?? [0, text.length]
  const [start, end] = chunk
  const draft = parseDraft(text.slice(start, end), languageId)
  return findPhraseHits(draft, terminology, () => true, (id) => RULES_BY_ID.get(id)?.phrase)
    .map((h) => ({entry: h.entry, offset: h.offset + start, endOffset: h.endOffset + start}))
    .filter((h) => h.offset <= offset && offset <= h.endOffset)
}
