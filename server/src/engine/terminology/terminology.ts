import {DataFileError} from '../errors.js'
import type {Token} from '../parse/tokens.js'
import type {Entry} from './entry.js'
import {PhraseMatcher, type Match, type SerializedMatcher} from './matcher.js'
import {MAX_FILE_PHRASINGS, MAX_SET_PHRASINGS, expandPattern, PatternError} from './pattern.js'

/** Why a pattern is in the matcher: to find an entry's phrase, or to cancel it (unless). */
export interface PatternRef {
  entry: Entry
  kind: 'find' | 'unless'
}

/** Numbers a ref for storage: entry index * 2, + 1 for `unless` patterns. */
export const refId = (entries: readonly Entry[]) => {
  const index = new Map(entries.map((e, i) => [e, i]))
  return (ref: PatternRef): number => index.get(ref.entry)! * 2 + (ref.kind === 'unless' ? 1 : 0)
}

export const refOf = (entries: readonly Entry[]) => {
  const refs = entries.flatMap((entry) => [{entry, kind: 'find'}, {entry, kind: 'unless'}] as PatternRef[])
  return (id: number): PatternRef => refs[id]
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
}

/** The serialized form of a MatcherPair (dist/terminology.json). */
export interface SerializedPair {
  find: SerializedMatcher
  unless: SerializedMatcher
}

/**
 * Counts the phrasings patterns expand to, per file and in all, and stops a compile that goes
 * over MAX_FILE_PHRASINGS or MAX_SET_PHRASINGS at the entry that does, naming its file.
 */
export class PhrasingBudget {
  private readonly byFile = new Map<string, number>()

  /** `total`: phrasings of the set already compiled (the built-in one, for a writer's files). */
  constructor(public total = 0) {}

  charge(entry: Entry, phrasings: number): void {
    const inFile = (this.byFile.get(entry.file) ?? 0) + phrasings
    this.byFile.set(entry.file, inFile)
    this.total += phrasings
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
export function compileMatcher(entries: readonly Entry[], kind: PatternRef['kind'], budget = new PhrasingBudget()): PhraseMatcher<PatternRef> {
  const matcher = new PhraseMatcher<PatternRef>()
  for (const entry of entries) {
    const ref: PatternRef = {entry, kind}
    for (const pattern of (kind === 'find' ? entry.find : entry.unless) ?? []) {
      let sequences: ReturnType<typeof expandPattern>
      try {
        sequences = expandPattern(pattern)
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

/** Both matchers of a set of entries, charged to one budget (finds and unless patterns alike). */
export const compileMatchers = (entries: readonly Entry[], budget = new PhrasingBudget()): MatcherPair => ({
  find: compileMatcher(entries, 'find', budget),
  unless: compileMatcher(entries, 'unless', budget),
})

export const serializePair = (pair: MatcherPair, entries: readonly Entry[]): SerializedPair => {
  const id = refId(entries)
  return {find: pair.find.serialize(id), unless: pair.unless.serialize(id)}
}

export const deserializePair = (data: SerializedPair, entries: readonly Entry[]): MatcherPair => {
  const ref = refOf(entries)
  return {find: PhraseMatcher.deserialize(data.find, ref), unless: PhraseMatcher.deserialize(data.unless, ref)}
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
    /** Phrasings its patterns stand for, all layers together (see PhrasingBudget). */
    readonly phrasings: number,
  ) {
    for (const entry of entries) {
      const prior = this.byId.get(entry.id)
      if (prior) throw new DataFileError(entry.file, entry.line, `duplicate entry id "${entry.id}" (also in ${prior.file})`)
      this.byId.set(entry.id, entry)
    }
  }

  /** Every `find` phrase of every layer in `tokens`. */
  findMatches(tokens: readonly Token[]): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].find.match(tokens)
    return this.layers.flatMap((m) => m.find.match(tokens))
  }

  /** Every `unless` phrase of every layer in `tokens`: what cancels a find in the same sentence. */
  unlessMatches(tokens: readonly Token[]): Match<PatternRef>[] {
    if (this.layers.length === 1) return this.layers[0].unless.match(tokens)
    return this.layers.flatMap((m) => m.unless.match(tokens))
  }

  /** This set plus more entries (a writer's files), sharing this set's compiled matchers. */
  extend(entries: readonly Entry[], version: string): Terminology {
    const budget = new PhrasingBudget(this.phrasings)
    const layer = compileMatchers(entries, budget)
    return new Terminology([...this.entries, ...entries], [...this.layers, layer], version, budget.total)
  }

  /** The files its entries were read from, built-in first. */
  get sources(): Array<{file: string}> {
    return [...new Set(this.entries.map((e) => e.file))].map((file) => ({file}))
  }
}
