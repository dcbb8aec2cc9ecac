import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {Ajv, type ValidateFunction} from 'ajv'
import {DataFileError, RULES_BY_ID, isRuleGroup, packageRoot, terminologyWith, type LintConfig, type Terminology} from '../engine/index.js'
import {MAX_CONFIG_BYTES, MAX_TERMINOLOGY_BYTES, UnreadableFileError, checkRegularFile, readRegularFile} from '../engine/data-file.js'
import {readYaml} from '../engine/terminology/load.js'

import {CONFIG_NAMES} from '../../../common/config-files.js'

/** A config file after validation, with its terminology files compiled. */
export interface ResolvedConfig {
  /** The file it came from; undefined when none was found. */
  file?: string
  config: Partial<LintConfig> & {terminology?: string[]}
  /** The file says `root: true`: it marks the project's top folder. */
  root?: boolean
  /** The terminology files it adds to the built-in set, absolute (what `terminology` is compiled from). */
  terminologyFiles: readonly string[]
  terminology: Terminology
}

let validate: ValidateFunction | undefined
const cache = new Map<string, {mtimeMs: number; size: number; resolved: ResolvedConfig}>()

/**
 * Whether a config is there. Anything by that name but a folder counts (a FIFO or a link to a
 * device too), so reading it gives a clear error instead of a parent folder's config applying.
 */
function isConfig(path: string): boolean {
  try {
    // No exception for a name that is not there (the usual case): making one costs more than the stat.
    const stat = statSync(path, {throwIfNoEntry: false})
    return stat !== undefined && !stat.isDirectory()
  } catch {
    return false // unreadable folder and the like: not a config here
  }
}

/** Whether `dir` is the top of a repository: it holds .git (a folder, or a file in a worktree or submodule). */
const isRepositoryRoot = (dir: string): boolean => existsSync(join(dir, '.git'))

/** Where the search for a config ended, and why there. */
export interface ConfigSearch {
  file?: string
  /** The last folder looked in. */
  stoppedAt: string
  why: 'config file' | 'repository root (.git)' | 'file system root'
}

/**
 * The nearest .oncolintrc.* walking up from `dir`, as ESLint and markdownlint find theirs, up
 * to the repository's top folder (the first holding .git) and no further: a config in a
 * folder above the project (a shared /tmp, a home folder, a CI workspace) never applies to it.
 */
export function searchConfig(dir: string): ConfigSearch {
  for (let d = resolve(dir); ; ) {
    for (const name of CONFIG_NAMES) if (isConfig(join(d, name))) return {file: join(d, name), stoppedAt: d, why: 'config file'}
    if (isRepositoryRoot(d)) return {stoppedAt: d, why: 'repository root (.git)'}
    const up = dirname(d)
    if (up === d) return {stoppedAt: d, why: 'file system root'}
    d = up
  }
}

/** The config file that applies to files in `dir` (searchConfig). */
export const findConfigFile = (dir: string): string | undefined => searchConfig(dir).file

/**
 * Reads and checks one config file: YAML or JSON, against server/oncolintrc.schema.json,
 * plus rule ids that exist. Any problem is a DataFileError naming file and line.
 */
export function readConfigFile(file: string, options: {allowTerminology?: boolean} = {}): ResolvedConfig {
  const st = statSync(file)
  const hit = cache.get(file)
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size && options.allowTerminology !== false) return hit.resolved
  const {config, terminologyFiles, root} = readConfigData(file, options)
  const resolved: ResolvedConfig = {file, config, root, terminologyFiles, terminology: terminologyWith(terminologyFiles)}
  if (options.allowTerminology !== false) cache.set(file, {mtimeMs: st.mtimeMs, size: st.size, resolved})
  return resolved
}

