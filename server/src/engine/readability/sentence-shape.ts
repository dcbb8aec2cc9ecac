import type {Sentence} from '../parse/draft.js'

/**
 * What makes a long sentence long, so readability/long-sentence can say where to cut it: a
 * series that could be a bulleted list, words in brackets, and the places where a second
 * sentence could start (";", ":", a dash, ", which", ", but", ", because" …). Read from the
 * sentence's own text; no parser, so a split point is offered, not a rewrite.
 */
export interface SentenceShape {
  /** The longest series of three or more items ("the type, location, and stage"): item count, words, and its text. */
  series?: {items: number; words: number; text: string}
  /** Words inside brackets. */
  bracketWords: number
  /** Where a new sentence could start, nearest the middle first: the joint as written and how many words come before it. */
  splits: Array<{joint: string; before: number; after: string}>
  /** Words before a glossary label's colon ("Physical exam and history: …"), which are a label, not part of the sentence. */
  labelWords: number
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
// A comma followed by one of these starts a clause that could be a sentence of its own.
const CLAUSE_AFTER_COMMA = /,\s+(which|but|so|because|although|though|while|whereas|and then|however|yet|including|such as|especially|and (?:it|they|this|these|that|we|you|he|she|the|your|most|some|many)|or (?:it|they|you))\b/iy
// A sentence opened by a subordinate clause can be cut at the comma that closes it.
const LEADING_CLAUSE = /^\s*[*_]*(?:when|if|because|although|though|after|before|while|since|once|unless|as|even if|even though)\b/i
const JOINT_START = /[\s;:—–,]/g
// Sticky: tried at a position of the sentence without cutting the rest off it.
const HARD_JOINT = /(?:\s*;|\s*:(?!\/)|\s+[—–-]{1,2}\s+|[—–])/y
const SERIES_END = /^\s*(?:and\/or|and|or)\s/i
// Words that open a series inside its first segment: "including the type, location, and stage".
const OPENS_SERIES = /^\s*(?:such as|including|like|especially)\b/i
const INTRODUCER = /\b(?:such as|including|like|include|includes|especially|are|is|of)\b/i
/** A middle item of a series is short: "location", "the stage". */
const ITEM_WORDS = 4
const LABEL_WORDS = 8

const count = (s: string): number => (s.match(WORD) ?? []).length

export function sentenceShape(text: string, sentence: Sentence): SentenceShape {
  const own = text.slice(sentence.offset, sentence.endOffset)
  const total = count(own)
  // Text outside brackets, with bracketed parts blanked (same length, so offsets hold), made
  // run by run: a bracket is one code unit, so no character is cut.
  let depth = 0
  let flat = ''
  let bracketed = ''
  let runStart = 0
  let runInside = false
  const endRun = (end: number): void => {
    const part = own.slice(runStart, end)
    const blank = ' '.repeat(end - runStart)
    flat += runInside ? blank : part
    bracketed += runInside ? part : blank
    runStart = end
  }
  for (let j = 0; j < own.length; j++) {
    const c = own[j]
    if (c === '(' || c === '[') depth++
    const inside = depth > 0
    if (c === ')' || c === ']') depth = Math.max(0, depth - 1)
    if (inside !== runInside) {
      endRun(j)
      runInside = inside
    }
  }
  endRun(own.length)
  const label = labelOf(flat)
  const lineLead = text.slice(text.lastIndexOf('\n', sentence.offset - 1) + 1, sentence.offset).trimStart()
  const labelWords = label !== undefined && count(label) <= LABEL_WORDS && LINE_LEAD.test(lineLead) ? count(label) : 0
  return {series: longestSeries(flat), bracketWords: count(bracketed.replace(/[()[\]]/g, ' ')), splits: splitsOf(flat, total), labelWords}
}

// What may stand before a label on its line once its indentation is cut: a list marker, emphasis.
const LINE_LEAD = /^(?:[-*+•]|\d{1,9}[.)])?\s*[*_]{0,2}$/

