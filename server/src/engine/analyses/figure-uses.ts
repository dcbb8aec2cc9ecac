
import {addArticleDurations} from './article-durations.js'
import {clauseRange} from './clauses.js'
import {PROPORTIONS, type Figure} from './figure-kinds.js'
import {isNegation} from './negation.js'
import type {Reading} from './sentence-reading.js'

/**
 * What a sentence does with its figures, read after the figures themselves (analyses/figures.ts):
 * a relative change of a risk or of survival, a statistic applied to the reader, relative
 * survival explained as the chance of being alive.
 */

/** A relative change of a risk or of survival: "cuts the risk of dying by 30%", "survival has doubled". */
export interface Change {
  from: number
  to: number
  /** Of survival (its own rule) or of a risk, a chance or deaths. */
  of: 'risk' | 'survival'
  quoted: boolean
  /** Asked, denied, reported or refuted: not the text's own claim ("does not halve the risk", "some reports say"). */
  denied: boolean
}

/** A statistic applied to the reader: "you have a 70% chance", "so you have a year". */
export interface Personal {
  from: number
  to: number
  /** A chance or time given as the reader's own, or a forecast drawn from a group figure. */
  kind: 'chance' | 'forecast'
  /** Asked, denied, reported or refuted: "avoid telling patients they have a year", "this does not mean you will survive". */
  denied: boolean
  /** A forecast that holds its own figure ("you have six months left", "you fall into the 40%"), grounded without a figure near it. */
  withFigure: boolean
}

/** How many tokens after "you"/"your" the measure it owns may stand ("you have a 70 % chance"). */
const PERSONAL_REACH = 8

/** The relative changes of a sentence: of a figure ("by 30%", "30% less likely", "four times the risk"), or of a multiplying verb ("doubles the risk", "survival has halved"). */
export function changesOf(r: Reading, figures: readonly Figure[]): Change[] {
  const {tokens, cls, clauses, at, end} = r
  const changes: Change[] = []
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
    changes.push({from: at(tokens[start]), to: end(tokens[toTok - 1]), of: ofSurvival && !ofRisk ? 'survival' : 'risk', quoted: f.quoted, denied: r.denied(start, toTok)})
  }

  return changes
}

/** Whether token `a` stands in a clause that opens as an example ("if you are among …", "say your risk is …"), not in "the statistics say you …". */
function opensExample(r: Reading, a: number): boolean {
  // "if your risk was 1 in 1,000": the example word just before. "Say" makes an example only
  // where it opens the clause ("Say your risk is 2 in 100"); "the statistics say you …" reports.
  const before = r.cls.endingAt('hypothetical', a)
  if (before && r.tokens[before[0]].word !== 'say') return true
  let start = clauseRange(r.clauses, a, a + 1)[0]
  // ", but if your risk was 2 in 100": the conjunction that opens the clause comes first.
  while (start < a && JOINING.has(r.tokens[start].word)) start++
  return r.cls.startingAt('hypothetical', start) !== undefined
}

const JOINING: ReadonlySet<string> = new Set(['and', 'but', 'so', 'or', 'yet', 'then'])

// Words after a duration that make it a time of treatment or a break, not a time to live.
const TREATMENT_TIME: ReadonlySet<string> = new Set(['of', 'off'])

/** The statistics a sentence applies to the reader: "you have a 70% chance", "so you have a year". */
export function personalOf(r: Reading, figures: readonly Figure[]): Personal[] {
  const {tokens, cls, clauses, at, end, isQuoted} = r
  const personal: Personal[] = []
  const caveatSpans = cls.all('group-caveat')
  // "if your risk was 2 in 100" is an example; "people like you" is the group.
  const youTokens = cls.all('second-person').filter(([a]) => !caveatSpans.some(([c, d]) => a >= c && a < d) && !opensExample(r, a))
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
    personal.push({from: at(tokens[from]), to: end(tokens[to - 1]), kind: 'chance', denied: r.denied(from, to), withFigure: true})
  }
  addForecasts(r, figures, personal)
  return personal

}

/** A survival claim in vague words, with no figure and no time: "most people with it don't survive". */
export interface VagueClaim {
  from: number
  to: number
}

/**
 * The survival claims of a sentence made in vague words and with no time: a large share of
 * people who die or do not survive ("Most people with pancreatic cancer don't survive"), a
 * small share who survive ("Few patients survive this cancer"). Readers take "most" and "few"
 * to mean very different numbers, and survival means nothing without a time. A sentence that
 * gives a time ("within months", "each year") or a survival figure of its own is not read.
 */
export function vagueClaimsOf(r: Reading, figures: readonly Figure[]): VagueClaim[] {
  const {tokens, cls, clauses, at, end} = r
  if (cls.has('time-unit') || cls.has('rate-period') || figures.some((f) => f.measure === 'survival' || f.measure === 'death' || f.measure === 'median')) return []
  const notOfPeople = [...cls.all('risk-of-death'), ...cls.all('cell-death')]
  const out: VagueClaim[] = []
  for (const [grim, name] of [['death', 'vague-most'], ['survival', 'vague-few']] as const) {
    for (const [a, b] of cls.all(name)) {
      if (sharesOfThings(r, a, b)) continue
      const [, ct] = clauseRange(clauses, a, b)
      // Denied between the share and the outcome: "most people … don't survive".
      const denied = (s: number): boolean => tokens.slice(b, s).some((t) => isNegation(t))
      // "Most people who die of cancer …" names a group, it claims nothing.
      // "die at home", "die of other causes": where or of what, not how many die of the cancer.
      const outcome = (spans: Array<[number, number]>) =>
        spans.filter(([s, e]) => !GROUP_WORDS.has(tokens[s - 1]?.word ?? '') && !notOfPeople.some(([c, d]) => s >= c && e <= d) && !cls.startingAt('death-circumstance', e))
      const deaths = outcome([...cls.within('death-word', b, ct), ...cls.within('death-verb', b, ct)])
      const survives = outcome(cls.within('survival-word', b, ct))
      const hit = grim === 'death' ? (deaths.find(([s]) => !denied(s)) ?? survives.find(([s]) => denied(s))) : survives.find(([s]) => !denied(s))
      if (!hit || r.denied(a, hit[1]) || r.isQuoted(at(tokens[a]))) continue
      out.push({from: at(tokens[a]), to: end(tokens[hit[1] - 1])})
      break
    }
  }
  return out
}

