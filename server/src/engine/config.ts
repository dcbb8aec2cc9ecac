import type {LintConfig} from './types.js'

export const DEFAULT_CONFIG: LintConfig = {
  rules: {},
  accept: [],
  targetGrade: 8,
  maxSentenceWords: 25,
  maxParagraphWords: 120,
}

export function withDefaults(config: Partial<LintConfig> | undefined): LintConfig {
  return {...DEFAULT_CONFIG, ...config, rules: {...config?.rules}, accept: [...(config?.accept ?? [])]}
}
