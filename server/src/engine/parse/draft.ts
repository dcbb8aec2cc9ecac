import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'
import type {Root as NlcstRoot} from 'nlcst'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {alignTextNodes} from './align.js'
import {FastParseEnglish} from './english.js'
import {splitChunks} from './chunks.js'
import {asPlainProse, listTree} from './plain-markdown.js'
import {isPlainText} from './language.js'
import {readSentence, shiftSentence, type Sentence} from './sentence.js'

export type {Sentence, Word} from './sentence.js'

export interface Paragraph {
  offset: number
  endOffset: number
  heading: boolean
  /** Index into Draft.sections. */
  section: number
  /** Indexes into Draft.sentences. */
  sentences: number[]
}

export interface Section {
  /** Heading text, or '' for text before the first heading. */
  title: string
  offset: number
  endOffset: number
  paragraphs: number[]
}

/** A comment that may carry an oncolint directive (Markdown HTML comment or a plain-text line). */
export interface Comment {
  offset: number
  endOffset: number
  body: string
}

/** The prose of a draft, with exact offsets; code, HTML, URLs and front matter are left out. */
export interface Draft {
  text: string
  languageId: string
  paragraphs: Paragraph[]
  sentences: Sentence[]
  sections: Section[]
  comments: Comment[]
}

// remark-retext in "mutate" mode (given a parser, not a processor) turns mdast into nlcst
// synchronously; given a processor it would bridge asynchronously, with a Latin parser.
// Front matter can only open a document, so only the first chunk is parsed for it.
const markdownFirst = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkRetext, FastParseEnglish)
const markdown = unified().use(remarkParse).use(remarkRetext, FastParseEnglish)
const english = new FastParseEnglish()

// Bare URLs and e-mail addresses are not prose, in Markdown text nodes as in plain text. An
// address is tried only where a run of its characters starts: tried at every letter of a long
// word it backtracked through the rest of it each time: quadratic in the word's length.
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g
const COMMENT = /<!--([\s\S]*?)-->/g

/** One chunk parsed on its own, offsets in the document it was first parsed in. */
export interface ChunkParse {
  /** Where the chunk started in that document: a later version that moved it shifts by the difference. */
  base: number
  paragraphs: Array<{offset: number; endOffset: number; heading: boolean; sentences: Sentence[]}>
  comments: Comment[]
}

/**
 * Parsed chunks of one document, reused across lints of its later versions: an edit
 * re-parses only the chunk it touched. Entries not used by the latest parse are dropped.
 */
export class ParseCache {
  /** By kind of chunk (first Markdown chunk, other Markdown, plain text), then by its text. */
  private entries = new Map<string, Map<string, ChunkParse>>()
  private used = new Set<ChunkParse>()

  /** The parse of a chunk's text, from the cache or by `parse` (given its own copy of the text). */
  get(kind: string, text: string, parse: (text: string) => ChunkParse): ChunkParse {
    let byText = this.entries.get(kind)
    if (!byText) this.entries.set(kind, (byText = new Map()))
    let hit = byText.get(text)
    if (!hit) {
      // A substring keeps the whole string it was cut from alive, and so would the key and
      // every word of the parse: each version of a draft an unchanged chunk was first seen in
      // stayed in memory, and the heap grew with every edit (docs/performance.md).
      const own = ownCopy(text)
      byText.set(own, (hit = parse(own)))
    }
    this.used.add(hit)
    return hit
  }

  /** Forget the chunks the latest parse did not use. */
  sweep(): void {
    for (const byText of this.entries.values()) for (const [text, chunk] of byText) if (!this.used.has(chunk)) byText.delete(text)
    this.used.clear()
  }
}

/** A string with the same text that refers to no other string (joining flattens into a new one). */
const ownCopy = (text: string): string => (text + ' ').slice(0, -1)

export function parseDraft(text: string, languageId: string, cache = new ParseCache()): Draft {
  const isMarkdown = !isPlainText(languageId)
  const draft: Draft = {text, languageId: isMarkdown ? 'markdown' : 'plaintext', paragraphs: [], sentences: [], sections: [], comments: []}
  for (const [chunkStart, end] of splitChunks(text, isMarkdown)) {
    // remark skips a byte-order mark and counts its offsets from after it: so does the first chunk.
    const start = chunkStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : chunkStart
    const chunkText = text.slice(start, end)
    const kind = isMarkdown ? (chunkStart === 0 ? 'M' : 'm') : 'p'
    const chunk = cache.get(kind, chunkText, (own) => parseChunkSafely(own, isMarkdown, chunkStart === 0, start))
    const shift = start - chunk.base
    for (const c of chunk.comments) draft.comments.push(shift ? {...c, offset: c.offset + shift, endOffset: c.endOffset + shift} : c)
    for (const p of chunk.paragraphs) addParagraph(draft, p, shift)
  }
  cache.sweep()
  return draft
}

