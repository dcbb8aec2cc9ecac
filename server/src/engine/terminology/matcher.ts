import type {Token} from '../parse/tokens.js'
import {isNumber} from '../parse/tokens.js'
import type {Element} from './pattern.js'
import {classId} from './class-ids.js'
import {SearchStates} from './search-states.js'

export interface SerializedMatcher {
  /** [label, from node, to node]: the edges other than word and stem edges. */
  edges: Array<[string, number, number]>
  /** The word and stem edges as the matcher keeps them (WordEdges), so loading copies arrays. */
  words: {labels: string[]; from: number[]; label: number[]; child: number[]; lenient: number[]}
  ends: Array<[number, number]>
  lenient: string[]
  nodes: number
}

/** A phrase found in a run of tokens: tokens [start, end) matched pattern of `ref`. */
export interface Match<R> {
  ref: R
  start: number
  end: number
}

/**
 * Whether a class edge from the root leads to a span starting at `start`. Asked at every
 * token: the classes that start there (few) are looked up among the root's class edges (many,
 * in a matcher whose patterns open with classes), not each edge's class in the spans.
 */
function startsWithClass(rootClasses: Uint8Array, ids: readonly number[] | undefined): boolean {
  if (ids === undefined) return false
  for (let k = 0; k < ids.length; k++) if (ids[k] < rootClasses.length && rootClasses[ids[k]] === 1) return true
  return false
}

/** A class edge: the class (classId), the node it leads to, and whether it may cross punctuation. */
interface ClassEdge {
  id: number
  child: number
  lenient: boolean
}

/** The class edges leaving one node. */
interface ClassEdges {
  list: ClassEdge[]
  byId: Map<number, ClassEdge>
  /**
   * For a node of many class edges (the root of a matcher whose patterns open with classes),
   * the same by classId as an array: asked at nearly every token.
   */
  dense?: Array<ClassEdge | undefined>
}

/**
 * Which matches a search keeps: those of refs whose key (keyOf, a function that stays the same
 * from call to call) is one of `keys`.
 */
export interface Keep<R> {
  keyOf: (ref: R) => unknown
  keys: ReadonlySet<unknown>
}

/** Refs ending at one node above which a search with Keep looks them up by key instead of testing each. */
const MANY_REFS = 8

/** Class edges above which a node keeps them in an array by classId. */
const HUB_CLASS_EDGES = 8

/**
 * What the matcher needs of a token: the ids of its stem, its lemma's stem and its word among
 * the matcher's labels (-1: no edge has that label), and whether it is a number.
 */
interface TokenEdges {
  stem: number
  /** By the stem of its lemma, for an irregular form (shrank -> shrink); usually -1. */
  lemma: number
  word: number
  number: boolean
  /** The nodes its stem, word or number edges lead to from the root (most words: none). */
  roots: readonly number[]
}

/**
 * The word and stem edges of the trie, by the node they leave, in flat arrays: edges of node n
 * are from[n] .. from[n + 1], in order of label id. Most nodes have a few edges, and comparing
 * a token's label ids with them is faster than a hash lookup in a map per label keyed by node
 * (the map of a common word would hold an entry for each of thousands of nodes). Nodes with
 * many edges are searched by halves; the root, asked at every token by every matcher, has a
 * table by label id.
 */
interface WordEdges {
  ids: Map<string, number>
  from: Int32Array
  label: Int32Array
  child: Int32Array
  lenient: Uint8Array
  /** The root's edge of each label id, or -1. */
  root: Int32Array
}

/** Out-degree above which a node's edges are searched by halves instead of scanned. */
const HUB_EDGES = 12

const key = (e: Element): string =>
  e.kind === 'stem' ? `s:${e.value}` : e.kind === 'word' ? `w:${e.value}` : e.kind === 'class' ? `c:${e.value}` : e.kind === 'num' ? '#' : e.kind === 'name' ? 'N' : '*'

