/** One terminology entry, as written in terminology/*.yaml (see terminology/schema.json). */
export interface Entry {
  id: string
  rule: string
  find: string[]
  unless?: string[]
  /**
   * Patterns that must stand beside the find, in its `scope` (who makes the claim, say): one of
   * them, or, given as a list of lists, one of each list.
   */
  with?: string[] | string[][]
  /**
   * Where `with` and `unless` are looked for: the find's clause, its whole sentence (the
   * default), or (adjacent) its sentence and, for `with`, the sentence before it.
   */
  scope?: 'clause' | 'sentence' | 'adjacent' | 'page'
  /**
   * A word class whose member the find and one of its `with` matches, in the same sentence, must
   * both name: "lung cancer" is a renaming only beside a spread "to the lungs", the same organ.
   */
  same?: string
  /**
   * The find must open its sentence or its clause: an imperative ("Knock out cancer for good"),
   * a heading or a slogan, where what comes first is what the text tells the reader to do.
   */
  opens?: 'sentence' | 'clause'
  negatable?: boolean
  message: string
  prefer?: string[]
  safe?: boolean
  explain?: string
  source: string
  examples: {flag: string[]; pass: string[]}
  /** File and line the entry came from (set by the loader). */
  file: string
  line: number
}
