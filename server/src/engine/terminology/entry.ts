/** One terminology entry, as written in terminology/*.yaml (see terminology/schema.json). */
export interface Entry {
  id: string
  rule: string
  find: string[]
  unless?: string[]
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
