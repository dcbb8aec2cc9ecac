import {isAbsolute, resolve} from 'node:path'
import {DEFAULT_CONFIG, RULES_BY_ID, SEVERITY_SETTINGS, isRuleGroup, numericProblem, type LintConfig, type SeveritySetting} from '../engine/index.js'

/** The `oncolint.*` settings of VS Code (or any client answering workspace/configuration). */
export interface Settings {
  targetGrade: number
  rules: Record<string, SeveritySetting>
  /** Extra terminology files; relative paths are relative to the workspace folder. */
  terminology: string[]
  accept: string[]
  run: 'onType' | 'onSave'
}

export const DEFAULT_SETTINGS: Settings = {targetGrade: DEFAULT_CONFIG.targetGrade, rules: {}, terminology: [], accept: [], run: 'onType'}

const SEVERITY_CHOICES = `${SEVERITY_SETTINGS.slice(0, -1).join(', ')} or ${SEVERITY_SETTINGS.at(-1)}`
const isSeveritySetting = (v: unknown): v is SeveritySetting => (SEVERITY_SETTINGS as readonly unknown[]).includes(v)

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [])

/**
 * Settings as the client sent them, checked: a wrong value falls back to its default and is
 * named in `problems`, so one typo in settings.json does not stop linting.
 */
export function readSettings(raw: unknown): {settings: Settings; problems: string[]} {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const problems: string[] = []
  const settings: Settings = {...DEFAULT_SETTINGS, rules: {}, terminology: strings(r.terminology), accept: strings(r.accept)}
  if (r.targetGrade !== undefined && r.targetGrade !== null) {
    const problem = numericProblem('targetGrade', r.targetGrade)
    if (problem === undefined) settings.targetGrade = r.targetGrade as number
    else problems.push(`oncolint.${problem}`)
  }
  if (r.run === 'onSave' || r.run === 'onType') settings.run = r.run
  else if (r.run !== undefined) problems.push(`oncolint.run must be "onType" or "onSave", not ${JSON.stringify(r.run)}`)
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, severity] of Object.entries(r.rules as Record<string, unknown>)) {
      if (!RULES_BY_ID.has(id) && !isRuleGroup(id)) problems.push(`oncolint.rules: unknown rule "${id}" (see oncolint --list-rules)`)
      else if (!isSeveritySetting(severity)) problems.push(`oncolint.rules: "${id}" must be ${SEVERITY_CHOICES}`)
      else settings.rules[id] = severity
    }
  }
  return {settings, problems}
}

/** A .oncolintrc's own values, as the config loader returns them. */
export type FileConfig = Partial<LintConfig> & {terminology?: string[]}

/**
 * The merge order, documented in docs/editor.md: engine defaults < VS Code settings <
 * .oncolintrc. The file is what the CLI and CI read, so where both set a value the file wins
 * and the editor shows what CI reports; lists (accept, terminology) are concatenated and
 * `rules` merge key by key.
 */
export function mergeConfig(settings: Settings, file: FileConfig): Partial<LintConfig> {
  const {terminology: _paths, ...values} = file
  const accept = [...settings.accept, ...(file.accept ?? [])]
  return {
    ...values,
    targetGrade: file.targetGrade ?? settings.targetGrade,
    rules: {...settings.rules, ...file.rules},
    accept: [...new Set(accept)],
  }
}

/** Settings terminology paths made absolute against the workspace folder. */
export function settingsTerminologyFiles(settings: Settings, folder: string): string[] {
  return settings.terminology.map((p) => (isAbsolute(p) ? p : resolve(folder, p)))
}
