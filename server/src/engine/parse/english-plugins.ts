import type {Paragraph, Punctuation, Sentence, SentenceContent, Symbol as SymbolNode, Word} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'

// Sentence plugins. parse-english runs seven passes over every token of a paragraph after
// tokenizing it (unist-util-modify-children calling each plugin for each node, most of which
// only look at punctuation), which cost as much as the tokenizing. These are the same
// transforms, in the same order, each a plain loop that goes into the plugin's logic only at a
// node it can change; every branch, index rule and position update follows parse-latin 7 and
// parse-english 7 (lib/plugin/*.js) line for line. mergeInitialisms is parse-latin's own,
// called on the two nodes it reads. test/unit/english.test.ts compares the trees with
// parse-english's on the fixtures and on generated text.

type Node = SentenceContent | Word['children'][number]
type Mark = Punctuation | SymbolNode

// As parse-english's lib/regex.js and parse-latin's lib/expressions.js.
const ELISION_PREFIX = /^(ol?)$/
const ELISION_AFFIX = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/
const WORD_SYMBOL_INNER = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/
const TERMINAL_MARKER = /^([!.?\u2026\u203D]+)$/

const isMark = (node: Node | undefined): node is Mark => node !== undefined && (node.type === 'PunctuationNode' || node.type === 'SymbolNode')
const isApostrophe = (value: string): boolean => value === "'" || value === '\u2019'

/** nlcst-to-string's result, without its walk for the usual word of one text node. */
function textOf(node: Node): string {
  if ('value' in node) return node.value
  const children = node.children
  return children.length === 1 && 'value' in children[0] ? children[0].value : nlcstToString(node)
}

/** parse-english mergeEnglishElisionExceptions (by unist-util-visit-children): "w/", "o'", "'tis", "'n'". */
function mergeElision(sentence: Sentence): void {
  const siblings = sentence.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (!isMark(child)) continue
    const value = child.value
    if (value === '/') {
      const sibling = siblings[index - 1]
      if (sibling && sibling.type === 'WordNode' && textOf(sibling).toLowerCase() === 'w') {
        siblings.splice(index, 1)
        sibling.children.push(child)
        if (sibling.position && child.position) sibling.position.end = child.position.end
      }
    } else if (isApostrophe(value)) {
      const length = siblings.length
      const sibling = siblings[index - 1]
      if (
        index > 2 &&
        index < length - 1 &&
        sibling.type === 'WordNode' &&
        siblings[index - 2].type === 'WhiteSpaceNode' &&
        siblings[index + 1].type === 'WhiteSpaceNode' &&
        ELISION_PREFIX.test(textOf(sibling).toLowerCase())
      ) {
        siblings.splice(index, 1)
        sibling.children.push(child)
        if (sibling.position && child.position) sibling.position.end = child.position.end
        continue
      }
      if (index !== length - 1 && siblings[index + 1].type === 'WordNode' && (index === 0 || siblings[index - 1].type !== 'WordNode')) {
        const next = siblings[index + 1] as Word
        const nextValue = textOf(next).toLowerCase()
        const other = siblings[index + 2]
        if (ELISION_AFFIX.test(nextValue)) {
          siblings.splice(index, 1)
          next.children.unshift(child)
          if (next.position && child.position) next.position.start = child.position.start
        } else if (nextValue === 'n' && other && other.type === 'PunctuationNode' && isApostrophe(textOf(other))) {
          siblings.splice(index, 1)
          siblings.splice(index + 1, 1)
          next.children.unshift(child)
          next.children.push(other)
          if (next.position) {
            if (child.position) next.position.start = child.position.start
            if (other.position) next.position.end = other.position.end
          }
        }
      }
    }
  }
}

// The rest are unist-util-modify-children plugins: a number returned by the plugin is the
// index to go on from (below 0: from 0), so each loop sets `index` to one before it.

