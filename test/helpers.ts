import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {join} from 'node:path'
import {lint, terminologyWith, type Finding} from '../server/src/engine/index.js'
import type {EngineOptions} from '../server/src/engine/lint.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** A plain-text draft written for the tests, with problems of all three families (labelled in clinic-draft.expect). */
export const CLINIC_DRAFT = join(ROOT, 'test', 'corpus', 'clinic-draft.txt')
/** The lines of a file in test/fixtures, trimmed, without blank lines and # comments. */
export const fixtureLines = (name: string): string[] =>
  readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
export const TEST_TERMS = join(ROOT, 'test', 'fixtures', 'terminology', 'test-terms.yaml')

let cached: ReturnType<typeof terminologyWith> | undefined

/** The shipped terminology plus the made-up test entries (compiled once per test run). */
export const testTerminology = () => (cached ??= terminologyWith([TEST_TERMS]))

/** Lints with the test entries; returns the findings with the text each one covers. */
export function findings(text: string, options: EngineOptions = {}): Array<Finding & {text: string}> {
  return lint(text, {terminology: testTerminology(), ...options}).findings.map((f) => ({...f, text: text.slice(f.offset, f.endOffset)}))
}

export const byRule = (text: string, ruleId: string, options: EngineOptions = {}) => findings(text, options).filter((f) => f.ruleId === ruleId)
