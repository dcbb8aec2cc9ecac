import type {Token} from '../parse/tokens.js'
import {DataFileError} from '../errors.js'
import {classId, className, knownClassId} from './class-ids.js'
import {NO_CLASSES, PhraseMatcher, type ClassSpans, type SerializedMatcher, type SpanTable} from './matcher.js'
import {expandPattern, PatternError} from './pattern.js'

/**
 * A word class (terminology/classes.yaml): a named set of words and phrases that patterns name
 * as `@name`, so an entry says "the provider ... a superlative" once instead of listing every
 * wording. Members are patterns themselves (inflected like any pattern word, and may name
 * classes defined before them), so a class inflects: `cure` covers cures, cured and curing.
 */
export interface WordClass {
  name: string
  description: string
  members: string[]
  examples?: {in: string[]; out: string[]}
  file: string
  line: number
}

/**
 * Class spans of one run of tokens, by the token they start at: the classes (classId, in the
 * order found) and the ends of each. By start first: the matcher asks "which classes start
 * here" and "where does this one end" at the same token.
 */
interface Table extends SpanTable {
  ids: Array<number[] | undefined>
  /** ends[at][k]: the ends of the spans of class ids[at][k] that start at `at`. */
  ends: Array<number[][] | undefined>
  /** The spans by class, made from the rest when first asked (the analyses ask by class). */
  byName?: Map<string, Array<readonly [number, number]>>
}

const EMPTY: readonly number[] = []
const NO_SPANS: ReadonlyArray<readonly [number, number]> = []

/** The ends of the spans of class `name` that start at `at`. */
function endsIn(table: Table, name: string, at: number): readonly number[] {
  const ids = table.ids[at]
  if (ids === undefined) return EMPTY
  const k = ids.indexOf(knownClassId(name))
  return k < 0 ? EMPTY : table.ends[at]![k]
}

/** The spans of each class in a complete table: one pass over it, instead of one per class asked. */
function spansByName(table: Table): Map<string, Array<readonly [number, number]>> {
  if (table.byName) return table.byName
  const byName = new Map<string, Array<readonly [number, number]>>()
  for (let at = 0; at < table.ids.length; at++) {
    const ids = table.ids[at]
    if (ids === undefined) continue
    const ends = table.ends[at]!
    for (let k = 0; k < ids.length; k++) {
      const name = className(ids[k])
      let list = byName.get(name)
      if (!list) byName.set(name, (list = []))
      for (const end of ends[k]) list.push([at, end])
    }
  }
  table.byName = byName
  return byName
}

/**
 * Every class compiled into a few tries, one per level: a class whose members name other
 * classes is matched after them. A sentence's spans are worked out once, on the first
 * question a pattern's class edge asks, so a sentence no class pattern reaches costs nothing.
 */
export class ClassIndex {
  readonly byName: ReadonlyMap<string, WordClass>

  constructor(
    readonly classes: readonly WordClass[],
    /** Each level's trie; a pattern's ref is its class's classId. */
    private readonly levels: ReadonlyArray<PhraseMatcher<number>>,
  ) {
    this.byName = new Map(classes.map((c) => [c.name, c]))
  }

