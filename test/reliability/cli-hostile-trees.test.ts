/**
 * Generated hostile file trees thrown at the built command line with --fix (issue 21): FIFOs,
 * symbolic-link cycles, dangling links, links out of the tree, names with newlines, escapes or
 * bytes that are not UTF-8, read-only files, NUL bytes, binary and empty files. (Devices need
 * root to make; cli-output-paths.test.ts has them.) Each run ends within a time limit, writes a
 * report that parses, exits 0, 1 or 2 (2 exactly when a file is reported as failed), and
 * changes no file outside the tree: everything beside it is hashed before and after.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, lstatSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {BIN, TEST_RC} from '../cli/helpers.js'
import {fixableDraft} from './arbitraries.js'
import {runs, timeoutFor} from './scale.js'

const LIMIT_MS = 20_000

type Node =
  | {kind: 'draft'; text: string; readOnly: boolean}
  | {kind: 'bytes'; bytes: Uint8Array}
  | {kind: 'fifo'}
  | {kind: 'link'; to: string}
  | {kind: 'folder'; children: Array<[Buffer, Node]>}

const NAMES = ['a.md', 'b.txt', 'c.markdown', 'x\n::error file=y::z.md', 'e\x1b[2J.md', '.hidden.md', 'notes', 'sub']
const name: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => Buffer.from(n)),
  fc.constantFrom(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64]), Buffer.from([0xff, 0x2e, 0x6d, 0x64]), Buffer.from([0x64, 0x69, 0x72, 0xfe])),
)
const LINK_TARGETS = ['..', '.', '../..', '../outside', '../outside/o.md', '../../outside/o.md', 'missing.md', 'a.md', 'sub', '/dev/null']

const leaf: fc.Arbitrary<Node> = fc.oneof(
  {arbitrary: fc.record({kind: fc.constant('draft' as const), text: fixableDraft, readOnly: fc.boolean()}), weight: 4},
  {arbitrary: fc.record({kind: fc.constant('bytes' as const), bytes: fc.oneof(fc.uint8Array({maxLength: 300}), fc.constant(new Uint8Array([0x3c, 0x21, 0x2d, 0x2d, 0, 0x2d, 0x2d, 0x3e])))}), weight: 2},
  {arbitrary: fc.constant({kind: 'fifo' as const}), weight: 1},
  {arbitrary: fc.record({kind: fc.constant('link' as const), to: fc.constantFrom(...LINK_TARGETS)}), weight: 2},
)
const tree = fc.letrec<{node: Node; folder: Node}>((tie) => ({
  node: fc.oneof({depthSize: 'small', withCrossShrink: true}, leaf, tie('folder')),
  folder: fc.record({kind: fc.constant('folder' as const), children: fc.array(fc.tuple(name, tie('node')), {maxLength: 5})}),
})).folder

function make(path: Buffer, node: Node): void {
  switch (node.kind) {
    case 'draft':
      writeFileSync(path, node.text)
      if (node.readOnly) chmodSync(path, 0o444)
      return
    case 'bytes':
      return writeFileSync(path, node.bytes)
    case 'fifo':
      return void spawnSync('mkfifo', [path.toString('latin1')], {env: {...process.env, LC_ALL: 'C'}})
    case 'link':
      return symlinkSync(node.to, path)
    case 'folder':
      mkdirSync(path)
      for (const [child, sub] of node.children) {
        const at = Buffer.concat([path, Buffer.from('/'), child])
        if (lstatSync(at, {throwIfNoEntry: false})) continue // a name given twice
        make(at, sub)
      }
  }
}

/** Path -> SHA-256 of every file, and the target of every link, under `dir` (not following links). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const visit = (d: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, entry.name)
      if (entry.isDirectory()) visit(p)
      else if (entry.isFile()) out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'))
      else out.set(p, entry.isSymbolicLink() ? `link` : 'other')
    }
  }
  visit(dir)
  return out
}

describe('reliability: hostile file trees on the built CLI', function () {
  this.timeout(timeoutFor(120_000))

  it('every run ends in time with a report, a true exit code, and nothing outside the tree changed', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const base = mkdtempSync(join(tmpdir(), 'oncolint-hostile-'))
        writeFileSync(join(base, '.oncolintrc.yaml'), TEST_RC)
        mkdirSync(join(base, 'outside'))
        writeFileSync(join(base, 'outside', 'o.md'), 'A zorblat tumor grew outside.\n')
        writeFileSync(join(base, 'outside', 'ro.md'), 'A zorblat tumor grew.\n')
        make(Buffer.from(join(base, 'tree')), root)
        const before = snapshot(join(base, 'outside'))
        const started = performance.now()
        const r = spawnSync(process.execPath, [BIN, '--fix', '-f', 'json', '.'], {cwd: join(base, 'tree'), encoding: 'utf8', timeout: LIMIT_MS, env: {...process.env, NO_COLOR: '1'}})
        assert.equal(r.error, undefined, `ended within ${LIMIT_MS} ms`)
        assert.ok(performance.now() - started < LIMIT_MS)
        assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`)
        const reports = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{fatal?: boolean}>}>
        const failed = reports.filter((f) => f.messages[0]?.fatal).length
        assert.equal(r.status === 2, failed > 0, r.stderr)
        assert.equal(new Set(reports.map((f) => f.filePath)).size, reports.length, 'each file once')
        for (const f of reports) assert.ok(f.filePath.startsWith(join(base, 'tree')), `${f.filePath} is in the tree`)
        assert.deepEqual(snapshot(join(base, 'outside')), before, 'nothing outside the tree changed')
      }),
      runs(10),
    )
  })
})
