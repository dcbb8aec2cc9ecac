import type {Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import type {Token} from '../parse/tokens.js'
import type {ClassSpans} from '../terminology/matcher.js'
import type {NumeralIndex} from '../terminology/numerals.js'
import type {Terminology} from '../terminology/terminology.js'
import {clauseRange, clausesOf} from './clauses.js'
import {REPORT} from './negation.js'
import {readNumbers, type NumberSpan} from './number-words.js'

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
}

/** A relative change of a risk or of survival: "cuts the risk of dying by 30%", "survival has doubled". */
export interface Change {
  from: number
  to: number
  /** Of survival (its own rule) or of a risk, a chance or deaths. */
  of: 'risk' | 'survival'
  quoted: boolean
  negated: boolean
}

/** A statistic applied to the reader: "you have a 70% chance", "so you have a year". */
export interface Personal {
  from: number
  to: number
  /** A chance or time given as the reader's own, or a forecast drawn from a group figure. */
  kind: 'chance' | 'forecast'
}

/** What the number analysis reads from one sentence alone (kept in the sentence's memo). */
export interface SentenceFigures {
  figures: Figure[]
  changes: Change[]
  personal: Personal[]
  /** A time frame for a survival or death figure: a duration that frames it ("5-year", "after 10 years"). */
  timeFrame: boolean
  /** A period that frames a rate of cases or deaths ("each year", "in their lifetime"). */
  ratePeriod: boolean
  /** Names the cancer a figure is about ("breast cancer", "this cancer"). */
  group: boolean
  /** Names the stage ("stage 4", "that has spread", "all stages"). */
  stage: boolean
  /** Says where its figures come from ("according to", "SEER", "in a large study"). */
  source: boolean
  /** Gives a change as absolute numbers: a natural frequency, "percentage points", "fewer deaths". */
  absolute: boolean
  /** Defines a statistic by an example ("a hazard ratio of 0.5 means that …"). */
  definition: boolean
  /** Says a statistic describes a group, not the reader ("cannot tell you", "people like you"). */
  caveat: boolean
  question: boolean
  /** Reports a claim instead of making it ("you may have heard that …", context class `report`). */
  reported: boolean
  /** Relative survival explained as the chance of being alive, with no comparison: its range. */
  relativeSurvival?: {from: number; to: number}
  /** An outcome figure the reader may take as their own (survival, death, a median, a cure rate). */
  prognosis: boolean
}

const MEMO = memoSlot<{version: string; value: SentenceFigures | null}>('figures of a sentence')

/**
 * The figures of one sentence, or null when it has none. The cheap check first: a sentence
 * with no digit and no number word is not read further.
 */
export function figuresOf(text: string, sentence: Sentence, terminology: Terminology): SentenceFigures | null {
  const known = sentence.memo.get(MEMO)
  if (known && known.version === terminology.version) return known.value
  const value = sentence.tokens.some((t) => terminology.numerals.mayBeNumber(t)) ? readFigures(text, sentence, terminology) : null
  sentence.memo.set(MEMO, {version: terminology.version, value})
  return value
}

/** Class spans of a sentence as [start, end) token ranges, per class, asked once each. */
class Classes {
  private readonly found = new Map<string, Array<[number, number]>>()
  constructor(
    private readonly spans: ClassSpans,
    private readonly length: number,
  ) {}

  all(name: string): Array<[number, number]> {
    let list = this.found.get(name)
    if (!list) {
      list = []
      for (let i = 0; i < this.length; i++) for (const e of this.spans.ends(name, i)) list.push([i, e])
      this.found.set(name, list)
    }
    return list
  }

  has(name: string): boolean {
    return this.all(name).length > 0
  }

  /** A span of the class that ends exactly at token `end`, the longest. */
  endingAt(name: string, end: number): [number, number] | undefined {
    let best: [number, number] | undefined
    for (const s of this.all(name)) if (s[1] === end && (!best || s[0] < best[0])) best = s
    return best
  }

  /** A span of the class that starts exactly at token `start`, the longest. */
  startingAt(name: string, start: number): [number, number] | undefined {
    let best: [number, number] | undefined
    for (const s of this.all(name)) if (s[0] === start && (!best || s[1] > best[1])) best = s
    return best
  }

  /** Spans of the class inside tokens [from, to). */
  within(name: string, from: number, to: number): Array<[number, number]> {
    return this.all(name).filter(([a, b]) => a >= from && b <= to)
  }
}