/** A config file read and checked, its terminology files named but not read. */
function readConfigData(file: string, options: {allowTerminology?: boolean}): Pick<ResolvedConfig, 'config' | 'terminologyFiles' | 'root'> {
  let text: string
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).bytes.toString('utf8')
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new DataFileError(file, 1, e.reason)
    throw e
  }
  const {value, lineOf} = readYaml(file, text)
  validate ??= new Ajv({strict: false}).compile(JSON.parse(readFileSync(join(packageRoot(), 'server', 'oncolintrc.schema.json'), 'utf8')))
  const data = value ?? {}
  if (!validate(data)) {
    const err = validate.errors![0]
    const path = err.instancePath.split('/').slice(1)
    const extra = err.keyword === 'additionalProperties' ? `: "${(err.params as {additionalProperty: string}).additionalProperty}"` : ''
    // An unknown key is reported on its own line, not on its parent's.
    const at = err.keyword === 'additionalProperties' ? [...path, (err.params as {additionalProperty: string}).additionalProperty] : path
    throw new DataFileError(file, lineOf(at), `${err.instancePath.slice(1).replace(/\//g, '.') || 'config'} ${err.message}${extra}`)
  }
  const {root, ...config} = data as ResolvedConfig['config'] & {root?: boolean}
  for (const id of Object.keys(config.rules ?? {})) {
    if (!RULES_BY_ID.has(id) && !isRuleGroup(id)) throw new DataFileError(file, lineOf(['rules', id]), `unknown rule "${id}" (see oncolint --list-rules)`)
  }
  // Workspace-supplied terminology is data, but an untrusted workspace may still not load it.
  const terminologyFiles = options.allowTerminology === false ? [] : (config.terminology ?? []).map((p) => resolve(dirname(file), p))
  terminologyFiles.forEach((f, i) => {
    try {
      checkRegularFile(f, MAX_TERMINOLOGY_BYTES)
    } catch (e) {
      if (e instanceof UnreadableFileError) throw new DataFileError(file, lineOf(['terminology', i]), `terminology file ${f}: ${e.reason}`)
      throw e
    }
  })
  return {config, terminologyFiles, root}
}

/** The config that applies to a file (or to text with no file, from `cwd`). */
export function configFor(path: string | undefined, cwd: string, options: {allowTerminology?: boolean} = {}): ResolvedConfig {
  const file = findConfigFile(path ? dirname(resolve(cwd, path)) : cwd)
  if (!file) return {config: {}, terminologyFiles: [], terminology: terminologyWith([])}
  return readConfigFile(file, options)
}

/**
 * configFor for one CLI run: each folder's config is looked up once (not three stats per
 * folder per file), and the terminology is compiled only when `terminology` is first read,
 * so a --cache run whose files are all cached never compiles it. The config file itself is
 * read and checked at once, as configFor does; a bad terminology file is reported when the
 * terminology is first needed (the caller reads it before linting anything). Made afresh for
 * each run: a config created or edited later is not seen by this resolver.
 */
export function configResolver(cwd: string): (path: string) => ResolvedConfig {
  const found = new Map<string, string | undefined>()
  const resolved = new Map<string | undefined, ResolvedConfig>()
  const configFileOf = (dir: string): string | undefined => {
    if (found.has(dir)) return found.get(dir)
    let file = CONFIG_NAMES.map((name) => join(dir, name)).find(isConfig)
    const up = dirname(dir)
    // Not above the repository's top folder (searchConfig).
    if (file === undefined && up !== dir && !isRepositoryRoot(dir)) file = configFileOf(up)
    found.set(dir, file)
    return file
  }
  return (path) => {
    const file = configFileOf(dirname(resolve(cwd, path)))
    let hit = resolved.get(file)
    if (!hit) {
      const {config, terminologyFiles, root} = file ? readConfigData(file, {}) : {config: {}, terminologyFiles: [], root: undefined}
      let terminology: Terminology | undefined
      hit = {file, config, root, terminologyFiles, get terminology() {
        return (terminology ??= terminologyWith(terminologyFiles))
      }}
      resolved.set(file, hit)
    }
    return hit
  }
}
