import type {Entry} from './entry.js'
import {DataFileError} from '../errors.js'
import {PhraseMatcher} from './matcher.js'
import {expandPattern, PatternError} from './pattern.js'

/** Why a pattern is in the matcher: to find an entry's phrase, or to cancel it (unless). */
export interface PatternRef {
  entry: Entry
  kind: 'find' | 'unless'
}

/** A validated terminology set with every pattern compiled into one matcher. */
export class Terminology {
  readonly byId = new Map<string, Entry>()
  readonly matcher = new PhraseMatcher<PatternRef>()

  constructor(
    readonly entries: readonly Entry[],
    /** The files it was read from, so extra files can be layered on without re-reading. */
    readonly sources: readonly {file: string; text: string}[],
    /** Changes whenever any entry changes: part of the CLI cache key. */
    readonly version: string,
  ) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry)
      const find: PatternRef = {entry, kind: 'find'}
      const unless: PatternRef = {entry, kind: 'unless'}
      for (const [patterns, ref] of [[entry.find, find], [entry.unless ?? [], unless]] as const) {
        for (const pattern of patterns) {
          try {
            for (const seq of expandPattern(pattern)) this.matcher.add(seq, ref)
          } catch (e) {
            if (e instanceof PatternError) throw new DataFileError(entry.file, entry.line, `entry "${entry.id}": ${e.message}`)
            throw e
          }
        }
      }
    }
  }

  /** Entries a rule reports. */
  forRule(ruleId: string): Entry[] {
    return this.entries.filter((e) => e.rule === ruleId)
  }
}
