import {DataFileError} from '../errors.js'
import type {Token} from '../parse/tokens.js'
import type {Entry} from './entry.js'
import {NO_CLASS_INDEX, type ClassIndex} from './classes.js'
import {NO_NUMERAL_INDEX, type NumeralIndex} from './numerals.js'
import {PhraseMatcher, type ClassSpans, type Keep, type Match, type SerializedMatcher} from './matcher.js'
import {MAX_FILE_PHRASINGS, MAX_SET_PHRASINGS, expandPattern, PatternError} from './pattern.js'

/**
 * Why a pattern is in a matcher: to find an entry's phrase, to cancel it (unless), or to be
 * what it needs beside it (with).
 */
export interface PatternRef {
  entry: Entry
  kind: PatternKind
  /** For `with` patterns: which group of the entry's `with` they belong to (every group must be found). */
  group: number
}

export type PatternKind = 'find' | 'unless' | 'with'

/** The most groups an entry's `with` may have (terminology/schema.json says so too). */
export const MAX_WITH_GROUPS = 6
/** Slots per entry in a stored ref number: find, unless, and one per `with` group. */
const SLOTS = 2 + MAX_WITH_GROUPS
const slotOf = (ref: PatternRef): number => (ref.kind === 'find' ? 0 : ref.kind === 'unless' ? 1 : 2 + ref.group)

/** Numbers a ref for storage: entry index * SLOTS + its slot. */
export const refId = (entries: readonly Entry[]) => {
  const index = new Map(entries.map((e, i) => [e, i]))
  return (ref: PatternRef): number => index.get(ref.entry)! * SLOTS + slotOf(ref)
}

export const refOf = (entries: readonly Entry[]) => (id: number): PatternRef => {
  const entry = entries[Math.floor(id / SLOTS)]
  const slot = id % SLOTS
  return {entry, kind: slot === 0 ? 'find' : slot === 1 ? 'unless' : 'with', group: Math.max(0, slot - 2)}
}

/**
 * An entry's `with` patterns as groups: a flat list is one group (one of them must be found);
 * a list of lists is several groups, each of which must be found ("the provider" and "a figure").
 */
export function withGroups(entry: Entry): ReadonlyArray<readonly string[]> {
  const w = entry.with
  if (!w || w.length === 0) return []
  return w.every((x) => typeof x === 'string') ? [w as string[]] : (w as Array<string | string[]>).map((x) => (typeof x === 'string' ? [x] : x))
}

/**
 * An entry's `find` patterns and its `unless` patterns in two matchers. Every sentence is
 * matched for finds; the unless patterns ("may", "your doctor", "no evidence") are common
 * words that matched nine times as often as all finds together, yet only matter in the few
 * sentences where an entry of theirs was found, so only those sentences are matched for them.
 */
export interface MatcherPair {
  find: PhraseMatcher<PatternRef>
  unless: PhraseMatcher<PatternRef>
  /** The `with` patterns: looked for, like unless, only where an entry that has them was found. */
  with: PhraseMatcher<PatternRef>
  /**
   * The `with` patterns of page-scoped entries again, alone: a page-scoped find reads every
   * sentence of the draft for them, and the few in this matcher cost a fraction of all withs.
   */
  pageWith: PhraseMatcher<PatternRef>
}

/** The serialized form of a MatcherPair (dist/terminology.json). */
export interface SerializedPair {
  find: SerializedMatcher
  unless: SerializedMatcher
  with: SerializedMatcher
  pageWith: SerializedMatcher
}

/** An entry's patterns of one kind, each with the ref it is compiled under. */
function patternsOf(entry: Entry, kind: PatternKind): Array<[string, PatternRef]> {
  if (kind === 'with') {
    return withGroups(entry).flatMap((patterns, group) => {
      const ref: PatternRef = {entry, kind, group}
      return patterns.map((p): [string, PatternRef] => [p, ref])
    })
  }
  const ref: PatternRef = {entry, kind, group: 0}
  return ((kind === 'find' ? entry.find : entry.unless) ?? []).map((p): [string, PatternRef] => [p, ref])
}

/**
 * Counts the phrasings patterns expand to, per file and in all, and stops a compile that goes
 * over MAX_FILE_PHRASINGS or MAX_SET_PHRASINGS at the entry that does, naming its file. The
 * limits bound what a writer's files cost; the built-in set, built and tested with oncolint and
 * stored compiled, is only counted (`limited: false`).
 */
export class PhrasingBudget {
  private readonly byFile = new Map<string, number>()
  total = 0

  constructor(private readonly limited = true) {}

  charge(entry: Entry, phrasings: number): void {
    const inFile = (this.byFile.get(entry.file) ?? 0) + phrasings
    this.byFile.set(entry.file, inFile)
    this.total += phrasings
    if (!this.limited) return
    const at = `entry "${entry.id}"`
    if (inFile > MAX_FILE_PHRASINGS) {
      throw new DataFileError(entry.file, entry.line, `${at}: the file's patterns stand for more than ${MAX_FILE_PHRASINGS} phrasings in all; use fewer or narrower alternatives`)
    }
    if (this.total > MAX_SET_PHRASINGS) {
      throw new DataFileError(entry.file, entry.line, `${at}: the terminology files together stand for more than ${MAX_SET_PHRASINGS} phrasings; use fewer or narrower alternatives`)
    }
  }
}