/**
 * Where the members of word classes stand in a run of tokens: the ends of the spans of class
 * `name` that start at token `at` (terminology/classes.ts works them out once per sentence).
 */
export interface ClassSpans {
  ends(name: string, at: number): readonly number[]
  /** Every span by the token it starts at, as the matcher reads them at each step of a search. */
  table(): SpanTable
  /** Every span of class `name` as [start, end), by start, then as `ends` gives them. */
  spansOf(name: string): ReadonlyArray<readonly [number, number]>
}

/**
 * Puts each node's edges in order of label id (the build places them so; a stored matcher is
 * checked) and fills the root's table.
 */
function indexEdges(words: WordEdges, nodes: number): void {
  for (let node = 0; node < nodes; node++) {
    const start = words.from[node]
    const end = words.from[node + 1]
    let sorted = true
    for (let k = start + 1; k < end && sorted; k++) sorted = words.label[k - 1] < words.label[k]
    if (sorted) continue
    const order = Array.from({length: end - start}, (_, i) => start + i).sort((a, b) => words.label[a] - words.label[b])
    const label = order.map((k) => words.label[k])
    const child = order.map((k) => words.child[k])
    const lenient = order.map((k) => words.lenient[k])
    words.label.set(label, start)
    words.child.set(child, start)
    words.lenient.set(lenient, start)
  }
  words.root = new Int32Array(words.ids.size).fill(-1)
  if (nodes > 0) for (let k = words.from[0]; k < words.from[1]; k++) words.root[words.label[k]] = k
}

/** The index of the edge labelled `id` leaving `node`, or -1. */
function edgeOf(words: WordEdges, node: number, id: number): number {
  if (node === 0) return words.root[id]
  let lo = words.from[node]
  let hi = words.from[node + 1]
  const label = words.label
  if (hi - lo <= HUB_EDGES) {
    for (; lo < hi; lo++) if (label[lo] === id) return lo
    return -1
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const at = label[mid]
    if (at === id) return mid
    if (at < id) lo = mid + 1
    else hi = mid
  }
  return -1
}

/** Slots for matchers' answers on a word: the built-in set has nine matchers. */
const WORD_SLOTS = 16
let nextSlot = 0

/** Node flags: a phrase ends at the node; a gap, class or name edge leaves it; a number edge leaves it. */
const ENDS = 1
const OPEN = 2
const NUMBER = 4
const NAME = 8
const GAP = 16

/**
 * Class spans by start token: ids[at] are the classes (classId) with a span starting at token
 * `at`, in the order found, and ends[at][k] the ends of those of class ids[at][k]; undefined
 * where none starts.
 */
export interface SpanTable {
  ids: ReadonlyArray<readonly number[] | undefined>
  ends: ReadonlyArray<ReadonlyArray<readonly number[]> | undefined>
}

const NO_TABLE: SpanTable = {ids: [], ends: []}

/** No class spans: for matchers whose patterns name no class. */
export const NO_CLASSES: ClassSpans = {ends: () => [], table: () => NO_TABLE, spansOf: () => []}

/** Puts the matches of one start (parallel arrays, `count` long) longest first, keeping the search's order among equals. */
function longestFirst<R>(refs: R[], ends: number[], count: number): void {
  for (let k = 1; k < count; k++) {
    const end = ends[k]
    if (end <= ends[k - 1]) continue
    const ref = refs[k]
    let j = k - 1
    for (; j >= 0 && ends[j] < end; j--) {
      ends[j + 1] = ends[j]
      refs[j + 1] = refs[j]
    }
    ends[j + 1] = end
    refs[j + 1] = ref
  }
}

/**
 * All phrase patterns of a terminology set in one trie over tokens: a sentence is matched
 * once for every entry (not one pass per entry), and, the trie minimized into a DAG (see
 * minimize), the work per start token is bounded by the patterns' length and not by their
 * number of phrasings, so matching is linear in the text. Nodes are integers, so tens of
 * thousands of phrasings cost a few MB, not a Map per node.
 */