/** parse-latin mergeInitialWordSymbol: "&" joins the word after it ("&c"). */
function mergeInitialWordSymbol(sentence: Sentence): void {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isMark(child) || child.value !== '&') continue
    const next = children[index + 1]
    if ((index > 0 && children[index - 1].type === 'WordNode') || !(next && next.type === 'WordNode')) continue
    children.splice(index, 1)
    next.children.unshift(child)
    if (next.position && child.position) next.position.start = child.position.start
    index = Math.max(index - 1, 0) - 1
  }
}

/** parse-latin mergeFinalWordSymbol: a hyphen ending a word joins it ("pre- and post-"). */
function mergeFinalWordSymbol(sentence: Sentence): void {
  const children = sentence.children
  for (let index = 1; index < children.length; index++) {
    const child = children[index]
    if (!isMark(child) || child.value !== '-') continue
    const previous = children[index - 1]
    const next = children[index + 1]
    if (next?.type !== 'WordNode' && previous?.type === 'WordNode') {
      children.splice(index, 1)
      previous.children.push(child)
      if (previous.position && child.position) previous.position.end = child.position.end
      index--
    }
  }
}

/** parse-latin mergeInnerWordSymbol: words joined by inner symbols ("don't", "well-known", "e.g"). */
function mergeInnerWordSymbol(sentence: Sentence): void {
  const siblings = sentence.children
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index]
    // The plugin's scan starts at this node: if it is not an inner symbol, nothing is merged.
    if (!isMark(child) || siblings[index - 1].type !== 'WordNode' || !WORD_SYMBOL_INNER.test(child.value)) continue
    const previous = siblings[index - 1] as Word
    let position = index - 1
    const tokens: Word['children'] = []
    let queue: Mark[] = []
    while (siblings[++position]) {
      const sibling = siblings[position]
      if (sibling.type === 'WordNode') {
        tokens.push(...queue, ...sibling.children)
        queue = []
      } else if (isMark(sibling) && WORD_SYMBOL_INNER.test(sibling.value)) {
        queue.push(sibling)
      } else {
        break
      }
    }
    if (tokens.length > 0) {
      if (queue.length > 0) position -= queue.length
      siblings.splice(index, position - index)
      previous.children.push(...tokens)
      const last = tokens[tokens.length - 1]
      if (previous.position && last.position) previous.position.end = last.position.end
      index--
    }
  }
}

/** parse-latin mergeInnerWordSlash: short words joined by a slash ("N/A", "and/or" stays apart). */
function mergeInnerWordSlash(sentence: Sentence): void {
  const siblings = sentence.children
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index]
    const previous = siblings[index - 1]
    if (!isMark(child) || child.value !== '/' || previous.type !== 'WordNode') continue
    const previousValue = textOf(previous)
    let tail: Node = child
    const queue: Word['children'] = [child]
    let count = 1
    let nextValue = ''
    const next = siblings[index + 1]
    if (next && next.type === 'WordNode') {
      nextValue = textOf(next)
      tail = next
      queue.push(...next.children)
      count++
    }
    if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
      previous.children.push(...queue)
      siblings.splice(index, count)
      if (previous.position && tail.position) previous.position.end = tail.position.end
      index--
    }
  }
}

/**
 * parse-latin mergeInitialisms ("U.S." and "e.g." keep their final full stop), run as
 * parse-latin's own plugin on the only two nodes it reads: the full stop and the word before.
 */
function mergeInitialisms(original: (sentence: Sentence) => void): (sentence: Sentence) => void {
  return (sentence) => {
    const children = sentence.children
    for (let index = 1; index < children.length; index++) {
      const child = children[index]
      const previous = children[index - 1]
      if (child.type !== 'PunctuationNode' || child.value !== '.' || previous.type !== 'WordNode' || previous.children.length === 1 || previous.children.length % 2 === 0) continue
      const pair: Sentence = {type: 'SentenceNode', children: [previous, child]}
      original(pair)
      if (pair.children.length === 1) {
        children.splice(index, 1)
        index--
      }
    }
  }
}

