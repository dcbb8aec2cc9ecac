/**
 * Never hang: texts built to hit a slow path in the parser or a rule (one endless paragraph
 * or sentence, thousands of findings or directives, markers nested thousands deep, a word of
 * 100,000 letters) and phrase patterns built to blow up the matcher lint in time that grows
 * linearly with the text. Each case lints the text at size n and at 4n: linear work takes
 * about 4 times as long, quadratic 16 times. CPU time of this process is measured, so other
 * processes on the machine matter less.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {lint, terminologyWith, type EngineOptions} from '../../server/src/engine/index.js'
import {testTerminology} from '../helpers.js'

const terminology = testTerminology()

function cpuMs(run: () => void): number {
  const before = process.cpuUsage()
  run()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

/** A writer's terminology file with one pathological entry. */
function writersTerms(pattern: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'oncolint-bounds-')), 'terms.yaml')
  writeFileSync(
    file,
    `- id: pathological\n  rule: accuracy/nonstandard-term\n  find: [${JSON.stringify(pattern)}]\n  message: A pattern made to stress the matcher.\n  source: https://example.org/stress\n  examples: {flag: [x], pass: [y]}\n`,
  )
  return terminologyWith([file])
}

interface Case {
  what: string
  /** The text for size n (about n characters). */
  make: (n: number) => string
  options?: EngineOptions
  /** The small size, when 100 KB would take long (the large one is 4 times as much). */
  n?: number
}

/**
 * `unit` repeated to about `length` characters, with a number worked in every 64 units: the
 * engine parses identical chunks once, so a text of one unit repeated would time the cache.
 */
const varied = (unit: string, length: number): string =>
  Array.from({length: Math.ceil(length / unit.length)}, (_, i) => (i % 64 === 63 ? `${unit}${i}` : unit)).join('')

const N = 60_000
const cases: Case[] = [
  {what: 'one sentence of 4,300 hype words, each a removal fix', make: (n) => varied('revolutionary ', n), options: {languageId: 'plaintext'}},
  {what: 'one paragraph of 20,000 one-word sentences', make: (n) => varied('a. ', n), options: {languageId: 'plaintext'}},
  {what: 'one Markdown paragraph of 12,000 words', make: (n) => varied('word ', n)},
  {what: 'one word of 60,000 letters', make: (n) => varied('a', n)},
  {what: 'one word of 60,000 consonants', make: (n) => varied('z', n)},
  {what: '4,600 jargon uses after one explanation', make: (n) => 'Frobnication (a test explanation) ' + varied('frobnication ', n)},
  {what: '970 directives, each before a finding', make: (n) => varied('<!-- oncolint-disable-next-line accuracy -->\nA zorblat tumor.\n', n)},
  {what: '4,300 findings of accepted phrases', make: (n) => varied('zorblat tumor ', n), options: {config: {accept: ['tumor', 'zorblat']}}},
  {what: 'lines ending in a lone carriage return', make: (n) => varied('A zorblat tumor.\r', n)},
  {what: '3,000 emphasised words on one line', make: (n) => varied('*a* ', n), n: 12_000},
  {what: 'a stray "<!--" before 60 KB of prose', make: (n) => 'a <!-- b\n' + varied('A zorblat tumor. ', n)},
  {what: 'gaps: "x ... x ... x ... x ... x ... x" (3,125 phrasings) over "x x x ..."', make: (n) => varied('x ', n), options: {terminology: writersTerms('x ... x ... x ... x ... x ... x'), languageId: 'plaintext'}, n: 12_500},
  {what: 'alternatives: 3^8 phrasings that all fit "5 5 5 ..."', make: (n) => varied('5 ', n), options: {terminology: writersTerms(Array(8).fill('(5|"5"|<num>)').join(' ')), languageId: 'plaintext'}, n: 25_000},
]

describe('reliability: lint time grows linearly on pathological input', function () {
  this.timeout(120_000)

  for (const c of cases) {
    it(c.what, () => {
      const options = {terminology, ...c.options}
      const small = c.make(c.n ?? N)
      const large = c.make(4 * (c.n ?? N))
      lint(small.slice(0, 2000), options)
      const t1 = cpuMs(() => lint(small, options))
      const t4 = cpuMs(() => lint(large, options))
      // Linear: about 4x. The slack covers garbage collection and a busy machine.
      assert.ok(t4 < 8 * t1 + 300, `${large.length} characters took ${Math.round(t4)} ms, ${small.length} took ${Math.round(t1)} ms: not linear`)
      assert.ok(t4 < 20_000, `${large.length} characters took ${Math.round(t4)} ms`)
    })
  }

  it('markers nested 20,000 deep neither overflow the stack nor stall', () => {
    for (const marker of ['> ', '>', '1. ', '- > ', '* ']) {
      const text = `${marker.repeat(20_000)}A zorblat tumor grew.`
      const ms = cpuMs(() => assert.deepEqual(lint(text, {terminology}).ruleErrors, []))
      assert.ok(ms < 10_000, `${JSON.stringify(marker)} x 20,000 took ${Math.round(ms)} ms`)
    }
  })

  it('a word of 200,000 consonants and a 5 MB line lint in seconds', () => {
    for (const [what, text] of [
      ['200,000 consonants', `A ${'x'.repeat(200_000)} word.\n`],
      ['a 5 MB line of consonants', `${'m'.repeat(5_000_000)} zorblat tumor\n`],
      ['a 5 MB line of vowels', `${'a'.repeat(5_000_000)} zorblat tumor\n`],
    ]) {
      const ms = cpuMs(() => assert.deepEqual(lint(text, {terminology}).ruleErrors, []))
      assert.ok(ms < 15_000, `${what} took ${Math.round(ms)} ms`)
    }
  })

  it('a pathological pattern on 100,000 repeated words finishes in seconds', () => {
    const options = {terminology: writersTerms('x ... x ... x ... x ... x ... x'), languageId: 'plaintext'}
    const ms = cpuMs(() => assert.ok(lint(varied('x ', 200_000), options).findings.length > 0))
    assert.ok(ms < 30_000, `took ${Math.round(ms)} ms`)
  })
})