export class PhraseMatcher<R> {
  /** Edge label ("s:stem", "w:word", "#", "*") -> from node -> to node. A token looks up its
   * labels once; most labels have no edge at all, so most tokens cost two Map misses. */
  private readonly edges = new Map<string, Map<number, number>>()
  private ends: R[][] = [[]]
  /** Edges that may cross punctuation: gaps, and the word right after a gap. */
  private lenient = new Set<string>()
  private size = 1
  /** Nodes more than one edge leads to (after minimize): a match visits each once per position. */
  private shared = new Uint8Array(1)

  add(sequence: Element[], ref: R): void {
    this.assertBuilding()
    this.byKind = undefined
    this.byWord.clear()
    this.epoch = {}
    let node = 0
    for (const element of sequence) {
      const label = key(element)
      let from = this.edges.get(label)
      if (!from) this.edges.set(label, (from = new Map()))
      let child = from.get(node)
      if (child === undefined) {
        child = this.size++
        this.ends.push([])
        from.set(node, child)
      }
      if (element.afterGap || element.kind === 'any') this.lenient.add(`${node}|${label}`)
      node = child
    }
    if (!this.ends[node].includes(ref)) this.ends[node].push(ref)
  }

  /**
   * Every match in `tokens`, in order of start then length (longest first). With `keep`, only
   * the matches of the refs it keeps: a caller that asks about a few entries does not get a
   * Match for every entry that shares a common pattern ("may", "your doctor"). Among matches of
   * the same start and end, those of one key keep their order (not those of different keys).
   */
  match(tokens: readonly Token[], classes: ClassSpans = NO_CLASSES, keep?: Keep<R>): Match<R>[] {
    const out: Match<R>[] = []
    this.forEachMatch(tokens, classes, keep, (ref, start, end) => out.push({ref, start, end}))
    return out
  }

