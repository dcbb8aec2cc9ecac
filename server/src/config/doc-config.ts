import {statSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {findConfigFile, readConfigFile} from './load-config.js'
import {DataFileError, builtinTerminology, terminologyWith, type LintConfig, type Terminology} from '../engine/index.js'
import {mergeConfig, settingsTerminologyFiles, type FileConfig, type Settings} from './settings.js'

/** What one document is linted with. */
export interface DocConfig {
  config: Partial<LintConfig>
  terminology: Terminology
  /** The .oncolintrc that applies, if any. */
  configFile?: string
}

export interface ConfigProblem {
  /** What failed to load (a config file, or the terminology of one): cleared when it loads again. */
  source: string
  error: DataFileError
}

type Loaded<T> = {stamp: string; value: T} | {stamp: string; error: DataFileError}

/**
 * Finds and merges the config of each document: its .oncolintrc (nearest walking up) with the
 * VS Code settings. A config that fails to load reports a problem and the last good one stays
 * in use, so a half-typed .oncolintrc does not flood the editor with findings.
 */
export class ConfigResolver {
  private files = new Map<string, Loaded<FileConfig>>()
  private goodFiles = new Map<string, FileConfig>()
  private terminologies = new Map<string, Loaded<Terminology>>()
  private goodTerminologies = new Map<string, Terminology>()

  constructor(
    /** False in an untrusted workspace: no terminology file from the workspace is read. */
    private readonly trusted: boolean,
    private readonly onProblem: (p: ConfigProblem) => void,
    private readonly onRecovered: (source: string) => void,
  ) {}

  /** Forget what was loaded (a watched file changed); the last good values stay as fallbacks. */
  reset(): void {
    this.files.clear()
    this.terminologies.clear()
  }

  resolve(path: string | undefined, folder: string, settings: Settings): DocConfig {
    const configFile = findConfigFile(path ? dirname(resolve(folder, path)) : folder)
    let file: FileConfig = {}
    if (configFile) {
      const loaded = this.load(this.files, configFile, stampOf([configFile]), () => readConfigFile(configFile, {allowTerminology: false}).config)
      file = loaded ?? this.goodFiles.get(configFile) ?? {}
      if (loaded) this.goodFiles.set(configFile, loaded)
    }
    const config = mergeConfig(settings, file)
    if (!this.trusted) return {config, terminology: builtinTerminology(), configFile}
    const fileTerms = configFile ? (file.terminology ?? []).map((p) => resolve(dirname(configFile), p)) : []
    const extra = [...new Set([...fileTerms, ...settingsTerminologyFiles(settings, folder)])]
    if (extra.length === 0) return {config, terminology: builtinTerminology(), configFile}
    const source = `terminology of ${configFile ?? folder}`
    const loaded = this.load(this.terminologies, source, stampOf(extra), () => terminologyWith(extra))
    if (loaded) this.goodTerminologies.set(source, loaded)
    return {config, terminology: loaded ?? this.goodTerminologies.get(source) ?? builtinTerminology(), configFile}
  }

  /** Loads once per version of the files (the stamp); a failure is reported on every use. */
  private load<T>(cache: Map<string, Loaded<T>>, source: string, stamp: string, read: () => T): T | undefined {
    let hit = cache.get(source)
    if (!hit || hit.stamp !== stamp) {
      try {
        hit = {stamp, value: read()}
      } catch (e) {
        if (!(e instanceof DataFileError)) throw e
        hit = {stamp, error: e}
      }
      cache.set(source, hit)
    }
    if ('error' in hit) {
      this.onProblem({source, error: hit.error})
      return undefined
    }
    this.onRecovered(source)
    return hit.value
  }
}

/** Changes whenever one of the files is written, created or deleted. */
function stampOf(files: string[]): string {
  return files
    .map((f) => {
      try {
        const st = statSync(f)
        return `${f}@${st.mtimeMs}:${st.size}`
      } catch {
        return `${f}@-`
      }
    })
    .join('\n')
}
