import {directivesOf} from './analyses/directives.js'
import {numberStats} from './analyses/numbers.js'
import {readabilityOf} from './analyses/readability.js'
import {severityFor, withDefaults, type Family, type LintConfig, type Severity} from './config.js'
import {type ParseCache, parseDraft} from './parse/draft.js'
import type {ReadabilityStats} from './readability/stats.js'
import {familyOf, LintContext, type RawFinding, type Rule} from './rule-context.js'
import {RULES} from './rules/index.js'
import {applyDirectives} from './suppress.js'
import {builtinTerminology} from './terminology/load.js'
import type {Terminology} from './terminology/terminology.js'
import type {Finding, LintOptions} from './types.js'

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

/**
 * The one engine call behind the CLI and the language server: text in, findings out.
 * Parse, then run each rule that is on (a rule asks the context for the shared analyses it
 * needs), then drop accepted phrases and apply the draft's directives.
 */
export function lint(text: string, options: EngineOptions = {}): LintResult {
  const config = withDefaults(options.config)
  const terminology = options.terminology ?? builtinTerminology()
  const draft = parseDraft(text, options.languageId ?? 'markdown', options.cache)
  const rules = options.rules ?? RULES
  const ctx = new LintContext(draft, config, terminology, rules)

  let findings: Finding[] = []
  const ruleErrors: LintResult['ruleErrors'] = []
  for (const rule of rules) {
    const severity = severityFor(config.rules, rule.id, rule.defaultSeverity)
    if (severity === 'off') continue
    try {
      for (const f of rule.check(ctx)) findings.push(withSeverity(f, severity))
    } catch (e) {
      ruleErrors.push({ruleId: rule.id, message: e instanceof Error ? e.message : String(e)})
    }
  }
  findings = dropDeferred(rules, findings)
  findings = dropAccepted(text, config, findings)
  findings = applyDirectives(text, ctx.get(directivesOf), findings)
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId))
  return {findings, stats: {...ctx.get(readabilityOf).stats, numbers: ctx.get(numberStats)}, ruleErrors}
}

/**
 * The finding with its severity, built field by field: spreading findings of a dozen shapes
 * (with and without entryId and actual) was a slow, shape-by-shape copy, and the line the
 * engine spent most of its own time on.
 */
function withSeverity(f: RawFinding, severity: Severity): Finding {
  const finding: Finding = {ruleId: f.ruleId, severity, message: f.message, offset: f.offset, endOffset: f.endOffset, suggestions: f.suggestions}
  if ('entryId' in f) finding.entryId = f.entryId
  if ('actual' in f) finding.actual = f.actual
  return finding
}

/**
 * Second opinions where a rule they defer to already speaks: the model reads "our miracle cure
 * has no side effects" as a misconception too, but the promotion rules say what is wrong with it.
 */
function dropDeferred(rules: readonly Rule[], findings: Finding[]): Finding[] {
  const defers = new Map(rules.filter((r) => r.defersTo).map((r) => [r.id, r.defersTo!]))
  if (defers.size === 0 || !findings.some((f) => defers.has(f.ruleId))) return findings
  // The firm findings by start, each with its family worked out once: a draft has thousands, the
  // models a few dozen, and each of theirs looks back only as far as the longest firm finding.
  const firm = findings
    .filter((f) => !defers.has(f.ruleId))
    .map((f) => ({family: familyOf(f.ruleId), offset: f.offset, endOffset: f.endOffset}))
    .sort((a, b) => a.offset - b.offset)
  const longest = firm.reduce((n, g) => Math.max(n, g.endOffset - g.offset), 0)
  const overlapped = (f: Finding, to: readonly Family[]): boolean => {
    let lo = 0
    let hi = firm.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (firm[mid].offset < f.endOffset) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0 && firm[i].offset >= f.offset - longest; i--) {
      const g = firm[i]
      if (g.endOffset > f.offset && to.includes(g.family as Family)) return true
    }
    return false
  }
  return findings.filter((f) => {
    const to = defers.get(f.ruleId)
    return !to || !overlapped(f, to)
  })
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
