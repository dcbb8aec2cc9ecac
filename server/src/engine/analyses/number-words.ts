import type {Token} from '../parse/tokens.js'
import type {NumeralIndex} from '../terminology/numerals.js'

/** How a number is written, once its words are joined: a plain number, a part of a whole or a multiple. */
export type NumberKind = 'number' | 'fraction' | 'multiple'

/** One number of a sentence, in digits or words, as token indexes [start, end). */
export interface NumberSpan {
  start: number
  end: number
  /** A number's value; a fraction's share (a third: 1/3); a multiple's factor (twice: 2). */
  value: number
  kind: NumberKind
  words: boolean
}

// "1,000" groups thousands; "1.5" has a decimal point. A comma not before three digits is not a
// thousands separator ("10,20" reads as 1020 nowhere in patient text, so it is left whole).
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const PLAIN = /^\d+(?:\.\d+)?$/

/** The value of a number token written in digits, or undefined ("1.2.3", "10,20"). */
export function digitValue(word: string): number | undefined {
  if (PLAIN.test(word)) return Number(word)
  if (GROUPED.test(word)) return Number(word.replace(/,/g, ''))
  return undefined
}

/**
 * The numbers of a sentence's tokens: digits ("25", "1,000", "0.5", "1.8 million"), whole
 * numbers in words ("twenty-five", "one hundred and ten", "a thousand"), fractions ("half",
 * "a third", "two-thirds", "three quarters", "one fifth"), durations with a half ("six and a
 * half") and multiples ("twice", "four times", "half as"). Hyphens split tokens, so
 * "twenty-five" and "twenty five" read alike; `text`, the source the tokens' offsets point
 * into, lets "1,000" split by the sentence parser be read whole. What a number counts (a percentage, a
 * frequency) is read by the caller from the words around it.
 */
export function readNumbers(tokens: readonly Token[], numerals: NumeralIndex, text?: string): NumberSpan[] {
  const out: NumberSpan[] = []
  let i = 0
  while (i < tokens.length) {
    const found = numberAt(tokens, i, numerals, text)
    if (found) {
      out.push(found)
      i = found.end
    } else i++
  }
  return out
}

const word = (tokens: readonly Token[], i: number): string | undefined => tokens[i]?.word

/** Whether the fraction word at i stands as a share ("a third of", "by a third."), not an ordinal ("a third time"). */
function standsAsShare(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]
  return !next || next.breakBefore || next.word === 'of' || next.word === 'and' || next.word === 'or' || next.word === 'in' || /^\d/.test(next.word)
}

/**
 * The sentence parser splits "1,000" at its comma ("1", "000"): the digit groups are joined
 * back where only a comma stands between them and each later group has three digits.
 */
function groupedDigits(tokens: readonly Token[], i: number, text: string | undefined): {value: number; end: number} | undefined {
  if (text === undefined || !/^\d{1,3}$/.test(tokens[i].word)) return undefined
  let j = i
  let digits = tokens[i].word
  while (tokens[j + 1] && /^\d{3}(?:\.\d+)?$/.test(tokens[j + 1].word) && text.slice(tokens[j].endOffset, tokens[j + 1].offset) === ',' && !digits.includes('.')) {
    digits += tokens[j + 1].word
    j++
  }
  return j > i ? {value: Number(digits), end: j + 1} : undefined
}