  /**
   * The matches of match(), in the same order, handed to `visit` one by one: the word classes
   * fill their table from them without a Match object each (there are more class spans than
   * tokens).
   */
  forEachMatch(tokens: readonly Token[], classes: ClassSpans, keep: Keep<R> | undefined, visit: (ref: R, start: number, end: number) => void): void {
    const any = this.edges.get('*')
    const name = this.edges.get('N')
    const anyFromRoot = any?.has(0) === true
    // Each token's edges, looked up once for every start position; most words have none.
    // The arrays are the matcher's own, reused from sentence to sentence (less garbage).
    const {stack, infos, foundRefs, foundEnds} = this.scratch
    const n = tokens.length
    for (let i = 0; i < n; i++) infos[i] = this.edgesOf(tokens[i])
    const kinds = (this.byKind ??= this.splitByKind())
    const byClass = kinds.classesAt
    const shared = this.shared
    const classFromRoot = kinds.rootClasses
    const hasClassFromRoot = kinds.hasRootClasses
    const words = kinds.words
    const nameFromRoot = name?.has(0) === true
    const visited = (kinds.states ??= new SearchStates(this.size))
    // Read at every step: the arrays themselves, not a call per question.
    const spans = kinds.classes.size > 0 ? classes.table() : NO_TABLE
    const spanIds = spans.ids
    const spanEnds = spans.ends
    for (let start = 0; start < n; start++) {
      // A phrase can only start where an edge leaves the root, and most starts (common words
      // that open some pattern) end at the next token: the search is skipped for those.
      if (
        !anyFromRoot &&
        !this.startsHere(infos[start].roots, start + 1, n) &&
        !(hasClassFromRoot && startsWithClass(classFromRoot, spanIds[start])) &&
        !(nameFromRoot && tokens[start].norm.capital)
      )
        continue
      let found = 0
      visited.next()
      stack.push(0, start)
      while (stack.length) {
        const at = stack.pop()!
        const node = stack.pop()!
        if (shared[node] === 1 && !visited.enter(node, at)) continue
        if (at > start) {
          const refs = this.ends[node]
          if (keep === undefined) {
            for (let k = 0; k < refs.length; k++) {
              foundRefs[found] = refs[k]
              foundEnds[found++] = at
            }
          } else if (refs.length > MANY_REFS && keep.keys.size < refs.length) {
            // A pattern many entries share: the few keys asked for, looked up.
            const byKey = this.refsByKey(kinds, node, keep.keyOf)
            for (const key of keep.keys) {
              const mine = byKey.get(key)
              if (mine === undefined) continue
              for (let k = 0; k < mine.length; k++) {
                foundRefs[found] = mine[k]
                foundEnds[found++] = at
              }
            }
          } else {
            for (let k = 0; k < refs.length; k++) {
              if (!keep.keys.has(keep.keyOf(refs[k]))) continue
              foundRefs[found] = refs[k]
              foundEnds[found++] = at
            }
          }
        }
        if (at >= n) continue
        const token = tokens[at]
        const info = infos[at]
        // Punctuation before a token ends the phrase, except across a `...` gap.
        const blocked = at > start && token.breakBefore
        // The common case inline: the token's own edges, nothing blocking.
        const byStem = info.stem < 0 ? -1 : edgeOf(words, node, info.stem)
        if (byStem >= 0 && (!blocked || words.lenient[byStem] === 1)) stack.push(words.child[byStem], at + 1)
        if (info.lemma >= 0) {
          const byLemma = edgeOf(words, node, info.lemma)
          if (byLemma >= 0 && (byStem < 0 || words.child[byLemma] !== words.child[byStem]) && (!blocked || words.lenient[byLemma] === 1)) stack.push(words.child[byLemma], at + 1)
        }
        const byWord = info.word < 0 ? -1 : edgeOf(words, node, info.word)
        if (byWord >= 0 && (!blocked || words.lenient[byWord] === 1)) stack.push(words.child[byWord], at + 1)
        // Number, name and gap edges by node, with whether punctuation may come before them.
        if (info.number) {
          const child = kinds.numberChild[node]
          if (child >= 0 && (!blocked || (kinds.lenientOther[node] & NUMBER) !== 0)) stack.push(child, at + 1)
        }
        if (name && token.norm.capital) {
          const child = kinds.nameChild[node]
          if (child >= 0 && (!blocked || (kinds.lenientOther[node] & NAME) !== 0)) stack.push(child, at + 1)
        }
        if (any) {
          const child = kinds.gapChild[node]
          if (child >= 0 && (!blocked || (kinds.lenientOther[node] & GAP) !== 0)) stack.push(child, at + 1)
        }
        const viaClass = byClass[node]
        const ids = spanIds[at]
        if (viaClass !== undefined && ids !== undefined) {
          const endsOf = spanEnds[at]!
          // From the root (and other nodes many patterns share) far more classes lead on than
          // start at a token: look up the few that start here among the node's edges instead.
          if (ids.length < viaClass.list.length) {
            const dense = viaClass.dense
            for (let k = 0; k < ids.length; k++) {
              const edge = dense === undefined ? viaClass.byId.get(ids[k]) : ids[k] < dense.length ? dense[ids[k]] : undefined
              if (edge === undefined || (blocked && !edge.lenient)) continue
              const ends = endsOf[k]
              for (let e = 0; e < ends.length; e++) stack.push(edge.child, ends[e])
            }
          } else {
            for (let k = 0; k < viaClass.list.length; k++) {
              const edge = viaClass.list[k]
              if (blocked && !edge.lenient) continue
              const i = ids.indexOf(edge.id)
              if (i < 0) continue
              const ends = endsOf[i]
              for (let e = 0; e < ends.length; e++) stack.push(edge.child, ends[e])
            }
          }
        }
      }
      if (found === 0) continue
      // Longest first; the search finds them mostly in that order already.
      longestFirst(foundRefs, foundEnds, found)
      for (let k = 0; k < found; k++) visit(foundRefs[k], start, foundEnds[k])
    }
  }

