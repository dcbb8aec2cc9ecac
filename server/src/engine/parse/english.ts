import type {SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {installFastPlugins} from './english-plugins.js'

type NodeType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode'
interface Point {
  line: number
  column: number
  offset: number
}

/**
 * parse-english, faster, giving the same trees. parse-latin's `tokenize` classifies every
 * character of the text by testing it against three regular expressions of the whole Unicode
 * range (white space, punctuation, word), a large part of the engine's parse time. This is
 * the same loop with each character's class looked up in a table, filled the first time the
 * character is seen by asking the original `tokenize` itself, so the classes are parse-latin's
 * own whatever its version. The sentence plugins and the paragraph plugins that walk every token
 * are rewritten as plain loops (english-plugins.ts). test/unit/english.test.ts compares both parsers'
 * trees on the fixtures, on generated text and through remark-retext.
 */
export class FastParseEnglish extends ParseEnglish {
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children

    // One point object per boundary between nodes, shared as the end of one node and the start
    // of the next (and by a word and its text node): parse-latin copies the cursor twice or
    // three times per node, which was most of what this loop allocated. Nothing mutates a
    // point once made: the plugins (parse-latin's, parse-english's), mdast-util-to-nlcst and
    // the engine only ever replace a node's `position.start`/`.end`, never edit a point, and
    // parse-latin's own splitNode already shares them between a node and its parent.
    let line = 1
    let column = 1
    let start: Point = {line, column, offset: 0}
    let from = 0
    let previousType = 0
    let previous = -1

    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      let type = CLASSES[code]
      if (type === 0) CLASSES[code] = type = this.classOf(value.charAt(index))
      if (
        from < index &&
        !(
          previousType === type &&
          // Words or white space continue; so does the same punctuation or symbol, and surrogates.
          (type === WORD || type === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff))
        )
      ) {
        const end: Point = {line, column, offset: index}
        children.push(createNode(previousType, value.slice(from, index), start, end))
        from = index
        start = end
      }
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }
      previousType = type
      previous = code
    }
    if (from < value.length) children.push(createNode(previousType, value.slice(from), start, {line, column, offset: value.length}))
    return children
  }

  /** The node type of a character (its index in TYPES, plus one), asked of parse-latin's own tokenizer. */
  private classOf(char: string): number {
    return TYPES.indexOf(super.tokenize(char)[0].type as NodeType) + 1
  }
}

function createNode(type: number, value: string, start: Point, end: Point): SentenceContent {
  return type === WORD
    ? {type: 'WordNode', children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end}}
    : {type: TYPES[type - 1] as Exclude<NodeType, 'WordNode'>, value, position: {start, end}}
}

const TYPES: readonly NodeType[] = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
const WHITE_SPACE = 1
const WORD = 3
/** Each UTF-16 code unit's node type (index into TYPES, plus one; 0 = not seen yet), as parse-latin's own tokenizer gives it. */
const CLASSES = new Uint8Array(0x10000)

installFastPlugins(FastParseEnglish.prototype)