function numberAt(tokens: readonly Token[], i: number, numerals: NumeralIndex, text: string | undefined): NumberSpan | undefined {
  const w = tokens[i].word
  // "twice", "doubles", "halved": a multiple (the caller reads whether it is said of a risk).
  const factor = numerals.multiple(tokens[i])
  if (factor !== undefined) return {start: i, end: i + 1, value: factor, kind: 'multiple', words: true}
  // "half": a share ("half of", "half the people", "nearly half."), a multiple ("half as likely").
  if (numerals.fraction(w) === 2) {
    if (word(tokens, i + 1) === 'as') return {start: i, end: i + 1, value: 0.5, kind: 'multiple', words: true}
    // After "by", "than" or "to" it is an amount: "dropped by more than half since 1970".
    const before = word(tokens, i - 1)
    if (word(tokens, i + 1) === 'the' || standsAsShare(tokens, i) || before === 'by' || before === 'than' || before === 'to') return {start: i, end: i + 1, value: 0.5, kind: 'fraction', words: true}
    return undefined
  }
  // "a third", "an eighth", "a hundred", "a thousand".
  if ((w === 'a' || w === 'an') && tokens[i + 1]) {
    const next = tokens[i + 1].word
    const denominator = numerals.fraction(next)
    if (denominator !== undefined && !tokens[i + 1].breakBefore && standsAsShare(tokens, i + 1)) return {start: i, end: i + 2, value: 1 / denominator, kind: 'fraction', words: true}
    if (numerals.scale(next) !== undefined && !tokens[i + 1].breakBefore) return cardinalPhrase(tokens, i + 1, numerals, i)
    return undefined
  }
  if (/^\d/.test(w)) {
    const grouped = groupedDigits(tokens, i, text)
    if (grouped) return withTail(tokens, {start: i, end: grouped.end, value: grouped.value, kind: 'number', words: false}, numerals)
    const value = digitValue(w)
    if (value === undefined) return undefined
    return withTail(tokens, {start: i, end: i + 1, value, kind: 'number', words: false}, numerals)
  }
  if (numerals.cardinal(w) !== undefined) return cardinalPhrase(tokens, i, numerals, i)
  return undefined
}

/** Words joined into one whole number from `i` ("twenty five", "one hundred and ten"); `start` may be an "a" before it. */
function cardinalPhrase(tokens: readonly Token[], i: number, numerals: NumeralIndex, start: number): NumberSpan | undefined {
  let total = 0
  let current = 0
  let j = i
  let lastWasScale = false
  while (j < tokens.length) {
    const t = tokens[j]
    if (j > i && t.breakBefore) break
    const c = numerals.cardinal(t.word)
    const s = numerals.scale(t.word)
    if (c !== undefined) {
      // "twenty five" adds; "five twenty" (two numbers side by side) stops.
      if (current === 0 || (current % 10 === 0 && current >= 20 && current < 100 && c < 10) || (lastWasScale && c < 100)) current += c
      else break
      lastWasScale = false
    } else if (s !== undefined) {
      current = (current || 1) * s
      if (s >= 1000) {
        total += current
        current = 0
      }
      lastWasScale = true
    } else if (t.word === 'and' && lastWasScale && numerals.cardinal(word(tokens, j + 1) ?? '') !== undefined) {
      // "one hundred and ten"
    } else break
    j++
  }
  if (j === i) return undefined
  return withTail(tokens, {start, end: j, value: total + current, kind: 'number', words: true}, numerals)
}

/** What may follow a number: a scale ("1.8 million"), a fraction ("two thirds"), "times", "and a half". */
function withTail(tokens: readonly Token[], n: NumberSpan, numerals: NumeralIndex): NumberSpan {
  const next = tokens[n.end]
  if (!next) return n
  const scale = numerals.scale(next.word)
  if (scale !== undefined && !n.words && !next.breakBefore) return withTail(tokens, {...n, end: n.end + 1, value: n.value * scale}, numerals)
  const denominator = numerals.fraction(next.word)
  // "two-thirds", "three quarters", "one fifth" (not "one half" of a "one-and-a-half").
  if (denominator !== undefined && n.words && n.value >= 1 && n.value < denominator && !next.breakBefore && standsAsShare(tokens, n.end)) {
    return {...n, end: n.end + 1, value: n.value / denominator, kind: 'fraction'}
  }
  if (next.word === 'times' && !next.breakBefore) return {...n, end: n.end + 1, kind: 'multiple'}
  // "six and a half (years)"
  if (next.word === 'and' && word(tokens, n.end + 1) === 'a' && word(tokens, n.end + 2) === 'half') return {...n, end: n.end + 3, value: n.value + 0.5}
  return n
}
