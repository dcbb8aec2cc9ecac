import {createHash} from 'node:crypto'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {basename, join, relative} from 'node:path'
import {Ajv, type ValidateFunction} from 'ajv'
import {LineCounter, parseDocument} from 'yaml'
import {contentStamp} from '../content-stamp.js'
import {readTerminologyFile} from '../data-file.js'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {setSpellingMap} from '../parse/tokens.js'
import {wordNet} from '../spun/wordnet.js'
import {ClassIndex, type WordClass} from './classes.js'
import {NumeralIndex, type Numerals} from './numerals.js'
import type {Entry} from './entry.js'
import type {SerializedMatcher} from './matcher.js'
import {PhrasingBudget, Terminology, compileMatchers, deserializePair, serializePair, type SerializedPair} from './terminology.js'

/** WordNet's synonyms of a word, for class members that ask for them (`~word`); none without WordNet. */
const classSynonyms = (word: string): readonly string[] => [...(wordNet()?.synonyms(word) ?? [])]

const validators = new Map<string, ValidateFunction>()

function schemaValidator(name = 'schema.json'): ValidateFunction {
  let validate = validators.get(name)
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'terminology', name), 'utf8'))
    validators.set(name, (validate = new Ajv({allErrors: false, strict: false}).compile(schema)))
  }
  return validate
}

/** Data beside the entry files (British spellings, number words, the spun-term detector's standard terms); word classes are in terminology/classes/. */
const NOT_ENTRIES = new Set(['spelling.yaml', 'numbers.yaml', 'standard-terms.yaml'])

/** Parses YAML keeping positions, so every complaint can name a line. */
export function readYaml(file: string, text: string): {value: unknown; lineOf: (path: (string | number)[]) => number} {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length) {
    const err = doc.errors[0]
    throw new DataFileError(file, lineCounter.linePos(err.pos[0]).line, err.message.split('\n')[0])
  }
  const lineOf = (path: (string | number)[]): number => {
    // A key is reported where the key stands, not where its value starts (the next line for a map).
    const parent = path.length ? (doc.getIn(path.slice(0, -1), true) as {items?: Array<{key?: {value?: unknown; range?: [number, number, number]}}>} | undefined) : undefined
    const pair = parent?.items?.find((item) => item.key?.value === path[path.length - 1])
    if (pair?.key?.range) return lineCounter.linePos(pair.key.range[0]).line
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as {range?: [number, number, number]} | undefined
      if (node?.range) return lineCounter.linePos(node.range[0]).line
    }
    return 1
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (e) {
    // yaml refuses aliases that expand without bound ("billion laughs"): a data error like any other.
    throw new DataFileError(file, 1, (e as Error).message)
  }
  return {value, lineOf}
}

/** Reads and validates terminology files against terminology/schema.json. */
export function readEntries(file: string, text = readTerminologyFile(file)): Entry[] {
  const {value, lineOf} = validated(file, text, 'schema.json')
  return ((value ?? []) as Omit<Entry, 'file' | 'line'>[]).map((e, i) => ({...e, file, line: lineOf([i])}))
}

/** Reads and validates a file of terminology/classes/ against terminology/classes/schema.json. */
export function readClasses(file: string, text = readFileSync(file, 'utf8')): WordClass[] {
  const {value, lineOf} = validated(file, text, 'classes/schema.json')
  return ((value ?? []) as Array<Omit<WordClass, 'file' | 'line' | 'name'> & {class: string}>).map(({class: name, ...c}, i) => ({name, ...c, file, line: lineOf([i])}))
}

/** Reads and validates terminology/numbers.yaml against terminology/numbers.schema.json. */
export function readNumerals(file: string, text = readFileSync(file, 'utf8')): Numerals {
  return validated(file, text, 'numbers.schema.json').value as Numerals
}

/** YAML parsed and checked against a schema of terminology/; a complaint names file and line. */
export const validateAgainst = (file: string, text: string, schema: string): ReturnType<typeof readYaml> => validated(file, text, schema)