/** How many tokens after "you"/"your" the measure it owns may stand ("you have a 70 % chance"). */
const PERSONAL_REACH = 8

const QUOTES = /["“”]/g
// What stands between a figure and the same figure in another format: "a quarter (24%)",
// "1 in 8 women, roughly 13%", "12.5%, or 1 in 8", "that is", "in other words".
const RESTATING = /(?:\(|,|\bor|\bthat is,?|\bin other words,?|\bmeans(?: that)?|\bi\.e\.,?|—|–)\s*$/i

/** Whether two shares are one figure rounded two ways (1 in 8 and 13%), not two figures. */
export const sameShare = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.015, 0.1 * Math.max(a, b))

/** The character ranges between quotation marks in a sentence's text. */
function quotedRanges(text: string): Array<[number, number]> {
  const marks = [...text.matchAll(QUOTES)].map((m) => m.index!)
  const out: Array<[number, number]> = []
  for (let i = 0; i + 1 < marks.length; i += 2) out.push([marks[i], marks[i + 1]])
  return out
}

/** The forecasts about the reader in a sentence ("so you have a year", "your odds are poor"), merged where they overlap. */
function addForecasts(cls: Classes, sentence: Sentence, isQuoted: (from: number) => boolean, personal: Personal[]): void {
  const tokens = sentence.tokens
  for (const [a, b] of cls.all('personal-fate')) {
    const from = tokens[a].offset - sentence.offset
    const to = tokens[b - 1].endOffset - sentence.offset
    if (isQuoted(from)) continue
    // Overlapping phrases ("so you" and "you have a year to live") are one forecast.
    const overlap = personal.find((p) => p.from < to && from < p.to)
    if (overlap) {
      overlap.from = Math.min(overlap.from, from)
      overlap.to = Math.max(overlap.to, to)
    } else personal.push({from, to, kind: 'forecast'})
  }
}

const FORECASTS = memoSlot<{version: string; value: SentenceFigures | null}>('forecasts of a sentence with no figure')

/**
 * A sentence with no figure that follows one with an outcome figure, read only for forecasts
 * about the reader: "Only 8% of people live five years. Your odds are poor." Null when it has none.
 */
export function forecastsOf(text: string, sentence: Sentence, terminology: Terminology): SentenceFigures | null {
  const known = sentence.memo.get(FORECASTS)
  if (known && known.version === terminology.version) return known.value
  const cls = new Classes(terminology.classSpans(sentence.tokens), sentence.tokens.length)
  const own = text.slice(sentence.offset, sentence.endOffset)
  const quotes = quotedRanges(own)
  const personal: Personal[] = []
  addForecasts(cls, sentence, (from) => quotes.some(([a, b]) => from > a && from < b), personal)
  const value: SentenceFigures | null = personal.length
    ? {
        figures: [],
        changes: [],
        personal,
        timeFrame: false,
        ratePeriod: false,
        group: cls.has('cancer-group'),
        stage: cls.has('cancer-stage'),
        source: false,
        absolute: false,
        definition: false,
        caveat: cls.has('group-caveat'),
        question: /\?["'”’)\]]*\s*$/.test(own),
        reported: cls.has(REPORT),
        prognosis: false,
      }
    : null
  sentence.memo.set(FORECASTS, {version: terminology.version, value})
  return value
}

function readFigures(text: string, sentence: Sentence, terminology: Terminology): SentenceFigures | null {
  const tokens = sentence.tokens
  // "one", "a third" or a digit passed the cheap check; a sentence whose words make no number stops here.
  const numbers = readNumbers(tokens, terminology.numerals, text)
  if (numbers.length === 0) return null
  const own = text.slice(sentence.offset, sentence.endOffset)
  const at = (t: Token): number => t.offset - sentence.offset
  const end = (t: Token): number => t.endOffset - sentence.offset
  const cls = new Classes(terminology.classSpans(tokens), tokens.length)
  const clauses = clausesOf(text, sentence)
  const quotes = quotedRanges(own)
  const isQuoted = (from: number): boolean => quotes.some(([a, b]) => from > a && from < b)
  const between = (a: number, b: number): string => own.slice(end(tokens[a]), at(tokens[b]))
  const inExample = (i: number): boolean => {
    const [cf] = clauseRange(clauses, i, i + 1)
    return cls.startingAt('hypothetical', cf) !== undefined
  }

  const figures: Figure[] = []
  // A denominator given first ("Of every 1,000 women screened, 4 die"): later bare numbers are out of it.
  let header: number | undefined
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]
    const next = numbers[k + 1]
    // Phone numbers and codes: three or more numbers joined by hyphens ("1-800-4-CANCER").
    if (next && next.start === n.end && between(n.end - 1, next.start) === '-' && numbers[k + 2]?.start === next.end && between(next.end - 1, numbers[k + 2].start) === '-') {
      k += 2
      while (numbers[k + 1] && numbers[k + 1].start === numbers[k].end && between(numbers[k].end - 1, numbers[k + 1].start) === '-') k++
      continue
    }
    const figure = classify(n, next)
    if (!figure) continue
    if (figure.consumed) k++
    figures.push(figure.figure)
  }

  function classify(n: NumberSpan, next: NumberSpan | undefined): {figure: Figure; consumed: boolean} | undefined {
    const w = (i: number): string => tokens[i]?.word ?? ''
    const approxSpan = cls.endingAt('approximation', n.start)
    const make = (format: Format, endTok: number, value: number, extra: Partial<Figure> = {}): Figure => {
      const fromTok = approxSpan ? approxSpan[0] : n.start
      return {
        lead: fromTok,
        start: n.start,
        end: endTok,
        from: at(tokens[fromTok]),
        to: end(tokens[endTok - 1]),
        format,
        value,
        measure: 'other',
        relative: false,
        quoted: isQuoted(at(tokens[n.start])),
        example: inExample(n.start),
        ...(approxSpan ? {approx: own.slice(at(tokens[approxSpan[0]]), end(tokens[approxSpan[1] - 1]))} : {}),
        ...extra,
      }
    }
    if (n.kind === 'multiple') return {figure: make('multiple', n.end, n.value, {relative: true}), consumed: false}
    if (n.kind === 'fraction') return {figure: make('fraction', n.end, n.value, {denominator: Math.round(1 / n.value)}), consumed: false}
    const after = n.end
    // A label or a measurement: "stage 4", "2 centimeters", "aged 50", "65 or older".
    if (cls.endingAt('number-label', n.start) && !n.words) return {figure: make('label', n.end, n.value), consumed: false}
    if (cls.endingAt('age-before', n.start) || cls.startingAt('age-after', after)) return {figure: make('age', n.end, n.value), consumed: false}
    if (cls.startingAt('measure-unit', after)) return {figure: make('measurement', after + 1, n.value), consumed: false}
    // A range: "2 to 5 percent", "5% to 10%", "6-9 months", "between 10 and 20".
    let upper: NumberSpan | undefined
    let unitAt = after
    const rangeWord = w(after) === 'to' || (w(after) === 'and' && w(cls.endingAt('approximation', n.start)?.[0] ?? n.start - 1) === 'between') || (!n.words && next?.start === after && between(n.end - 1, next.start) === '-')
    // "from 47 to 4" is a change, not a range.
    const fromBefore = w(n.start - 1) === 'from' || w((approxSpan?.[0] ?? n.start) - 1) === 'from'
    if (next && rangeWord && next.kind === 'number' && !fromBefore && (next.start === after + 1 || next.start === after)) {
      upper = next
      unitAt = next.end
    } else if (next && w(after) === '%' && (w(after + 1) === 'to' || (w(after + 1) === 'and' && w(n.start - 1) === 'between')) && next.start === after + 2 && w(next.end) === '%' && !fromBefore) {
      upper = next
      unitAt = next.end
    }
    const isPercentAt = (i: number): number => (w(i) === '%' || w(i) === 'percent' || w(i) === 'pc' ? 1 : w(i) === 'per' && w(i + 1) === 'cent' ? 2 : 0)
    const pct = isPercentAt(unitAt)
    if (pct) {
      return {figure: make('percentage', unitAt + pct, n.value / 100, {denominator: 100, ...(upper ? {upper: upper.value / 100} : {})}), consumed: upper !== undefined}
    }
    // A duration: "5 years", "five-year", "6 to 9 months".
    if (cls.startingAt('time-unit', unitAt)) {
      return {figure: make('duration', unitAt + 1, n.value, upper ? {upper: upper.value} : {}), consumed: upper !== undefined}
    }
    if (upper) return {figure: make('count', upper.end, n.value, {upper: upper.value}), consumed: true}
    // A frequency, numerator first: "1 in 8", "nine out of ten", "4 per 100,000", "one patient in eight",
    // "2 deaths for every 1,000 men".
    if (next && next.kind === 'number') {
      const gap = next.start - after
      const link = tokens.slice(after, next.start).map((t) => t.word).join(' ')
      const direct = /^(in|out of|per|of every|in every|for every)$/.test(link)
      const withNoun = gap >= 2 && gap <= 3 && (w(next.start - 1) === 'in' || w(next.start - 1) === 'per') && tokens.slice(after, next.start - 1).every((t) => /^\p{L}+$/u.test(t.word))
      const forEvery = gap >= 3 && gap <= 6 && /(?:^| )(?:for|of|in) every$/.test(link) && !tokens.slice(after, next.start).some((t) => t.breakBefore)
      const yearLike = next.end - next.start === 1 && /^(19|20)\d\d$/.test(w(next.start))
      if ((direct || withNoun || forEvery) && !yearLike && next.value > 0) {
        return {figure: make('frequency', next.end, n.value / next.value, {denominator: next.value}), consumed: true}
      }
    }
    // A year: "in 2021", "from 2014 to 2020".
    if (!n.words && /^(19|20)\d\d$/.test(w(n.start)) && n.end - n.start === 1) return {figure: make('year', n.end, n.value), consumed: false}
    // A denominator given first: "Out of 100 men, about 13 …", "For every 1,000 people treated, 80 benefit".
    const before = tokens.slice(Math.max(0, n.start - 2), n.start).map((t) => t.word).join(' ')
    if (/(?:^| )(?:out of|of every|for every|in every)$/.test(before) || (w(n.start - 1) === 'of' && n.start === 1)) {
      header = n.value
      return undefined
    }
    if (header !== undefined && header > 0 && n.value < header) {
      return {figure: make('frequency', n.end, n.value / header, {denominator: header}), consumed: false}
    }
    if (!n.words && !Number.isInteger(n.value) && n.value < 10) return {figure: make('decimal', n.end, n.value), consumed: false}
    return {figure: make('count', n.end, n.value), consumed: false}
  }

  // "a year", "a month" as durations: "alive after a year", "you have a year".
  for (const [u] of cls.all('time-unit')) {
    const article = tokens[u - 1]?.word
    if ((article !== 'a' && article !== 'an') || figures.some((f) => f.start <= u && f.end > u) || !cls.endingAt('duration-lead', u - 1)) continue
    figures.push({lead: u - 1, start: u - 1, end: u + 1, from: at(tokens[u - 1]), to: end(tokens[u]), format: 'duration', value: 1, measure: 'other', relative: false, quoted: isQuoted(at(tokens[u])), example: inExample(u)})
  }
  figures.sort((a, b) => a.start - b.start)

  // A fraction restated by a percentage in brackets, or a frequency by a percentage after a comma or "or":
  // "nearly a quarter (24%)", "1 in 8 women, roughly 13%". One figure in two formats, not two figures.
  for (let k = 1; k < figures.length; k++) {
    const a = figures[k - 1]
    const b = figures[k]
    if (!PROPORTIONS.has(a.format) || !PROPORTIONS.has(b.format) || a.format === b.format) continue
    const gap = own.slice(a.to, b.from)
    if (sameShare(a.value, b.value) && RESTATING.test(gap) && gap.split(/\s+/).length <= 10) {
      b.restates = k - 1
      a.restatedBy = k
    }
  }

  // What each figure measures, from the words of its clause (or, when its clause has none,
  // the words before it in the sentence: "and 78% after two years").
  const cueAt = (start: number, endTok: number): {measure: Measure; at: number} | undefined => {
    const [cf, ct] = clauseRange(clauses, start, endTok)
    const scan = (from: number, to: number): {measure: Measure; at: number} | undefined => {
      let best: {measure: Measure; at: number} | undefined
      const consider = (name: string, measure: Measure) => {
        for (const [a, b] of cls.within(name, from, to)) {
          // Distance in tokens from the figure; a cue inside it ("2 deaths for every 1,000") is at 0.
          const d = a >= endTok ? a - endTok : b <= start ? start - b : 0
          if (!best || d < best.at) best = {measure, at: d}
        }
      }
      consider('survival-word', 'survival')
      consider('cure-word', 'survival')
      consider('death-word', 'death')
      consider('outcome-word', 'outcome')
      consider('median-word', 'median')
      consider('risk-measure', 'risk')
      consider('incidence-word', 'risk')
      return best
    }
    return scan(cf, ct) ?? scan(0, start)
  }

  for (const f of figures) {
    if (f.format === 'multiple') {
      f.measure = 'relative change'
      continue
    }
    if (PROPORTIONS.has(f.format) && isRelative(f)) {
      f.relative = true
      f.measure = 'relative change'
      continue
    }
    if (PROPORTIONS.has(f.format)) {
      const cue = cueAt(f.start, f.end)
      f.measure = cue?.measure === 'median' ? 'proportion' : (cue?.measure ?? 'proportion')
      // Beside new cases ("13 will be diagnosed and 2 will die of it") deaths are a population's risk.
      if (f.measure === 'death' && cls.has('incidence-word')) f.measure = 'risk'
      // "prevents 1 death for every 100 people treated", "3 fewer deaths": a difference, not a rate.
      const [cf, ct] = clauseRange(clauses, f.start, f.end)
      if ((f.measure === 'death' || f.measure === 'survival') && cls.within('difference-word', cf, ct).length > 0) f.measure = 'risk'
    }
  }
  // Durations: the time a proportion covers ("alive 5 years after diagnosis"), or a survival
  // time given as a figure of its own ("median survival was 26 months", "live about 20 months").
  for (const f of figures) {
    if (f.format !== 'duration') continue
    const hyphenated = f.end - f.start >= 2 && own.slice(end(tokens[f.end - 2]), at(tokens[f.end - 1])) === '-'
    const framed = hyphenated || cls.endingAt('frame-before', f.lead) !== undefined || cls.endingAt('frame-before', f.start) !== undefined || cls.startingAt('frame-after', f.end) !== undefined
    const [cf, ct] = clauseRange(clauses, f.start, f.end)
    const proportionInClause = figures.some((g) => g !== f && PROPORTIONS.has(g.format) && g.start >= cf && g.end <= ct)
    const survivalTime = !framed && !proportionInClause && (cls.within('median-word', cf, ct).length > 0 || cls.within('survival-word', cf, ct).length > 0)
    f.measure = survivalTime ? 'median' : 'time frame'
  }

  function isRelative(f: Figure): boolean {
    const w = (i: number): string => tokens[i]?.word ?? ''
    if (cls.startingAt('relative-after', f.end)) return true
    // "by 30%", "by a further 15%", "by a whopping 60%", "by about a third", "in half"
    for (let j = f.lead - 1; j >= Math.max(0, f.lead - 3); j--) {
      if (w(j) === 'by' || (w(j) === 'in' && f.format === 'fraction' && j === f.lead - 1)) {
        const [cf] = clauseRange(clauses, j, j + 1)
        return cls.within('change-verb', cf, j).length > 0 || cls.within('relative-after', cf, j).length > 0
      }
      if (tokens[j + 1]?.breakBefore) break
    }
    // "a relative risk reduction of 30%", "the relative risk of death fell by 30%"
    return w(f.lead - 1) === 'of' && cls.endingAt('relative-after', f.lead - 1) !== undefined
  }

  // Relative changes: of a figure ("by 30%", "30% less likely", "four times the risk"), or of a
  // multiplying verb ("doubles the risk", "survival has halved").
  const changes: Change[] = []
  const negatedAt = (i: number): boolean => {
    for (let j = Math.max(0, i - 4); j < i; j++) if (clauses[j] === clauses[i] && (/^(not|no|never|cannot)$/.test(tokens[j].word) || tokens[j].word.endsWith("n't"))) return true
    return false
  }
  for (const f of figures) {
    if (f.measure !== 'relative change') continue
    const [cf, ct] = clauseRange(clauses, f.start, f.end)
    const verbs = cls.within('change-verb', cf, ct)
    const verbOnFigure = verbs.find(([a, b]) => a <= f.start && b >= f.end)
    const verbBefore = verbs.filter(([a]) => a < f.start).at(-1)
    const after = cls.startingAt('relative-after', f.end)
    const survival = cls.within('survival-word', cf, ct)
    const risk = [...cls.within('risk-measure', cf, ct), ...cls.within('death-word', cf, ct)]
    const fromTok = verbOnFigure ? verbOnFigure[0] : verbBefore ? verbBefore[0] : f.start
    let toTok = after ? after[1] : f.end
    // "30% less likely", "twice as likely", "four times the risk": the words after say it is a risk.
    const ofRisk = risk.length > 0 || after !== undefined
    const ofSurvival = survival.length > 0 && !risk.some(([a]) => Math.abs(a - f.start) < Math.min(...survival.map(([s]) => Math.abs(s - f.start))))
    if (f.format === 'multiple' && !after) {
      // "doubles the risk", "the risk doubles", "survival has doubled": the verb is the change.
      const target = [...risk, ...survival].filter(([a, b]) => Math.abs(a - f.end) <= 5 || Math.abs(b - f.start) <= 5)
      if (target.length === 0 || !cls.within('change-verb', f.start, f.end).length) continue
      toTok = Math.max(f.end, ...target.filter(([a]) => a >= f.end).map(([, b]) => b))
    } else if (!ofRisk && !ofSurvival) continue
    const start = Math.min(fromTok, ...(ofSurvival && !ofRisk ? survival.filter(([a]) => a < f.start).map(([a]) => a) : []))
    changes.push({from: at(tokens[start]), to: end(tokens[toTok - 1]), of: ofSurvival && !ofRisk ? 'survival' : 'risk', quoted: f.quoted, negated: negatedAt(fromTok)})
  }

  // A statistic applied to the reader.
  const personal: Personal[] = []
  const caveatSpans = cls.all('group-caveat')
  // "if your risk was 2 in 100" is an example; "people like you" is the group.
  const youTokens = cls.all('second-person').filter(([a]) => !caveatSpans.some(([c, d]) => a >= c && a < d) && !cls.endingAt('hypothetical', a))
  const levels = figures.filter((f) => !f.relative && !f.quoted && (PROPORTIONS.has(f.format) || f.measure === 'median'))
  // Figures for two choices side by side ("about 20% with surgery alone and about 14% if you also
  // have chemotherapy") are the form a decision aid gives a person's own estimate in.
  const options = new Set(levels.filter((f) => PROPORTIONS.has(f.format)).map((f) => f.value)).size >= 2 && cls.has('option-contrast')
  for (const [ya, yb] of options ? [] : youTokens) {
    if (isQuoted(at(tokens[ya]))) continue
    const [cf, ct] = clauseRange(clauses, ya, yb)
    // The reader's own measure: "your chance", "you have a 70% chance", "your life expectancy";
    // or a measure "for you": "for you, the chances …", "a 60% chance the drug will work for you".
    const forYou = tokens[ya - 1]?.word === 'for'
    const measure = cls.within('personal-measure', cf, ct).find(([a]) => (a > ya && a <= ya + PERSONAL_REACH) || (forYou && Math.abs(a - ya) <= 2 * PERSONAL_REACH))
    if (!measure) continue
    const figure = levels.find((f) => f.start >= cf && f.end <= ct && Math.abs(f.start - measure[0]) <= 2 * PERSONAL_REACH)
    if (!figure) continue
    const from = Math.min(ya, measure[0], figure.start)
    const to = Math.max(yb, measure[1], figure.end)
    personal.push({from: at(tokens[from]), to: end(tokens[to - 1]), kind: 'chance'})
  }
  addForecasts(cls, sentence, isQuoted, personal)

  // Relative survival explained as the chance of being alive, with nothing to say it is a comparison.
  let relativeSurvival: SentenceFigures['relativeSurvival']
  const rel = cls.all('relative-survival')[0]
  if (rel && cls.has('alive-explanation') && !cls.has('relative-comparison')) {
    const last = cls.all('alive-explanation').at(-1)!
    relativeSurvival = {from: at(tokens[rel[0]]), to: end(tokens[Math.max(rel[1], last[1]) - 1])}
  }

  const proportions = figures.filter((f) => PROPORTIONS.has(f.format) && !f.relative)
  const fromTo = proportions.some((f, i) => i > 0 && tokens[proportions[i - 1].start - 1]?.word === 'from' && own.slice(proportions[i - 1].to, f.from).trim() === 'to')
  return {
    figures,
    changes,
    personal,
    timeFrame: figures.some((f) => f.format === 'duration' && f.measure === 'time frame'),
    ratePeriod: cls.has('rate-period'),
    group: cls.has('cancer-group'),
    stage: cls.has('cancer-stage'),
    source: cls.has('statistic-source'),
    absolute: proportions.some((f) => f.format === 'frequency') || cls.has('absolute-cue') || fromTo,
    definition: cls.has('definition-frame'),
    caveat: caveatSpans.length > 0,
    question: /\?["'”’)\]]*\s*$/.test(own),
    reported: cls.has(REPORT),
    ...(relativeSurvival ? {relativeSurvival} : {}),
    prognosis:
      figures.some((f) => !f.relative && (f.measure === 'survival' || f.measure === 'death' || f.measure === 'median' || f.measure === 'outcome')) ||
      // "Most patients … are gone within 18 months": deaths over a time, with no figure for how many.
      figures.some((f) => f.format === 'duration' && cls.within('death-word', ...clauseRange(clauses, f.start, f.end)).length > 0),
  }
}