  /** The refs ending at `node` by key, made on the first search with Keep that ends there. */
  private refsByKey(kinds: NonNullable<PhraseMatcher<R>['byKind']>, node: number, keyOf: (ref: R) => unknown): ReadonlyMap<unknown, readonly R[]> {
    if (kinds.byKey?.keyOf !== keyOf) kinds.byKey = {keyOf, nodes: []}
    let byKey = kinds.byKey.nodes[node]
    if (byKey === undefined) {
      byKey = new Map<unknown, R[]>()
      for (const ref of this.ends[node]) {
        const key = keyOf(ref)
        const list = byKey.get(key)
        if (list) list.push(ref)
        else byKey.set(key, [ref])
      }
      kinds.byKey.nodes[node] = byKey
    }
    return byKey
  }

  private readonly scratch = {
    stack: [] as number[],
    infos: [] as TokenEdges[],
    /** The matches of the current start: their refs and ends. */
    foundRefs: [] as R[],
    foundEnds: [] as number[],
  }

  /** Whether a search from any of `roots` (the nodes a token leads to from the root) can find something. */
  private startsHere(roots: readonly number[], next: number, length: number): boolean {
    for (let k = 0; k < roots.length; k++) if (this.goesOn(roots[k], next, length)) return true
    return false
  }

  /**
   * Whether a phrase can end at `node` or go on from it with the token at `next` (by any of its
   * edges or a gap, punctuation aside): false means a search from `node` finds nothing. Reads
   * the token's edges as match() filled them.
   */
  private goesOn(node: number, next: number, length: number): boolean {
    const kinds = (this.byKind ??= this.splitByKind())
    const flags = kinds.flags[node]
    if ((flags & ENDS) !== 0) return true
    if (next >= length) return false
    // A gap, class or name edge may go on: the search decides (few nodes have one).
    if ((flags & OPEN) !== 0) return true
    const info = this.scratch.infos[next]
    const words = kinds.words
    return (
      (info.stem >= 0 && edgeOf(words, node, info.stem) >= 0) ||
      (info.lemma >= 0 && edgeOf(words, node, info.lemma) >= 0) ||
      (info.word >= 0 && edgeOf(words, node, info.word) >= 0) ||
      (info.number && (flags & NUMBER) !== 0)
    )
  }

  /**
   * A token's edge maps, by its word: its stem is a function of the word (normalizeWord), so
   * one lookup per token answers for both, and for whether it is a number. Cleared when the
   * edges change, and bounded like the other per-word caches.
   */
  private edgesOf(token: Token): TokenEdges {
    // Kept on the token's shared normalised word for the last matcher that asked (the built-in
    // finds, for nearly every sentence): no lookup by text at all.
    const norm = token.norm
    const slot = this.slot
    if (norm.seenBy[slot] === this.epoch) return norm.edges[slot] as TokenEdges
    let edges = this.byWord.get(token.word)
    if (!edges) {
      if (this.byWord.size > 50_000) this.byWord.clear()
      const number = this.edges.has('#') && isNumber(token.word)
      const words = (this.byKind ??= this.splitByKind()).words
      const stem = words.ids.get(`s:${token.stem}`) ?? -1
      const lemma = token.norm.lemmaStem === undefined ? -1 : (words.ids.get(`s:${token.norm.lemmaStem}`) ?? -1)
      const word = words.ids.get(`w:${token.word}`) ?? -1
      // The nodes this word leads to from the root: where a phrase can start with it.
      const roots: number[] = []
      for (const id of [stem, lemma, word]) {
        const edge = id < 0 ? -1 : edgeOf(words, 0, id)
        if (edge >= 0) roots.push(words.child[edge])
      }
      const byNumber = number ? this.edges.get('#')?.get(0) : undefined
      if (byNumber !== undefined) roots.push(byNumber)
      this.byWord.set(token.word, (edges = {stem, lemma, word, number, roots}))
    }
    norm.seenBy[slot] = this.epoch
    norm.edges[slot] = edges
    return edges
  }

