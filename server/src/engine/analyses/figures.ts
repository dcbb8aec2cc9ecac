import type {Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import type {Terminology} from '../terminology/terminology.js'
import {addArticleDurations} from './article-durations.js'
import {clauseRange} from './clauses.js'
import {isNegation} from './negation.js'
import {changesOf, personalOf, relativeSurvivalOf, usesWithoutFigures, vagueClaimsOf, type Change, type Personal, type VagueClaim} from './figure-uses.js'
import {readNumbers, type NumberSpan} from './number-words.js'
import {readingOf} from './sentence-reading.js'
import {PROPORTIONS, type Figure, type Format, type Measure} from './figure-kinds.js'

// Half of a group living longer (or shorter) than a time: a median said in words.
const MEDIAN_SPLIT = /\b(?:longer|more|less|shorter|fewer) than\b/i

export {PROPORTIONS, type Figure, type Format, type Measure} from './figure-kinds.js'

/** What the number analysis reads from one sentence alone (kept in the sentence's memo). */
export interface SentenceFigures {
  figures: Figure[]
  changes: Change[]
  personal: Personal[]
  /** Survival claims in vague words with no time ("most people with it don't survive"). */
  vague: VagueClaim[]
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
  /** Says it rests on group statistics ("going by the figures", "statistically"): a forecast beside it applies them to the reader. */
  basis: boolean
  /** Says the reader's figure was worked out for them: a prediction tool, their doctor's estimate from their results. */
  individualEstimate: boolean
  /** Names what a relative change leaves out ("ask what the starting risk was"): it teaches how to read the change. */
  baselineNamed: boolean
  /** Opens by restating the sentence before ("In other words, …", "That is the same as …"). */
  opensRestating: boolean
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

// What stands between a figure and the same figure in another format: "a quarter (24%)",
// "1 in 8 women, roughly 13%", "12.5%, or 1 in 8", "that is", "in other words".
const RESTATING = /(?:\(|,|\bor|\bthat is,?|\bin other words,?|\bmeans(?: that)?|\bi\.e\.,?|—|–)\s*$/i

// A relative pronoun before "get it", "develop cancer": the words define a group ("women who get it").
const GROUP_DEFINING: ReadonlySet<string> = new Set(['who', 'that', 'which'])

// Words that set two figures side by side as two groups or two times, not one figure restated.
const CONTRAST: ReadonlySet<string> = new Set(['and', 'but', 'while', 'whereas', 'compared', 'versus', 'vs', 'than', 'for', 'among', 'against', 'to', 'from'])

// Words before a figure that make it the rest of a share ("the other 40%", "the remaining 15 in 100").
const REST: ReadonlySet<string> = new Set(['other', 'remaining', 'rest'])

/** The share `b` states, read as `a` reads: "85% are alive" and "15 in 100 are not" are one share. */
export const shareAs = (a: Figure, b: Figure): number => (a.complement === b.complement ? b.value : 1 - b.value)

/** Whether two shares are one figure rounded two ways (1 in 8 and 13%), not two figures. */
export const sameShare = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.015, 0.1 * Math.max(a, b))

function readFigures(text: string, sentence: Sentence, terminology: Terminology): SentenceFigures | null {
  const tokens = sentence.tokens
  // "one", "a third" or a digit passed the cheap check; a sentence whose words make no number stops here.
  const numbers = readNumbers(tokens, terminology.numerals, text)
  if (numbers.length === 0) return null
  const r = readingOf(text, sentence, terminology)
  const {own, at, end, cls, clauses, isQuoted} = r
  const between = (a: number, b: number): string => own.slice(end(tokens[a]), at(tokens[b]))
  const inExample = (i: number): boolean => {
    const [cf] = clauseRange(clauses, i, i + 1)
    // "If your risk were 2 in 100 …"; "A 20% survival figure describes a large group of people …",
    // or later in the sentence: "… was around 30 per cent, she explained that the figure described a large group",
    // or earlier, the figure being the explanation: "a 30% survival rate means 30 in 100 people are alive …".
    return cls.startingAt('hypothetical', cf) !== undefined || cls.all('figure-explained').length > 0
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
        denied: false,
        complement: false,
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
    // A range of multiples: "15 to 30 times more likely".
    if (next?.kind === 'multiple' && next.start === after + 1 && (w(after) === 'to' || w(after) === 'and') && tokens[next.end - 1]?.word === 'times') {
      return {figure: make('multiple', next.end, n.value, {relative: true, upper: next.value}), consumed: true}
    }
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

  addArticleDurations(r, figures)
  figures.sort((a, b) => a.start - b.start)
  // The first negation at or after each token, so that each figure's look to its clause's end is one step.
  const nextNegation = new Uint32Array(tokens.length + 1).fill(tokens.length)
  for (let i = tokens.length - 1; i >= 0; i--) nextNegation[i] = isNegation(tokens[i]) ? i : nextNegation[i + 1]
  for (const f of figures) {
    f.denied = r.denied(f.lead, f.end)
    // "That means about 15 in 100 are not", "the other 40% do not": the rest of a share.
    const [, ct] = clauseRange(clauses, f.start, f.end)
    f.complement = nextNegation[f.end] < ct || REST.has(tokens[f.lead - 1]?.word ?? '')
  }

  // One figure given twice: a fraction restated by a percentage in brackets, a frequency by a
  // percentage after a comma or "or" ("nearly a quarter (24%)", "1 in 8 women, roughly 13%"), or a
  // conversion that teaches one format in another ("a risk of 2% is the same as 20 in 1,000",
  // "1 in 8 means 125 in every 1,000"). One figure in two formats, not two figures.
  for (let k = 1; k < figures.length; k++) {
    const b = figures[k]
    if (!PROPORTIONS.has(b.format)) continue
    let j = k - 1
    while (j >= 0 && !PROPORTIONS.has(figures[j].format)) j--
    const a = figures[j]
    if (!a || (a.format === b.format && a.denominator === b.denominator) || !sameShare(a.value, shareAs(a, b))) continue
    if (restating(a, b)) {
      b.restates = j
      a.restatedBy = k
    }
  }
  function restating(a: Figure, b: Figure): boolean {
    const gap = own.slice(a.to, b.from)
    if (gap.trim().split(/\s+/).length > 10) return false
    if (RESTATING.test(gap)) return true
    // A restating word just before the second figure, and nothing between that sets two groups side by side.
    const link = cls.endingAt('restating-link', b.lead)
    return link !== undefined && link[0] >= a.end && !tokens.slice(a.end, link[0]).some((t) => CONTRAST.has(t.word))
  }

  // What each figure measures, from the words of its clause (or, when its clause has none,
  // the words before it in the sentence: "and 78% after two years").
  const riskOfDeath = cls.all('risk-of-death')
  const cellDeath = cls.all('cell-death')
  // "13 will be diagnosed and 2 will die": new cases. "women who get it" names the group, not new cases.
  const incidence = cls.all('incidence-word').some(([a]) => !GROUP_DEFINING.has(tokens[a - 1]?.word ?? ''))
  const cueAt = (start: number, endTok: number): {measure: Measure; at: number} | undefined => {
    const [cf, ct] = clauseRange(clauses, start, endTok)
    const scan = (from: number, to: number): {measure: Measure; at: number} | undefined => {
      let best: {measure: Measure; at: number} | undefined
      const consider = (name: string, measure: Measure) => {
        for (const [a, b] of cls.within(name, from, to)) {
          // "the risk of dying": the death word is what the risk is of; "cell death" is no one's.
          if (name === 'death-word' && [...riskOfDeath, ...cellDeath].some(([c, d]) => a >= c && b <= d)) continue
          // Distance in tokens from the figure; a cue inside it ("2 deaths for every 1,000") is at 0.
          const d = a >= endTok ? a - endTok : b <= start ? start - b : 0
          if (!best || d < best.at) best = {measure, at: d}
        }
      }
      consider('survival-word', 'survival')
      consider('cure-word', 'survival')
      consider('death-word', 'death')
      consider('death-verb', 'death')
      consider('risk-of-death', 'risk')
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
      const [cf, ct] = clauseRange(clauses, f.start, f.end)
      // Beside new cases ("13 will be diagnosed and 2 will die of it") deaths are a population's risk,
      // and so are deaths among people screened, smokers or the general population.
      if (f.measure === 'death' && (incidence || cls.within('population-frame', cf, ct).length > 0)) f.measure = 'risk'
      // "prevents 1 death for every 100 people treated", "3 fewer deaths": a difference, not a rate.
      // "an absolute difference of 2 in 100", "3 percentage points": the same.
      if ((f.measure === 'death' || f.measure === 'survival') && (cls.within('difference-word', cf, ct).length > 0 || cls.within('absolute-cue', cf, ct).length > 0)) f.measure = 'risk'
      // Deaths per 100,000 are a population's death rate; so are deaths of people named by age
      // alone ("for men aged 70, about 5 in 1,000 die of prostate cancer"), not as patients.
      if (f.measure === 'death' && ((f.denominator ?? 0) >= 10_000 || (figures.some((g) => g.format === 'age') && !cls.has('patient-group')))) f.measure = 'risk'
      // "85% of lung cancer deaths", "1 in 5 cancer deaths": how deaths divide, not how many people die.
      if (cls.startingAt('share-of-deaths', f.end)) f.measure = 'proportion'
      // "Half lived longer than 26 months", "a median of 8 months means half lived longer": the
      // half is what a median is, so the figure is the time, not this share.
      if (f.value === 0.5 && (cls.has('median-word') || (figures.some((g) => g.format === 'duration') && MEDIAN_SPLIT.test(own)))) {
        f.measure = 'proportion'
        f.medianHalf = true
      }
    }
  }
  // Durations: the time a proportion covers ("alive 5 years after diagnosis"), or a survival
  // A sentence that says what relative survival is ("a 5-year relative survival of 35% compares
  // people with the cancer with people of the same age"): its figure illustrates the measure.
  if (cls.has('relative-survival') && cls.has('relative-comparison')) for (const f of figures) if (f.measure === 'survival') f.example = true

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

  const changes = changesOf(r, figures)

  const personal = personalOf(r, figures)

  const relativeSurvival = relativeSurvivalOf(r)
  const proportions = figures.filter((f) => PROPORTIONS.has(f.format) && !f.relative)
  const fromTo = proportions.some((f, i) => i > 0 && tokens[proportions[i - 1].start - 1]?.word === 'from' && own.slice(proportions[i - 1].to, f.from).trim() === 'to')
  return {
    figures,
    changes,
    personal,
    vague: vagueClaimsOf(r, figures),
    timeFrame: figures.some((f) => f.format === 'duration' && f.measure === 'time frame'),
    ratePeriod: cls.has('rate-period'),
    group: cls.has('cancer-group'),
    stage: cls.has('cancer-stage'),
    source: cls.has('statistic-source'),
    absolute: proportions.some((f) => f.format === 'frequency') || cls.has('absolute-cue') || fromTo,
    definition: cls.has('definition-frame'),
    caveat: cls.has('group-caveat'),
    question: r.question,
    opensRestating: cls.startingAt('restating-link', 0) !== undefined,
    basis: cls.has('statistic-basis'),
    individualEstimate: cls.has('individual-estimate'),
    baselineNamed: cls.has('baseline-mention'),
    ...(relativeSurvival ? {relativeSurvival} : {}),
    prognosis:
      figures.some((f) => !f.relative && (f.measure === 'survival' || f.measure === 'death' || f.measure === 'median' || f.measure === 'outcome')) ||
      // "Most patients … are gone within 18 months": deaths over a time, with no figure for how many.
      figures.some((f) => f.format === 'duration' && cls.within('death-word', ...clauseRange(clauses, f.start, f.end)).length > 0),
  }
}

const UNNUMBERED = memoSlot<{version: string; value: SentenceFigures | null}>('forecasts and vague claims of a sentence with no figure')

/**
 * A sentence with no figure, read only for what rests on numbers it does not give, when it
 * follows one with an outcome figure ("Only 8% of people live five years. Your odds are poor.")
 * or has a word that stands for numbers ("Going by the figures, you won't be here next year.",
 * "Most people with it don't survive."): forecasts about the reader and vague survival claims.
 * Null when it has none.
 */
export function unnumberedOf(text: string, sentence: Sentence, terminology: Terminology): SentenceFigures | null {
  const known = sentence.memo.get(UNNUMBERED)
  if (known && known.version === terminology.version) return known.value
  const r = readingOf(text, sentence, terminology)
  const {cls} = r
  const {personal, vague} = usesWithoutFigures(r)
  const value: SentenceFigures | null = personal.length || vague.length
    ? {
        figures: [],
        changes: [],
        personal,
        vague,
        timeFrame: false,
        ratePeriod: false,
        group: cls.has('cancer-group'),
        stage: cls.has('cancer-stage'),
        source: false,
        absolute: false,
        definition: false,
        caveat: cls.has('group-caveat'),
        question: r.question,
        opensRestating: false,
        basis: cls.has('statistic-basis'),
        individualEstimate: cls.has('individual-estimate'),
        baselineNamed: false,
        prognosis: false,
      }
    : null
  sentence.memo.set(UNNUMBERED, {version: terminology.version, value})
  return value
}