/** Compiles entries' patterns of one kind into a matcher; a bad pattern names its file and line. */
export function compileMatcher(entries: readonly Entry[], kind: PatternRef['kind'], classes: ClassIndex, budget = new PhrasingBudget()): PhraseMatcher<PatternRef> {
  const matcher = new PhraseMatcher<PatternRef>()
  const known = (name: string) => classes.has(name)
  for (const entry of entries) {
    if (kind === 'with' && entry.same !== undefined) {
      if (!known(entry.same)) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": same: unknown class "${entry.same}"`)
      if (!entry.with?.length) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": same: needs a \`with\` to compare the find with`)
    }
    for (const [pattern, ref] of patternsOf(entry, kind)) {
      let sequences: ReturnType<typeof expandPattern>
      try {
        sequences = expandPattern(pattern, known)
      } catch (e) {
        if (e instanceof PatternError) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": ${e.message}`)
        throw e
      }
      budget.charge(entry, sequences.length)
      for (const seq of sequences) matcher.add(seq, ref)
    }
  }
  matcher.minimize()
  return matcher
}

/** The matchers of a set of entries, charged to one budget (finds, unless and with patterns alike). */
export const compileMatchers = (entries: readonly Entry[], classes: ClassIndex, budget = new PhrasingBudget()): MatcherPair => ({
  find: compileMatcher(entries, 'find', classes, budget),
  unless: compileMatcher(entries, 'unless', classes, budget),
  with: compileMatcher(entries, 'with', classes, budget),
  // Charged once, under `with`.
  pageWith: compileMatcher(
    entries.filter((e) => e.scope === 'page'),
    'with',
    classes,
    new PhrasingBudget(false),
  ),
})

export const serializePair = (pair: MatcherPair, entries: readonly Entry[]): SerializedPair => {
  const id = refId(entries)
  return {find: pair.find.serialize(id), unless: pair.unless.serialize(id), with: pair.with.serialize(id), pageWith: pair.pageWith.serialize(id)}
}

export const deserializePair = (data: SerializedPair, entries: readonly Entry[]): MatcherPair => {
  const ref = refOf(entries)
  return {
    find: PhraseMatcher.deserialize(data.find, ref),
    unless: PhraseMatcher.deserialize(data.unless, ref),
    with: PhraseMatcher.deserialize(data.with, ref),
    pageWith: PhraseMatcher.deserialize(data.pageWith, ref),
  }
}

/**
 * A validated terminology set. A writer's own files are layered on the built-in set with
 * matchers of their own, so adding them never recompiles the built-in phrases.
 */
export class Terminology {
  readonly byId = new Map<string, Entry>()

  constructor(
    readonly entries: readonly Entry[],
    private readonly layers: readonly MatcherPair[],
    /** Changes whenever any entry changes: part of cache keys. */
    readonly version: string,
    /** Phrasings its patterns stand for, all layers together (see PhrasingBudget); only a writer's layers are limited. */
    readonly phrasings: number,
    /** The word classes patterns may name (terminology/classes/). */
    readonly classes: ClassIndex = NO_CLASS_INDEX,
    /** Numbers written as words (terminology/numbers.yaml), for the number analysis. */
    readonly numerals: NumeralIndex = NO_NUMERAL_INDEX,
  ) {
    for (const entry of entries) {
      const prior = this.byId.get(entry.id)
      if (prior) throw new DataFileError(entry.file, entry.line, `duplicate entry id "${entry.id}" (also in ${prior.file})`)
      this.byId.set(entry.id, entry)
    }
  }

  /** Where the classes' members stand in `tokens`: asked by both matchers, worked out once. */
  classSpans(tokens: readonly Token[]): ClassSpans {
    return this.classes.spans(tokens)
  }

  /** Every `find` phrase of every layer in `tokens`. */
  findMatches(tokens: readonly Token[], spans: ClassSpans = this.classSpans(tokens)): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].find.match(tokens, spans)
    return this.layers.flatMap((m) => m.find.match(tokens, spans))
  }

  /** Every `unless` phrase of every layer in `tokens` (of the refs `keep` keeps): what cancels a find in the same sentence. */
  unlessMatches(tokens: readonly Token[], spans: ClassSpans = this.classSpans(tokens), keep?: Keep<PatternRef>): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].unless.match(tokens, spans, keep)
    return this.layers.flatMap((m) => m.unless.match(tokens, spans, keep))
  }

  /** Every `with` phrase of every layer in `tokens` (of the refs `keep` keeps): what an entry needs beside its find. */
  withMatches(tokens: readonly Token[], spans: ClassSpans = this.classSpans(tokens), keep?: Keep<PatternRef>): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].with.match(tokens, spans, keep)
    return this.layers.flatMap((m) => m.with.match(tokens, spans, keep))
  }

  /** The `with` phrases of page-scoped entries of every layer in `tokens`. */
  pageWithMatches(tokens: readonly Token[], spans: ClassSpans = this.classSpans(tokens)): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].pageWith.match(tokens, spans)
    return this.layers.flatMap((m) => m.pageWith.match(tokens, spans))
  }

  /** This set plus more entries (a writer's files), sharing this set's compiled matchers, classes and number words. */
  extend(entries: readonly Entry[], version: string): Terminology {
    // A writer's files have the budget to themselves: the built-in phrasings are not charged to it.
    const budget = new PhrasingBudget()
    const layer = compileMatchers(entries, this.classes, budget)
    return new Terminology([...this.entries, ...entries], [...this.layers, layer], version, this.phrasings + budget.total, this.classes, this.numerals)
  }
}