/** Block quotes and list items opened on one line beyond which remark is not given the chunk. */
const MAX_NESTING = 32
const LINE_BREAK = /[\r\n]/g

/**
 * Markdown nested hundreds deep ("> > > …", "1. 1. 1. …") takes remark quadratic time and
 * overflows its recursion, as can a huge paragraph in remark-retext: such a chunk is read as
 * plain text instead, so the linter neither hangs nor throws and its prose is still checked.
 */
function parseChunkSafely(text: string, isMarkdown: boolean, first: boolean, base: number): ChunkParse {
  if (isMarkdown && nestingDepth(text) <= MAX_NESTING) {
    try {
      return parseChunk(text, true, first, true, base)
    } catch (e) {
      if (!(e instanceof RangeError)) throw e
    }
  }
  return parseChunk(text, false, first, true, base)
}

/** The most block quote and list markers any line of `text` starts with. */
function nestingDepth(text: string): number {
  let deepest = 0
  for (let i = 0; i < text.length; ) {
    let depth = 0
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++
      const c = text[i]
      const after = (k: number) => k >= text.length || text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r'
      let digits = 0
      while (digits < 9 && text[i + digits] >= '0' && text[i + digits] <= '9') digits++
      if (c === '>') i++
      else if ((c === '-' || c === '*' || c === '+') && after(i + 1)) i++
      else if (digits > 0 && (text[i + digits] === '.' || text[i + digits] === ')') && after(i + digits + 1)) i += digits + 1
      else break
      depth++
    }
    deepest = Math.max(deepest, depth)
    LINE_BREAK.lastIndex = i
    if (!LINE_BREAK.test(text)) break
    i = LINE_BREAK.lastIndex
  }
  return deepest
}

/**
 * Parses one chunk that starts at `base` in the document; `fastPath: false` sends plain
 * Markdown prose through remark too (tests compare the two).
 */
export function parseChunk(text: string, isMarkdown: boolean, first: boolean, fastPath = true, base = 0): ChunkParse {
  // What the sentence parser read, each tree with where its offset 0 is in the chunk.
  let trees: Array<{nlcst: NlcstRoot; at: number}>
  const headings: Array<[number, number]> = []
  // Paragraphs of the document's own level (not in a list, quote or table): a short one-line
  // paragraph with no closing punctuation is a title, as in plain text.
  const topLevel: Array<[number, number]> = []
  const comments: Comment[] = []
  const prose = isMarkdown && fastPath ? asPlainProse(text) : undefined
  if (prose?.list) {
    trees = [{nlcst: markdown.runSync(listTree(text, prose.blocks), new VFile(text)) as unknown as NlcstRoot, at: 0}]
  } else if (prose) {
    trees = prose.blocks.map((b) => ({nlcst: english.parse(b.text) as NlcstRoot, at: b.start}))
    if (prose.heading) headings.push([0, text.length])
    else topLevel.push([0, text.length])
  } else if (isMarkdown) {
    const file = new VFile(text)
    const processor = first ? markdownFirst : markdown
    const mdast = processor.parse(file) as MdastRoot
    alignTextNodes(mdast, text)
    collectBlocks(mdast, headings, comments, text)
    for (const child of mdast.children) if (child.type === 'paragraph' && child.position) topLevel.push([child.position.start.offset ?? 0, child.position.end.offset ?? 0])
    trees = [{nlcst: processor.runSync(mdast, file) as unknown as NlcstRoot, at: 0}]
  } else {
    // parse-english keeps "text.\u00a0\n\n" in one paragraph; trailing blanks become line breaks
    // (same length, so every offset still points into the original text).
    // The lookbehind starts a match only where a run of blanks starts, so a long run that ends in
    // a word is tried once, not once per blank (quadratic).
    trees = [{nlcst: english.parse(text.replace(/(?<![^\S\r\n])[^\S\r\n]+(?=\r?\n)/g, (m) => '\n'.repeat(m.length))) as NlcstRoot, at: 0}]
    for (const m of text.matchAll(COMMENT)) comments.push({offset: m.index!, endOffset: m.index! + m[0].length, body: m[1]})
  }
  // Most chunks have no address at all: the regex walk is skipped unless one could be there.
  const mayHaveAddress = text.includes('://') || text.includes('www.') || text.includes('@')
  const skip = mayHaveAddress ? [...text.matchAll(URL_LIKE)].map((m) => [m.index!, m.index! + m[0].length] as const) : []
  for (const c of comments) if (!isMarkdown) skip.push([c.offset, c.endOffset])
  for (const c of comments) {
    c.offset += base
    c.endOffset += base
  }

  const paragraphs: ChunkParse['paragraphs'] = []
  for (const {nlcst, at} of trees) {
    const skipHere = at === 0 ? skip : skip.map(([a, b]) => [a - at, b - at] as const)
    for (const node of nlcst.children) {
      if (node.type !== 'ParagraphNode') continue
      const offset = (node.position?.start.offset ?? 0) + at
      const endOffset = (node.position?.end.offset ?? offset - at) + at
      const sentences: Sentence[] = []
      for (const child of node.children) {
        if (child.type !== 'SentenceNode') continue
        const sentence = readSentence(child, skipHere, base + at)
        if (sentence.words.length) sentences.push(sentence)
      }
      if (sentences.length === 0) continue
      const within = ([a, b]: [number, number]) => offset >= a && endOffset <= b
      const heading = isMarkdown ? headings.some(within) || (topLevel.some(within) && looksLikePlainHeading(text, offset, endOffset, sentences)) : looksLikePlainHeading(text, offset, endOffset, sentences)
      paragraphs.push({offset: offset + base, endOffset: endOffset + base, heading, sentences})
    }
  }
  return {base, paragraphs, comments}
}