  /**
   * Where this matcher keeps its answers on a word (Normalized.seenBy and edges): a few matchers
   * read every sentence, each in its own slot; more (a writer's layers, tests compiling many
   * sets) share slots, and a matcher whose slot another took looks the word up again.
   */
  private readonly slot = nextSlot++ % WORD_SLOTS

  private byWord = new Map<string, TokenEdges>()
  /** Replaced whenever the edges change, so answers kept on words for an older trie are not used. */
  private epoch = {}

  private byKind?: {
    words: WordEdges
    classes: Map<number, ClassEdges>
    /** The same, by node: read at every step of a search. */
    classesAt: Array<ClassEdges | undefined>
    /** Per node: ENDS, OPEN, NUMBER (see goesOn). */
    flags: Uint8Array
    /** The node the number, name and gap edge of each node leads to, or -1. */
    numberChild: Int32Array
    nameChild: Int32Array
    gapChild: Int32Array
    /** Per node: NUMBER, NAME, GAP when that edge may cross punctuation. */
    lenientOther: Uint8Array
    /** By classId: 1 for the classes of the edges that leave the root. */
    rootClasses: Uint8Array
    hasRootClasses: boolean
    /** The refs of nodes that end many, by key (refsByKey). */
    byKey?: {keyOf: (ref: R) => unknown; nodes: Array<Map<unknown, R[]> | undefined>}
    /** The states of the current search (made on the first search: a matcher only built never needs them). */
    states?: SearchStates
    /** The `<Name>` edges. */
    names: Map<number, number> | undefined
  }

  /** Word edges as loaded from dist/terminology.json: the trie of a loaded matcher is read-only. */
  private loadedWords?: WordEdges

  private assertBuilding(): void {
    if (this.loadedWords) throw new Error('oncolint: a loaded phrase matcher cannot be changed')
  }

  private splitByKind(): NonNullable<PhraseMatcher<R>['byKind']> {
    const classes = new Map<number, ClassEdges>()
    for (const [label, edges] of this.edges) {
      if (label.startsWith('c:')) {
        for (const [node, child] of edges) {
          let list = classes.get(node)
          if (!list) classes.set(node, (list = {list: [], byId: new Map()}))
          const edge = {id: classId(label.slice(2)), child, lenient: this.lenient.has(`${node}|${label}`)}
          list.list.push(edge)
          list.byId.set(edge.id, edge)
        }
      }
    }
    for (const edges of classes.values()) {
      if (edges.list.length <= HUB_CLASS_EDGES) continue
      const dense: Array<ClassEdge | undefined> = new Array<ClassEdge | undefined>(edges.list.reduce((most, e) => Math.max(most, e.id + 1), 0)).fill(undefined)
      for (const e of edges.list) dense[e.id] = e
      edges.dense = dense
    }
    const words = this.loadedWords ?? this.wordEdgesOfTrie()
    const classesAt: Array<ClassEdges | undefined> = new Array<ClassEdges | undefined>(this.size).fill(undefined)
    for (const [node, edges] of classes) classesAt[node] = edges
    const flags = new Uint8Array(this.size)
    for (let node = 0; node < this.size; node++) if (this.ends[node].length > 0) flags[node] |= ENDS
    for (const label of ['*', 'N']) for (const node of this.edges.get(label)?.keys() ?? []) flags[node] |= OPEN
    for (const node of classes.keys()) flags[node] |= OPEN
    for (const node of this.edges.get('#')?.keys() ?? []) flags[node] |= NUMBER
    const lenientOther = new Uint8Array(this.size)
    const childrenBy = (label: string, bit: number): Int32Array => {
      const out = new Int32Array(this.size).fill(-1)
      for (const [node, child] of this.edges.get(label) ?? []) {
        out[node] = child
        if (this.lenient.has(`${node}|${label}`)) lenientOther[node] |= bit
      }
      return out
    }
    const numberChild = childrenBy('#', NUMBER)
    const nameChild = childrenBy('N', NAME)
    const gapChild = childrenBy('*', GAP)
    const fromRoot = classes.get(0)?.list ?? []
    const rootClasses = new Uint8Array(fromRoot.reduce((most, e) => Math.max(most, e.id + 1), 0))
    for (const e of fromRoot) rootClasses[e.id] = 1
    return {words, classes, classesAt, flags, numberChild, nameChild, gapChild, lenientOther, rootClasses, hasRootClasses: fromRoot.length > 0, names: this.edges.get('N')}
  }

