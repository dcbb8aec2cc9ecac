import {readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {RULES, packageRoot, ruleDocUrl, severityFor, withDefaults} from '../engine/index.js'
import {configFor, searchConfig} from '../config/load-config.js'
import {languageOf} from './lint-file.js'

/** --list-rules: id, family, default severity, what it checks, doc link; one rule a line. */
export function listRules(): string {
  const width = Math.max(...RULES.map((r) => r.id.length))
  return RULES.map((r) => `${r.id.padEnd(width)}  ${r.family.padEnd(11)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}  ${ruleDocUrl(r.id)}`).join('\n') + '\n'
}

/**
 * --print-config: the configuration a file is linted with, defaults filled in, every rule
 * with the severity it ends up with (family settings applied), and where it all came from:
 * the config files that applied, in the order applied (the nearest config applies alone, so
 * at most one), and where the search for one stopped and why.
 */
export function printConfig(path: string, cwd: string): string {
  const resolved = configFor(path, cwd)
  const search = searchConfig(dirname(resolve(cwd, path)))
  const config = withDefaults(resolved.config)
  const rules = Object.fromEntries(RULES.map((r) => [r.id, severityFor(config.rules, r.id, r.defaultSeverity)]))
  const out = {
    filePath: resolve(cwd, path),
    configFile: resolved.file ?? null,
    configFiles: resolved.file ? [resolved.file] : [],
    configSearch: {stoppedAt: search.stoppedAt, why: resolved.root ? 'root: true' : search.why},
    languageId: languageOf(path),
    rules,
    accept: config.accept,
    targetGrade: config.targetGrade,
    maxSentenceWords: config.maxSentenceWords,
    maxParagraphWords: config.maxParagraphWords,
    terminology: {version: resolved.terminology.version, files: [...new Set(resolved.terminology.entries.map((e) => e.file))]},
  }
  return JSON.stringify(out, null, 2) + '\n'
}

export function version(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version
}
