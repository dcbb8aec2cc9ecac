import assert from 'node:assert/strict'
import type {Diagnostic} from 'vscode-languageserver/node'
import {DiagnosticReports} from '../../server/src/lsp/diagnostic-reports.js'

const diagnostic = (line: number, message: string, data?: unknown): Diagnostic => ({
  range: {start: {line, character: 0}, end: {line, character: 5}},
  severity: 2,
  code: 'accuracy/nonstandard-term',
  codeDescription: {href: 'file:///docs/rules/accuracy/nonstandard-term.md'},
  source: 'oncolint',
  message,
  ...(data === undefined ? {} : {data}),
})

describe('diagnostic reports', () => {
  it('keeps the result id while the set is the same, and gives a new one when any field changes', () => {
    const reports = new DiagnosticReports()
    assert.equal(reports.record('u', 1, [diagnostic(0, 'a', {entryId: 'x'})]), true)
    const first = reports.get('u')!.resultId
    // A new lint of an edited version with the same diagnostics: unchanged, same id.
    assert.equal(reports.record('u', 2, [diagnostic(0, 'a', {entryId: 'x'})]), false)
    assert.equal(reports.get('u')!.resultId, first)
    assert.equal(reports.get('u')!.version, 2)
    const changes: Diagnostic[][] = [
      [diagnostic(1, 'a', {entryId: 'x'})],
      [diagnostic(1, 'b', {entryId: 'x'})],
      [diagnostic(1, 'b', {entryId: 'y'})],
      [diagnostic(1, 'b')],
      [diagnostic(1, 'b'), diagnostic(2, 'b')],
      [],
    ]
    const ids = new Set([first])
    for (const set of changes) {
      assert.equal(reports.record('u', 3, set), true)
      ids.add(reports.get('u')!.resultId)
    }
    assert.equal(ids.size, changes.length + 1)
  })

  it('keeps each document apart', () => {
    const reports = new DiagnosticReports()
    reports.record('u', 1, [diagnostic(0, 'a')])
    assert.equal(reports.record('v', 1, [diagnostic(0, 'a')]), true)
    assert.notEqual(reports.get('u')!.resultId, reports.get('v')!.resultId)
  })
})