/** parse-latin patchPosition: a parent without a position spans its first to its last child. */
function patchPosition(node: Sentence | Paragraph): void {
  const children = node.children
  const first = children[0]
  if (first?.position && !node.position?.start) {
    node.position ??= {} as NonNullable<typeof node.position>
    node.position.start = first.position.start
  }
  const last = children[children.length - 1]
  if (last?.position && !node.position?.end) {
    node.position ??= {} as NonNullable<typeof node.position>
    node.position.end = last.position.end
  }
}

// Paragraph plugins: two of parse-english's thirteen walk every token of every sentence.

/** parse-latin mergeRemainingFullStops: a full stop inside a sentence joins the word beside it. */
function mergeRemainingFullStops(paragraph: Paragraph): void {
  for (const child of paragraph.children) {
    if (!('children' in child)) continue
    const children = child.children
    let position = children.length
    let hasFoundDelimiter = false
    while (children[--position]) {
      const grandchild = children[position]
      if (!isMark(grandchild)) {
        if (grandchild.type === 'WordNode') hasFoundDelimiter = true
        continue
      }
      const value = grandchild.value
      if (!isTerminalStart(value.charCodeAt(0)) || !TERMINAL_MARKER.test(value)) continue
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true
        continue
      }
      if (value !== '.') continue
      const previous = children[position - 1]
      const next = children[position + 1]
      if (previous && previous.type === 'WordNode') {
        const nextNext = children[position + 2]
        if (next && nextNext && next.type === 'WhiteSpaceNode' && textOf(nextNext) === '.') continue
        children.splice(position, 1)
        previous.children.push(grandchild)
        if (grandchild.position && previous.position) previous.position.end = grandchild.position.end
        position--
      } else if (next && next.type === 'WordNode') {
        children.splice(position, 1)
        next.children.unshift(grandchild)
        if (grandchild.position && next.position) next.position.start = grandchild.position.start
      }
    }
  }
}

/** Whether TERMINAL_MARKER can match a value starting with `code`: most punctuation (commas) is turned away without the regex. */
const isTerminalStart = (code: number): boolean => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x203d

/** parse-latin breakImplicitSentences: a blank line inside a sentence ends it. */
function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || lineBreaks(node.value) < 2) continue
      child.children = children.slice(0, position)
      const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]
      const head = children[position + 1]
      siblings.splice(index + 1, 0, node, insertion)
      if (child.position && tail.position && head.position) {
        const end = child.position.end
        child.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      // The plugin returns index + 1: the loop goes on at the white space, then the new sentence.
      break
    }
  }
}

/** How many line endings (\r\n, \r or \n) `value` holds, as far as two: parse-latin splits it on them. */
function lineBreaks(value: string): number {
  let count = 0
  for (let i = 0; i < value.length && count < 2; i++) {
    const code = value.charCodeAt(i)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (value.charCodeAt(i + 1) === 10) i++
    }
  }
  return count
}

/**
 * Puts the loops above in place of parse-english's plugins on `target` (FastParseEnglish's
 * prototype). The lists they replace are parse-english 7's: a library with other lists keeps
 * its own plugins.
 */
export function installFastPlugins(target: ParseEnglish): void {
  const english = ParseEnglish.prototype
  const latin = Object.getPrototypeOf(english) as ParseEnglish
  if (english.tokenizeSentencePlugins.length !== 7 || latin.tokenizeSentencePlugins.length !== 6 || english.tokenizeParagraphPlugins.length !== 13) return
  target.tokenizeSentencePlugins = [
    mergeElision,
    mergeInitialWordSymbol,
    mergeFinalWordSymbol,
    mergeInnerWordSymbol,
    mergeInnerWordSlash,
    mergeInitialisms(latin.tokenizeSentencePlugins[4]),
    patchPosition,
  ]
  const paragraph = [...english.tokenizeParagraphPlugins]
  paragraph[7] = mergeRemainingFullStops
  paragraph[10] = breakImplicitSentences
  paragraph[12] = patchPosition
  target.tokenizeParagraphPlugins = paragraph
}
