/**
 * What a lint can be configured with, defined once: the rule families, severities, the
 * defaults and the allowed ranges. The .oncolintrc schema (server/oncolintrc.schema.json) and
 * the editor settings (package.json contributes.configuration) are checked against these by
 * test/unit/config-source.test.ts, and the config loaders validate with them.
 */

/** The families of findings about the prose, most important to a patient first (overlaps keep the first). */
export const FAMILIES = ['accuracy', 'promotion', 'readability'] as const
export type Family = (typeof FAMILIES)[number]

/** Families plus 'oncolint', the group of findings about oncolint's own directives. */
export const RULE_GROUPS = [...FAMILIES, 'oncolint'] as const
export type RuleGroup = (typeof RULE_GROUPS)[number]

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]
export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number]

export interface LintConfig {
  /** Rule id or family -> severity; unknown ids are a config error caught by the config loader. */
  rules: Record<string, SeveritySetting>
  /** Phrases accepted for this project: never flagged (case-insensitive, whole words). */
  accept: string[]
  /** Reading grade above which readability/grade-level reports. */
  targetGrade: number
  /** Words in a sentence above which readability/long-sentence reports. */
  maxSentenceWords: number
  /** Words in a paragraph above which readability/long-paragraph reports. */
  maxParagraphWords: number
}

export const DEFAULT_CONFIG: Readonly<LintConfig> = Object.freeze({
  rules: {},
  accept: [],
  targetGrade: 8,
  maxSentenceWords: 25,
  maxParagraphWords: 120,
})

/** The numeric settings: their ranges, whether they are whole numbers, and what they set. */
export const NUMERIC_SETTINGS = {
  targetGrade: {minimum: 1, maximum: 20, integer: false, description: 'Reading grade above which readability/grade-level reports'},
  maxSentenceWords: {minimum: 5, maximum: undefined, integer: true, description: 'Words in a sentence above which readability/long-sentence reports'},
  maxParagraphWords: {minimum: 20, maximum: undefined, integer: true, description: 'Words in a paragraph above which readability/long-paragraph reports'},
} as const satisfies Record<string, {minimum: number; maximum: number | undefined; integer: boolean; description: string}>

export type NumericSetting = keyof typeof NUMERIC_SETTINGS

/** Why `value` is not allowed for `key`, or undefined when it is. */
export function numericProblem(key: NumericSetting, value: unknown): string | undefined {
  const {minimum, maximum, integer} = NUMERIC_SETTINGS[key]
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= minimum && (maximum === undefined || value <= maximum) && (!integer || Number.isInteger(value))
  if (ok) return undefined
  const kind = integer ? 'a whole number' : 'a number'
  const range = maximum === undefined ? `of at least ${minimum}` : `from ${minimum} to ${maximum}`
  return `${key} must be ${kind} ${range}, not ${JSON.stringify(value)}`
}

export const isRuleGroup = (name: string): name is RuleGroup => (RULE_GROUPS as readonly string[]).includes(name)

export function withDefaults(config: Partial<LintConfig> | undefined): LintConfig {
  return {...DEFAULT_CONFIG, ...config, rules: {...config?.rules}, accept: [...(config?.accept ?? [])]}
}

/** The severity a rule runs at: its own setting, else its family's, else its default. */
export function severityFor(rules: Readonly<Record<string, SeveritySetting>>, ruleId: string, fallback: Severity): SeveritySetting {
  // Own keys only: `rules` comes from a writer's config, and a plain object has inherited members.
  const family = ruleId.split('/')[0]
  return (Object.hasOwn(rules, ruleId) ? rules[ruleId] : Object.hasOwn(rules, family) ? rules[family] : undefined) ?? fallback
}
