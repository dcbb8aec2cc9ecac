// The benchmark corpus: drafts assembled from the project's own texts with a seeded PRNG, so
// every run (and every machine) lints the same bytes.
//
// Paragraphs are dealt from a deterministically shuffled deck of the source paragraphs. Each
// dealt copy has its sentences reordered and one of them swapped for a sentence from the whole
// pool, so no two paragraphs of the corpus are byte-identical: a cache keyed by paragraph
// cannot shortcut the "cold" run across files, and the peers (which cache nothing) are not
// disadvantaged by repetition.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {mulberry32, pick, seedOf, shuffled} from './prng.mjs'

export const DRAFTS = 200
// 2,100 words a draft puts the 200 drafts at about 2.5 MB, the size issue 8 quotes for the peers.
export const DRAFT_WORDS = 2100
export const BIG_WORDS = 20000
/** Sizes of the linearity check, in multiples of the big draft. */
export const SCALES = [1, 2, 4, 8]
/** Bump when the generator changes, so an old corpus folder is rebuilt. */
const GENERATOR_VERSION = 2

/** The project's own texts the corpus is made of, all inside the repository. */
export function sourceFiles(root) {
  const mdIn = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => join(root, dir, f)) : [])
  return [...mdIn('examples'), ...mdIn('test/fixtures/plain'), ...mdIn('test/corpus')]
}

const wordCount = (text) => (text.match(/\S+/g) ?? []).length
const SENTENCE_END = /(?<=[.!?]["')\]]?)\s+(?=["'([]?[A-Z0-9])/
// Lists, tables, quotes, code and HTML are kept as written: reordering their lines would
// produce broken Markdown rather than another draft.
const NOT_PROSE = /^\s*(?:[-*+>|]|\d+[.)]\s|```|<)/

/** Splits the sources into heading texts, prose paragraphs and other blocks. */
export function readPool(files) {
  const headings = []
  const prose = []
  const blocks = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/^---\n[\s\S]*?\n---\n/, '')
    for (let block of text.split(/\n[^\S\n]*\n/)) {
      block = block.trim()
      // Suppression comments would switch rules off in the drafts they land in.
      if (!block || block.includes('<!--') || /oncolint-/.test(block)) continue
      const heading = block.match(/^#{1,6}\s+(.*)$/m)
      if (heading && block.startsWith('#')) {
        headings.push(heading[1].trim())
        block = block.slice(block.indexOf('\n') + 1).trim()
        if (!block || block.startsWith('#')) continue
      }
      if (NOT_PROSE.test(block)) blocks.push(block)
      else prose.push(block.replace(/\s*\n\s*/g, ' ').split(SENTENCE_END))
    }
  }
  const sentences = prose.flat()
  if (prose.length === 0) throw new Error('bench: no prose paragraphs found in the corpus sources')
  return {headings: headings.length ? headings : ['About metastatic cancer'], prose, blocks, sentences}
}

/** One draft of at least `words` words, from its own seed. */
export function makeDraft(pool, label, words) {
  const rand = mulberry32(seedOf(label))
  let deck = []
  const out = [`# ${pick(rand, pool.headings)}`]
  let count = 0
  let sinceHeading = 0
  while (count < words) {
    if (sinceHeading >= 3 && rand() < 0.3) {
      out.push(`## ${pick(rand, pool.headings)}`)
      sinceHeading = 0
    }
    let para
    if (pool.blocks.length && rand() < 0.08) para = pick(rand, pool.blocks)
    else {
      if (deck.length === 0) deck = shuffled(rand, pool.prose)
      const sentences = shuffled(rand, deck.pop())
      sentences[Math.floor(rand() * sentences.length)] = pick(rand, pool.sentences)
      para = sentences.join(' ')
    }
    out.push(para)
    count += wordCount(para)
    sinceHeading++
  }
  return out.join('\n\n') + '\n'
}

/**
 * Writes the corpus under `dir` (rebuilt only when the sources or the generator changed) and
 * returns its description: the 200 drafts, the big draft, the linearity files, and a hash.
 */
export function buildCorpus(root, dir) {
  const files = sourceFiles(root)
  const sourceHash = createHash('sha256').update(String(GENERATOR_VERSION))
  for (const f of files) sourceHash.update(f).update(readFileSync(f))
  const key = sourceHash.digest('hex').slice(0, 16)
  const manifestPath = join(dir, 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.key === key) return manifest
  }
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(join(dir, 'drafts'), {recursive: true})
  mkdirSync(join(dir, 'big'), {recursive: true})
  const pool = readPool(files)
  const drafts = []
  const hash = createHash('sha256')
  let bytes = 0
  let words = 0
  for (let i = 0; i < DRAFTS; i++) {
    const text = makeDraft(pool, `draft-${i}`, DRAFT_WORDS)
    const path = join(dir, 'drafts', `draft-${String(i).padStart(3, '0')}.md`)
    writeFileSync(path, text)
    hash.update(text)
    drafts.push(path)
    bytes += Buffer.byteLength(text)
    words += wordCount(text)
  }
  // The big draft at 1x, 2x, 4x, 8x: the larger ones append further 20,000-word drafts (not
  // copies of the first), so no cache or memo inside the engine can make them look cheap.
  const parts = []
  const scales = []
  for (const scale of SCALES) {
    while (parts.length < scale) parts.push(makeDraft(pool, `big-${parts.length}`, BIG_WORDS))
    const text = parts.join('\n')
    const path = join(dir, 'big', `big-${scale}x.md`)
    writeFileSync(path, text)
    hash.update(text)
    scales.push({scale, path, bytes: Buffer.byteLength(text), words: wordCount(text)})
  }
  const manifest = {
    key,
    hash: hash.digest('hex').slice(0, 16),
    sources: files,
    drafts,
    bytes,
    words,
    big: scales[0],
    scales,
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  return manifest
}
