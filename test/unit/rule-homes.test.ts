import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {RULES, builtinTerminology} from '../../server/src/engine/index.js'
import {ROOT} from '../helpers.js'

// A rule has one home: rules/<family>/<name>.ts holds its code and metadata (a phrase rule
// names its data file there), docs/rules/<family>/<name>.md explains it, and shared engine
// code asks a rule about itself instead of testing its id.
const ENGINE = join(ROOT, 'server', 'src', 'engine')
const RULE_ID = /['"`](?:accuracy|readability|promotion|oncolint)\/[a-z0-9]+(?:-[a-z0-9]+)*['"`]/

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })

describe('a rule has one home', () => {
  for (const rule of RULES) {
    it(`${rule.id}: its file${rule.phrase ? ', its doc and its data are' : ' and its doc are'} where its id says`, () => {
      assert.ok(existsSync(join(ENGINE, 'rules', `${rule.id}.ts`)), `server/src/engine/rules/${rule.id}.ts`)
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`)
      assert.equal(rule.family, rule.id.split('/')[0])
      if (!rule.phrase) return
      const data = join(ROOT, 'terminology', rule.phrase.data)
      assert.ok(existsSync(data), `terminology/${rule.phrase.data}`)
      const entries = builtinTerminology().entries.filter((e) => e.file === data || e.file.endsWith(`/${rule.phrase!.data}`))
      assert.ok(entries.length > 0, `no entries in terminology/${rule.phrase.data}`)
      assert.deepEqual([...new Set(entries.map((e) => e.rule))], [rule.id], `every entry of terminology/${rule.phrase.data} names ${rule.id}`)
    })
  }

  it('the terminology schema accepts exactly the phrase rules as an entry\'s rule (an entry naming another rule is a data error, not silently never reported)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'terminology', 'schema.json'), 'utf8'))
    const allowed = schema.definitions.entry.properties.rule.enum as string[]
    assert.deepEqual([...allowed].sort(), RULES.filter((r) => r.phrase).map((r) => r.id).sort())
  })

  it('every built-in entry belongs to a phrase rule that names its file', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]))
    for (const e of builtinTerminology().entries) {
      const rule = byId.get(e.rule)
      assert.ok(rule?.phrase, `${e.id}: ${e.rule} is not a phrase rule`)
      assert.ok(e.file.endsWith(rule.phrase.data), `${e.id} is in ${e.file}, but ${e.rule} names ${rule.phrase.data}`)
    }
  })

  it('no rule id appears in shared engine code (outside rules/<family>/)', () => {
    const shared = filesUnder(ENGINE).filter((f) => !/[/\\]rules[/\\](?:accuracy|readability|promotion|oncolint)[/\\]/.test(f))
    const offenders = shared.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({line, i}))
        .filter(({line}) => !/^\s*(?:\/\/|\*|\/\*\*)/.test(line) && RULE_ID.test(line))
        .map(({line, i}) => `${relative(ROOT, f)}:${i + 1}: ${line.trim()}`),
    )
    assert.deepEqual(offenders, [])
  })
})