  /** The word and stem edges of the trie being built, in the flat arrays the search reads. */
  private wordEdgesOfTrie(): WordEdges {
    const ids = new Map<string, number>()
    // Built at start-up for every matcher: two passes over the edges into flat arrays (count
    // each node's edges, then place them), no list per node.
    const from = new Int32Array(this.size + 1)
    for (const [label, edges] of this.edges) {
      if (!label.startsWith('s:') && !label.startsWith('w:')) continue
      ids.set(label, ids.size)
      for (const node of edges.keys()) from[node + 1]++
    }
    for (let node = 0; node < this.size; node++) from[node + 1] += from[node]
    const count = from[this.size]
    const words: WordEdges = {ids, from, label: new Int32Array(count), child: new Int32Array(count), lenient: new Uint8Array(count), root: new Int32Array(0)}
    const next = from.slice(0, this.size)
    for (const [label, edges] of this.edges) {
      const id = ids.get(label)
      if (id === undefined) continue
      for (const [node, child] of edges) {
        const k = next[node]++
        words.label[k] = id
        words.child[k] = child
      }
    }
    for (const key of this.lenient) {
      const bar = key.indexOf('|')
      const id = ids.get(key.slice(bar + 1))
      if (id === undefined) continue
      const node = Number(key.slice(0, bar))
      for (let k = from[node]; k < from[node + 1]; k++) if (words.label[k] === id) words.lenient[k] = 1
    }
    indexEdges(words, this.size)
    return words
  }

  /** The classes the patterns name, so a loader can check they exist. */
  classNames(): string[] {
    return [...this.edges.keys()].filter((l) => l.startsWith('c:')).map((l) => l.slice(2))
  }

