/**
 * fast-check generators for drafts a linter meets in the wild: Markdown and plain text built
 * from real terminology phrases (so phrase rules fire), Markdown syntax, oncolint directives,
 * awkward Unicode (astral emoji, combining marks, right-to-left text, lone surrogates, NUL)
 * and every line ending, plus random edits of such drafts.
 */
import fc from 'fast-check'
import {testTerminology} from '../helpers.js'

/** Flag and pass examples of every terminology entry (shipped and test): sentences that match. */
export const PHRASES: readonly string[] = [...new Set(testTerminology().entries.flatMap((e) => [...e.examples.flag, ...e.examples.pass]))]

/** Flag examples of entries with a safe fix: what fix-all changes. */
export const FIXABLE: readonly string[] = [...new Set(testTerminology().entries.filter((e) => e.safe && e.prefer?.length).flatMap((e) => e.examples.flag))]

const WORDS = ['the', 'a', 'cancer', 'tumor', 'tumour', 'tumors', 'spread', 'spreads', 'liver', 'bone', 'not', 'never', 'myth', 'zorblat', 'quux', 'blorpest', 'hospital', 'frobnication', 'utilize', 'revolutionary', 'miracle', 'cure', 'stage', '5', '100%', '1,000', '3.5', 'Dr.', 'e.g.', 'U.S.', "doesn't", "patient's", 'well-known', 'high-dose', 'and/or', 'metastasis', 'metastases', 'biopsy', 'chemo']

const UNICODE = [
  '😀', '👩‍⚕️', '🏳️‍🌈', '🇫🇷', '𝔘𝔫𝔦', 'e\u0301', 'n\u0303\u0323', 'ñ', 'Über', 'café', 'ﬁ', 'İ', 'ß',
  'مرحبا بالعالم', 'שָׁלוֹם', '\u202Eevil\u202C', '\u200F', '\u200E', '\u200D', '\u200B', '\u00A0', '\u2028', '\u2029', '\uFEFF',
  '中文字', 'ひらがな', '\uD83D', '\uDE00', '\uDBFF\uDFFF', '\0', '\t', '\v', '\f', '\u0085', '\u3000',
]

const MARKDOWN_INLINE = [
  '*', '**', '_', '__', '~~', '`', '``', '`zorblat tumor`', '[', ']', '](', ')', '[a zorblat tumor](https://example.org/x)', '![img](a.png "t")', '[ref]', '[ref]: https://example.org',
  '<b>', '</b>', '<br/>', '&amp;', '&#128512;', '&#xD800;', '&nbsp;', '&bogus;', '\\*', '\\', '\\\n', 'https://example.org/zorblat-tumor', 'www.example.org', 'a@b.co', '<https://x.y/z>',
  '|', '<!-- c -->', '<!--', '-->', '<', '>', '[^1]', '$x$',
]

const DIRECTIVES = [
  '<!-- oncolint-disable-next-line accuracy -- quoting a source -->',
  '<!-- oncolint-disable-next-line -->',
  '<!-- oncolint-disable -->',
  '<!-- oncolint-disable promotion/superlative -- reason -->',
  '<!-- oncolint-enable -->',
  '<!-- oncolint-enable promotion -->',
  '<!-- oncolint-disable-file readability -- legal text -->',
  '<!-- oncolint-disable-line accuracy/nonstandard-term -- x -->',
  '<!-- oncolint-disable nosuch/rule -- y -->',
  '<!-- oncolint-disable-next-line accuracy --',
]

const PUNCTUATION = ['.', ',', '!', '?', ';', ':', '...', '…', '—', '–', '-', '"', '“', '”', "'", '’', '(', ')', '/', '%', '$', '#', '+', '&']

const LINE_PREFIXES = ['', '', '', '# ', '## ', '###### ', '#', '- ', '* ', '+ ', '1. ', '10) ', '  ', '    ', '\t', '> ', '>> ', '> - ', '- > ', '  - ', '    - ', '- [ ] ', '| ', '```', '~~~', '---', '+++', '***', '===', '<div>', '</div>', '<!--', '-->', '[x]: ']

const NEWLINES = ['\n', '\n', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n\n']

/** One inline piece of text: a real phrase, a word, Unicode, Markdown, a directive or punctuation. */
export const atom: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...PHRASES)},
  {weight: 4, arbitrary: fc.constantFrom(...WORDS)},
  {weight: 2, arbitrary: fc.constantFrom(...UNICODE)},
  {weight: 2, arbitrary: fc.constantFrom(...MARKDOWN_INLINE)},
  {weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES)},
  {weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 6})},
)

const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', '\t', '\u00A0')

/** A line of inline pieces. */
export const inline: fc.Arbitrary<string> = fc
  .array(fc.tuple(atom, separator), {maxLength: 6})
  .map((parts) => parts.map(([a, s]) => a + s).join(''))

const line = fc.tuple(fc.constantFrom(...LINE_PREFIXES), inline).map(([p, t]) => p + t)

