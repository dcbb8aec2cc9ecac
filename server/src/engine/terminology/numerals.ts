import {normalizeWord, type Token} from '../parse/tokens.js'

/** Numbers written as words and what each is worth (terminology/numbers.yaml). */
export interface Numerals {
  /** Whole numbers: one = 1, twenty = 20. */
  cardinals: Record<string, number>
  /** Words that multiply the number before them: hundred = 100. */
  scales: Record<string, number>
  /** Parts of a whole by denominator: third = 3 ("a third" = 1/3). */
  fractions: Record<string, number>
  /** Words that multiply a risk or rate, matched by stem: double = 2, halve = 0.5. */
  multiples: Record<string, number>
  /** Words that stand for numbers without giving one, matched by stem: most, few, figures, statistically. */
  vague?: string[]
}

export const NO_NUMERALS: Numerals = {cardinals: {}, scales: {}, fractions: {}, multiples: {}}

const DIGIT = /^\d/

/**
 * The number words as lookups for the number analysis: cardinals, scales and fractions by
 * the word as written (lower case), multiples by stem so that "doubled" and "halving" count.
 */
export class NumeralIndex {
  private readonly cardinals: ReadonlyMap<string, number>
  private readonly scales: ReadonlyMap<string, number>
  private readonly fractions: ReadonlyMap<string, number>
  private readonly multiples: ReadonlyMap<string, number>
  private readonly vague: ReadonlySet<string>

  constructor(readonly data: Numerals) {
    this.cardinals = new Map(Object.entries(data.cardinals))
    this.scales = new Map(Object.entries(data.scales))
    this.fractions = new Map(Object.entries(data.fractions))
    this.multiples = new Map(Object.entries(data.multiples).map(([w, v]) => [normalizeWord(w).stem, v]))
    this.vague = new Set((data.vague ?? []).map((w) => normalizeWord(w).stem))
  }

  cardinal(word: string): number | undefined {
    return this.cardinals.get(word)
  }

  scale(word: string): number | undefined {
    return this.scales.get(word)
  }

  /** The denominator a fraction word names: third -> 3. */
  fraction(word: string): number | undefined {
    return this.fractions.get(word)
  }

  /** The factor a multiplying word names, by stem: doubled -> 2, halves -> 0.5. */
  multiple(token: Token): number | undefined {
    return this.multiples.get(token.stem)
  }

  /** The cheap check run on every token: a digit, or a word this index knows. */
  mayBeNumber(token: Token): boolean {
    const w = token.word
    return DIGIT.test(w) || this.cardinals.has(w) || this.scales.has(w) || this.fractions.has(w) || this.multiples.has(token.stem)
  }

  /** The cheap check for a sentence with no number: a word that stands for one ("most", "the figures"). */
  standsForNumber(token: Token): boolean {
    return this.vague.has(token.stem)
  }
}

export const NO_NUMERAL_INDEX = new NumeralIndex(NO_NUMERALS)
