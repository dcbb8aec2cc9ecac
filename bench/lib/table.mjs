// The one results table (Markdown, so the terminal and bench/RESULTS.md show the same thing).

export const fmtMs = (ms) => (!Number.isFinite(ms) ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`)
export const fmtMB = (mb) => (Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : '')
export const fmtRate = (mbPerS) => (Number.isFinite(mbPerS) ? `${mbPerS.toFixed(2)} MB/s` : '')
export const verdict = (ok) => (ok === undefined ? '' : ok ? 'PASS' : 'FAIL')

export const COLUMNS = ['measure', 'time', 'throughput', 'peak RSS', 'findings', 'peer / oncolint', 'target', 'result']

/** rows: objects keyed by `columns` (COLUMNS unless given; missing cells are blank). */
export function markdownTable(rows, columns = COLUMNS) {
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '').replace(/\|/g, '\\|')))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)))
  const line = (r) => `| ${r.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n')
}
