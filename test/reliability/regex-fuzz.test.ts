/**
 * No regular expression of oncolint backtracks out of linear time. Every regular-expression
 * literal in server/src and client/src, and every `new RegExp` / `RegExp` call with a literal
 * source, is found by parsing the sources with the TypeScript compiler API and timed on
 * adversarial strings of 40,000 characters built from the characters the pattern itself uses:
 * long runs of each, alternations of two, a run followed by alternations, repeated near-matches,
 * long spaces and long non-spaces, each ended by characters that make a match fail late.
 *
 * Each pattern runs in a worker thread, so one that backtracks for minutes is stopped after
 * HARD_TIMEOUT_MS and reported, not waited for. A run over SLOW_MS fails (one just over it is
 * tried again, and fails when slow twice): a linear pattern takes well under a millisecond on
 * these strings, a quadratic one seconds.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {Worker} from 'node:worker_threads'
import ts from 'typescript'
import {ROOT} from '../helpers.js'

const SIZE = 40_000
const SLOW_MS = 250
const HARD_TIMEOUT_MS = 2_000

/**
 * Patterns known to be slow in code another change is fixing, by file and pattern text. Each
 * entry is temporary: the test fails when an entry's pattern is gone or no longer slow, so the
 * entry is removed when the fix lands.
 */
const TEMPORARY_ALLOW_LIST: ReadonlyArray<{file: string; pattern: string; why: string}> = []

export interface FoundPattern {
  file: string
  line: number
  /** As written: /source/flags. */
  text: string
  source: string
  flags: string
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))

/** A string or template literal without substitutions: its value, else undefined. */
const literalText = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined

/** Every regular expression of a file whose pattern is written out in the source. */
export function patternsIn(file: string): FoundPattern[] {
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: FoundPattern[] = []
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf)
      const end = literal.lastIndexOf('/')
      found.push({file, line: at(node), text: literal, source: literal.slice(1, end), flags: literal.slice(end + 1)})
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const source = literalText(node.arguments?.[0])
      const flags = node.arguments?.[1] === undefined ? '' : literalText(node.arguments[1])
      if (source !== undefined && flags !== undefined) found.push({file, line: at(node), text: `/${source}/${flags}`, source, flags})
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/** Characters the strings are made of, most telling first. */
const CANDIDATES = [
  'a', 'x', ' ', 'Z', '5', '.', '-', ',', '\n', '\t', '\r', '_', "'", '"', '!', '?', ':', ';', '*', '#', '<', '>', '[', ']', '(', ')',
  '{', '}', '/', '\\', '|', '=', '+', '%', '&', '@', '$', '^', '~', '`', 'e', 'y', 'é', 'ß', 'Ω', '\u00a0', '\u200b', '\u2028', '\u0000', '\u001b', '😀',
]

/** The pattern split into its single-character parts: escapes, classes, `.` and literal characters. */
function atomsOf(source: string): string[] {
  const atoms: string[] = []
  for (let k = 0; k < source.length; k++) {
    const c = source[k]
    if (c === '\\') {
      const n = source[k + 1]
      let end = k + 2
      if ((n === 'p' || n === 'P' || n === 'k') && (source[k + 2] === '{' || source[k + 2] === '<')) end = source.indexOf(source[k + 2] === '{' ? '}' : '>', k) + 1
      else if (n === 'u' && source[k + 2] === '{') end = source.indexOf('}', k) + 1
      else if (n === 'u') end = k + 6
      else if (n === 'x') end = k + 4
      else if (n === 'c') end = k + 3
      if (n !== 'k' && !/[1-9bB]/.test(n)) atoms.push(source.slice(k, end))
      k = end - 1
    } else if (c === '[') {
      let end = k + 1
      if (source[end] === '^') end++
      if (source[end] === ']') end++
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1
      atoms.push(source.slice(k, end + 1))
      k = end
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(k))) {
      k = source.indexOf('}', k)
    } else if (c === '(' && source[k + 1] === '?') {
      const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(k))
      k += (m?.[0].length ?? 2) - 1
    } else if (!'()|?*+^$'.includes(c)) {
      atoms.push(c === '.' ? '.' : /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c)
    }
  }
  return atoms
}

