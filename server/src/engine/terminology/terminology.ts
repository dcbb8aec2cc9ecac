import {DataFileError} from '../errors.js'
import type {Token} from '../parse/tokens.js'
import type {Entry} from './entry.js'
import {PhraseMatcher, type Match, type SerializedMatcher} from './matcher.js'
import {expandPattern, PatternError} from './pattern.js'

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

/** Compiles entries' patterns of one kind into a matcher; a bad pattern names its file and line. */
export function compileMatcher(entries: readonly Entry[], kind: PatternRef['kind']): PhraseMatcher<PatternRef> {
  const matcher = new PhraseMatcher<PatternRef>()
  for (const entry of entries) {
    const ref: PatternRef = {entry, kind}
    for (const pattern of (kind === 'find' ? entry.find : entry.unless) ?? []) {
      try {
        for (const seq of expandPattern(pattern)) matcher.add(seq, ref)
      } catch (e) {
        if (e instanceof PatternError) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": ${e.message}`)
        throw e
      }
    }
  }
  matcher.minimize()
  return matcher
}

export const compileMatchers = (entries: readonly Entry[]): MatcherPair => ({find: compileMatcher(entries, 'find'), unless: compileMatcher(entries, 'unless')})

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
    return new Terminology([...this.entries, ...entries], [...this.layers, compileMatchers(entries)], version)
  }

  /** The files its entries were read from, built-in first. */
  get sources(): Array<{file: string}> {
    return [...new Set(this.entries.map((e) => e.file))].map((file) => ({file}))
  }

  /** Entries a rule reports. */
  forRule(ruleId: string): Entry[] {
    return this.entries.filter((e) => e.rule === ruleId)
  }
}