  /**
   * Merges nodes that end the same refs and lead by the same edges to the same nodes, once
   * every pattern is added: the trie becomes a DAG. Expanded gaps and alternatives repeat the
   * rest of their pattern after every choice ("x ... x ... x" is 25 phrasings sharing one
   * ending), and on text that fits all of them ("x x x x ...") a trie walked every copy from
   * every start, so one long pattern of a writer's slowed every word. Merged, each node is
   * visited once per position, so the work per start is bounded by the pattern's length,
   * not by its number of phrasings.
   */
  minimize(): void {
    this.assertBuilding()
    const children: Array<Array<[string, number]>> = Array.from({length: this.size}, () => [])
    for (const [label, from] of this.edges) for (const [node, child] of from) children[node].push([label, child])
    const refIds = new Map<R, number>()
    const idOf = (ref: R): number => refIds.get(ref) ?? (refIds.set(ref, refIds.size), refIds.size - 1)
    const canonical = new Int32Array(this.size)
    const bySignature = new Map<string, number>()
    // Children are made after their parent, so a descending walk sees every child first.
    for (let node = this.size - 1; node >= 0; node--) {
      const edges = children[node].map(([label, child]) => `${label}${this.lenient.has(`${node}|${label}`) ? '!' : ''}>${canonical[child]}`).sort()
      const signature = `${this.ends[node].map(idOf).join(',')}|${edges.join('|')}`
      const known = bySignature.get(signature)
      if (known !== undefined && node !== 0) canonical[node] = known
      else bySignature.set(signature, (canonical[node] = node))
    }
    // Number the nodes that remain 0..n-1 (the root stays 0) and rebuild the edges between them.
    const renumber = new Map<number, number>()
    for (let node = 0; node < this.size; node++) if (canonical[node] === node) renumber.set(node, renumber.size)
    const edges = new Map<string, Map<number, number>>()
    const lenient = new Set<string>()
    const ends: R[][] = []
    const inbound = new Int32Array(renumber.size)
    for (const [node, id] of renumber) {
      ends[id] = this.ends[node]
      for (const [label, child] of children[node]) {
        const to = renumber.get(canonical[child])!
        let from = edges.get(label)
        if (!from) edges.set(label, (from = new Map()))
        from.set(id, to)
        inbound[to]++
        if (this.lenient.has(`${node}|${label}`)) lenient.add(`${id}|${label}`)
      }
    }
    this.edges.clear()
    for (const [label, from] of edges) this.edges.set(label, from)
    this.byKind = undefined
    this.byWord.clear()
    this.epoch = {}
    this.ends = ends
    this.lenient = lenient
    this.size = renumber.size
    this.shared = Uint8Array.from(inbound, (n) => Number(n > 1))
  }

  /** The trie as plain data, with refs turned into numbers by `refId` (stored by the build). */
  serialize(refId: (ref: R) => number): SerializedMatcher {
    const isWord = (label: string): boolean => label.startsWith('s:') || label.startsWith('w:')
    const edges: Array<[string, number, number]> = []
    for (const [label, from] of this.edges) if (!isWord(label)) for (const [node, child] of from) edges.push([label, node, child])
    const words = (this.byKind ??= this.splitByKind()).words
    const labels: string[] = []
    for (const [label, id] of words.ids) labels[id] = label
    const lenient: number[] = []
    words.lenient.forEach((flag, k) => flag && lenient.push(k))
    return {
      edges,
      words: {labels, from: [...words.from], label: [...words.label], child: [...words.child], lenient},
      ends: this.ends.flatMap((refs, node) => refs.map((ref) => [node, refId(ref)] as [number, number])),
      lenient: [...this.lenient].filter((key) => !isWord(key.slice(key.indexOf('|') + 1))),
      nodes: this.size,
    }
  }

  static deserialize<R>(data: SerializedMatcher, refOf: (id: number) => R): PhraseMatcher<R> {
    const m = new PhraseMatcher<R>()
    for (const [label, node, child] of data.edges) {
      let from = m.edges.get(label)
      if (!from) m.edges.set(label, (from = new Map()))
      from.set(node, child)
    }
    m.size = data.nodes
    for (let i = 1; i < data.nodes; i++) m.ends.push([])
    for (const [node, id] of data.ends) m.ends[node].push(refOf(id))
    for (const edge of data.lenient) m.lenient.add(edge)
    const {labels, from, label, child, lenient} = data.words
    const words: WordEdges = {ids: new Map(labels.map((l, id) => [l, id])), from: Int32Array.from(from), label: Int32Array.from(label), child: Int32Array.from(child), lenient: new Uint8Array(label.length), root: new Int32Array(0)}
    for (const k of lenient) words.lenient[k] = 1
    indexEdges(words, data.nodes)
    m.loadedWords = words
    const inbound = new Int32Array(data.nodes)
    for (const [, , to] of data.edges) inbound[to]++
    for (const to of child) inbound[to]++
    m.shared = Uint8Array.from(inbound, (n) => Number(n > 1))
    return m
  }
}
