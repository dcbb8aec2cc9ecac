import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {lint} from '../../server/src/engine/index.js'
import {ROOT} from '../helpers.js'

// Every finding on the project's own drafts, one line each, kept in findings.txt: a change
// that moves, adds or drops a finding shows in this test and in the diff of that file. A
// change meant to alter findings updates the file (UPDATE_GOLDEN=1 npm test, or this test
// alone) and the reviewer reads the diff; a refactor must leave it as it is.
const GOLDEN = join(ROOT, 'test', 'golden', 'findings.txt')
const DRAFT_DIRS = ['examples', 'test/corpus', 'test/fixtures/plain']

function drafts(): string[] {
  return DRAFT_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((n) => /\.(md|txt)$/.test(n))
      .sort()
      .map((n) => join(ROOT, dir, n)),
  )
}

const squash = (s: string, max = 60): string => {
  const one = s.replace(/\s+/g, ' ')
  return one.length > max ? `${one.slice(0, max)}…` : one
}

function snapshot(): string {
  const lines: string[] = []
  for (const file of drafts()) {
    const text = readFileSync(file, 'utf8')
    const name = relative(ROOT, file).split('\\').join('/')
    for (const f of lint(text, {languageId: file.endsWith('.txt') ? 'plaintext' : 'markdown'}).findings) {
      const fix = f.suggestions[0] ? ` -> ${JSON.stringify(squash(f.suggestions[0].edits.map((e) => e.newText).join(' | '), 40))}${f.suggestions[0].safe ? ' (safe)' : ''}` : ''
      lines.push(`${name}:${f.offset}-${f.endOffset} ${f.severity} ${f.ruleId} ${JSON.stringify(squash(text.slice(f.offset, f.endOffset)))}${fix} | ${squash(f.message, 80)}`)
    }
  }
  return lines.join('\n') + '\n'
}

describe('golden findings on the project drafts', function () {
  this.timeout(60_000)
  it('match test/golden/findings.txt (UPDATE_GOLDEN=1 rewrites it)', () => {
    const now = snapshot()
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, now)
    const before = readFileSync(GOLDEN, 'utf8').split('\n')
    const after = now.split('\n')
    const gone = before.filter((l) => !after.includes(l))
    const added = after.filter((l) => !before.includes(l))
    assert.deepEqual({gone, added}, {gone: [], added: []}, 'findings changed: run with UPDATE_GOLDEN=1 if the change is meant, and review the diff of test/golden/findings.txt')
  })
})
