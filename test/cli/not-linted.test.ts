/**
 * A file that cannot be linted or fixed costs only itself (issue 21, findings 8 and 14): the
 * others are linted and fixed, it is reported with its reason on stderr and in the report, and
 * the exit code is 2. What counts as binary is decided soundly (engine/input.ts): one NUL byte
 * does not hide a draft from CI.
 */
import assert from 'node:assert/strict'
import {chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {looksBinary, notLintable} from '../../server/src/engine/input.js'
import {TEST_RC, cli, project} from './helpers.js'

const DRAFT = 'A zorblat tumor grew.\n'
const FIXED = 'A secondary tumor grew.\n'

describe('CLI: files not linted or not fixed', () => {
  it('one NUL byte in a comment does not make a draft binary: it is linted and the gate holds', async () => {
    const dir = project({})
    writeFileSync(join(dir, 'hidden.md'), '<!-- \x00 -->\n# Care\n\nA zorblat tumor grew. Quux spreads cancer.\n')
    const r = await cli(['--max-warnings', '0', 'hidden.md'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(r.stderr, '')
    const json = JSON.parse((await cli(['-f', 'json', 'hidden.md'], {cwd: dir})).stdout)
    assert.deepEqual(json[0].messages.map((m: {ruleId: string}) => m.ruleId), ['accuracy/nonstandard-term', 'accuracy/misconception'])
    assert.equal(JSON.parse((await cli(['-f', 'sarif', 'hidden.md'], {cwd: dir})).stdout).runs[0].results.length, 2)
  })

  it('binary: mostly control bytes or invalid UTF-8 in the first 8 KB; not a few NULs, escapes or Latin-1 accents', () => {
    const random = Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919 + 13) % 256)).toString('utf8')
    assert.equal(looksBinary(random), true)
    assert.equal(looksBinary(Buffer.from('A zorblat tumor grew.\n'.repeat(20), 'utf16le').toString('utf8')), true, 'UTF-16 text')
    assert.equal(looksBinary(Buffer.from('Café résumé.\n', 'latin1').toString('utf8')), false, 'Latin-1 accents')
    assert.equal(looksBinary(`${'\x00'.repeat(80)}${'word '.repeat(200)}`), false, 'a few NULs')
    assert.equal(looksBinary(`${'\x00'.repeat(120)}${'word '.repeat(200)}`), true, 'over a tenth NULs')
    assert.equal(looksBinary(`${'word '.repeat(2000)}${'\x00'.repeat(9000)}`), false, 'only the first 8 KB count')
    assert.equal(looksBinary(''), false)
    assert.equal(notLintable('x'.repeat(2_000_001)), 'too long (2,000,001 characters; the limit is 2,000,000 characters), not linted')
    assert.equal(notLintable('x'.repeat(2_000_000)), undefined)
  })

  it('--fix on a folder: a read-only and a non-UTF-8 draft are reported and left alone, the others fixed, the report written; links out of the folder are not followed', async () => {
    const dir = project({'drafts/a.md': DRAFT, 'drafts/b.md': DRAFT, 'outside/target.md': DRAFT, 'outside/deep/x.md': DRAFT}, `${TEST_RC}rules:\n  readability: off\n`)
    chmodSync(join(dir, 'drafts', 'b.md'), 0o444)
    const latin1 = Buffer.concat([Buffer.from('A zorblat tumor grew. Caf'), Buffer.from([0xe9]), Buffer.from('.\n')])
    writeFileSync(join(dir, 'drafts', 'c.md'), latin1)
    symlinkSync('../outside/target.md', join(dir, 'drafts', 'link.md'))
    symlinkSync('../outside', join(dir, 'drafts', 'dirlink'))
    mkdirSync(join(dir, 'drafts', 'sub'))
    const r = await cli(['--fix', '-f', 'json', 'drafts'], {cwd: dir})
    assert.equal(r.code, 2)
    assert.equal(
      r.stderr,
      [
        'oncolint: drafts/b.md: read-only; not fixed',
        'oncolint: drafts/c.md: not valid UTF-8 (its bytes would be lost); not fixed',
        'oncolint: 2 files could not be linted or fixed (see above); exit code 2',
        '',
      ].join('\n'),
    )
    assert.equal(readFileSync(join(dir, 'drafts', 'a.md'), 'utf8'), FIXED)
    assert.equal(readFileSync(join(dir, 'drafts', 'b.md'), 'utf8'), DRAFT)
    assert.deepEqual(readFileSync(join(dir, 'drafts', 'c.md')), latin1)
    assert.equal(readFileSync(join(dir, 'outside', 'target.md'), 'utf8'), DRAFT, 'not written through a link the walk found')
    assert.equal(readFileSync(join(dir, 'outside', 'deep', 'x.md'), 'utf8'), DRAFT)
    const reports = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string | null; message: string; fatal?: boolean}>}>
    assert.deepEqual(
      reports.map((f) => [f.filePath.slice(dir.length + 1), f.messages.map((m) => (m.fatal ? m.message : m.ruleId))]),
      [
        ['drafts/a.md', []],
        ['drafts/b.md', ['read-only; not fixed', 'accuracy/nonstandard-term']],
        ['drafts/c.md', ['not valid UTF-8 (its bytes would be lost); not fixed', 'accuracy/nonstandard-term']],
      ],
    )
  })

  it('every format shows a file that was not linted (stylish, github, junit, sarif, html)', async () => {
    const dir = project({'a.md': DRAFT})
    writeFileSync(join(dir, 'image.md'), Buffer.from(Array.from({length: 2000}, (_, i) => (i * 7919) % 256)))
    const why = 'binary file (control bytes or invalid UTF-8 in its first 8 KB), not linted'
    const stylish = await cli(['.'], {cwd: dir})
    assert.equal(stylish.code, 2)
    assert.match(stylish.stdout, new RegExp(`\\nimage\\.md\\n  0:0  error    ${why.replace(/[()]/g, '\\$&')}\\n`))
    assert.match(stylish.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info\); 1 file failed\n/)
    const github = await cli(['-f', 'github', '.'], {cwd: dir})
    assert.match(github.stdout, new RegExp(`^::error file=image\\.md,title=oncolint::${why.replace(/[()]/g, '\\$&')}$`, 'm'))
    const junit = await cli(['-f', 'junit', '.'], {cwd: dir})
    assert.match(junit.stdout, /<testsuites name="oncolint" tests="2" failures="1" errors="1">/)
    assert.match(junit.stdout, /<error type="file" message="binary file \(control bytes or invalid UTF-8 in its first 8 KB\), not linted">image\.md: binary/)
    const sarif = JSON.parse((await cli(['-f', 'sarif', '.'], {cwd: dir})).stdout)
    assert.deepEqual(sarif.runs[0].invocations, [{executionSuccessful: false, toolExecutionNotifications: [{level: 'error', message: {text: why}, locations: [{physicalLocation: {artifactLocation: {uri: 'image.md', uriBaseId: '%SRCROOT%'}}}]}]}])
    const html = await cli(['-f', 'html', '.'], {cwd: dir})
    assert.match(html.stdout, /<p class="over">binary file \(control bytes or invalid UTF-8 in its first 8 KB\), not linted<\/p>/)
    for (const r of [github, junit, html]) assert.equal(r.code, 2)
  })
})
