import {publicRuleDocUrl} from '../doc-links.js'
import {countBySeverity, displayPath, pointsOf, reportOf, textOf, type FileReport, type ReportMessage, type ReportedFile} from '../report.js'
import type {FormatContext} from './types.js'

/**
 * A self-contained HTML page for reviewers: each file's reading grade (SMOG) against its
 * target, a bar chart across files, and every finding with a few words of context.
 * Inline CSS and SVG only, so the page can be attached to a CI run or mailed as it is.
 */
export function formatHtml(files: readonly ReportedFile[], ctx: FormatContext): string {
  const reports = files.map(reportOf)
  const totals = countBySeverity(reports)
  const problems = totals.error + totals.warning + totals.info
  const failed = files.filter((f) => f.failure !== undefined).length
  const rows = files.map((f, i) => ({
    id: `file-${i + 1}`,
    path: displayPath(reports[i].filePath, ctx.cwd),
    // No figures for a file that was not linted.
    grade: reports[i].stats?.document.grades.smog ?? NaN,
    target: f.config.targetGrade,
    counts: countBySeverity([reports[i]]),
    file: f,
    report: reports[i],
  }))
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="oncolint ${esc(ctx.version)}">
<title>oncolint report</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse}th,td{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eaeef2}td.n{text-align:right}
.over{color:#b3261e;font-weight:600}.ok{color:#1a7f37}
ol{padding-left:1.5rem}li{margin:.5rem 0}.pos{font-family:ui-monospace,monospace;color:#57606a}
.sev{display:inline-block;min-width:4.5rem;font-weight:600}.error .sev{color:#b3261e}.warning .sev{color:#9a6700}.info .sev{color:#0969da}
.ctx{margin:.2rem 0 0;color:#57606a}mark{background:#fff1a8;color:inherit}
svg text{font:12px system-ui,sans-serif;fill:#1f2328}
</style>
</head>
<body>
<h1>oncolint report</h1>
<p>${files.length} file${files.length === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)${failed ? `; <span class="over">${failed} file${failed === 1 ? '' : 's'} failed</span>` : ''}</p>
${rows.length ? `<h2>Reading grade by file</h2>
${chart(rows)}
<table>
<thead><tr><th>File</th><th>Grade (SMOG)</th><th>Target</th><th>Errors</th><th>Warnings</th><th>Info</th></tr></thead>
<tbody>
${rows.map((r) => `<tr><td><a href="#${r.id}">${esc(r.path)}</a></td><td class="n ${gradeClass(r.grade, r.target)}">${grade(r.grade)}</td><td class="n">${r.target}</td><td class="n">${r.counts.error}</td><td class="n">${r.counts.warning}</td><td class="n">${r.counts.info}</td></tr>`).join('\n')}
</tbody>
</table>
` : ''}${rows.map((r) => section(r.id, r.path, r.grade, r.target, r.file, r.report)).join('')}</body>
</html>
`
}

const BAR = {label: 220, width: 420, height: 22, gap: 6}

/** Horizontal bars, one per file, with the file's target grade marked on its bar. */
function chart(rows: Array<{path: string; grade: number; target: number}>): string {
  const max = Math.max(1, ...rows.map((r) => Math.max(finite(r.grade), r.target))) * 1.1
  const x = (g: number) => BAR.label + Math.round((finite(g) / max) * BAR.width)
  const height = rows.length * (BAR.height + BAR.gap)
  const bars = rows.map((r, i) => {
    const y = i * (BAR.height + BAR.gap)
    const over = finite(r.grade) > r.target
    return (
      `<g><title>${esc(r.path)}: grade ${grade(r.grade)}, target ${r.target}</title>` +
      `<text x="${BAR.label - 8}" y="${y + 15}" text-anchor="end">${esc(shorten(r.path, 32))}</text>` +
      `<rect x="${BAR.label}" y="${y}" width="${x(r.grade) - BAR.label}" height="${BAR.height}" fill="${over ? '#e5534b' : '#4ac26b'}"/>` +
      `<line x1="${x(r.target)}" x2="${x(r.target)}" y1="${y - 2}" y2="${y + BAR.height + 2}" stroke="#1f2328" stroke-width="2"/>` +
      `<text x="${x(r.grade) + 4}" y="${y + 15}">${grade(r.grade)}</text></g>`
    )
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Reading grade (SMOG) of each file; the black mark is its target" width="${BAR.label + BAR.width + 60}" height="${height}" viewBox="0 0 ${BAR.label + BAR.width + 60} ${height}">\n${bars.join('\n')}\n</svg>`
}

function section(id: string, path: string, g: number, target: number, file: ReportedFile, report: FileReport): string {
  const verdict = !Number.isFinite(g) ? 'no sentences to grade' : g > target ? `<span class="over">above the target of ${target}</span>` : `<span class="ok">within the target of ${target}</span>`
  // A file from the cache is read from disk only when it has findings to show in context.
  const text = report.messages.length ? textOf(file) : ''
  const items = report.messages.map((m) => finding(m, text))
  const failure = file.failure === undefined ? '' : `<p class="over">${esc(file.failure)}</p>\n`
  return `<h2 id="${id}">${esc(path)}</h2>
${failure}<p>Reading grade ${grade(g)} (SMOG), ${verdict}.</p>
${numbersTable(file, report)}${items.length ? `<ol>\n${items.join('\n')}\n</ol>` : '<p>No findings.</p>'}
`
}

/** The file's statistics, each with what it lacks, so a reviewer can check them all at once. */
export function numbersTable(file: ReportedFile, report: FileReport): string {
  const numbers = report.stats?.numbers ?? []
  if (numbers.length === 0) return ''
  const pointAt = pointsOf(textOf(file))
  const rows = numbers.map((n) => {
    const at = pointAt(n.offset)
    return `<tr><td class="pos">${at.line}:${at.column}</td><td>${esc(n.text.replace(/\s+/g, ' '))}</td><td>${esc(n.measure)}</td><td${n.lacks.length ? ' class="over"' : ''}>${n.lacks.length ? esc(n.lacks.join(', ')) : 'nothing missing'}</td></tr>`
  })
  return `<table class="numbers">
<caption>Numbers: each statistic and what it lacks</caption>
<thead><tr><th>Line</th><th>Number</th><th>Measures</th><th>Lacks</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
`
}

function finding(m: ReportMessage, text: string): string {
  const c = contextOf(text, m.offset, m.endOffset)
  return (
    `<li class="${m.severity}"><span class="pos">${m.line}:${m.column}</span> <span class="sev">${m.severity}</span> ${esc(m.message)} ` +
    `<a href="${esc(publicRuleDocUrl(m.ruleId))}">${esc(m.ruleId)}</a>` +
    `<p class="ctx">${esc(c.before)}<mark>${esc(c.marked)}</mark>${esc(c.after)}</p></li>`
  )
}

/**
 * The flagged text with up to six words either side from the same paragraph, white space
 * folded, "…" where the paragraph goes on; a long span is cut in the middle.
 */
export function contextOf(text: string, offset: number, endOffset: number): {before: string; marked: string; after: string} {
  const fold = (s: string) => s.replace(/\s+/g, ' ')
  // Only 200 characters either side can show: look for the paragraph's edges within them.
  const from = Math.max(0, offset - 200)
  const breaks = [...text.slice(from, offset).matchAll(/\n[ \t]*\r?\n/g)]
  const last = breaks.at(-1)
  const paraStart = last ? from + last.index + last[0].length : from
  const breakAfter = /\r?\n[ \t]*\r?\n/.exec(text.slice(endOffset, endOffset + 200))
  const paraEnd = breakAfter ? endOffset + breakAfter.index : Math.min(text.length, endOffset + 200)
  const beforeAll = text.slice(paraStart, offset)
  const afterAll = text.slice(endOffset, paraEnd)
  const beforeWords = lastWords(beforeAll, 6)
  const afterWords = firstWords(afterAll, 6)
  // With no paragraph edge within reach, the paragraph goes on past what is shown.
  const moreBefore = last || from === 0 ? text.slice(paraStart, offset - beforeWords.length).trim() !== '' : true
  const moreAfter = breakAfter || paraEnd === text.length ? text.slice(endOffset + afterWords.length, paraEnd).trim() !== '' : true
  let marked = fold(text.slice(offset, endOffset))
  if (marked.length > 90) marked = `${marked.slice(0, 60).trimEnd()} … ${marked.slice(-25).trimStart()}`
  return {before: (moreBefore ? '…' : '') + fold(beforeWords), marked, after: fold(afterWords) + (moreAfter ? '…' : '')}
}

const SPACE = /\s/
const isSpace = (s: string, i: number): boolean => SPACE.test(s[i])

/**
 * The last `n` words of `s` with the white space after each: what /(?:\S+\s*){0,n}$/ matches,
 * found in one pass back. That regex is not linear: a long run of non-space characters (a
 * URL) splits into groups in so many ways that the engine took minutes before giving up.
 */
export function lastWords(s: string, n: number): string {
  let i = s.length
  while (i > 0 && isSpace(s, i - 1)) i--
  if (i === 0) return ''
  let start = i
  for (let words = 0; words < n && i > 0; words++) {
    while (i > 0 && !isSpace(s, i - 1)) i--
    start = i
    while (i > 0 && isSpace(s, i - 1)) i--
  }
  return s.slice(start)
}

/** The first `n` words of `s` with the white space before each: what /^(?:\s*\S+){0,n}/ matches, in one pass. */
export function firstWords(s: string, n: number): string {
  let end = 0
  for (let words = 0, i = 0; words < n; words++) {
    while (i < s.length && isSpace(s, i)) i++
    if (i === s.length) break
    while (i < s.length && !isSpace(s, i)) i++
    end = i
  }
  return s.slice(0, end)
}

const finite = (n: number) => (Number.isFinite(n) ? Math.max(0, n) : 0)
const grade = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')
const gradeClass = (g: number, target: number) => (Number.isFinite(g) && g > target ? 'over' : 'ok')
const shorten = (s: string, n: number) => (s.length > n ? `…${s.slice(-(n - 1))}` : s)

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
