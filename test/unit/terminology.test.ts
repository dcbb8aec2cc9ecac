import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {builtinTerminology, lint, readEntries, terminologyWith, DataFileError} from '../../server/src/engine/index.js'
import {ROOT} from '../helpers.js'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'

const terminology = builtinTerminology()

describe('terminology set: every entry proves itself', () => {
  it('loads and validates every terminology file against the schema', () => {
    const files = readdirSync(join(ROOT, 'terminology')).filter((f) => f.endsWith('.yaml') && !['spelling.yaml', 'numbers.yaml', 'standard-terms.yaml'].includes(f))
    for (const f of files) assert.doesNotThrow(() => readEntries(join(ROOT, 'terminology', f)), f)
  })

  for (const entry of terminology.entries) {
    describe(`${entry.rule} ${entry.id}`, () => {
      for (const sentence of entry.examples.flag) {
        it(`flags: ${sentence}`, () => {
          const hits = lint(sentence, {terminology}).findings.filter((f) => f.entryId === entry.id)
          assert.ok(hits.length > 0, `expected "${entry.id}" to flag: ${sentence}`)
        })
      }
      for (const sentence of entry.examples.pass) {
        it(`passes: ${sentence}`, () => {
          const hits = lint(sentence, {terminology}).findings.filter((f) => f.entryId === entry.id)
          assert.deepEqual(hits.map((h) => sentence.slice(h.offset, h.endOffset)), [], `expected "${entry.id}" to pass: ${sentence}`)
        })
      }
    })
  }
})

describe('terminology files with problems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-terms-'))
  const write = (name: string, text: string) => {
    const f = join(dir, name)
    writeFileSync(f, text)
    return f
  }
  const entry = (extra = '') => `- id: my-term
  rule: accuracy/nonstandard-term
  find: ["my term"]
  message: "A message long enough."
  source: https://www.cancer.gov/
  examples: {flag: [my term], pass: [other]}
${extra}`

  it('names the file and line of a schema error', () => {
    const f = write('bad.yaml', entry().replace('rule: accuracy/nonstandard-term', 'rule: nonsense'))
    assert.throws(() => terminologyWith([f]), (e: Error) => e instanceof DataFileError && e.line === 2 && /0\.rule must be equal to one of the allowed values: accuracy\/nonstandard-term, /.test(e.message))
  })
  it('names the file and line of a YAML syntax error', () => {
    const f = write('syntax.yaml', '- id: x\n  find: [unclosed\n')
    assert.throws(() => terminologyWith([f]), (e: Error) => e instanceof DataFileError && e.file === f)
  })
  it('rejects a broken pattern with the entry id', () => {
    const f = write('pattern.yaml', entry().replace('"my term"', '"(my term"'))
    assert.throws(() => terminologyWith([f]), /entry "my-term": missing "\)"/)
  })
  it('rejects duplicate ids', () => {
    const f = write('dup.yaml', entry() + entry().replace(/^- /, '- '))
    assert.throws(() => terminologyWith([f]), /duplicate entry id "my-term"/)
  })
  it('adds a writer\'s own entries to the built-in set', () => {
    const f = write('good.yaml', entry())
    const t = terminologyWith([f])
    assert.equal(lint('This is my term.', {terminology: t}).findings[0].entryId, 'my-term')
  })
  it('ships a sources list that names every page an entry or class cites', () => {
    const sources = readFileSync(join(ROOT, 'terminology', 'SOURCES.md'), 'utf8')
    const dir = join(ROOT, 'terminology')
    const files = [...readdirSync(dir).map((n) => join(dir, n)), ...readdirSync(join(dir, 'classes')).map((n) => join(dir, 'classes', n))].filter((f) => f.endsWith('.yaml'))
    const missing = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/^\s*-?\s*source:\s*"?(\S+?)"?\s*$/gm)) {
        const url = m[1].replace(/\/$/, '')
        // NCI Dictionary pages are covered by one rule on the page (def/<term>).
        if (!url.includes('/dictionaries/cancer-terms/def/') && !sources.includes(url)) missing.add(`${url} (${f.slice(dir.length + 1)})`)
      }
    }
    assert.deepEqual([...missing], [], 'add these to terminology/SOURCES.md, "Every page cited"')
  })
})