function validated(file: string, text: string, schema: string): ReturnType<typeof readYaml> {
  const parsed = readYaml(file, text)
  const {value, lineOf} = parsed
  const check = schemaValidator(schema)
  if (!check(value ?? [])) {
    const err = check.errors![0]
    const path = err.instancePath.split('/').slice(1).map((p: string) => (/^\d+$/.test(p) ? Number(p) : p))
    const where = err.instancePath ? `${err.instancePath.slice(1).replace(/\//g, '.')} ` : ''
    const unknown = err.keyword === 'additionalProperties' ? (err.params as {additionalProperty: string}).additionalProperty : undefined
    // A value outside a closed list (an entry's rule) names the list, so the fix is on the line.
    const allowed = err.keyword === 'enum' ? (err.params as {allowedValues: unknown[]}).allowedValues : undefined
    const extra = unknown !== undefined ? ` (${unknown})` : allowed !== undefined ? `: ${allowed.join(', ')}` : ''
    // An unknown key is named at its own line, not at the line of the entry holding it.
    throw new DataFileError(file, lineOf(unknown !== undefined ? [...path, unknown] : path), `${where}${err.message}${extra}`.trim())
  }
  return parsed
}

function builtinFiles(): string[] {
  const dir = join(packageRoot(), 'terminology')
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !NOT_ENTRIES.has(f))
    .sort()
    .map((f) => join(dir, f))
}

function readSpelling(): Record<string, string> {
  const file = join(packageRoot(), 'terminology', 'spelling.yaml')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  const {value} = readYaml(file, text)
  return Object.fromEntries(Object.entries((value ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()]))
}

/** The built-in set as data: what `npm run build` stores in dist/terminology.json. */
export interface CompiledTerminology {
  /** Names, sizes and mtimes of the YAML files it was made from: stale when they change. */
  stamp: string
  version: string
  spelling: Record<string, string>
  entries: Entry[]
  classes: WordClass[]
  /** Numbers written as words (terminology/numbers.yaml). */
  numerals: Numerals
  /** The compiled phrase tries (finds, unless), so loading does not expand every pattern again. */
  matchers?: SerializedPair
  /** Phrasings the tries stand for: what a writer's files add to (see PhrasingBudget). */
  phrasings?: number
  /** The compiled class tries. */
  classLevels?: SerializedMatcher[]
}

/** terminology/classes/*.yaml, in name order. */
function classFiles(): string[] {
  const dir = join(packageRoot(), 'terminology', 'classes')
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f))
}

const numeralsFile = (): string => join(packageRoot(), 'terminology', 'numbers.yaml')

function sourceFiles(): string[] {
  return [...builtinFiles(), join(packageRoot(), 'terminology', 'spelling.yaml'), numeralsFile(), ...classFiles()]
}


/** Reads and validates the shipped YAML files (the slow path, and what the build stores). */
export function compileBuiltin(): CompiledTerminology {
  const files = builtinFiles()
  const hash = createHash('sha256')
  const entries: Entry[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    hash.update(basename(file)).update('\0').update(text).update('\0')
    entries.push(...readEntries(file, text).map((e) => ({...e, file: relative(packageRoot(), e.file)})))
  }
  const spelling = readSpelling()
  hash.update(JSON.stringify(spelling))
  const classes: WordClass[] = []
  for (const file of classFiles()) {
    const text = readFileSync(file, 'utf8')
    hash.update(`classes/${basename(file)}`).update('\0').update(text).update('\0')
    classes.push(...readClasses(file, text).map((c) => ({...c, file: relative(packageRoot(), c.file)})))
  }
  const numeralsText = readFileSync(numeralsFile(), 'utf8')
  hash.update('numbers.yaml').update('\0').update(numeralsText).update('\0')
  const numerals = readNumerals(numeralsFile(), numeralsText)
  return {stamp: contentStamp(sourceFiles()), version: hash.digest('hex').slice(0, 16), spelling, entries, classes, numerals}
}

/** The compiled set with its trie, for dist/terminology.json. */
export function compileBuiltinWithMatcher(): CompiledTerminology {
  const compiled = compileBuiltin()
  setSpellingMap(new Map(Object.entries(compiled.spelling)))
  const classes = ClassIndex.compile(compiled.classes, classSynonyms)
  const budget = new PhrasingBudget(false)
  const matchers = compileMatchers(compiled.entries, classes, budget)
  return {...compiled, matchers: serializePair(matchers, compiled.entries), phrasings: budget.total, classLevels: classes.serialize().levels}
}

