// The benchmark corpus: drafts assembled from the project's own texts (and the public-domain
// real-text corpus in test/corpus/real) with a seeded PRNG, so every run (and every machine)
// lints the same bytes. It has three parts, each measured on its own:
//
//  - project: the project's plain-language fixtures, short sentences (about 90 findings a draft);
//  - spun:    pages like the SEO drafts oncolint exists for, from the spun fixtures and the
//             sellers' claims quoted in FDA and FTC letters: long sentences made of two or three
//             of theirs, more than 130 findings per 12 KB page;
//  - trusted: NCI's patient pages and the project's plain fixtures, few findings.
//
// Paragraphs are dealt from a deterministically shuffled deck of the source paragraphs. Each
// dealt copy has its sentences reordered and one of them swapped for a sentence from the whole
// pool, so no two paragraphs of the corpus are byte-identical: a cache keyed by paragraph
// cannot shortcut the "cold" run across files, and the peers (which cache nothing) are not
// disadvantaged by repetition. Only files inside the repository are read.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {isAbsolute, join, resolve} from 'node:path'
import {mulberry32, pick, seedOf, shuffled} from './prng.mjs'

export const DRAFTS = 200
// 2,100 words a draft puts the 200 drafts at about 2.5 MB, the size issue 8 quotes for the peers;
// a spun page is about 12.5 KB, as the seed draft the spun part imitates.
export const DRAFT_WORDS = 2100
export const BIG_WORDS = 20000
/** Sizes of the linearity check, in multiples of the big draft. */
export const SCALES = [1, 2, 4, 8]
/** Bump when the generator changes, so an old corpus folder is rebuilt. */
const GENERATOR_VERSION = 6

const textFiles = (root, dir, test = /\.(md|txt)$/) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => test.test(f))
        .sort()
        .map((f) => join(root, dir, f))
    : []

/**
 * The parts of the corpus: where each takes its text and how it deals it. `spun` joins
 * sentences into long ones and writes every other page as plain text (headings as bare lines,
 * as a page pasted from a website), like the seed draft.
 */
export const PARTS = [
  {name: 'project', label: 'project fixtures', sources: (root) => [...textFiles(root, 'examples'), ...textFiles(root, 'test/fixtures/plain'), ...textFiles(root, 'test/corpus')]},
  {
    name: 'spun',
    label: 'spun pages',
    spun: true,
    // The seed-like fixtures count twice: a seller's quoted claims are short, and the pages
    // this part stands for have more findings per KB than the letters quote.
    sources: (root) => {
      const seedLike = [...textFiles(root, 'test/corpus', /\.md$/), join(root, 'test/corpus/clinic-draft.txt'), join(root, 'examples/metastasis-draft.md')]
      return [...seedLike, ...seedLike, ...textFiles(root, 'test/corpus/real/promotional', /\.md$/)]
    },
  },
  {name: 'trusted', label: 'trusted pages', sources: (root) => [...textFiles(root, 'test/corpus/real/trusted', /\.md$/), ...textFiles(root, 'test/fixtures/plain', /\.md$/)]},
]

/** The project part's sources (bench/shards.mjs builds its drafts from them too). */
export const sourceFiles = (root) => PARTS[0].sources(root)

