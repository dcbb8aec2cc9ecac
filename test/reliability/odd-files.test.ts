/**
 * Big and odd files on the built command line (bin/oncolint.js; run `npm run build` first):
 * a 20 MB draft, an empty file, whitespace only, PNG bytes, invalid UTF-8. Each run ends
 * within its bound with a sensible exit code and nothing on stderr; none crashes.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {BIN, project} from '../cli/helpers.js'
import {CLINIC_DRAFT} from '../helpers.js'

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

  it('lints a 20 MB draft within a minute, with findings all through it', () => {
    const seed = readFileSync(CLINIC_DRAFT, 'utf8')
    const copies = Math.ceil((20 * 1024 * 1024) / (seed.length + 2))
    const text = `${seed}\n\n`.repeat(copies)
    const dir = project({})
    writeFileSync(join(dir, 'big.md'), text)
    const r = runTimed(['--quiet', '-f', 'json', '-o', 'report.json', 'big.md'], dir, 120_000)
    assert.ok(r.ms < 60_000, `took ${Math.round(r.ms)} ms`)
    assert.equal(r.stderr, '')
    const [report] = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Array<{messages: Array<{endOffset: number}>}>
    assert.equal(r.code, report.messages.length > 0 ? 1 : 0)
    // Errors (--quiet) are reported in the last copy of the draft too.
    assert.ok(report.messages.some((m) => m.endOffset > text.length - seed.length), 'findings near the end of the file')
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
    // The PNG holds NUL bytes: it is skipped as binary, with one line (the others are linted).
    assert.equal(r.stderr, 'oncolint: warning: image.md: binary file, not linted\n')
    assert.equal(r.code, 0, 'no error-severity finding in any of them')
    const reports = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; offset: number; endOffset: number}>}>
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