/**
 * "Serum tumor marker test: …": the words before the sentence's first colon, when a colon (and
 * a space) comes before any full stop within 80 characters; emphasis around them aside. Read by
 * hand: a pattern with emphasis markers both inside and around the words backtracked on a run
 * of them.
 */
function labelOf(flat: string): string | undefined {
  let start = 0
  while (flat[start] === '*' || flat[start] === '_') start++
  let end = start
  while (end < flat.length && end - start <= 80 && !'.!?:\n'.includes(flat[end])) end++
  if (flat[end] !== ':' || !/\s/.test(flat[end + 1] ?? '')) return undefined
  let last = end
  while (last > start && (flat[last - 1] === '*' || flat[last - 1] === '_')) last--
  return last > start ? flat.slice(start, last) : undefined
}

function longestSeries(flat: string): SentenceShape['series'] {
  const segments = flat.split(',')
  // Each segment is read by every series that could start before it: its facts once.
  const segmentWords = segments.map(count)
  const endsSeries = segments.map((segment) => SERIES_END.test(segment))
  let best: SentenceShape['series']
  for (let start = 0; start < segments.length - 2; start++) {
    // "prognosis, including the type, location, and stage": the series starts after the introducer.
    if (OPENS_SERIES.test(segments[start + 1])) continue
    // The middle items are short, and the series ends with "and"/"or" and its last item.
    for (let end = start + 1; end < segments.length; end++) {
      const segment = segments[end]
      if (endsSeries[end] && end - start + 1 >= 3) {
        const firstWords = (segments[start].split(INTRODUCER).pop() ?? '').match(WORD) ?? []
        const first = firstWords.slice(-ITEM_WORDS).join(' ')
        const lastWords = segment.split(/[;:.]/)[0].match(WORD) ?? []
        const last = lastWords.slice(0, ITEM_WORDS + 1).join(' ')
        const middle = segments.slice(start + 1, end).map((m) => (m.match(WORD) ?? []).join(' '))
        const text = [first, ...middle].join(', ') + ` ${last}`
        const words = count(text)
        if (!best || words > best.words) best = {items: end - start + 1, words, text}
        break
      }
      if (segmentWords[end] > ITEM_WORDS || endsSeries[end]) break
    }
  }
  return best
}

function splitsOf(flat: string, total: number): SentenceShape['splits'] {
  const out: SentenceShape['splits'] = []
  let next = 0
  // The words before a joint are those that start before it: a joint starts at a character
  // no word holds (a space, ';', ':', ',' or a dash), so none is cut there.
  const words = [...flat.matchAll(WORD)]
  let before = 0
  // Where a joint can start at all: a space, ';', ':', a dash or a comma; the expressions are
  // tried only there.
  for (const {index: at} of flat.matchAll(JOINT_START)) {
    const i = at!
    if (i < next) continue
    HARD_JOINT.lastIndex = i
    const hard = HARD_JOINT.exec(flat)
    CLAUSE_AFTER_COMMA.lastIndex = i
    const clause = flat[i] === ',' ? CLAUSE_AFTER_COMMA.exec(flat) : null
    const joint = hard ? hard[0].trim() : clause ? `, ${clause[1].toLowerCase()}` : undefined
    if (!joint) continue
    while (before < words.length && words[before].index! < i) before++
    // A split must leave a sentence on each side.
    if (before >= 4 && total - before >= 4) out.push({joint, before, after: words[before - 1][0]})
    next = i + (hard ?? clause)![0].length
  }
  if (LEADING_CLAUSE.test(flat)) {
    const comma = flat.indexOf(',')
    const head = comma > 0 ? flat.slice(0, comma).match(WORD) ?? [] : []
    if (head.length >= 4 && total - head.length >= 4 && !out.some((o) => o.before === head.length)) out.push({joint: ',', before: head.length, after: head[head.length - 1]})
  }
  return out.sort((a, b) => Math.abs(a.before - total / 2) - Math.abs(b.before - total / 2))
}