const wordCount = (text) => (text.match(/\S+/g) ?? []).length
const SENTENCE_END = /(?<=[.!?]["')\]]?)\s+(?=["'([]?[A-Z0-9])/
// Lists, tables, quotes, code and HTML are kept as written: reordering their lines would
// produce broken Markdown rather than another draft.
const NOT_PROSE = /^\s*(?:[-*+>|]|\d+[.)]\s|```|<)/
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/

/** Splits the sources into heading texts, prose paragraphs, other blocks and every sentence. */
export function readPool(files) {
  const headings = []
  const prose = []
  const blocks = []
  const items = []
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
      // A bare line with no closing stop is a plain-text page's heading.
      if (!block.includes('\n') && !/[.!?:]["')\]]?$/.test(block) && wordCount(block) <= 12) {
        headings.push(block)
        continue
      }
      if (NOT_PROSE.test(block)) {
        blocks.push(block)
        for (const line of block.split('\n')) {
          const item = LIST_ITEM.exec(line)?.[1]?.trim()
          if (item && /[.!?]["')\]]?$/.test(item) && wordCount(item) >= 5) items.push(item)
        }
      } else prose.push(block.replace(/\s*\n\s*/g, ' ').split(SENTENCE_END))
    }
  }
  if (prose.length === 0) throw new Error('bench: no prose paragraphs found in the corpus sources')
  // Claims quoted as list items are sentences too; in the spun part they become paragraphs.
  if (items.length) for (let i = 0; i < items.length; i += 3) prose.push(items.slice(i, i + 3))
  const sentences = prose.flat()
  return {headings: headings.length ? headings : ['About metastatic cancer'], prose, blocks, sentences}
}

// Spun pages string clauses together: two or three sentences of the pool become one.
const JOINS = [', and ', '; ', ', so ', ', while ']
const ENDS_WITH_PERIOD = /\.$/

/** A sentence's first word in lower case when it is an ordinary capitalised word ("Cancer", not "CBD" or "I"). */
const continued = (s) => (/^[A-Z][a-z]+\b/.test(s) && !/^I\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s)

/** One long sentence from `first` and one or two more of the pool. */
function longSentence(rand, pool, first) {
  let out = first
  const more = rand() < 0.4 ? 2 : 1
  for (let i = 0; i < more && ENDS_WITH_PERIOD.test(out); i++) {
    const next = pick(rand, pool.sentences)
    out = out.slice(0, -1) + pick(rand, JOINS) + continued(next)
  }
  return out
}

/** A paragraph dealt from the deck: its sentences reordered, one swapped for another of the pool. */
function paragraph(rand, pool, deck, spun) {
  if (deck.length === 0) deck.push(...shuffled(rand, pool.prose))
  const sentences = shuffled(rand, deck.pop())
  sentences[Math.floor(rand() * sentences.length)] = pick(rand, pool.sentences)
  return (spun ? sentences.map((s) => (rand() < 0.7 ? longSentence(rand, pool, s) : s)) : sentences).join(' ')
}

/** One draft of at least `words` words, from its own seed; plain text (headings as bare lines) when `plain`. */
export function makeDraft(pool, label, words, {spun = false, plain = false} = {}) {
  const rand = mulberry32(seedOf(label))
  const deck = []
  const heading = (level, text) => (plain ? text : `${'#'.repeat(level)} ${text}`)
  const out = [heading(1, pick(rand, pool.headings))]
  let count = 0
  let sinceHeading = 0
  while (count < words) {
    if (sinceHeading >= 3 && rand() < 0.3) {
      out.push(heading(2, pick(rand, pool.headings)))
      sinceHeading = 0
    }
    // A plain-text page has no Markdown lists or tables: its blocks are all paragraphs.
    const para = !plain && pool.blocks.length && rand() < 0.08 ? pick(rand, pool.blocks) : paragraph(rand, pool, deck, spun)
    out.push(para)
    count += wordCount(para)
    sinceHeading++
  }
  return out.join('\n\n') + '\n'
}

/** Writes one part's drafts, big draft and linearity files under `dir`; returns its description. */
function buildPart(root, dir, part) {
  const files = part.sources(root).filter((f) => existsSync(f))
  mkdirSync(join(dir, 'drafts'), {recursive: true})
  mkdirSync(join(dir, 'big'), {recursive: true})
  const pool = readPool(files)
  const drafts = []
  const hash = createHash('sha256')
  let bytes = 0
  let words = 0
  for (let i = 0; i < DRAFTS; i++) {
    const plain = part.spun === true && i % 2 === 1
    const text = makeDraft(pool, `${part.name}-draft-${i}`, DRAFT_WORDS, {spun: part.spun, plain})
    const path = join(dir, 'drafts', `draft-${String(i).padStart(3, '0')}.${plain ? 'txt' : 'md'}`)
    writeFileSync(path, text)
    hash.update(text)
    drafts.push(path)
    bytes += Buffer.byteLength(text)
    words += wordCount(text)
  }
  // The big draft at 1x, 2x, 4x, 8x: the larger ones append further 20,000-word drafts (not
  // copies of the first), so no cache or memo inside the engine can make them look cheap.
  const pieces = []
  const scales = []
  for (const scale of SCALES) {
    while (pieces.length < scale) pieces.push(makeDraft(pool, `${part.name}-big-${pieces.length}`, BIG_WORDS, {spun: part.spun}))
    const text = pieces.join('\n')
    const path = join(dir, 'big', `big-${scale}x.md`)
    writeFileSync(path, text)
    hash.update(text)
    scales.push({scale, path, bytes: Buffer.byteLength(text), words: wordCount(text)})
  }
  return {name: part.name, label: part.label, hash: hash.digest('hex').slice(0, 16), sources: files, drafts, bytes, words, big: scales[0], scales}
}

/**
 * Writes the corpus under `dir` (rebuilt only when the sources or the generator changed) and
 * returns its description: per part, the 200 drafts, the big draft, the linearity files and a
 * hash.
 */
export function buildCorpus(root, dir) {
  // The manifest keeps the drafts' paths as built: absolute, so a peer run from its own folder
  // (textlint, from bench/.peers) finds them; a manifest of relative paths is built again.
  root = resolve(root)
  dir = resolve(dir)
  const sourceHash = createHash('sha256').update(String(GENERATOR_VERSION))
  for (const part of PARTS) for (const f of part.sources(root).filter((f) => existsSync(f))) sourceHash.update(f.slice(root.length)).update(readFileSync(f))
  const key = sourceHash.digest('hex').slice(0, 16)
  const manifestPath = join(dir, 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.key === key && manifest.parts.every((p) => p.drafts.every((f) => isAbsolute(f)))) return manifest
  }
  for (const part of PARTS) rmSync(join(dir, part.name), {recursive: true, force: true})
  rmSync(join(dir, 'drafts'), {recursive: true, force: true})
  rmSync(join(dir, 'big'), {recursive: true, force: true})
  const manifest = {key, parts: PARTS.map((part) => buildPart(root, join(dir, part.name), part))}
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  return manifest
}
