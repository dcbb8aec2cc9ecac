/** What must hold for every lint result, whatever the text: the checks the properties share. */
import assert from 'node:assert/strict'
import {RULES_BY_ID, type Edit, type Finding} from '../../server/src/engine/index.js'
import type {LintResult} from '../../server/src/engine/lint.js'

const SEVERITIES = new Set(['error', 'warning', 'info'])
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** True when `offset` would cut a surrogate pair (an astral character) in two. */
export const splitsPair = (text: string, offset: number): boolean =>
  offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))

function checkRange(text: string, what: string, offset: number, endOffset: number): void {
  assert.ok(Number.isInteger(offset) && Number.isInteger(endOffset), `${what}: offsets must be integers (${offset}, ${endOffset})`)
  assert.ok(0 <= offset && offset <= endOffset && endOffset <= text.length, `${what}: [${offset}, ${endOffset}) must lie in the text of length ${text.length}`)
  assert.ok(!splitsPair(text, offset), `${what}: offset ${offset} splits a surrogate pair`)
  assert.ok(!splitsPair(text, endOffset), `${what}: endOffset ${endOffset} splits a surrogate pair`)
}

/** The order lint() promises: offset, then endOffset, then rule id. */
export const compareFindings = (a: Finding, b: Finding): number => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId)

/** Every finding and every edit inside the text on character boundaries; findings sorted; no rule failed. */
export function checkResult(text: string, result: LintResult): void {
  assert.deepEqual(result.ruleErrors, [], 'no rule may throw on any text')
  const {findings} = result
  findings.forEach((f, i) => {
    const what = `finding ${i} (${f.ruleId})`
    assert.ok(RULES_BY_ID.has(f.ruleId), `${what}: unknown rule id`)
    assert.ok(SEVERITIES.has(f.severity), `${what}: severity ${f.severity}`)
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${what}: a message`)
    checkRange(text, what, f.offset, f.endOffset)
    if (f.actual !== undefined) assert.equal(f.actual, text.slice(f.offset, f.endOffset), `${what}: actual is the flagged text`)
    if (f.entryId !== undefined) checkWholeWords(text, what, f.offset, f.endOffset)
    if (i > 0) assert.ok(compareFindings(findings[i - 1], f) <= 0, `${what}: findings sorted by offset, endOffset, rule id`)
    for (const s of f.suggestions) {
      assert.ok(s.edits.length > 0, `${what}: suggestion "${s.title}" has edits`)
      checkEdits(text, `${what} "${s.title}"`, s.edits)
    }
  })
}

const TOKEN_START = /^[\p{L}\p{N}%$#+&]/u
const TOKEN_END = /[\p{L}\p{N}%$#+&]$/u
const LETTER = /^\p{L}$/u

/**
 * A phrase finding covers whole words: it starts where a word (or % $ # + &) starts and ends
 * where one ends. A range shifted by even one character (the offsets drifting from the text)
 * breaks this, and a fix applied there would cut words apart.
 */
function checkWholeWords(text: string, what: string, offset: number, endOffset: number): void {
  const flagged = text.slice(offset, endOffset)
  const around = JSON.stringify(text.slice(Math.max(0, offset - 10), endOffset + 10))
  assert.ok(TOKEN_START.test(flagged) && TOKEN_END.test(flagged), `${what}: flags ${JSON.stringify(flagged)}, not whole words, in ${around}`)
  // A number may follow letters directly: the tokenizer reads "the't4" as "the't" and "4".
  if (!/^\d/.test(flagged)) assert.ok(!LETTER.test(text[offset - 1] ?? ''), `${what}: starts inside a word: ${around}`)
  if (LETTER.test(flagged.at(-1)!)) assert.ok(!LETTER.test(text[endOffset] ?? ''), `${what}: ends inside a word: ${around}`)
}

/** Edits of one suggestion: in the text, on character boundaries, not overlapping each other. */
export function checkEdits(text: string, what: string, edits: readonly Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  sorted.forEach((e, i) => {
    checkRange(text, `${what} edit ${i}`, e.offset, e.endOffset)
    assert.equal(typeof e.newText, 'string')
    if (i > 0) assert.ok(sorted[i - 1].endOffset <= e.offset, `${what}: edits ${i - 1} and ${i} overlap`)
  })
}

/**
 * Applies non-overlapping edits the slow, obvious way (from the end backwards), as an
 * independent reference for applyFixes.
 */
export function applyEditsReference(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.endOffset - a.endOffset)
  let out = text
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.endOffset)
  return out
}
