import pluralize from 'pluralize'

/**
 * The letters (and apostrophes) that end `s`. The lookbehind lets a match start only where such a
 * run starts: tried at every letter of a long word, `[\p{L}']+$` would be quadratic in its length.
 */
export const lastWord = (s: string): string => s.match(/(?<![\p{L}'])[\p{L}']+$/u)?.[0] ?? ''

/**
 * Fits a preferred wording to the text it replaces: keeps a capital first letter or all
 * capitals, and a plural the writer made by inflecting the entry's word ("Branch tumors" ->
 * "Secondary tumors"). `inflected` says the last word was matched as an inflection, not as
 * written in the pattern: "in the majority of cases" -> "usually" must not become "usuallies".
 */
export function fitReplacement(replacement: string, actual: string, inflected: boolean): string {
  let out = replacement
  const actualLast = lastWord(actual)
  const outLast = lastWord(out)
  if (inflected && actualLast && outLast && isPlural(actualLast) && !isPlural(outLast)) {
    out = out.slice(0, out.length - outLast.length) + pluralize.plural(outLast)
  }
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return out.toUpperCase()
  if (/^\p{Lu}/u.test(actual) && /^\p{Ll}/u.test(out)) out = out[0].toUpperCase() + out.slice(1)
  return out
}

function isPlural(word: string): boolean {
  const lower = word.toLowerCase()
  return pluralize.isPlural(lower) && pluralize.singular(lower) !== lower
}

/** True when `word` stands in one of the patterns as written (not only as an inflection of it). */
export function writtenInPatterns(word: string, patterns: readonly string[]): boolean {
  const lower = word.toLowerCase()
  return patterns.some((p) => p.toLowerCase().split(/[^\p{L}\p{N}']+/u).includes(lower))
}

/**
 * Removing a phrase also removes the comma and space after it, and capitalises what
 * follows when the phrase opened a sentence: "Needless to say, rest" -> "Rest".
 */
export function removal(text: string, offset: number, endOffset: number): {offset: number; endOffset: number; newText: string} {
  let end = endOffset
  const m = /^,?[^\S\r\n]+|^,/.exec(text.slice(end, end + 4))
  if (m) end += m[0].length
  else if (text[offset - 1] === ' ') return {offset: offset - 1, endOffset, newText: ''}
  const opensSentence = opensSentenceAt(text, offset)
  const next = text[end]
  if (opensSentence && next && /\p{Ll}/u.test(next)) return {offset, endOffset: end + 1, newText: next.toUpperCase()}
  return {offset, endOffset: end, newText: ''}
}

// Words that start with a vowel letter but a consonant sound, and the silent-h words.
const CONSONANT_SOUND = /^(?:one|once|uni|use|usu|uti|eu|ewe|ur[aeiou])/i
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i

/** "an" before a vowel sound, "a" before a consonant sound; acronyms by their first letter's name. */
export function articleFor(word: string): 'a' | 'an' {
  // Only a short all-capital word is an acronym: "SECONDARY TUMOR" (a shouted fix) is read as a word.
  if (/^[A-Z]{2,5}\b/.test(word)) return 'AEFHILMNORSX'.includes(word[0]) ? 'an' : 'a'
  if (SILENT_H.test(word)) return 'an'
  return /^[aeiou]/i.test(word) && !CONSONANT_SOUND.test(word) ? 'an' : 'a'
}

/**
 * Replaces [offset, endOffset) with `newText`, and the article before it when the new word
 * needs the other one: "an auxiliary tumor" -> "a secondary tumor", not "an secondary tumor".
 */
export function withArticle(text: string, offset: number, endOffset: number, newText: string): {offset: number; endOffset: number; newText: string} {
  const m = /\b(a|an|A|An|AN)(\s+)$/.exec(text.slice(Math.max(0, offset - 4), offset))
  if (!m) return {offset, endOffset, newText}
  const wanted = articleFor(newText)
  if (m[1].toLowerCase() === wanted) return {offset, endOffset, newText}
  const article = m[1] === 'AN' ? wanted.toUpperCase() : /^[A]/.test(m[1]) ? wanted[0].toUpperCase() + wanted.slice(1) : wanted
  return {offset: offset - m[0].length, endOffset, newText: `${article}${m[2]}${newText}`}
}

/**
 * True when only whitespace, or a sentence end (. ! ? : or a line break, then closing quotes
 * or brackets), comes before `offset`. Reads back from `offset` only as far as it must:
 * slicing and searching the whole text before every removal was quadratic in a long draft.
 */
function opensSentenceAt(text: string, offset: number): boolean {
  let i = offset
  while (i > 0 && /\s/.test(text[i - 1])) i--
  if (i === 0 || text.slice(i, offset).includes('\n')) return true
  while (i > 0 && `"'”’)`.includes(text[i - 1])) i--
  return i > 0 && '.!?:\n'.includes(text[i - 1])
}