function collectBlocks(node: MdastNodes, headings: Array<[number, number]>, comments: Comment[], source: string): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (node.type === 'heading' && start !== undefined && end !== undefined) headings.push([start, end])
  if (node.type === 'html' && start !== undefined) {
    // Where a comment stands is read from the source: the node's value can differ from it in
    // length before the comment (a tab in a list item becomes the spaces it stands for), which
    // put a directive's range off by those characters, even inside a surrogate pair. Its body
    // is the value's, with continuation markers of a block quote or list left out.
    const inValue = [...node.value.matchAll(COMMENT)]
    const inSource = end === undefined ? [] : [...source.slice(start, end).matchAll(COMMENT)]
    const at = inSource.length === inValue.length ? inSource : inValue
    inValue.forEach((m, k) => comments.push({offset: start + at[k].index!, endOffset: start + at[k].index! + at[k][0].length, body: m[1]}))
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as MdastNodes, headings, comments, source)
}

/** Appends a chunk's paragraph to the draft, shifted to document offsets. */
function addParagraph(draft: Draft, p: ChunkParse['paragraphs'][number], shift: number): void {
  const offset = p.offset + shift
  const endOffset = p.endOffset + shift
  if (p.heading || draft.sections.length === 0) {
    draft.sections.push({title: p.heading ? draft.text.slice(offset, endOffset).replace(/^#+\s*/, '').trim() : '', offset, endOffset, paragraphs: []})
  }
  const section = draft.sections[draft.sections.length - 1]
  section.endOffset = endOffset
  const index = draft.paragraphs.length
  section.paragraphs.push(index)
  const first = draft.sentences.length
  for (const s of p.sentences) draft.sentences.push(shiftSentence(s, shift, index))
  draft.paragraphs.push({offset, endOffset, heading: p.heading, section: draft.sections.length - 1, sentences: p.sentences.map((_, i) => first + i)})
}

/**
 * Plain text has no heading syntax: a short single line with no closing punctuation but a
 * question mark is one. So is such a paragraph in Markdown: a page's title pasted without "#",
 * a subtitle, an FAQ's question.
 */
function looksLikePlainHeading(text: string, offset: number, endOffset: number, sentences: Sentence[]): boolean {
  const body = text.slice(offset, endOffset).trim()
  // A question on its own line is an FAQ's heading ("What is secondary cancer?").
  // A line that opens with a bullet a Markdown parser does not know ("• What is …?") is a list item.
  return sentences.length === 1 && !/[\n\r]/.test(body) && !/[.!:;,]$/.test(body) && !/^[•·▪◦‣●○■□➢➤►–—]/u.test(body) && sentences[0].words.length <= 12
}

