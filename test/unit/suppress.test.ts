import assert from 'node:assert/strict'
import {byRule} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'

describe('inline suppression comments', () => {
  it('disable-next-line needs no blank line and hits only the next line', () => {
    const text = '<!-- oncolint-disable-next-line accuracy/nonstandard-term -- quoting a source -->\nA zorblat tumor.\nA zorblat tumor.\n'
    const f = byRule(text, RULE)
    assert.equal(f.length, 1)
    assert.equal(f[0].offset, text.lastIndexOf('zorblat'))
  })
  it('disable ... enable covers a range, by family too', () => {
    const text = 'A zorblat tumor.\n\n<!-- oncolint-disable accuracy -- quoted -->\n\nA zorblat tumor.\n\n<!-- oncolint-enable accuracy -->\n\nA zorblat tumor.\n'
    assert.equal(byRule(text, RULE).length, 2)
  })
  it('disable-file switches a rule off for the whole file', () => {
    assert.deepEqual(byRule('A zorblat tumor.\n\n<!-- oncolint-disable-file accuracy/nonstandard-term -- glossary -->\n', RULE), [])
  })
  it('a directive for another rule changes nothing', () => {
    assert.equal(byRule('<!-- oncolint-disable-next-line promotion/superlative -->\nA zorblat tumor.\n', RULE).length, 1)
  })
  it('works in plain text', () => {
    assert.deepEqual(byRule('<!-- oncolint-disable-next-line -- ok -->\nA zorblat tumor.\n', RULE, {languageId: 'plaintext'}), [])
  })
})

describe('suppression comments and line endings', () => {
  // \r\n, \n and a lone \r each end a line (CommonMark); `mixed` uses all three in one file.
  const endings: Array<[string, (i: number) => string]> = [
    ['LF', () => '\n'],
    ['CRLF', () => '\r\n'],
    ['CR', () => '\r'],
    ['mixed', (i) => ['\n', '\r\n', '\r', '\r'][i % 4]],
  ]
  const join = (lines: string[], eol: (i: number) => string): string => lines.map((l, i) => l + eol(i)).join('')

  for (const [name, eol] of endings) {
    it(`${name}: disable-line silences its own line only`, () => {
      const text = join(['Intro line.', '', 'A zorblat tumor. <!-- oncolint-disable-line accuracy -- quoting -->', '', 'A zorblat tumor again.', '', 'Last zorblat tumor.'], eol)
      assert.deepEqual(byRule(text, RULE).map((f) => f.offset), [text.indexOf('zorblat tumor again'), text.indexOf('zorblat tumor.', text.indexOf('Last'))])
    })
    it(`${name}: disable-next-line silences the next line only`, () => {
      const text = join(['Intro line.', '<!-- oncolint-disable-next-line accuracy -- quoting -->', 'A zorblat tumor.', 'Another zorblat tumor.'], eol)
      assert.deepEqual(byRule(text, RULE).map((f) => f.offset), [text.indexOf('zorblat tumor', text.indexOf('Another'))])
    })
  }
})

describe('config in the engine', () => {
  it('turns rules off and changes severities, by id or family', () => {
    assert.deepEqual(byRule('A zorblat tumor.', RULE, {config: {rules: {[RULE]: 'off'}}}), [])
    assert.equal(byRule('A zorblat tumor.', RULE, {config: {rules: {accuracy: 'error'}}})[0].severity, 'error')
  })
  it('never flags accepted phrases', () => {
    assert.deepEqual(byRule('A Zorblat Tumor grew.', RULE, {config: {accept: ['zorblat tumor']}}), [])
  })
})

describe('directive checks', () => {
  it('reports a suppression without a reason (info), not one with a reason', () => {
    const text = '<!-- oncolint-disable-next-line accuracy/nonstandard-term -->\nA zorblat tumor.\n\n<!-- oncolint-disable-next-line accuracy -- quoted -->\nA zorblat tumor.\n'
    const f = byRule(text, 'oncolint/unexplained-suppression')
    assert.equal(f.length, 1)
    assert.equal(f[0].severity, 'info')
    assert.equal(f[0].offset, 0)
    assert.equal(f[0].message, 'oncolint-disable-next-line has no reason: add one after "--", e.g. <!-- oncolint-disable-next-line accuracy/nonstandard-term -- quoted from the source -->.')
    assert.deepEqual(byRule(text, 'accuracy/nonstandard-term'), [])
  })
  it('covers exactly the comment in a list item whose line starts with a tab (remark reads the tab as spaces)', () => {
    // Found by the never-crash property test: the range ran two characters late, into a surrogate pair.
    const text = '+ \n\t<!-- oncolint-disable --> \u{10000} \n'
    const f = byRule(text, 'oncolint/unexplained-suppression')
    assert.deepEqual(f.map((x) => text.slice(x.offset, x.endOffset)), ['<!-- oncolint-disable -->'])
  })
  it('treats the placeholder reason "reason" as no reason', () => {
    assert.equal(byRule('<!-- oncolint-disable-next-line accuracy -- reason -->\nA zorblat tumor.\n', 'oncolint/unexplained-suppression').length, 1)
  })
  it('reports unknown rule names in a directive', () => {
    const f = byRule('<!-- oncolint-disable-next-line accuracy/no-such -- x -->\nHello.\n', 'oncolint/unknown-rule')
    assert.equal(f[0].message, "Unknown rule 'accuracy/no-such' in oncolint-disable-next-line (see oncolint --list-rules).")
  })
})
