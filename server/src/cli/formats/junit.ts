import {printablePath, printableText} from '../printable.js'
import {displayPath, messagesOf, type ReportedFile} from '../report.js'
import type {FormatContext} from './types.js'

/**
 * JUnit XML for CI test reports: one testsuite per file, one failing testcase per finding
 * (any severity: `--min-severity` drops what should not fail), one passing testcase for a
 * clean file so that every linted file shows up. A file that could not be linted or fixed is
 * an erroring testcase. Text from drafts and file names is made printable first (printable.ts):
 * CI systems show these messages in logs and terminals.
 */
export function formatJunit(files: readonly ReportedFile[], ctx: FormatContext): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const file of files) {
    const {failure} = file
    const messages = messagesOf(file)
    const path = printablePath(displayPath(file.report.filePath, ctx.cwd))
    // Jenkins reads the text after the last dot of a classname as the class: drop the extension, as ESLint does.
    const classname = attr(path.replace(/\.[^./]*$/, ''))
    const cases = messages.map(
      (m) =>
        `    <testcase classname="${classname}" name="${attr(`${m.ruleId} at ${m.line}:${m.column}`)}" time="0">\n` +
        `      <failure type="${m.severity}" message="${attr(printableText(m.message))}">${text(`${m.severity} at ${path}:${m.line}:${m.column}-${m.endLine}:${m.endColumn}: ${printableText(m.message)} (${printableText(m.ruleId)})`)}</failure>\n` +
        `    </testcase>\n`,
    )
    if (failure !== undefined) {
      const reason = printableText(failure)
      cases.unshift(`    <testcase classname="${classname}" name="oncolint" time="0">\n      <error type="file" message="${attr(reason)}">${text(`${path}: ${reason}`)}</error>\n    </testcase>\n`)
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${classname}" name="oncolint" time="0"/>\n`)
    const failed = failure === undefined ? 0 : 1
    tests += cases.length
    failures += messages.length
    errors += failed
    suites.push(`  <testsuite name="${attr(path)}" tests="${cases.length}" failures="${messages.length}" errors="${failed}" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="oncolint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('')}</testsuites>\n`
}

// Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates, U+FFFE/U+FFFF).
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function text(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}