/**
 * dist/terminology.json when it was built from the YAML files as they are now, so a server
 * or CLI starts without parsing YAML; the YAML itself otherwise (tests, edited data).
 */
function loadCompiled(): CompiledTerminology {
  try {
    const compiled = JSON.parse(readFileSync(join(packageRoot(), 'dist', 'terminology.json'), 'utf8')) as CompiledTerminology
    // Without its phrasing count the stored set is from an older build: read the YAML.
    if (compiled.stamp === contentStamp(sourceFiles()) && typeof compiled.phrasings === 'number') return compiled
  } catch {
    // not built yet, or unreadable: read the YAML
  }
  return compileBuiltin()
}

let builtin: Terminology | undefined

/** The terminology set shipped with oncolint, loaded once per process. */
export function builtinTerminology(): Terminology {
  if (!builtin) {
    const compiled = loadCompiled()
    // Spelling must be set before any pattern or text is normalised.
    setSpellingMap(new Map(Object.entries(compiled.spelling)))
    const entries = compiled.entries.map((e) => ({...e, file: join(packageRoot(), e.file)}))
    const classList = compiled.classes.map((c) => ({...c, file: join(packageRoot(), c.file)}))
    const classes = compiled.classLevels ? ClassIndex.deserialize({classes: classList, levels: compiled.classLevels}) : ClassIndex.compile(classList, classSynonyms)
    const numerals = new NumeralIndex(compiled.numerals)
    if (compiled.matchers && compiled.phrasings !== undefined) {
      builtin = new Terminology(entries, [deserializePair(compiled.matchers, entries)], compiled.version, compiled.phrasings, classes, numerals)
    } else {
      const budget = new PhrasingBudget(false)
      builtin = new Terminology(entries, [compileMatchers(entries, classes, budget)], compiled.version, budget.total, classes, numerals)
    }
  }
  return builtin
}

let shippedIdentity: string | undefined

/**
 * A cheap identity of what `terminologyWith(extraFiles)` gives, for the CLI's cache key: a hash
 * of the bytes of every file in terminology/ (the YAML, and data the engine reads beside it such
 * as health-words.txt) and of the extra files, without parsing or compiling anything, so a
 * --cache run whose files are all unchanged never loads the terminology. Not the `version` of
 * the compiled set (that needs dist/terminology.json or the YAML parsed). The shipped part is
 * read once per process, as builtinTerminology() loads the set once.
 */
export function terminologyIdentity(extraFiles: readonly string[]): string {
  if (!shippedIdentity) {
    const dir = join(packageRoot(), 'terminology')
    const hash = createHash('sha256')
    // Every data file, the word classes in terminology/classes/ included.
    const names = [...readdirSync(dir).map((n) => n), ...readdirSync(join(dir, 'classes')).map((n) => `classes/${n}`)].sort()
    for (const name of names) {
      const file = join(dir, name)
      if (statSync(file).isFile()) hash.update(name).update('\0').update(readFileSync(file)).update('\0')
    }
    shippedIdentity = hash.digest('hex').slice(0, 16)
  }
  if (extraFiles.length === 0) return shippedIdentity
  const hash = createHash('sha256').update(shippedIdentity)
  // Read as terminologyWith() reads them, so a file it refuses stops the run the same way.
  for (const file of extraFiles) hash.update(file).update('\0').update(readTerminologyFile(file)).update('\0')
  return hash.digest('hex').slice(0, 16)
}

const extended = new Map<string, Terminology>()

/** The built-in set plus a writer's own files (same schema); ids must stay unique. */
export function terminologyWith(extraFiles: readonly string[]): Terminology {
  const base = builtinTerminology()
  if (extraFiles.length === 0) return base
  const sources = extraFiles.map((file) => ({file, text: readTerminologyFile(file)}))
  const hash = createHash('sha256').update(base.version)
  for (const {file, text} of sources) hash.update(file).update('\0').update(text).update('\0')
  const version = hash.digest('hex').slice(0, 16)
  let hit = extended.get(version)
  if (!hit) {
    hit = base.extend(sources.flatMap(({file, text}) => readEntries(file, text)), version)
    // A handful of distinct extra sets per process at most; keep the latest few.
    if (extended.size > 8) extended.clear()
    extended.set(version, hit)
  }
  return hit
}
