import {ParseEnglish} from 'parse-english'
import type {SentenceContent} from 'nlcst'

type NodeType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode'
interface Point {
  line: number
  column: number
  offset: number
}

const SURROGATE = /[\uD800-\uDFFF]/

/**
 * parse-english with a faster first step. parse-latin's `tokenize` classifies every character
 * of the text by testing it against three regular expressions of the whole Unicode range
 * (white space, punctuation, word), which was a fifth of the engine's parse time. This is the
 * same loop with each character's class looked up in a table, filled the first time the
 * character is seen by asking the original `tokenize` itself, so the classes are parse-latin's
 * own whatever its version. The nodes, their positions and the later plugins are unchanged;
 * test/unit/english.test.ts compares both parsers' trees on the fixtures and generated text.
 */
export class FastParseEnglish extends ParseEnglish {
  tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children

    const currentPoint: Point = {line: 1, column: 1, offset: 0}
    let from = 0
    let index = 0
    let start: Point = {...currentPoint}
    let previousType: NodeType | undefined
    let previous: string | undefined

    const createNode = (type: NodeType, text: string): SentenceContent =>
      type === 'WordNode'
        ? {type, children: [{type: 'TextNode', value: text, position: {start, end: {...currentPoint}}}], position: {start, end: {...currentPoint}}}
        : {type, value: text, position: {start, end: {...currentPoint}}}

    while (index < value.length) {
      const current = value.charAt(index)
      const currentType = this.classOf(current)
      if (
        from < index &&
        previousType &&
        !(
          previousType === currentType &&
          // Words or white space continue; so does the same punctuation or symbol, and surrogates.
          (previousType === 'WordNode' || previousType === 'WhiteSpaceNode' || current === previous || SURROGATE.test(current))
        )
      ) {
        children.push(createNode(previousType, value.slice(from, index)))
        from = index
        start = {...currentPoint}
      }
      if (current === '\r' || (current === '\n' && previous !== '\r')) {
        currentPoint.line++
        currentPoint.column = 1
      } else if (current !== '\n') {
        currentPoint.column++
      }
      currentPoint.offset++
      previousType = currentType
      previous = current
      index++
    }
    if (previousType && from < index) children.push(createNode(previousType, value.slice(from, index)))
    return children
  }

  private classOf(char: string): NodeType {
    const code = char.charCodeAt(0)
    let known = CLASSES[code]
    if (known === 0) CLASSES[code] = known = TYPES.indexOf(super.tokenize(char)[0].type as NodeType) + 1
    return TYPES[known - 1]
  }
}

const TYPES: readonly NodeType[] = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
/** Each UTF-16 code unit's node type (index into TYPES, plus one; 0 = not seen yet), as parse-latin's own tokenizer gives it. */
const CLASSES = new Uint8Array(0x10000)
