/**
 * Text from drafts and file names never reaches a terminal or a CI log raw (issue 21, finding
 * 9): no control character (an ANSI or OSC escape would recolour, retitle or clear the
 * terminal), and no line of the default output starts like a GitHub Actions command.
 */
import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {escapeBytes, printablePath, printableText} from '../../server/src/cli/printable.js'
import {cli, project} from './helpers.js'

const P =
  'The extraordinarily complicated immunotherapeutical interventions necessitate comprehensive multidisciplinary evaluation. Immunohistochemistry characterization demonstrates heterogeneous differentiation.'
const ESC = '\x1b'
// A setext heading of two lines, over enough hard sentences for the page's grade to name its sections.
const SETEXT = `Extraordinarily complicated\n::error file=README.md,line=1::Spoofed\n===\n\n${`${P}\n\n`.repeat(6)}Second part\n===\n\n${'We sat. It was warm. '.repeat(6)}\n`
const ANSI_HEADING = `# Metastasis ${ESC}]0;PWNED\x07${ESC}[2J${ESC}[31mRED\n\n${`${P}\n\n`.repeat(6)}# Second part\n\n${'We sat. It was warm. '.repeat(6)}\n`
const ANSI_DIRECTIVE = `<!-- oncolint-disable-next-line ${ESC}[2Jfoo${ESC}]0;T\x07 -- r -->\nA zorblat tumor grew.\n`
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/

function files(dir: string): void {
  writeFileSync(join(dir, 'setext.md'), SETEXT)
  writeFileSync(join(dir, 'heading.md'), ANSI_HEADING)
  writeFileSync(join(dir, 'directive.md'), ANSI_DIRECTIVE)
  writeFileSync(join(dir, 'x\n::error file=evil.md,line=1::INJECTED .md'), 'A zorblat tumor grew.\n')
  writeFileSync(join(dir, `f\x01${ESC}\x7f.md`), 'A zorblat tumor grew.\n')
  writeFileSync(join(dir, '::warning::hi.md'), 'A zorblat tumor grew.\n')
}

describe('CLI output: text from drafts and file names is neutralised', () => {
  it('stylish: no control character, no line that starts with :: (setext heading, file names, ANSI/OSC in a heading and a directive)', async () => {
    const dir = project({})
    files(dir)
    const r = await cli(['.'], {cwd: dir})
    assert.deepEqual([r.code, r.stderr], [0, ''])
    assert.doesNotMatch(r.stdout, CONTROLS)
    for (const line of r.stdout.split('\n')) assert.ok(!line.startsWith('::') && !line.startsWith('##'), line)
    // The two heading lines are folded into one in the message, so "::error" never opens a line.
    assert.match(r.stdout, /Section 'Extraordinarily complicated ::error …' reads at grade/)
    assert.match(r.stdout, /^x\\x0A::error file=evil\.md,line=1::INJECTED \.md$/m)
    assert.match(r.stdout, /^f\\x01\\x1B\\x7F\.md$/m)
    assert.match(r.stdout, /^\.\/::warning::hi\.md$/m)
    assert.match(r.stdout, /Metastasis \\x1B\]0;PWNED\\x07\\x1B\[2J\\x1B\[31mRED/)
    assert.match(r.stdout, /\\x1B\[2Jfoo\\x1B\]0;T\\x07/)
  })

  it('stylish with --cache: the stored rows are neutralised too', async () => {
    const dir = project({})
    files(dir)
    const first = await cli(['--cache', '.'], {cwd: dir})
    const second = await cli(['--cache', '.'], {cwd: dir})
    assert.equal(second.stdout, first.stdout)
    assert.doesNotMatch(second.stdout, CONTROLS)
  })

  it('github and junit: no raw control character either; json keeps the text (JSON escapes it)', async () => {
    const dir = project({})
    files(dir)
    const github = await cli(['-f', 'github', '.'], {cwd: dir})
    assert.doesNotMatch(github.stdout, CONTROLS)
    for (const line of github.stdout.split('\n').filter(Boolean)) assert.match(line, /^::(error|warning|notice) file=/)
    assert.match(github.stdout, /file=x%0A%3A%3Aerror file=evil\.md%2Cline=1%3A%3AINJECTED \.md,/, 'a newline in a name is still for the runner to decode')
    const junit = await cli(['-f', 'junit', '.'], {cwd: dir})
    assert.doesNotMatch(junit.stdout, CONTROLS)
    const json = await cli(['-f', 'json', '.'], {cwd: dir})
    assert.ok(JSON.parse(json.stdout).some((f: {filePath: string}) => f.filePath.endsWith(`f\x01${ESC}\x7f.md`)))
  })

  it('printable forms: escapes for controls, line breaks folded in messages, bytes that are not UTF-8 shown as \\xNN', () => {
    assert.equal(printablePath('a\nb\t\u202ec\u0085'), 'a\\x0Ab\\x09\\u202Ec\\x85')
    assert.equal(printableText('one\r\ntwo\tthree\u2028four\x1b[0m'), 'one two three four\\x1B[0m')
    assert.equal(escapeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64])), 'caf\\xE9.md')
    assert.equal(escapeBytes(Buffer.from('naïve 😀\n', 'utf8')), 'naïve 😀\\x0A')
    assert.equal(escapeBytes(Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf])), '\\xED\\xA0\\x80\\xC0\\xAF', 'surrogates and overlongs are not UTF-8')
  })
})
