import pluralize from 'pluralize'

const lastWord = (s: string): string => s.match(/[\p{L}']+$/u)?.[0] ?? ''

/**
 * Fits a preferred wording to the text it replaces: keeps a capital first letter or all
 * capitals, and the plural of the last word ("Branch tumors" -> "Secondary tumors").
 */
export function fitReplacement(replacement: string, actual: string): string {
  let out = replacement
  const actualLast = lastWord(actual)
  const outLast = lastWord(out)
  if (actualLast && outLast && isPlural(actualLast) && !isPlural(outLast)) {
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
