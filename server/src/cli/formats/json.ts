import {storedReport} from '../cache.js'
import {outputText, type FileSpan, type Output} from '../output.js'
import {statsJson, type LintedFile} from '../report.js'

/** The contract for CI tools: [{filePath, messages, stats}], one line. */
export function formatJson(files: readonly LintedFile[]): string {
  return outputText(jsonOutput(files))
}

/**
 * formatJson's output, with each report taken whole from the cache spliced in as it is stored
 * there (the JSON.stringify of its messages and of its stats) rather than parsed and written
 * out again: byte for byte the same report.
 */
export function jsonOutput(files: readonly LintedFile[]): Output {
  const parts: Array<string | FileSpan> = []
  let text = '['
  files.forEach(({report}, i) => {
    if (i > 0) text += ','
    const stored = storedReport(report)
    if (!stored) {
      // One part per report: written out part by part, not first joined into one 20 MB string.
      const stats = statsJson(report)
      parts.push(text, stats === undefined ? JSON.stringify(report) : `{"filePath":${JSON.stringify(report.filePath)},"messages":${JSON.stringify(report.messages)},"stats":${stats}}`)
      text = ''
      return
    }
    parts.push(`${text}{"filePath":${JSON.stringify(report.filePath)},"messages":`, stored.messages, ',"stats":', stored.stats)
    text = '}'
  })
  parts.push(`${text}]\n`)
  return parts.length === 1 ? (parts[0] as string) : parts
}
