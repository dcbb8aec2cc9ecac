import assert from 'node:assert/strict'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {disableFile, disableLine, disableLines, frontMatterEnd, type Insertion} from '../../server/src/lsp/suppress-edits.js'
import {findings} from '../helpers.js'

const RULE = 'accuracy/nonstandard-term'
const apply = (text: string, ins: Insertion[]): string =>
  [...ins].sort((a, b) => b.offset - a.offset).reduce((t, i) => t.slice(0, i.offset) + i.newText + t.slice(i.offset), text)
// The inserted placeholder reason is itself reported (oncolint/unexplained-suppression) until the
// writer replaces it; these tests are about what the comment silences, so that finding is left out.
const rulesOf = (text: string, languageId = 'markdown') =>
  findings(text, {languageId}).filter((f) => f.ruleId !== 'oncolint/unexplained-suppression').map((f) => `${f.ruleId}:${f.text}`)
/** The Markdown block structure (what a renderer shows): a suppression must not split a paragraph or list. */
const blocks = (text: string): string[] => unified().use(remarkParse).parse(text).children.filter((n) => n.type !== 'html').map((n) => n.type)

describe('suppression comments from code actions', () => {
  it('disable-next-line goes on its own line above, with the line indentation', () => {
    const text = '# Title\n\n  A zorblat tumor grew.\n'
    const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
    assert.equal(out, '# Title\n\n  <!-- oncolint-disable-next-line accuracy/nonstandard-term -- reason -->\n  A zorblat tumor grew.\n')
    assert.deepEqual(rulesOf(out), [])
    assert.deepEqual(findings(out).map((f) => f.ruleId), ['oncolint/unexplained-suppression'])
  })

  it('the reason is a snippet tab stop', () => {
    const text = 'A zorblat tumor.\n'
    assert.equal(disableLine(text, 2, RULE, true).snippet, '<!-- oncolint-disable-next-line accuracy/nonstandard-term -- ${1:reason} -->\n')
  })

  it('inside a paragraph it goes at the end of the line, so the paragraph is not split', () => {
    const text = 'First line of the paragraph.\nA zorblat tumor grew.  \nLast line.\n\nA zorblat tumor.\n'
    const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
    assert.equal(out, 'First line of the paragraph.\nA zorblat tumor grew. <!-- oncolint-disable-line accuracy/nonstandard-term -- reason -->  \nLast line.\n\nA zorblat tumor.\n')
    assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
    assert.deepEqual(blocks(out), blocks(text))
  })

  it('between list items it goes at the end of the line, so the list is not split', () => {
    const text = '- one\n- a zorblat tumor\n- three\n'
    const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
    assert.equal(out, '- one\n- a zorblat tumor <!-- oncolint-disable-line accuracy/nonstandard-term -- reason -->\n- three\n')
    assert.deepEqual(rulesOf(out), [])
    assert.deepEqual(blocks(out), ['list'])
  })

  it('adds the rule to a disable-next-line comment already above the line', () => {
    const text = '<!-- oncolint-disable-next-line promotion/superlative -- quoting -->\nThe blorpest hospital treats a zorblat tumor.\n'
    const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
    assert.equal(out, '<!-- oncolint-disable-next-line promotion/superlative, accuracy/nonstandard-term -- quoting -->\nThe blorpest hospital treats a zorblat tumor.\n')
    assert.deepEqual(rulesOf(out), [])
  })

  it('in plain text the comment always gets its own line', () => {
    const text = 'First line.\r\n\tA zorblat tumor grew.\r\n'
    const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, false)])
    assert.equal(out, 'First line.\r\n\t<!-- oncolint-disable-next-line accuracy/nonstandard-term -- reason -->\r\n\tA zorblat tumor grew.\r\n')
    assert.deepEqual(rulesOf(out, 'plaintext'), [])
  })

  it('disable-file goes first, after YAML front matter', () => {
    const text = '---\ntitle: x\n---\n# A zorblat tumor\n\nA zorblat tumor.\n'
    assert.equal(frontMatterEnd(text), 17)
    const out = apply(text, [disableFile(text, RULE, true)])
    assert.equal(out, '---\ntitle: x\n---\n<!-- oncolint-disable-file accuracy/nonstandard-term -- reason -->\n# A zorblat tumor\n\nA zorblat tumor.\n')
    assert.deepEqual(rulesOf(out), [])
    assert.equal(apply('A zorblat tumor.', [disableFile('A zorblat tumor.', RULE, true)]), '<!-- oncolint-disable-file accuracy/nonstandard-term -- reason -->\nA zorblat tumor.')
  })

  it('disable/enable around selected lines leaves the lines after them linted', () => {
    const text = 'Intro.\n\nA zorblat tumor.\nAnother zorblat tumor.\n\nA zorblat tumor after.\n'
    const start = text.indexOf('A zorblat')
    const end = text.indexOf('Another') + 5
    const out = apply(text, disableLines(text, start, end, RULE, true))
    assert.equal(
      out,
      'Intro.\n\n<!-- oncolint-disable accuracy/nonstandard-term -- reason -->\nA zorblat tumor.\nAnother zorblat tumor.\n<!-- oncolint-enable accuracy/nonstandard-term -->\n\nA zorblat tumor after.\n',
    )
    assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
    assert.equal(findings(out).find((f) => f.ruleId === RULE)!.offset, out.indexOf('zorblat tumor after'))
  })

  it('disable/enable inside a paragraph are inline at the ends of the neighbouring lines', () => {
    const text = 'Intro line.\nA zorblat tumor.\nLast zorblat tumor.\n'
    const start = text.indexOf('A zorblat')
    const out = apply(text, disableLines(text, start, start + 3, RULE, true))
    assert.equal(out, 'Intro line. <!-- oncolint-disable accuracy/nonstandard-term -- reason -->\nA zorblat tumor. <!-- oncolint-enable accuracy/nonstandard-term -->\nLast zorblat tumor.\n')
    assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
    assert.deepEqual(blocks(out), blocks(text))
  })

  describe('line endings: \\r\\n, \\n and a lone \\r are all line ends, and an inserted line takes the file\'s own', () => {
    // `mixed`: the line each comment goes beside ends in a lone \r, the others in \n or \r\n.
    const endings: Array<[string, (i: number) => string]> = [
      ['LF', () => '\n'],
      ['CRLF', () => '\r\n'],
      ['CR', () => '\r'],
      ['mixed', (i) => ['\n', '\r\n', '\r', '\r', '\r\n', '\n'][i % 6]],
    ]
    const join = (lines: string[], eol: (i: number) => string): string => {
      const text = lines.map((l, i) => l + eol(i)).join('')
      // A lone \r before an empty line ending in \n would make one \r\n: the test's lines must stay its lines.
      assert.deepEqual(text.split(/\r\n|\r|\n/).slice(0, -1), lines)
      return text
    }

    for (const [name, eol] of endings) {
      it(`${name}: disable-next-line goes above the finding's line, and silences that line only`, () => {
        const lines = ['Intro line.', '', 'A zorblat tumor.', '', 'Another zorblat tumor.']
        const text = join(lines, eol)
        const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
        const comment = '<!-- oncolint-disable-next-line accuracy/nonstandard-term -- reason -->'
        assert.equal(out, join([...lines.slice(0, 2), comment, ...lines.slice(2)], (i) => (i < 2 ? eol(i) : i === 2 ? eol(2) : eol(i - 1))))
        assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
        assert.equal(findings(out).find((f) => f.ruleId === RULE)!.offset, out.indexOf('zorblat tumor', out.indexOf('Another')))
      })

      it(`${name}: disable-line goes at the end of a paragraph's line`, () => {
        const lines = ['Intro line.', 'More intro.', 'A zorblat tumor.', 'Another zorblat tumor.']
        const text = join(lines, eol)
        const out = apply(text, [disableLine(text, text.indexOf('zorblat'), RULE, true)])
        assert.equal(out, join([...lines.slice(0, 2), 'A zorblat tumor. <!-- oncolint-disable-line accuracy/nonstandard-term -- reason -->', lines[3]], eol))
        assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
      })

      it(`${name}: disable and enable around selected lines`, () => {
        const lines = ['Intro.', '', 'A zorblat tumor.', 'Another zorblat tumor.', '', 'A zorblat tumor after.']
        const text = join(lines, eol)
        const out = apply(text, disableLines(text, text.indexOf('A zorblat'), text.indexOf('Another') + 5, RULE, true))
        const open = '<!-- oncolint-disable accuracy/nonstandard-term -- reason -->'
        const close = '<!-- oncolint-enable accuracy/nonstandard-term -->'
        // The enable comment ends with the last selected line's ending; the line itself gets the one of that line too.
        assert.equal(out, join(lines.slice(0, 2), eol) + open + eol(2) + lines[2] + eol(2) + lines[3] + eol(3) + close + eol(3) + join(lines.slice(4), (i) => eol(i + 4)))
        assert.deepEqual(rulesOf(out), [`${RULE}:zorblat tumor`])
      })

      it(`${name}: disable-file goes after front matter`, () => {
        const lines = ['---', 'title: x', '---', 'A zorblat tumor.']
        const text = join(lines, eol)
        assert.equal(frontMatterEnd(text), join(lines.slice(0, 3), eol).length)
        const out = apply(text, [disableFile(text, RULE, true)])
        assert.equal(out, join(lines.slice(0, 3), eol) + '<!-- oncolint-disable-file accuracy/nonstandard-term -- reason -->' + eol(3) + lines[3] + eol(3))
        assert.deepEqual(rulesOf(out), [])
      })
    }
  })
})
