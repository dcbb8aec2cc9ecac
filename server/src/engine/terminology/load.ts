import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {Ajv, type ValidateFunction} from 'ajv'
import {LineCounter, parseDocument} from 'yaml'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {setSpellingMap} from '../parse/tokens.js'
import type {Entry} from './entry.js'
import {Terminology} from './terminology.js'

let validate: ValidateFunction | undefined

function schemaValidator(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'terminology', 'schema.json'), 'utf8'))
    validate = new Ajv({allErrors: false, strict: false}).compile(schema)
  }
  return validate
}

/** Parses YAML keeping positions, so every complaint can name a line. */
export function readYaml(file: string, text: string): {value: unknown; lineOf: (path: (string | number)[]) => number} {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length) {
    const err = doc.errors[0]
    throw new DataFileError(file, lineCounter.linePos(err.pos[0]).line, err.message.split('\n')[0])
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as {range?: [number, number, number]} | undefined
      if (node && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return 1
  }
  return {value: doc.toJS(), lineOf}
}

/** Reads and validates terminology files against terminology/schema.json. */
export function readEntries(file: string, text = readFileSync(file, 'utf8')): Entry[] {
  const {value, lineOf} = readYaml(file, text)
  const check = schemaValidator()
  if (!check(value ?? [])) {
    const err = check.errors![0]
    const path = err.instancePath.split('/').slice(1).map((p: string) => (/^\d+$/.test(p) ? Number(p) : p))
    const where = err.instancePath ? `${err.instancePath.slice(1).replace(/\//g, '.')} ` : ''
    const extra = err.keyword === 'additionalProperties' ? ` (${(err.params as {additionalProperty: string}).additionalProperty})` : ''
    throw new DataFileError(file, lineOf(path), `${where}${err.message}${extra}`.trim())
  }
  return ((value ?? []) as Omit<Entry, 'file' | 'line'>[]).map((e, i) => ({...e, file, line: lineOf([i])}))
}

function builtinFiles(): string[] {
  const dir = join(packageRoot(), 'terminology')
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'spelling.yaml')
    .sort()
    .map((f) => join(dir, f))
}

function loadSpelling(): void {
  const file = join(packageRoot(), 'terminology', 'spelling.yaml')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return
  }
  const {value} = readYaml(file, text)
  setSpellingMap(new Map(Object.entries((value ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()])))
}

let builtin: Terminology | undefined

/** The terminology set shipped with oncolint, loaded once per process. */
export function builtinTerminology(): Terminology {
  if (!builtin) {
    loadSpelling()
    const files = builtinFiles()
    builtin = compile(files.map((f) => ({file: f, text: readFileSync(f, 'utf8')})))
  }
  return builtin
}

/** The built-in set plus a writer's own files (same schema); ids must stay unique. */
export function terminologyWith(extraFiles: readonly string[]): Terminology {
  const base = builtinTerminology()
  if (extraFiles.length === 0) return base
  const extra = extraFiles.map((f) => {
    try {
      return {file: f, text: readFileSync(f, 'utf8')}
    } catch (e) {
      throw new DataFileError(f, 1, `cannot read terminology file (${(e as NodeJS.ErrnoException).code ?? e})`)
    }
  })
  return compile([...base.sources, ...extra])
}

function compile(sources: {file: string; text: string}[]): Terminology {
  const entries: Entry[] = []
  const seen = new Map<string, string>()
  const hash = createHash('sha256')
  for (const {file, text} of sources) {
    hash.update(basename(file)).update('\0').update(text).update('\0')
    for (const entry of readEntries(file, text)) {
      const prior = seen.get(entry.id)
      if (prior) throw new DataFileError(file, entry.line, `duplicate entry id "${entry.id}" (also in ${prior})`)
      seen.set(entry.id, file)
      entries.push(entry)
    }
  }
  return new Terminology(entries, sources, hash.digest('hex').slice(0, 16))
}
