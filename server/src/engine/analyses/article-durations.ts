import {clauseRange} from './clauses.js'
import type {Figure} from './figure-kinds.js'
import type {Reading} from './sentence-reading.js'

/**
 * Adds the durations written with an article to a sentence's figures: "alive after a year",
 * "you have a year", "less than a year", "about a year and a half". "a" is no number, so these
 * are found from the unit and the word before it (class duration-lead, which keeps "two pills a
 * day" a rate); a sentence with no number at all is read for them too when it is read for
 * forecasts ("The data suggest you have less than a year").
 */
export function addArticleDurations(r: Reading, figures: Figure[]): void {
  const {tokens, cls, clauses, own, at, end, isQuoted} = r
  for (const [u] of cls.all('time-unit')) {
    const article = tokens[u - 1]?.word
    if ((article !== 'a' && article !== 'an') || figures.some((f) => f.start <= u && f.end > u) || !cls.endingAt('duration-lead', u - 1)) continue
    // "a year and a half"
    const half = tokens[u + 1]?.word === 'and' && tokens[u + 2]?.word === 'a' && tokens[u + 3]?.word === 'half'
    const last = half ? u + 3 : u
    // "a half" was read as a fraction of its own; it is part of the duration.
    if (half) figures.splice(0, figures.length, ...figures.filter((f) => f.start < u + 1 || f.end > last + 1))
    const approx = cls.endingAt('approximation', u - 1)
    const lead = approx ? approx[0] : u - 1
    figures.push({
      lead,
      start: u - 1,
      end: last + 1,
      from: at(tokens[lead]),
      to: end(tokens[last]),
      format: 'duration',
      value: half ? 1.5 : 1,
      measure: 'other',
      relative: false,
      quoted: isQuoted(at(tokens[u])),
      example: cls.startingAt('hypothetical', clauseRange(clauses, u, u + 1)[0]) !== undefined,
      denied: false,
      complement: false,
      ...(approx ? {approx: own.slice(at(tokens[approx[0]]), end(tokens[approx[1] - 1]))} : {}),
    })
  }
}
