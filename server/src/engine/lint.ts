import {withDefaults} from './config.js'
import {ParseCache, parseDraft} from './parse/draft.js'
import {readability, type ReadabilityStats} from './readability/stats.js'
import {explainedWordOffsets, firstJargonUses} from './rules/jargon.js'
import {findPhraseHits} from './rules/phrase-hits.js'
import {RULES} from './rules/registry.js'
import type {Rule, RuleContext} from './rules/rule.js'
import {applyDirectives, parseDirectives} from './suppress.js'
import {builtinTerminology} from './terminology/load.js'
import type {Terminology} from './terminology/terminology.js'
import type {Finding, LintConfig, LintOptions, Severity} from './types.js'

export interface LintResult {
  findings: Finding[]
  stats: ReadabilityStats
  /** Rules that threw on this text: reported once by the caller; the other rules still ran. */
  ruleErrors: Array<{ruleId: string; message: string}>
}

export interface EngineOptions extends LintOptions {
  /** The terminology set to use; the built-in one when left out. */
  terminology?: Terminology
  /**
   * Parsed chunks of this document from its earlier lints (one cache per open document in
   * the server). Findings are the same with or without it; only the time differs.
   */
  cache?: ParseCache
  /** The rules to run, every rule (RULES) when left out: tests use it to add one that fails. */
  rules?: readonly Rule[]
}

/** The one engine call behind the CLI and the language server: text in, findings out. */
export function lint(text: string, options: EngineOptions = {}): LintResult {
  const config = withDefaults(options.config)
  const terminology = options.terminology ?? builtinTerminology()
  const draft = parseDraft(text, options.languageId ?? 'markdown', options.cache)
  const severityOf = (ruleId: string, fallback: Severity) => {
    // Own keys only: `rules` comes from a writer's config, and a plain object has inherited members.
    const family = ruleId.split('/')[0]
    const setting = Object.hasOwn(config.rules, ruleId) ? config.rules[ruleId] : Object.hasOwn(config.rules, family) ? config.rules[family] : undefined
    return setting ?? fallback
  }
  // Asked for every phrase match of every sentence: answered once per rule.
  const enabledRules = new Map<string, boolean>()
  const enabled = (ruleId: string): boolean => {
    let on = enabledRules.get(ruleId)
    if (on === undefined) enabledRules.set(ruleId, (on = severityOf(ruleId, 'warning') !== 'off'))
    return on
  }
  const hits = findPhraseHits(draft, terminology, enabled)
  const jargonUses = firstJargonUses(draft, hits)
  const explained = explainedWordOffsets(draft, hits, jargonUses)
  const {stats, sentenceCounts} = readability(draft, explained)
  const directives = parseDirectives(draft.comments)
  const ctx: RuleContext = {draft, config, terminology, hits, stats, sentenceCounts, explained, jargonUses, directives}

  let findings: Finding[] = []
  const ruleErrors: LintResult['ruleErrors'] = []
  for (const rule of options.rules ?? RULES) {
    const severity = severityOf(rule.id, rule.defaultSeverity)
    if (severity === 'off') continue
    try {
      for (const f of rule.check(ctx)) findings.push(withSeverity(f, severity))
    } catch (e) {
      ruleErrors.push({ruleId: rule.id, message: e instanceof Error ? e.message : String(e)})
    }
  }
  findings = dropAccepted(text, config, findings)
  findings = applyDirectives(text, directives, findings)
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId))
  return {findings, stats, ruleErrors}
}

/**
 * The finding with its severity, built field by field: spreading findings of a dozen shapes
 * (with and without entryId and actual) was a slow, shape-by-shape copy, and the line the
 * engine spent most of its own time on.
 */
function withSeverity(f: Omit<Finding, 'severity'>, severity: Severity): Finding {
  const finding: Finding = {ruleId: f.ruleId, severity, message: f.message, offset: f.offset, endOffset: f.endOffset, suggestions: f.suggestions}
  if ('entryId' in f) finding.entryId = f.entryId
  if ('actual' in f) finding.actual = f.actual
  return finding
}

/** Phrases a project accepted (`accept` in .oncolintrc): never flagged where they stand. */
function dropAccepted(text: string, config: LintConfig, findings: Finding[]): Finding[] {
  if (config.accept.length === 0) return findings
  const lower = sameLengthLowerCase(text)
  const ranges: Array<[number, number]> = []
  for (const phrase of config.accept) {
    const p = phrase.toLowerCase().trim()
    if (!p) continue
    for (let i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
      const before = lower[i - 1]
      const after = lower[i + p.length]
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue
      ranges.push([i, i + p.length])
    }
  }
  // Sorted by start with the furthest end so far: one binary search per finding, not a scan of
  // every accepted occurrence (quadratic when a long draft repeats an accepted phrase).
  ranges.sort((a, b) => a[0] - b[0])
  const furthest: number[] = []
  for (const [, b] of ranges) furthest.push(Math.max(b, furthest.at(-1) ?? -1))
  const covered = (f: Finding): boolean => {
    let lo = 0
    let hi = ranges.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ranges[mid][0] <= f.offset) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && furthest[lo - 1] >= f.endOffset
  }
  return findings.filter((f) => !(f.actual !== undefined && covered(f)))
}

/** Lower case with offsets kept: a character whose lower case is longer ('İ') stays as it is. */
function sameLengthLowerCase(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let out = ''
  for (const c of text) {
    const l = c.toLowerCase()
    out += l.length === c.length ? l : c
  }
  return out
}
