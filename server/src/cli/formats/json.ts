import type {LintedFile} from '../report.js'

/** The contract for CI tools: [{filePath, messages, stats}], one line. */
export function formatJson(files: readonly LintedFile[]): string {
  return JSON.stringify(files.map((f) => f.report)) + '\n'
}
