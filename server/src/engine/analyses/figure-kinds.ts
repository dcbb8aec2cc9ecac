/** The kinds of figure the number analysis tells apart, and the shape of one figure. */

/**
 * How a figure is written. Percentages, frequencies ("1 in 8", "12 out of 100", "4 per
 * 100,000", "Of every 1,000 women screened, 4") and word fractions ("half", "a third") are
 * the formats a reader compares; the others are not proportions.
 */
export type Format = 'percentage' | 'frequency' | 'fraction' | 'multiple' | 'decimal' | 'duration' | 'count' | 'year' | 'age' | 'label' | 'measurement'

/** What a figure measures, read from the words of its clause. */
export type Measure = 'survival' | 'death' | 'risk' | 'outcome' | 'median' | 'relative change' | 'proportion' | 'time frame' | 'other'

export const PROPORTIONS: ReadonlySet<Format> = new Set(['percentage', 'frequency', 'fraction'])

/** One figure of a sentence; token indexes and character offsets are relative to the sentence. */
export interface Figure {
  /** Token range of the number and its unit ("50 %", "1 in 8", "five-year"); lead is where its approximation starts. */
  lead: number
  start: number
  end: number
  /** Character range relative to the sentence start, with the approximation before it. */
  from: number
  to: number
  format: Format
  /** A proportion's share (0.25 for 25%, 1 in 4 and a quarter); a multiple's factor; otherwise the number. */
  value: number
  /** The upper end of a range ("2 to 5 percent", "6 to 9 months"), on the scale of value. */
  upper?: number
  /** A frequency's or percentage's denominator (100 for a percentage). */
  denominator?: number
  /** The approximation or bound before it, as written ("about", "up to"), when there is one. */
  approx?: string
  measure: Measure
  /** A relative difference: "by 30%", "30% less likely", "four times the risk", "halves". */
  relative: boolean
  /** Inside quotation marks: a phrase mentioned, not a claim made. */
  quoted: boolean
  /** The index of an earlier figure of the sentence this one restates ("a quarter (24%)", "1 in 8, roughly 13%"). */
  restates?: number
  /** The index of the later figure that restates this one: the two are one figure, compared as the later. */
  restatedBy?: number
  /** In a clause that gives an example ("If 4 in 100 people die without the drug …"). */
  example: boolean
  /** Not the text's own statement: asked, denied, reported or refuted ("some headlines claim that …"). */
  denied: boolean
  /** Counts those an outcome does not happen to ("15 in 100 are not", "the other 40%"): the rest of a share given beside it. */
  complement: boolean
  /**
   * The half that says what a median is ("half lived longer than 26 months", "a median of 8
   * months means half the people lived longer"): a time, not a share of people to compare.
   */
  medianHalf?: boolean
}

