import {DataFileError} from '../errors.js'
import type {Token} from '../parse/tokens.js'
import type {Entry} from './entry.js'
import {PhraseMatcher, type Match} from './matcher.js'
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

/** Compiles entries' patterns into one matcher; a bad pattern names its file and line. */
export function compileMatcher(entries: readonly Entry[]): PhraseMatcher<PatternRef> {
  const matcher = new PhraseMatcher<PatternRef>()
  for (const entry of entries) {
    const find: PatternRef = {entry, kind: 'find'}
    const unless: PatternRef = {entry, kind: 'unless'}
    for (const [patterns, ref] of [[entry.find, find], [entry.unless ?? [], unless]] as const) {
      for (const pattern of patterns) {
        try {
          for (const seq of expandPattern(pattern)) matcher.add(seq, ref)
        } catch (e) {
          if (e instanceof PatternError) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": ${e.message}`)
          throw e
        }
      }
    }
  }
  matcher.minimize()
  return matcher
}

/**
 * A validated terminology set. A writer's own files are layered on the built-in set with a
 * matcher of their own, so adding them never recompiles the built-in phrases.
 */
export class Terminology {
  readonly byId = new Map<string, Entry>()

  constructor(
    readonly entries: readonly Entry[],
    private readonly matchers: readonly PhraseMatcher<PatternRef>[],
    /** Changes whenever any entry changes: part of cache keys. */
    readonly version: string,
  ) {
    for (const entry of entries) {
      const prior = this.byId.get(entry.id)
      if (prior) throw new DataFileError(entry.file, entry.line, `duplicate entry id "${entry.id}" (also in ${prior.file})`)
      this.byId.set(entry.id, entry)
    }
  }

  /** Every phrase match of every layer in `tokens`. */
  match(tokens: readonly Token[]): Match<PatternRef>[] {
    if (this.matchers.length === 1) return this.matchers[0].match(tokens)
    return this.matchers.flatMap((m) => m.match(tokens))
  }

  /** This set plus more entries (a writer's files), sharing this set's compiled matchers. */
  extend(entries: readonly Entry[], version: string): Terminology {
    return new Terminology([...this.entries, ...entries], [...this.matchers, compileMatcher(entries)], version)
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
