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
 * A first word in mixed capitals ("METs", "PhD") is an abbreviation, not a capital that starts
 * a sentence: the wording keeps its own case there (withArticle capitalises it when the edit
 * does open a sentence).
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
  if (startsCapitalised(actual) && /^\p{Ll}/u.test(out)) out = capitalise(out)
  return out
}

/** "Bone" or "A" starts with a sentence capital; "METs" (capitals after the first letter) does not. */
function startsCapitalised(text: string): boolean {
  const first = text.match(/^[\p{L}'’]+/u)?.[0] ?? ''
  return /^\p{Lu}/u.test(first) && !/\p{Lu}/u.test(first.slice(1))
}

const capitalise = (s: string): string => s[0].toUpperCase() + s.slice(1)

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
 * follows when the phrase opened a sentence: "Needless to say, rest" -> "Rest". An article
 * before it is made to fit the word that now follows: "an award-winning team" -> "a team".
 * A phrase that is the whole predicate ("Our care is award-winning.") cannot just go: that
 * would leave "Our care is." So there is no removal then (undefined).
 */
export function removal(text: string, offset: number, endOffset: number): {offset: number; endOffset: number; newText: string} | undefined {
  if (COPULA_BEFORE.test(text.slice(Math.max(0, offset - 30), offset))) return undefined
  let end = endOffset
  const m = /^,?[^\S\r\n]+|^,/.exec(text.slice(end, end + 4))
  if (m) end += m[0].length
  else if (text[offset - 1] === ' ') return {offset: offset - 1, endOffset, newText: ''}
  const opensSentence = opensSentenceAt(text, offset)
  const next = text[end]
  if (opensSentence && next && /\p{Ll}/u.test(next)) return {offset, endOffset: end + 1, newText: next.toUpperCase()}
  const before = ARTICLE_BEFORE.exec(text.slice(Math.max(0, offset - 8), offset))
  const following = text.slice(end).match(/^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u)?.[0]
  if (before && before[1].toLowerCase() !== 'the' && following && articleFor(following) !== before[1].toLowerCase()) {
    return {offset: offset - before[0].length, endOffset: end, newText: inCaseOf(articleFor(following), before[1]) + before[2]}
  }
  return {offset, endOffset: end, newText: ''}
}

// A linking verb (and an adverb or two) right before a phrase: the phrase is the predicate.
const COPULA_BEFORE = /(?<![\p{L}'’-])(?:is|are|was|were|be|been|being|am|seems?|looks?|sounds?|feels?|becomes?|remains?)(?:\s+(?:truly|really|very|so|quite|simply|just|totally|completely|absolutely|now|also))*\s+$/iu

// Words that start with a vowel letter but a consonant sound, and the silent-h words.
const CONSONANT_SOUND = /^(?:one|once|uni|use|usu|uti|eu|ewe|ur[aeiou])/i
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i
// Letters whose names start with a vowel sound: "an MRI", "an x-ray", "an S-shaped curve".
const VOWEL_NAMED_LETTERS = 'AEFHILMNORSX'

/** "an" before a vowel sound, "a" before a consonant sound; acronyms and single letters by their first letter's name. */
export function articleFor(word: string): 'a' | 'an' {
  // Only a short all-capital word is an acronym: "SECONDARY TUMOR" (a shouted fix) is read as a word.
  if (/^[A-Z]{2,5}\b/.test(word)) return VOWEL_NAMED_LETTERS.includes(word[0]) ? 'an' : 'a'
  // A letter on its own is read by its name: "x-ray", "T cell", "B-cell lymphoma".
  if (/^\p{L}(?!\p{L})/u.test(word) && !/^[aA]\s/.test(word)) return VOWEL_NAMED_LETTERS.includes(word[0].toUpperCase()) ? 'an' : 'a'
  if (SILENT_H.test(word)) return 'an'
  return /^[aeiou]/i.test(word) && !CONSONANT_SOUND.test(word) ? 'an' : 'a'
}

// An article or "the" right before the replaced words, and one that opens the new wording.
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}'’-])(a|an|the)(\s+)$/iu
const OWN_ARTICLE = /^(a|an|the)(\s+)(?=\S)/i

/** `article` in the case of the word it stands for: "A", "An", "AN", "the". */
function inCaseOf(article: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return article.toUpperCase()
  return /^\p{Lu}/u.test(like) ? capitalise(article) : article.toLowerCase()
}

/**
 * The edit that replaces [offset, endOffset) with `newText`, with the article before it made
 * to fit. A wording that brings its own article replaces the writer's: "is a death sentence"
 * -> "is a serious diagnosis", never "is an a serious diagnosis". Otherwise the writer's
 * "a"/"an" is switched when the new word needs the other one: "an auxiliary tumor" -> "a
 * secondary tumor". "a"/"an" is always chosen from the word that follows it in the result.
 * A wording that keeps its own case ("metastases" for "METs") gets a capital when the edit
 * opens a sentence whose first letter the writer capitalised.
 */
export function withArticle(text: string, offset: number, endOffset: number, newText: string): {offset: number; endOffset: number; newText: string} {
  let start = offset
  let out = newText
  const before = ARTICLE_BEFORE.exec(text.slice(Math.max(0, offset - 8), offset))
  const own = OWN_ARTICLE.exec(out)
  if (own) {
    const rest = out.slice(own[0].length)
    const chosen = own[1].toLowerCase() === 'the' ? 'the' : articleFor(rest)
    // The writer's article goes, and its capital (a sentence start) passes to the new one.
    const like = before ? before[1] : own[1]
    if (before) start = offset - before[0].length
    out = inCaseOf(chosen, like) + own[2] + rest
  } else if (before && before[1].toLowerCase() !== 'the') {
    const wanted = articleFor(out)
    if (before[1].toLowerCase() !== wanted) {
      start = offset - before[0].length
      out = inCaseOf(wanted, before[1]) + before[2] + out
    }
  }
  if (start === offset && /^\p{Ll}/u.test(out) && /^\p{Lu}/u.test(text[offset] ?? '') && opensSentenceAt(text, offset)) out = capitalise(out)
  return {offset: start, endOffset, newText: out}
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
