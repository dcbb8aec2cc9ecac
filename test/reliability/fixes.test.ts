/**
 * Fixes lose nothing: fix-all changes only the characters inside the ranges it edits,
 * applying it again changes nothing, and what it writes brings no accuracy problem that was
 * not there before. "What it writes" is a finding that covers or touches the fix's own new
 * text: a claim elsewhere, already in the draft, may be reported once a fix names its holder
 * nearby ("branch tumours" fixed to "secondary tumours" before "nothing more can be done"),
 * because frames read who a claim is about from the sentence and the one before.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {applyFixes, lint, RULES, type Finding} from '../../server/src/engine/index.js'
import {testTerminology} from '../helpers.js'
import {draft, fixableDraft, languageId, mutatedDraft, noise} from './arbitraries.js'
import {applyEditsReference, checkEdits, splitsPair} from './invariants.js'
import {runs, timeoutFor} from './scale.js'

const terminology = testTerminology()
// A model's second opinion gives way to a rule's finding in its sentence; once the fix clears
// that finding the model's is shown. It was there before the fix, so "before" counts it.
const undeferred = RULES.map((r) => (r.defersTo ? {...r, defersTo: undefined} : r))

/** A finding with one suggestion made of the given edits. */
const findingWith = (edits: Array<{offset: number; endOffset: number; newText: string}>, safe: boolean): Finding => ({
  ruleId: 'accuracy/nonstandard-term',
  severity: 'warning',
  message: 'm',
  offset: Math.min(...edits.map((e) => e.offset)),
  endOffset: Math.max(...edits.map((e) => e.endOffset)),
  suggestions: [{title: 't', safe, edits}],
})

/** Random findings over a text: replacements, deletions and insertions (empty ranges), touching and overlapping. */
const textWithFindings = fc
  .tuple(fc.oneof(noise, draft), fc.array(fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat({max: 12}), fc.constantFrom('', 'X', 'secondary tumor', '😀', ' ')), {minLength: 1, maxLength: 3}), fc.boolean()), {maxLength: 8}))
  .map(([text, specs]) => ({
    text,
    findings: specs.map(([edits, safe]) =>
      findingWith(
        apart(
          edits.map(([at, length, newText]) => {
            const offset = onBoundary(text, text.length ? at % (text.length + 1) : 0)
            return {offset, endOffset: onBoundary(text, Math.min(text.length, offset + length)), newText}
          }),
        ),
        safe,
      ),
    ),
  }))

/** Moves an offset off the middle of a surrogate pair, as the engine's edits are. */
const onBoundary = (text: string, offset: number): number => (splitsPair(text, offset) ? offset - 1 : offset)

/** The edits of one suggestion never overlap or share a start (the engine's rules make none that do). */
function apart<E extends {offset: number; endOffset: number}>(edits: E[]): E[] {
  const out: E[] = []
  for (const e of [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)) {
    const last = out.at(-1)
    if (!last || (last.endOffset <= e.offset && last.offset !== e.offset)) out.push(e)
  }
  return out
}

const accuracyKeys = (findings: readonly Finding[], withText = true): string[] =>
  findings.filter((f) => f.ruleId.startsWith('accuracy/')).map((f) => `${f.ruleId} ${f.entryId ?? ''} ${withText ? (f.actual ?? '').toLowerCase() : ''}`)

/** Where fix-all wrote, in the fixed text: each edit's new text, or the point where it deleted. */
function written(edits: ReadonlyArray<{offset: number; endOffset: number; newText: string}>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let delta = 0
  for (const e of edits) {
    const start = e.offset + delta
    out.push([start, start + e.newText.length])
    delta += e.newText.length - (e.endOffset - e.offset)
  }
  return out
}

/** Whether a finding covers or touches text that fix-all wrote (or the point of a deletion). */
const touchesWritten = (f: Finding, ranges: ReadonlyArray<[number, number]>): boolean =>
  ranges.some(([a, b]) => (a === b ? f.offset <= a && a <= f.endOffset : f.offset < b && a < f.endOffset))

/**
 * Whether a finding holds a rewritten part and more: its text changed with the fix by
 * construction ("Your doctor can elucidate ... median survival" becomes "... explain ..."), so it
 * is the same finding when its rule and entry were there before.
 */
const spansWritten = (f: Finding, ranges: ReadonlyArray<[number, number]>): boolean =>
  ranges.some(([a, b]) => f.offset <= a && b <= f.endOffset && (f.offset < a || b < f.endOffset))

/** Keys in `after` that `before` does not have as many times. */
function added(before: string[], after: string[]): string[] {
  const left = new Map<string, number>()
  for (const k of before) left.set(k, (left.get(k) ?? 0) + 1)
  return after.filter((k) => {
    const n = left.get(k) ?? 0
    left.set(k, n - 1)
    return n <= 0
  })
}

describe('reliability: fixes lose nothing', function () {
  this.timeout(timeoutFor(60_000))

  it('applyFixes takes safe suggestions only, never overlapping, and changes nothing outside their edits', () => {
    fc.assert(
      fc.property(textWithFindings, ({text, findings}) => {
        const fixed = applyFixes(text, findings)
        checkEdits(text, 'applied edits', fixed.edits)
        assert.equal(fixed.text, applyEditsReference(text, fixed.edits))
        for (const f of fixed.applied) {
          assert.ok(f.suggestions[0].safe, 'an unsafe suggestion was applied')
          for (const e of f.suggestions[0].edits) assert.ok(fixed.edits.includes(e), 'a finding is applied whole or not at all')
        }
        assert.equal(fixed.edits.length, fixed.applied.reduce((n, f) => n + f.suggestions[0].edits.length, 0))
      }),
      runs(2000),
    )
  })

  it('an insertion where a replacement starts keeps both and loses no text', () => {
    const text = 'abcdef'
    const replace = findingWith([{offset: 2, endOffset: 4, newText: 'XY'}], true)
    const insert = findingWith([{offset: 2, endOffset: 2, newText: '+'}], true)
    // Whatever order the findings come in, the characters outside the two edits stay.
    for (const findings of [[replace, insert], [insert, replace]]) {
      const fixed = applyFixes(text, findings)
      assert.equal(fixed.text, 'ab+XYef')
    }
  })

  it('fix-all on drafts: edits in range and apart, idempotent, and no new accuracy finding', () => {
    fc.assert(
      fc.property(fc.oneof(fixableDraft, mutatedDraft), languageId, (text, lang) => {
        const before = lint(text, {languageId: lang, terminology})
        const seen = lint(text, {languageId: lang, terminology, rules: undeferred})
        const fixed = applyFixes(text, before.findings)
        checkEdits(text, 'fix-all edits', fixed.edits)
        assert.equal(fixed.text, applyEditsReference(text, fixed.edits))
        if (fixed.applied.length === 0) return
        const after = lint(fixed.text, {languageId: lang, terminology})
        const again = applyFixes(fixed.text, after.findings)
        assert.equal(again.text, fixed.text, 'fixing the fixed text changes it again')
        const ranges = written(fixed.edits)
        const near = after.findings.filter((f) => touchesWritten(f, ranges))
        const around = near.filter((f) => spansWritten(f, ranges))
        const inside = near.filter((f) => !spansWritten(f, ranges))
        assert.deepEqual(added(accuracyKeys(seen.findings), accuracyKeys(inside)), [], 'the fix brought a new accuracy finding')
        assert.deepEqual(added(accuracyKeys(seen.findings, false), accuracyKeys(around, false)), [], 'the fix brought a new accuracy finding around it')
      }),
      runs(1500),
    )
  })
})