const GROUP_WORDS: ReadonlySet<string> = new Set(['who', 'that', 'which'])
const PRONOUNS: ReadonlySet<string> = new Set(['them', 'those', 'they'])

/**
 * Whether a share counted by a pronoun ("most of them") counts things, not people: the nearest
 * plural named before it is one of @counted-things ("Circulating tumour cells travel in the
 * bloodstream; most of them die before they can form a new tumour").
 */
function sharesOfThings(r: Reading, a: number, b: number): boolean {
  if (!PRONOUNS.has(r.tokens[b - 1].word)) return false
  const lastBefore = (name: string): number => r.cls.all(name).reduce((last, [s, e]) => (e <= a && s > last ? s : last), -1)
  const things = lastBefore('counted-things')
  return things >= 0 && things > r.cls.all('people-noun').reduce((last, [s, e]) => (e <= a && !PRONOUNS.has(r.tokens[s].word) && s > last ? s : last), -1)
}

/** Relative survival explained as the chance of being alive, with nothing to say it is a comparison: its range. */
export function relativeSurvivalOf(r: Reading): {from: number; to: number} | undefined {
  const {tokens, cls, at, end} = r
  const rel = cls.all('relative-survival')[0]
  if (!rel || !cls.has('alive-explanation') || cls.has('relative-comparison')) return undefined
  const last = cls.all('alive-explanation').at(-1)!
  // "Relative survival is not the chance of being alive": the explanation denied is the right one.
  if (r.denied(last[0], last[1])) return undefined
  return {from: at(tokens[rel[0]]), to: end(tokens[Math.max(rel[1], last[1]) - 1])}
}

/**
 * The forecasts about the reader in a sentence, merged where they overlap: a fate ("so you have
 * a year", "your odds are poor", "you probably won't be here"), the reader put into a group's
 * share ("you fall into the 40% who relapse"), a time to plan for drawn from a figure ("so plan
 * for two years"), and a forecast about the reader's cancer ("your cancer will come back").
 * A forecast in a clause that sets an example ("if you are among the 1 in 10 …") is not one.
 */
function addForecasts(r: Reading, figures: readonly Figure[], personal: Personal[]): void {
  const {tokens, cls, at, end, isQuoted} = r
  // A figure that follows the words at once: "the 40%", "for two years".
  const figureAt = (b: number, ok: (f: Figure) => boolean): Figure | undefined => figures.find((f) => f.lead === b && ok(f) && !f.quoted)
  const add = (a: number, b: number, withFigure: boolean) => {
    const from = at(tokens[a])
    const to = end(tokens[b - 1])
    if (isQuoted(from) || opensExample(r, a)) return
    // Overlapping phrases ("so you" and "you have a year to live") are one forecast.
    const overlap = personal.find((p) => p.from < to && from < p.to)
    if (overlap) {
      overlap.from = Math.min(overlap.from, from)
      overlap.to = Math.max(overlap.to, to)
      overlap.denied &&= r.denied(a, b)
      overlap.withFigure ||= withFigure
    } else personal.push({from, to, kind: 'forecast', denied: r.denied(a, b), withFigure})
  }
  // A time of treatment ("about a year of treatment left") is not a time to live.
  const lifetime = (f: Figure): boolean => PROPORTIONS.has(f.format) || (f.format === 'duration' && !TREATMENT_TIME.has(tokens[f.end]?.word ?? ''))
  for (const [a, b] of cls.all('personal-fate')) add(a, b, figures.some((f) => f.start >= a && f.end <= b && !f.relative && lifetime(f)))
  for (const [a, b] of cls.all('group-membership')) {
    const f = figureAt(b, (g) => PROPORTIONS.has(g.format) && !g.relative)
    if (f) add(a, f.end, true)
  }
  for (const [a, b] of cls.all('plan-for-time')) {
    const f = figureAt(b, (g) => g.format === 'duration')
    // The duration is what the reader is told to expect; it needs a group figure near to rest on.
    if (f) add(a, f.end, false)
  }
  for (const [a, b] of cls.all('time-left')) {
    // "you probably have about 6 months"; not a time of treatment ("6 months of chemotherapy", "2 weeks off").
    const f = figureAt(b, (g) => g.format === 'duration' && !TREATMENT_TIME.has(tokens[g.end]?.word ?? ''))
    if (f) add(a, f.end, false)
  }
  for (const [a, b] of cls.all('disease-forecast')) add(a, b, false)
}

/**
 * What a sentence with no figure says that rests on numbers it does not give: forecasts about
 * the reader and vague survival claims (figures.ts unnumberedOf reads such sentences).
 */
export function usesWithoutFigures(r: Reading): {personal: Personal[]; vague: VagueClaim[]} {
  const personal: Personal[] = []
  const durations: Figure[] = []
  addArticleDurations(r, durations)
  addForecasts(r, durations, personal)
  return {personal, vague: vagueClaimsOf(r, [])}
}