  /**
   * `synonyms` gives a word's WordNet synonyms for members that ask for them (`~word`); the
   * build has WordNet, and stores the compiled classes, so an installed package never asks.
   */
  static compile(classes: readonly WordClass[], synonyms: (word: string) => readonly string[] = noSynonyms): ClassIndex {
    const byName = new Map<string, WordClass>()
    for (const c of classes) {
      if (byName.has(c.name)) throw new DataFileError(c.file, c.line, `duplicate class "${c.name}"`)
      byName.set(c.name, c)
    }
    // Level of a class: 0 when its members name no class, else one more than the highest it names.
    const level = new Map<string, number>()
    const levelOf = (c: WordClass, path: string[]): number => {
      const known = level.get(c.name)
      if (known !== undefined) return known
      if (path.includes(c.name)) throw new DataFileError(c.file, c.line, `class "${c.name}" names itself (${[...path, c.name].join(' -> ')})`)
      let l = 0
      for (const member of c.members) {
        for (const m of member.matchAll(/@([a-z0-9]+(?:-[a-z0-9]+)*)/g)) {
          const named = byName.get(m[1])
          if (!named) throw new DataFileError(c.file, c.line, `class "${c.name}": unknown class "@${m[1]}"`)
          l = Math.max(l, levelOf(named, [...path, c.name]) + 1)
        }
      }
      level.set(c.name, l)
      return l
    }
    const depth = Math.max(0, ...classes.map((c) => levelOf(c, []))) + 1
    const levels = Array.from({length: depth}, () => new PhraseMatcher<number>())
    for (const c of classes) {
      for (const written of c.members) {
        const member = withSynonyms(written, synonyms)
        try {
          for (const seq of expandPattern(member, (n) => byName.has(n))) levels[level.get(c.name)!].add(seq, classId(c.name))
        } catch (e) {
          if (e instanceof PatternError) throw new DataFileError(c.file, c.line, `class "${c.name}": ${e.message}`)
          throw e
        }
      }
    }
    for (const m of levels) m.minimize()
    return new ClassIndex(classes, levels)
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  /** The spans of every class in `tokens`, worked out on the first question. */
  spans(tokens: readonly Token[]): ClassSpans {
    if (this.levels.length === 0) return NO_CLASSES
    let table: Table | undefined
    // Dropped once read: spans kept in a sentence's memo must not keep a copy of its tokens alive.
    let source: readonly Token[] | undefined = tokens
    const known = (): Table => {
      if (table === undefined) {
        table = this.compute(source!)
        source = undefined
      }
      return table
    }
    return {
      ends: (name, at) => endsIn(known(), name, at),
      table: known,
      spansOf: (name) => spansByName(known()).get(name) ?? NO_SPANS,
    }
  }

  private compute(tokens: readonly Token[]): Table {
    const table: Table = {ids: [], ends: []}
    // Read by the next levels' matchers, which ask by token, never by class.
    const sofar: ClassSpans = {
      ends: (name, at) => endsIn(table, name, at),
      table: () => table,
      spansOf: () => {
        throw new Error('oncolint: class spans asked by class before they were all found')
      },
    }
    const add = (id: number, start: number, end: number): void => {
      let ids = table.ids[start]
      let endsOf = table.ends[start]
      if (ids === undefined || endsOf === undefined) {
        table.ids[start] = ids = []
        table.ends[start] = endsOf = []
      }
      const k = ids.indexOf(id)
      if (k < 0) {
        ids.push(id)
        endsOf.push([end])
      } else if (!endsOf[k].includes(end)) endsOf[k].push(end)
    }
    for (const level of this.levels) level.forEachMatch(tokens, sofar, undefined, add)
    return table
  }

  serialize(): {classes: WordClass[]; levels: SerializedMatcher[]} {
    const index = new Map(this.classes.map((c, i) => [classId(c.name), i]))
    return {classes: [...this.classes], levels: this.levels.map((m) => m.serialize((id) => index.get(id) ?? -1))}
  }

  static deserialize(data: {classes: WordClass[]; levels: SerializedMatcher[]}): ClassIndex {
    const ids = data.classes.map((c) => classId(c.name))
    return new ClassIndex(
      data.classes,
      data.levels.map((m) => PhraseMatcher.deserialize(m, (i) => ids[i])),
    )
  }
}

export const NO_CLASS_INDEX = new ClassIndex([], [])

const noSynonyms = (): readonly string[] => []

/**
 * A member with `~word` stands for the word and its WordNet synonyms (one word each, letters
 * only): "~futile" reads as (futile|vain|useless|ineffectual|…). The writer picks the words
 * whose every sense fits the class; the class's `out` examples hold the senses that must not.
 */
function withSynonyms(member: string, synonyms: (word: string) => readonly string[]): string {
  return member.replace(/~([a-z]+)/g, (_, word: string) => {
    const words = [word, ...synonyms(word).filter((w) => /^[a-z]{3,}$/.test(w) && w !== word)]
    return words.length > 1 ? `(${[...new Set(words)].join('|')})` : word
  })
}