/** The characters the strings for a pattern are made of: members of each part, and one non-member of each class. */
function alphabetOf(source: string, flags: string): string[] {
  const matchFlags = flags.replace(/[gymd]/g, '')
  const classes: string[] = []
  const literals: string[] = []
  for (const atom of atomsOf(source)) {
    let test: RegExp
    try {
      test = new RegExp(`^(?:${atom})$`, matchFlags)
    } catch {
      continue
    }
    const members = CANDIDATES.filter((c) => test.test(c))
    const isClass = atom.length > 1 || atom === '.'
    if (isClass) {
      classes.push(...members.slice(0, 2))
      const outsider = CANDIDATES.find((c) => !test.test(c))
      if (outsider !== undefined) classes.push(outsider)
    } else if (members[0] !== undefined) literals.push(members[0])
  }
  return [...new Set([...classes, ...literals, 'x', ' '])].slice(0, 10)
}

interface Shape {
  what: string
  make: () => string
}

const FAILERS = ['', '\u0000', '!', '\n']

/** The adversarial strings for one pattern, each about SIZE characters. */
function shapesFor(source: string, flags: string): Shape[] {
  const alphabet = alphabetOf(source, flags)
  const shapes: Shape[] = []
  const show = (s: string) => JSON.stringify(s)
  for (const r of alphabet) {
    for (const end of FAILERS) shapes.push({what: `${show(r)} x ${SIZE} + ${show(end)}`, make: () => r.repeat(SIZE) + end})
  }
  for (const [i, a] of alphabet.entries()) {
    for (const b of alphabet.slice(i + 1)) {
      shapes.push({what: `${show(a + b)} x ${SIZE / 2} + "\\u0000"`, make: () => (a + b).repeat(SIZE / 2) + '\u0000'})
      shapes.push({what: `${show(a)} x ${SIZE / 2} + ${show(a + b)} x ${SIZE / 4}`, make: () => a.repeat(SIZE / 2) + (a + b).repeat(SIZE / 4)})
      shapes.push({what: `${show(b)} x ${SIZE / 2} + ${show(b + a)} x ${SIZE / 4}`, make: () => b.repeat(SIZE / 2) + (b + a).repeat(SIZE / 4)})
    }
  }
  // Near-matches: one character of each part in order, repeated, whole and without its last part.
  const matchFlags = flags.replace(/[gymd]/g, '')
  const skeleton = atomsOf(source)
    .map((atom) => {
      try {
        return CANDIDATES.find((c) => new RegExp(`^(?:${atom})$`, matchFlags).test(c)) ?? ''
      } catch {
        return ''
      }
    })
    .join('')
  for (const near of [skeleton, skeleton.slice(0, -1)].filter((s) => s.length > 0)) {
    shapes.push({what: `near-match ${show(near)} repeated + "\\u0000"`, make: () => near.repeat(Math.ceil(SIZE / near.length)) + '\u0000'})
  }
  shapes.push({what: `spaces x ${SIZE} + "x"`, make: () => ' '.repeat(SIZE) + 'x'})
  shapes.push({what: `"x" x ${SIZE} + " "`, make: () => 'x'.repeat(SIZE) + ' '})
  shapes.push({what: `(100 spaces + "x") repeated`, make: () => `${' '.repeat(100)}x`.repeat(SIZE / 101)})
  shapes.push({what: `(100 x "x" + " ") repeated`, make: () => `${'x'.repeat(100)} `.repeat(SIZE / 101)})
  return shapes
}

/** Runs a pattern as the code does: exec once, or replace every match when it is global. */
const WORKER = `
const {parentPort} = require('node:worker_threads')
parentPort.on('message', ({source, flags, input}) => {
  const re = new RegExp(source, flags)
  const start = performance.now()
  if (re.global) input.replace(re, '')
  else re.exec(input)
  parentPort.postMessage(performance.now() - start)
})
`

/** A worker that times patterns, started again after a pattern it had to be stopped on. */
class Timer {
  private worker = new Worker(WORKER, {eval: true})

  /** Milliseconds the pattern took on `input`, or Infinity when stopped after HARD_TIMEOUT_MS. */
  time(source: string, flags: string, input: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const worker = this.worker
      const timer = setTimeout(() => {
        worker.removeAllListeners()
        void worker.terminate()
        this.worker = new Worker(WORKER, {eval: true})
        resolve(Infinity)
      }, HARD_TIMEOUT_MS)
      worker.once('message', (ms: number) => {
        clearTimeout(timer)
        worker.removeAllListeners('error')
        resolve(ms)
      })
      worker.once('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
      worker.postMessage({source, flags, input})
    })
  }

  stop(): Promise<number> {
    return this.worker.terminate()
  }
}

