import {pathToFileURL} from 'node:url'
import type * as Sarif from 'sarif'
import {RULES, type Severity} from '../../engine/index.js'
import {publicRuleDocUrl} from '../doc-links.js'
import {displayPath, messagesOf, pointsOf, textOf, type ReportedFile} from '../report.js'
import type {FormatContext} from './types.js'

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {error: 'error', warning: 'warning', info: 'note'}
const SRCROOT = '%SRCROOT%'

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule with its doc link, results with
 * regions (1-based lines and UTF-16 columns, end exclusive) and suggestions as fixes. A file
 * that could not be linted or fixed is an error notification of the run's invocation, whose
 * executionSuccessful is then false.
 */
export function formatSarif(files: readonly ReportedFile[], ctx: FormatContext): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]))
  const results: Sarif.Result[] = []
  const notifications: Sarif.Notification[] = []
  for (const file of files) {
    const {failure} = file
    const artifactLocation: Sarif.ArtifactLocation = {uri: relativeUri(displayPath(file.report.filePath, ctx.cwd)), uriBaseId: SRCROOT}
    if (failure !== undefined) notifications.push({level: 'error', message: {text: failure}, locations: [{physicalLocation: {artifactLocation}}]})
    const pointAt = pointsOf(textOf(file))
    const region = (offset: number, endOffset: number): Sarif.Region => {
      const start = pointAt(offset)
      const end = pointAt(endOffset)
      return {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
    }
    for (const m of messagesOf(file)) {
      const result: Sarif.Result = {
        ruleId: m.ruleId,
        ...(ruleIndex.has(m.ruleId) ? {ruleIndex: ruleIndex.get(m.ruleId)} : {}),
        level: LEVEL[m.severity],
        message: {text: m.message},
        locations: [{physicalLocation: {artifactLocation, region: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn}}}],
      }
      if (m.suggestions.length) {
        result.fixes = m.suggestions.map((s) => ({
          description: {text: s.title},
          artifactChanges: [{artifactLocation, replacements: s.edits.map((e) => ({deletedRegion: region(e.offset, e.endOffset), insertedContent: {text: e.newText}}))}],
          properties: {safe: s.safe},
        }))
      }
      results.push(result)
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oncolint',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: {text: r.description},
              helpUri: publicRuleDocUrl(r.id),
              defaultConfiguration: {level: LEVEL[r.defaultSeverity]},
              properties: {tags: [r.family]},
            })),
          },
        },
        ...(notifications.length ? {invocations: [{executionSuccessful: false, toolExecutionNotifications: notifications}]} : {}),
        originalUriBaseIds: {[SRCROOT]: {uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}},
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/** A relative URI reference for a path: each segment percent-encoded ("my draft.md" -> my%20draft.md). */
function relativeUri(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/')
}
