import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'
import type {Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph} from 'nlcst'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {ParseEnglish} from 'parse-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {tokenize, type Token} from './tokens.js'

/** A word as written (hyphenated words whole), for readability counts. */
export interface Word {
  text: string
  offset: number
  endOffset: number
}

export interface Sentence {
  offset: number
  endOffset: number
  /** Index into Draft.paragraphs. */
  paragraph: number
  words: Word[]
  /** What the phrase matcher reads: words split at hyphens, plus % $ # + &. */
  tokens: Token[]
}

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
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkRetext, ParseEnglish)
const plain = unified().use(retextEnglish)

// Bare URLs and e-mail addresses are not prose, in Markdown text nodes as in plain text.
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|[\w.+-]+@[\w-]+\.[\w.-]+/g
const COMMENT = /<!--([\s\S]*?)-->/g

export function parseDraft(text: string, languageId: string): Draft {
  const isMarkdown = languageId !== 'plaintext'
  const file = new VFile(text)
  let nlcst: NlcstRoot
  const headings: Array<[number, number]> = []
  const comments: Comment[] = []
  if (isMarkdown) {
    const mdast = markdown.parse(file) as MdastRoot
    collectBlocks(mdast, headings, comments)
    nlcst = markdown.runSync(mdast, file) as unknown as NlcstRoot
  } else {
    // parse-english keeps "text.\u00a0\n\n" in one paragraph; trailing blanks become line breaks
    // (same length, so every offset still points into the original text).
    nlcst = plain.parse(text.replace(/[^\S\r\n]+(?=\r?\n)/g, (m) => '\n'.repeat(m.length))) as NlcstRoot
    for (const m of text.matchAll(COMMENT)) comments.push({offset: m.index!, endOffset: m.index! + m[0].length, body: m[1]})
  }
  const skip = [...text.matchAll(URL_LIKE)].map((m) => [m.index!, m.index! + m[0].length] as const)
  for (const c of comments) if (!isMarkdown) skip.push([c.offset, c.endOffset])

  const draft: Draft = {text, languageId: isMarkdown ? 'markdown' : 'plaintext', paragraphs: [], sentences: [], sections: [], comments}
  for (const node of nlcst.children) {
    if (node.type !== 'ParagraphNode') continue
    addParagraph(draft, node, headings, skip, isMarkdown)
  }
  return draft
}

function collectBlocks(node: MdastNodes, headings: Array<[number, number]>, comments: Comment[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (node.type === 'heading' && start !== undefined && end !== undefined) headings.push([start, end])
  if (node.type === 'html' && start !== undefined) {
    for (const m of node.value.matchAll(COMMENT)) comments.push({offset: start + m.index!, endOffset: start + m.index! + m[0].length, body: m[1]})
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as MdastNodes, headings, comments)
}

function addParagraph(draft: Draft, node: NlcstParagraph, headings: Array<[number, number]>, skip: ReadonlyArray<readonly [number, number]>, isMarkdown: boolean): void {
  const offset = node.position?.start.offset ?? 0
  const endOffset = node.position?.end.offset ?? offset
  const sentences: Sentence[] = []
  for (const child of node.children) {
    if (child.type === 'SentenceNode') {
      const sentence = readSentence(child, draft.paragraphs.length, skip)
      if (sentence.words.length) sentences.push(sentence)
    }
  }
  if (sentences.length === 0) return
  const heading = isMarkdown
    ? headings.some(([a, b]) => offset >= a && endOffset <= b)
    : looksLikePlainHeading(draft.text, offset, endOffset, sentences)
  if (heading || draft.sections.length === 0) {
    draft.sections.push({title: heading ? draft.text.slice(offset, endOffset).replace(/^#+\s*/, '').trim() : '', offset, endOffset, paragraphs: []})
  }
  const section = draft.sections[draft.sections.length - 1]
  section.endOffset = endOffset
  section.paragraphs.push(draft.paragraphs.length)
  const first = draft.sentences.length
  draft.sentences.push(...sentences)
  draft.paragraphs.push({offset, endOffset, heading, section: draft.sections.length - 1, sentences: sentences.map((_, i) => first + i)})
}

/** Plain text has no heading syntax: a short single line with no closing punctuation is one. */
function looksLikePlainHeading(text: string, offset: number, endOffset: number, sentences: Sentence[]): boolean {
  const body = text.slice(offset, endOffset).trim()
  return sentences.length === 1 && !/[\n\r]/.test(body) && !/[.!?:;,]$/.test(body) && sentences[0].words.length <= 12
}

function readSentence(node: NlcstSentence, paragraph: number, skip: ReadonlyArray<readonly [number, number]>): Sentence {
  const offset = node.position?.start.offset ?? 0
  const endOffset = node.position?.end.offset ?? offset
  const words: Word[] = []
  const tokens: Token[] = []
  for (const child of node.children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (skip.some(([a, b]) => start < b && end > a)) continue
    if (child.type === 'WordNode') {
      const text = wordText(child)
      words.push({text, offset: start, endOffset: end})
      tokenize(text, start, tokens)
    } else if (child.type === 'SymbolNode') {
      tokenize(child.value, start, tokens)
    }
  }
  return {offset, endOffset, paragraph, words, tokens}
}

function wordText(node: {children: Array<{value: string}>}): string {
  let s = ''
  for (const c of node.children) s += c.value
  return s
}