/** The first shape a pattern is slow on, twice in a row; undefined when it is linear on all. */
async function slowShape(timer: Timer, p: FoundPattern): Promise<string | undefined> {
  for (const shape of shapesFor(p.source, p.flags)) {
    const input = shape.make()
    const ms = await timer.time(p.source, p.flags, input)
    if (ms <= SLOW_MS) continue
    // Near the bound, a pause of the machine may be to blame: it must be slow again.
    const again = ms > 4 * SLOW_MS ? ms : await timer.time(p.source, p.flags, input)
    if (again > SLOW_MS) return `${shape.what}: ${again === Infinity ? `stopped after ${HARD_TIMEOUT_MS} ms` : `${Math.round(Math.min(ms, again))} ms`}`
  }
  return undefined
}

const key = (file: string, pattern: string) => `${file}\0${pattern}`

describe('reliability: every regular expression runs in linear time', function () {
  this.timeout(600_000)

  const files = ['server/src', 'client/src'].flatMap((dir) => sourceFiles(join(ROOT, dir)))
  const found = files.flatMap(patternsIn)

  it('finds literals and RegExp calls with a literal source, and nothing in strings or comments', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oncolint-regex-fuzz-')), 'sample.ts')
    writeFileSync(
      file,
      [
        'const a = /x+y/gu',
        "const b = new RegExp('a+b', 'i')",
        'const c = RegExp(`c*d`)',
        'const d = new RegExp(`${a}e`)',
        "const e = '/not+a/regex'",
        '// const f = /in a comment/',
        'const g = x / 2 / y',
      ].join('\n'),
    )
    assert.deepEqual(
      patternsIn(file).map((p) => [p.line, p.text, p.source, p.flags]),
      [
        [1, '/x+y/gu', 'x+y', 'gu'],
        [2, '/a+b/i', 'a+b', 'i'],
        [3, '/c*d/', 'c*d', ''],
      ],
    )
  })

  it('finds the patterns of the server and the client', () => {
    const dirs = new Set(found.map((p) => relative(ROOT, p.file).split('/').slice(0, 2).join('/')))
    assert.deepEqual([...dirs].sort(), ['client/src', 'server/src'])
    assert.ok(found.length > 100, `${found.length} patterns`)
  })

  it('tells backtracking patterns from linear ones', async () => {
    const timer = new Timer()
    const verdict = (text: string) => {
      const end = text.lastIndexOf('/')
      return slowShape(timer, {file: 'sample.ts', line: 1, text, source: text.slice(1, end), flags: text.slice(end + 1)})
    }
    try {
      // Quadratic (a run tried from each of its characters: it does not end the text, or no b
      // follows it), and exponential.
      for (const bad of [String.raw`/\s+$/`, String.raw`/[\p{L}']+$/u`, '/a+b/', '/(a+)+b/']) assert.ok(await verdict(bad), `${bad} passed`)
      for (const good of [String.raw`/(?<!\s)\s+$/`, String.raw`/(?<![\p{L}'])[\p{L}']+$/u`, '/^a+b/']) assert.equal(await verdict(good), undefined, good)
    } finally {
      await timer.stop()
    }
  })

  it('no pattern is slow on adversarial strings (allow-listed ones aside)', async () => {
    const allowed = new Map(TEMPORARY_ALLOW_LIST.map((a) => [key(a.file, a.pattern), a]))
    const seen = new Map<string, string | undefined>()
    const slow: string[] = []
    const allowedButFast: string[] = []
    const timer = new Timer()
    try {
      for (const p of found) {
        const file = relative(ROOT, p.file)
        const id = `/${p.source}/${p.flags}`
        if (!seen.has(id)) seen.set(id, await slowShape(timer, p))
        const verdict = seen.get(id)
        const allowance = allowed.get(key(file, p.text))
        if (allowance) {
          allowed.delete(key(file, p.text))
          if (!verdict) allowedButFast.push(`${file}:${p.line} ${p.text} is no longer slow: remove it from TEMPORARY_ALLOW_LIST`)
        } else if (verdict) slow.push(`${file}:${p.line} ${p.text} on ${verdict}`)
      }
    } finally {
      await timer.stop()
    }
    const gone = [...allowed.values()].map((a) => `${a.file} ${a.pattern} is gone: remove it from TEMPORARY_ALLOW_LIST`)
    assert.deepEqual([...slow, ...allowedButFast, ...gone], [])
  })
})
