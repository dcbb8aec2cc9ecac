import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import type * as Sarif from 'sarif'
import {RULES, withDefaults} from '../../server/src/engine/index.js'
import {PUBLIC_DOCS_BASE} from '../../server/src/cli/doc-links.js'
import {jsonOutput} from '../../server/src/cli/formats/json.js'
import {escapeData, escapeProperty} from '../../server/src/cli/formats/github.js'
import {contextOf, esc} from '../../server/src/cli/formats/html.js'
import {attr, text} from '../../server/src/cli/formats/junit.js'
import {configFor} from '../../server/src/config/load-config.js'
import {lintText} from '../../server/src/cli/lint-file.js'
import {ROOT} from '../helpers.js'
import {FIXTURE, TEST_RC, cli, project} from './helpers.js'

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version

describe('CLI formats', () => {
  const dir = project(FIXTURE)

  it('stylish: grouped by file, a summary line, the fixable count', async () => {
    const r = await cli(['.'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(
      r.stdout,
      `
a.md
  3:3   warning  'Zorblat tumor' is a test term.  accuracy/nonstandard-term
  3:23  error    Quux does not spread cancer (test entry).  accuracy/misconception

notes, v2.md
  1:1  warning  Superlative about a hospital (test entry).  promotion/superlative

✖ 3 problems (1 error, 2 warnings, 0 info)
  1 of them can be fixed with the \`--fix\` option.
`,
    )
  })

  it('stylish: prints nothing for clean files', async () => {
    const r = await cli(['clean.txt'], {cwd: dir})
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', ''])
  })

  it('json: one entry per file, sorted by path, with messages and stats', async () => {
    const r = await cli(['--format', 'json', '.'], {cwd: dir})
    const files = JSON.parse(r.stdout)
    assert.deepEqual(
      files.map((f: {filePath: string}) => f.filePath),
      ['a.md', 'clean.txt', 'notes, v2.md'].map((n) => join(dir, n)),
    )
    assert.deepEqual(files[2].messages, [
      {
        ruleId: 'promotion/superlative',
        severity: 'warning',
        message: 'Superlative about a hospital (test entry).',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 22,
        offset: 0,
        endOffset: 21,
        suggestions: [{title: "Replace with 'A cancer hospital'", safe: false, edits: [{offset: 0, endOffset: 21, newText: 'A cancer hospital'}]}],
      },
    ])
    assert.deepEqual(files[1].messages, [])
    const doc = files[0].stats.document
    assert.deepEqual([doc.counts.sentences, doc.counts.words], [2, 7])
    assert.equal(typeof doc.grades.smog, 'number')
    // Grades to two decimals, in every scope, both figures.
    const scopes = [doc, ...files[0].stats.sections, ...files[0].stats.paragraphs]
    for (const scope of scopes) {
      for (const figure of [scope.grades, scope.gradesExplained]) {
        for (const [name, value] of Object.entries(figure)) if (typeof value === 'number') assert.equal(value, Math.round(value * 100) / 100, name)
      }
    }
    assert.ok(/"smog":\d+(\.\d{1,2})?[,}]/.test(r.stdout), r.stdout.slice(0, 400))
    assert.deepEqual(Object.keys(files[0]), ['filePath', 'messages', 'stats'])
    assert.ok(r.stdout.endsWith(']\n') && !r.stdout.slice(0, -1).includes('\n'), 'one line')
  })

  it('github: one workflow command per finding, levels mapped, properties escaped', async () => {
    const r = await cli(['--format', 'github', '.'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(
      r.stdout,
      `::warning file=a.md,line=3,endLine=3,col=3,endColumn=16,title=accuracy/nonstandard-term::'Zorblat tumor' is a test term.
::error file=a.md,line=3,endLine=3,col=23,endColumn=42,title=accuracy/misconception::Quux does not spread cancer (test entry).
::warning file=notes%2C v2.md,line=1,endLine=1,col=1,endColumn=22,title=promotion/superlative::Superlative about a hospital (test entry).
`,
    )
  })

  it('github: info is a notice; a finding over several lines gives lines only', async () => {
    const multi = project({'m.md': 'A zorblat\ntumor grew.\n<!-- oncolint-disable-next-line accuracy -->\nQuux spreads cancer.\n'})
    const r = await cli(['--format', 'github', 'm.md'], {cwd: multi})
    assert.equal(
      r.stdout,
      `::warning file=m.md,line=1,endLine=2,title=accuracy/nonstandard-term::'Zorblat tumor' is a test term.
::notice file=m.md,line=3,endLine=3,col=1,endColumn=45,title=oncolint/unexplained-suppression::oncolint-disable-next-line has no reason: add one after "--", e.g. <!-- oncolint-disable-next-line accuracy -- quoted from the source -->.
`,
    )
  })

  it('github: escapes as the Actions runner decodes', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b')
    assert.equal(escapeProperty('dir/a: b, c%\n.md'), 'dir/a%3A b%2C c%25%0A.md')
  })

  it('junit: a testsuite per file, a failing testcase per finding, a passing one for a clean file', async () => {
    const r = await cli(['--format', 'junit', '.'], {cwd: dir})
    assert.equal(r.code, 1)
    assert.equal(
      r.stdout,
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="oncolint" tests="4" failures="3" errors="0">
  <testsuite name="a.md" tests="2" failures="2" errors="0" skipped="0" time="0">
    <testcase classname="a" name="accuracy/nonstandard-term at 3:3" time="0">
      <failure type="warning" message="&apos;Zorblat tumor&apos; is a test term.">warning at a.md:3:3-3:16: 'Zorblat tumor' is a test term. (accuracy/nonstandard-term)</failure>
    </testcase>
    <testcase classname="a" name="accuracy/misconception at 3:23" time="0">
      <failure type="error" message="Quux does not spread cancer (test entry).">error at a.md:3:23-3:42: Quux does not spread cancer (test entry). (accuracy/misconception)</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.txt" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase classname="clean" name="oncolint" time="0"/>
  </testsuite>
  <testsuite name="notes, v2.md" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase classname="notes, v2" name="promotion/superlative at 1:1" time="0">
      <failure type="warning" message="Superlative about a hospital (test entry).">warning at notes, v2.md:1:1-1:22: Superlative about a hospital (test entry). (promotion/superlative)</failure>
    </testcase>
  </testsuite>
</testsuites>
`,
    )
  })

  it('junit: escapes markup and drops characters XML cannot hold', () => {
    assert.equal(text('a < b && c > d'), 'a &lt; b &amp;&amp; c &gt; d')
    assert.equal(attr(`"it's"\n\u0007\uD800x`), '&quot;it&apos;s&quot;&#10;\uFFFD\uFFFDx')
  })

  describe('sarif', () => {
    let log: Sarif.Log
    before(async () => {
      const r = await cli(['--format', 'sarif', '.'], {cwd: dir})
      assert.equal(r.code, 1)
      log = JSON.parse(r.stdout)
    })

    it('validates against the SARIF 2.1.0 JSON schema', () => {
      // The SARIF 2.1.0 schema (2.1.0-rtm.5, as SchemaStore serves it; JSON Schema draft-04), shipped in @microsoft/jest-sarif.
      const require = createRequire(import.meta.url)
      const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
      // unicodeRegExp off: one pattern of that schema ("language") is not valid as a /u expression.
      // Both packages are CommonJS with a `default` export: the same object whichever way it is imported.
      const ajv = new AjvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
      ajvFormats.default(ajv)
      const validate = ajv.compile(schema)
      const valid = validate(structuredClone(log))
      assert.ok(valid, JSON.stringify(validate.errors, null, 2))
      // and the check can fail:
      assert.equal(validate({...log, runs: [{...log.runs[0], columnKind: 'bytes'}]}), false)
    })

    it('describes the tool with every rule, its doc link and default level', () => {
      assert.equal(log.version, '2.1.0')
      const driver = log.runs[0].tool.driver
      const rules = driver.rules ?? []
      assert.deepEqual([driver.name, driver.version], ['oncolint', VERSION])
      assert.equal(rules.length, RULES.length)
      assert.deepEqual(
        rules.find((r) => r.id === 'accuracy/misconception'),
        {
          id: 'accuracy/misconception',
          shortDescription: {text: RULES.find((r) => r.id === 'accuracy/misconception')!.description},
          helpUri: `${PUBLIC_DOCS_BASE}accuracy/misconception.md`,
          defaultConfiguration: {level: 'error'},
          properties: {tags: ['accuracy']},
        },
      )
      assert.ok(rules.some((r) => r.defaultConfiguration?.level === 'note'), 'info is note')
      assert.deepEqual(log.runs[0].originalUriBaseIds, {'%SRCROOT%': {uri: pathToFileURL(dir).href + '/'}})
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits')
    })

    it('gives each result its rule, level, region and fixes', () => {
      const index = (id: string) => RULES.findIndex((r) => r.id === id)
      const a = {uri: 'a.md', uriBaseId: '%SRCROOT%'}
      const notes = {uri: 'notes%2C%20v2.md', uriBaseId: '%SRCROOT%'}
      assert.deepEqual(log.runs[0].results, [
        {
          ruleId: 'accuracy/nonstandard-term',
          ruleIndex: index('accuracy/nonstandard-term'),
          level: 'warning',
          message: {text: "'Zorblat tumor' is a test term."},
          locations: [{physicalLocation: {artifactLocation: a, region: {startLine: 3, startColumn: 3, endLine: 3, endColumn: 16}}}],
          fixes: [
            {
              description: {text: "Replace with 'secondary tumor'"},
              artifactChanges: [{artifactLocation: a, replacements: [{deletedRegion: {startLine: 3, startColumn: 3, endLine: 3, endColumn: 16}, insertedContent: {text: 'secondary tumor'}}]}],
              properties: {safe: true},
            },
            {
              description: {text: "Replace with 'metastasis'"},
              artifactChanges: [{artifactLocation: a, replacements: [{deletedRegion: {startLine: 3, startColumn: 3, endLine: 3, endColumn: 16}, insertedContent: {text: 'metastasis'}}]}],
              properties: {safe: false},
            },
          ],
        },
        {
          ruleId: 'accuracy/misconception',
          ruleIndex: index('accuracy/misconception'),
          level: 'error',
          message: {text: 'Quux does not spread cancer (test entry).'},
          locations: [{physicalLocation: {artifactLocation: a, region: {startLine: 3, startColumn: 23, endLine: 3, endColumn: 42}}}],
        },
        {
          ruleId: 'promotion/superlative',
          ruleIndex: index('promotion/superlative'),
          level: 'warning',
          message: {text: 'Superlative about a hospital (test entry).'},
          locations: [{physicalLocation: {artifactLocation: notes, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 22}}}],
          fixes: [
            {
              description: {text: "Replace with 'A cancer hospital'"},
              artifactChanges: [{artifactLocation: notes, replacements: [{deletedRegion: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 22}, insertedContent: {text: 'A cancer hospital'}}]}],
              properties: {safe: false},
            },
          ],
        },
      ])
    })

    it('counts columns in UTF-16 code units, across CRLF lines', async () => {
      const emoji = project({'e.md': 'Hi.\r\n😀 A zorblat tumor.\r\n'})
      const r = await cli(['--format', 'sarif', 'e.md'], {cwd: emoji})
      const [result] = JSON.parse(r.stdout).runs[0].results
      assert.deepEqual(result.locations[0].physicalLocation.region, {startLine: 2, startColumn: 6, endLine: 2, endColumn: 19})
      assert.deepEqual(result.fixes[0].artifactChanges[0].replacements[0].deletedRegion, {startLine: 2, startColumn: 6, endLine: 2, endColumn: 19})
    })
  })

  describe('html', () => {
    it('is a self-contained page matching the reviewed one', async () => {
      const r = await cli(['--format', 'html', '.'], {cwd: dir})
      assert.equal(r.code, 1)
      // Changed with issue 21: rule links go to the public docs (https), not to file:// paths of the install.
      const page = r.stdout.replaceAll(PUBLIC_DOCS_BASE.slice(0, -1), 'DOCS').replace(`oncolint ${VERSION}`, 'oncolint VERSION')
      assert.equal(page, readFileSync(join(ROOT, 'test', 'cli', 'fixtures', 'report.html'), 'utf8'))
    })

    it('loads nothing from outside and escapes the draft text', async () => {
      const evil = project({'x.md': 'Some <script>alert("x")</script> & a zorblat tumor grew.\n', 'y.md': 'Fine.\n'}, `targetGrade: 2\n${TEST_RC}`)
      const r = await cli(['--format', 'html', '.'], {cwd: evil})
      assert.doesNotMatch(r.stdout, /<script|<link|<img|src=|url\(|@import|file:/i)
      // Links: to the page's own sections, and to the rules' public docs.
      for (const [, href] of r.stdout.matchAll(/href="([^"]*)"/g)) assert.ok(href.startsWith('#') || href.startsWith(PUBLIC_DOCS_BASE), href)
      assert.match(r.stdout, /<p class="ctx">Some &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; a <mark>zorblat tumor<\/mark> grew\.<\/p>/)
      // each file's grade against its own target
      assert.match(r.stdout, /<td class="n over">3\.1<\/td><td class="n">2<\/td>/)
      assert.match(r.stdout, /Reading grade 3\.1 \(SMOG\), <span class="over">above the target of 2<\/span>/)
      assert.equal((r.stdout.match(/<rect /g) ?? []).length, 2, 'one bar per file')
    })

    it('shows a few words of context, cut at the paragraph', () => {
      const t = 'First.\n\nOne two three four five six seven eight ZORB nine ten eleven twelve thirteen fourteen fifteen.\n\nNext.'
      const i = t.indexOf('ZORB')
      assert.deepEqual(contextOf(t, i, i + 4), {before: '…three four five six seven eight ', marked: 'ZORB', after: ' nine ten eleven twelve thirteen fourteen…'})
      assert.deepEqual(contextOf(t, 0, 6), {before: '', marked: 'First.', after: ''})
      const long = `Start ${'word '.repeat(40)}end.`
      assert.deepEqual(contextOf(long, 0, long.length).marked, `${long.slice(0, 60).trimEnd()} … ${long.slice(-25).trimStart()}`)
      assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    })
  })
})


describe('CLI reports: a JSON report is written in parts (issue 21, finding 13)', () => {
  it('a file with 100,000 findings is never one string: parts of at most a few hundred KB, together the JSON of the report', () => {
    const message = {ruleId: 'accuracy/nonstandard-term', severity: 'warning' as const, message: "'Zorblat tumor' is a test term.", line: 1, column: 1, endLine: 1, endColumn: 14, offset: 0, endOffset: 13, suggestions: [{title: 'Replace', safe: true, edits: [{offset: 0, endOffset: 13, newText: 'secondary tumor'}]}]}
    const report = {filePath: '/x/big.md', messages: Array.from({length: 100_000}, (_, i) => ({...message, line: i + 1, endLine: i + 1})), stats: null}
    const parts = [...(jsonOutput([{report, text: '', config: withDefaults({})}]) as Iterable<string>)]
    assert.ok(parts.length > 10)
    assert.ok(Math.max(...parts.map((p) => p.length)) < 1_000_000, `largest part ${Math.max(...parts.map((p) => p.length))}`)
    assert.equal(parts.join(''), `${JSON.stringify([report])}\n`)
    const failed = [...(jsonOutput([{report, text: '', config: withDefaults({}), failure: 'read-only; not fixed'}]) as Iterable<string>)].join('')
    assert.deepEqual(JSON.parse(failed)[0].messages.slice(0, 2), [{ruleId: null, fatal: true, severity: 'error', message: 'read-only; not fixed', line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, endOffset: 0, suggestions: []}, report.messages[0]])
  })
})

describe('CLI reports: readability figures kept only where shown', () => {
  const text = 'Metastasis is when cancer spreads. It was treated.\n'
  const resolved = configFor(undefined, ROOT)
  // Changed with issue 21: a throwing getter crashed every lint thread (structured clone reads it); now an explicit null.
  it('a run whose output shows no figures drops them: stats is null, plain data a lint thread can send', () => {
    const outcome = lintText('/x/draft.md', text, resolved, {fix: 'off', cwd: '/x', keepStats: false})
    assert.ok(outcome.report.messages.length > 0)
    assert.equal(outcome.report.stats, null)
    assert.deepEqual(structuredClone(outcome).report, outcome.report)
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(outcome.report))) assert.ok('value' in d, `${key} is a plain value, not a getter`)
  })
  it('by default a report keeps them, as plain data too', () => {
    const outcome = lintText('/x/draft.md', text, resolved, {fix: 'off', cwd: '/x'})
    assert.equal(outcome.report.stats?.document.counts.sentences, 2)
    assert.deepEqual(structuredClone(outcome).report, outcome.report)
  })
})