/** Blocks that stress the parser: deep nesting, long lines, fences, front matter, tables. */
const block = (big: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    {weight: 12, arbitrary: line},
    {weight: 1, arbitrary: fc.tuple(fc.integer({min: 1, max: big ? 300 : 30}), inline).map(([depth, t]) => `${'> '.repeat(depth)}${t}`)},
    {weight: 1, arbitrary: fc.tuple(fc.integer({min: 1, max: big ? 120 : 12}), inline).map(([depth, t]) => Array.from({length: depth}, (_, i) => `${'  '.repeat(i)}- ${t}`).join('\n'))},
    {weight: 1, arbitrary: fc.tuple(fc.integer({min: 1, max: big ? 200 : 20}), inline).map(([depth, t]) => `${'>- '.repeat(depth)}${t}`)},
    {weight: 1, arbitrary: fc.tuple(atom, fc.integer({min: 2, max: big ? 3000 : 40})).map(([a, n]) => (a + ' ').repeat(n))},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), inline, fc.boolean()).map(([f, t, closed]) => `${f}md\n${t}\n${closed ? f : ''}`)},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom('---', '+++'), inline).map(([f, t]) => `${f}\ntitle: ${t}\n${f}`)},
    {weight: 1, arbitrary: fc.tuple(inline, inline).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`)},
    {weight: 1, arbitrary: inline.map((t) => `<!--\n${t}\n-->`)},
    {weight: 1, arbitrary: inline.map((t) => `${t}\n${'='.repeat(3)}`)},
  )

const drafts = (big: boolean): fc.Arbitrary<string> =>
  fc.array(fc.tuple(block(big), fc.constantFrom(...NEWLINES)), {maxLength: big ? 40 : 5}).map((parts) => parts.map(([b, nl]) => b + nl).join(''))

/** A small draft: blocks joined by any mix of line endings (most runs use these, so they are quick). */
export const draft: fc.Arbitrary<string> = drafts(false)

/** A large draft: deeper nesting, longer lines, more blocks (a few runs). */
export const bigDraft: fc.Arbitrary<string> = drafts(true)

export const languageId = fc.constantFrom('markdown', 'plaintext')

/** One edit of a text, positions given as fractions so they fit any length. */
export type EditOp =
  | {kind: 'insert'; at: number; text: string}
  | {kind: 'delete'; at: number; length: number}
  | {kind: 'duplicate'; at: number; length: number}
  | {kind: 'replace'; at: number; length: number; text: string}

const fraction = fc.double({min: 0, max: 1, noNaN: true})

export const editOp: fc.Arbitrary<EditOp> = fc.oneof(
  fc.record({kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(atom, inline, fc.constantFrom(...NEWLINES), fc.constantFrom(...LINE_PREFIXES))}),
  fc.record({kind: fc.constant('delete' as const), at: fraction, length: fc.integer({min: 1, max: 40})}),
  fc.record({kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({min: 1, max: 80})}),
  fc.record({kind: fc.constant('replace' as const), at: fraction, length: fc.integer({min: 0, max: 20}), text: atom}),
)

/** Applies an edit; a position may fall inside a surrogate pair, which then breaks, as a bad paste does. */
export function applyOp(text: string, op: EditOp): string {
  const at = Math.min(text.length, Math.floor(op.at * (text.length + 1)))
  switch (op.kind) {
    case 'insert':
      return text.slice(0, at) + op.text + text.slice(at)
    case 'delete':
      return text.slice(0, at) + text.slice(at + op.length)
    case 'duplicate':
      return text.slice(0, at + op.length) + text.slice(at, at + op.length) + text.slice(at + op.length)
    case 'replace':
      return text.slice(0, at) + op.text + text.slice(at + op.length)
  }
}

/** A draft after a few random edits. */
export const mutatedDraft: fc.Arbitrary<string> = fc.tuple(draft, fc.array(editOp, {maxLength: 6})).map(([text, ops]) => ops.reduce(applyOp, text))

/** Text with no structure at all: any code units, lone surrogates included. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({unit: 'binary', maxLength: 200}),
  fc.string({unit: 'grapheme', maxLength: 200}),
  fc.array(fc.integer({min: 0, max: 0xffff}), {maxLength: 200}).map((units) => String.fromCharCode(...units)),
  fc.array(fc.constantFrom('\n', '\r', ' ', '>', '-', '*', '#', '`', '<', '!', '[', ']', '(', ')', '|', '\\', 'a', '1', '.'), {maxLength: 200}).map((cs) => cs.join('')),
)

/** A draft with sentences that fix-all changes pasted in at random points (some mid-word). */
export const fixableDraft: fc.Arbitrary<string> = fc
  .tuple(draft, fc.array(fc.tuple(fc.constantFrom(...FIXABLE), fraction), {minLength: 1, maxLength: 4}))
  .map(([text, inserts]) => inserts.reduce((t, [sentence, at]) => applyOp(t, {kind: 'insert', at, text: sentence}), text))
