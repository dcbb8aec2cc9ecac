/**
 * Big and odd files on the built command line (bin/oncolint.js; run `npm run build` first):
 * a draft just under the size limit and one over it, an empty file, whitespace only, PNG
 * bytes, invalid UTF-8. Each run ends within its bound with a sensible exit code; none crashes.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {MAX_TEXT_CHARS} from '../../server/src/engine/input.js'
import {BIN, project} from '../cli/helpers.js'
import {ROOT} from '../helpers.js'

interface Timed {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

function runTimed(args: string[], cwd: string, timeoutMs: number): Timed {
  const started = performance.now()
  const r = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: {...process.env, NO_COLOR: '1'}})
  if (r.error) throw r.error
  return {code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started}
}

describe('reliability: big and odd files on the command line', function () {
  this.timeout(180_000)

  const seed = readFileSync(join(ROOT, 'examples', 'metastasis-draft.md'), 'utf8')

  it('lints a draft just under the size limit within a minute, with findings all through it, as a JSON report written in parts', () => {
    const copies = Math.floor((MAX_TEXT_CHARS - 10) / (seed.length + 2))
    const text = `${seed}\n\n`.repeat(copies)
    const dir = project({})
    writeFileSync(join(dir, 'big.md'), text)
    const r = runTimed(['-f', 'json', '-o', 'report.json', 'big.md'], dir, 120_000)
    assert.ok(r.ms < 60_000, `took ${Math.round(r.ms)} ms`)
    assert.equal(r.stderr, '')
    const [report] = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Array<{messages: Array<{endOffset: number; severity: string}>}>
    assert.equal(r.code, report.messages.some((m) => m.severity === 'error') ? 1 : 0)
    assert.ok(report.messages.length > 10_000, `${report.messages.length} findings`)
    assert.ok(report.messages.some((m) => m.endOffset > text.length - seed.length), 'findings near the end of the file')
  })

  // Changed with issue 21: the CLI and the editor agree on a size limit (engine/input.ts); a
  // longer file is reported, not linted, and the exit code is 2.
  it('refuses a 20 MB draft at once, without reading it, and says why (exit 2)', () => {
    const dir = project({'ok.md': 'A fine draft.\n'})
    writeFileSync(join(dir, 'big.md'), `${seed}\n\n`.repeat(Math.ceil((20 * 1024 * 1024) / (seed.length + 2))))
    const r = runTimed(['-f', 'json', '.'], dir, 60_000)
    assert.ok(r.ms < 10_000, `took ${Math.round(r.ms)} ms`)
    assert.equal(r.code, 2)
    const why = 'too long (21.0 MB; the limit is 2,000,000 characters), not linted'
    assert.equal(r.stderr, `oncolint: big.md: ${why}\noncolint: 1 file could not be linted (see above); exit code 2\n`)
    const reports = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{message: string; fatal?: boolean}>}>
    assert.deepEqual(reports.map((f) => [f.filePath, f.messages.map((m) => [m.message, m.fatal])]), [[join(dir, 'big.md'), [[why, true]]], [join(dir, 'ok.md'), []]])
  })

  const odd: Array<[string, string | Buffer]> = [
    ['blank.md', ' \n\t\r\n  \n\u00a0\n'],
    ['empty.md', ''],
    ['image.md', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.from(Array.from({length: 4000}, (_, i) => (i * 7919) % 256))])],
    ['latin1.md', Buffer.concat([Buffer.from('A zorblat tumor grew. Caf'), Buffer.from([0xe9, 0xff, 0xfe, 0xc3]), Buffer.from(' and more.\n')])],
  ]
  it('an empty file, whitespace only, PNG bytes, invalid UTF-8: answered at once, none crashes', () => {
    const dir = project({})
    for (const [name, content] of odd) writeFileSync(join(dir, name), content)
    const r = runTimed(['-f', 'json', ...odd.map(([name]) => name)], dir, 60_000)
    // The PNG is mostly control bytes and invalid UTF-8: it is skipped as binary, with one line
    // (the others are linted), and the exit code says a file was not linted.
    assert.equal(r.stderr, 'oncolint: image.md: binary file (control bytes or invalid UTF-8 in its first 8 KB), not linted\noncolint: 1 file could not be linted (see above); exit code 2\n')
    assert.equal(r.code, 2)
    const reports = (JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; offset: number; endOffset: number}>}>).filter((f) => !f.filePath.endsWith('image.md'))
    const linted = odd.filter(([name]) => name !== 'image.md')
    assert.deepEqual(reports.map((f) => f.filePath), linted.map(([name]) => join(dir, name)), 'one report each, by path')
    reports.forEach((report, i) => {
      const content = linted[i][1]
      const decoded = typeof content === 'string' ? content : content.toString('utf8')
      for (const m of report.messages) assert.ok(m.offset >= 0 && m.endOffset <= decoded.length, `${linted[i][0]}: ${m.ruleId} in range`)
    })
    const [blank, empty, latin1] = reports
    assert.deepEqual([empty.messages, blank.messages], [[], []])
    assert.deepEqual(latin1.messages.map((m) => m.ruleId), ['accuracy/nonstandard-term'])
  })
})
