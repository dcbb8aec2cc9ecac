/**
 * The readability report's HTML, built from the server's stats. Pure (no `vscode` import) so it
 * can be tested in plain mocha. The page has a strict Content-Security-Policy: no network, no
 * inline script or style except the two blocks carrying the nonce; the bar chart is inline SVG
 * sized by attributes, because a CSP without 'unsafe-inline' also blocks style="" attributes.
 */
import type {DocumentStats} from '../../common/protocol.js'

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)

const fmt = (n: number | null): string => (n === null ? '–' : n.toFixed(1))
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

const FAMILY_LABELS: Record<string, string> = {
  accuracy: 'accuracy — inaccurate or non-standard terms',
  readability: 'readability — what patients cannot easily read',
  promotion: 'promotion — advertising and unsupported claims',
  oncolint: 'oncolint — suppression comments',
}

// Chart geometry, in SVG user units (the SVG scales to the panel's width).
const LABEL_W = 220
const BAR_W = 420
const ROW_H = 26
const TOP = 24

/** The bar chart: one bar per section, a dashed line at the target grade. */
export function sectionChart(stats: DocumentStats): string {
  const rows = stats.sections
  if (rows.length === 0) return '<p class="muted">No sections with text yet.</p>'
  const top = Math.max(20, stats.targetGrade + 2, ...rows.map((r) => r.smog ?? 0))
  const x = (grade: number) => LABEL_W + (Math.max(0, grade) / top) * BAR_W
  const height = TOP + rows.length * ROW_H + 8
  const parts: string[] = []
  parts.push(
    // Natural size in the attributes, scaled down to the panel's width by CSS (max-width: 100%).
    `<svg class="chart" viewBox="0 0 ${LABEL_W + BAR_W + 60} ${height}" width="${LABEL_W + BAR_W + 60}" height="${height}" role="img" aria-label="SMOG grade of each section against the target grade ${stats.targetGrade}">`,
  )
  for (const tick of [0, 5, 10, 15, 20].filter((t) => t <= top)) {
    parts.push(`<text class="tick" x="${x(tick)}" y="14" text-anchor="middle">${tick}</text>`)
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H
    const title = row.title || '(before the first heading)'
    const label = title.length > 30 ? `${title.slice(0, 29)}…` : title
    const over = row.smog !== null && row.smog > stats.targetGrade
    const range = escapeHtml(JSON.stringify(row.range))
    parts.push(`<g class="row${over ? ' over' : ''}" data-range="${range}" tabindex="0" role="button" aria-label="${escapeHtml(`${title}: grade ${fmt(row.smog)}`)}">`)
    parts.push(`<title>${escapeHtml(`${title}: SMOG ${fmt(row.smog)}, ${plural(row.sentences, 'sentence')}, ${plural(row.words, 'word')}`)}</title>`)
    parts.push(`<text class="label" x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(label)}</text>`)
    if (row.smog !== null) parts.push(`<rect class="bar" x="${LABEL_W}" y="${y + 4}" width="${(x(row.smog) - LABEL_W).toFixed(1)}" height="${ROW_H - 8}" rx="2"/>`)
    // Grades in a column of their own, clear of the bars and the target line.
    parts.push(`<text class="value" x="${LABEL_W + BAR_W + 10}" y="${y + 17}">${fmt(row.smog)}</text>`)
    parts.push('</g>')
  })
  const tx = x(stats.targetGrade).toFixed(1)
  parts.push(`<line class="target" x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${height - 4}"/>`)
  parts.push(`<text class="target-label" x="${tx}" y="${height}" text-anchor="middle">target ${stats.targetGrade}</text>`)
  parts.push('</svg>')
  return parts.join('')
}

/**
 * The document's statistics, each with what it lacks, so a writer can check them all at once;
 * a click shows the figure in the editor.
 */
export function numbersList(stats: DocumentStats): string {
  const numbers = stats.numbers ?? []
  if (numbers.length === 0) return '<p class="muted">No statistics (percentages, frequencies, relative changes, survival times).</p>'
  const items = numbers.map((n) => {
    const lacks = n.lacks.length ? `<span class="lacks">lacks ${escapeHtml(n.lacks.join(', '))}</span>` : '<span class="ok">nothing missing</span>'
    return `<li><a href="#" data-range="${escapeHtml(JSON.stringify(n.range))}">${escapeHtml(n.text)}</a> <span class="muted">${escapeHtml(n.measure)} · line ${n.range.start.line + 1}</span> · ${lacks}</li>`
  })
  return `<ul class="numbers">${items.join('')}</ul>`
}

/** The report's content (what changes on every lint). */
export function reportBody(stats: DocumentStats, name: string): string {
  const over = stats.smog !== null && stats.smog > stats.targetGrade
  const hardest = stats.hardest.length
    ? `<ol class="sentences">${stats.hardest
        .map(
          (s) =>
            `<li><a href="#" data-range="${escapeHtml(JSON.stringify(s.range))}">${escapeHtml(s.text)}</a> <span class="muted">grade ${fmt(s.grade)} · ${plural(s.words, 'word')} · line ${s.range.start.line + 1}</span></li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">No sentences yet.</p>'
  const families = Object.entries(stats.families)
    .map(([family, n]) => `<tr><th scope="row">${escapeHtml(FAMILY_LABELS[family] ?? family)}</th><td>${n}</td></tr>`)
    .join('')
  return [
    `<h1>Readability: ${escapeHtml(name)}</h1>`,
    `<p class="summary${over ? ' over' : ''}">Reading grade <strong>${fmt(stats.smog)}</strong> (SMOG), target ${stats.targetGrade} · ${plural(stats.words, 'word')} · ${plural(stats.sentences, 'sentence')}</p>`,
    '<h2>Grade of each section</h2>',
    sectionChart(stats),
    '<h2>Hardest sentences</h2>',
    hardest,
    '<h2>Numbers</h2>',
    numbersList(stats),
    '<h2>Findings by family</h2>',
    `<table class="families">${families}</table>`,
    `<p class="muted">${plural(stats.counts.error, 'error')}, ${plural(stats.counts.warning, 'warning')}, ${stats.counts.info} info</p>`,
  ].join('\n')
}

export const waitingBody = (name: string): string => `<h1>Readability: ${escapeHtml(name)}</h1><p class="muted">Waiting for oncolint to lint this document…</p>`

/** The whole page: CSP, theme-aware style, and the script that reports clicks and takes updates. */
export function reportPage(body: string, nonce: string, cspSource: string): string {
  const csp = [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ')
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>oncolint readability report</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.2em 2em; max-width: 60em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.6em; }
.muted { color: var(--vscode-descriptionForeground); }
.summary.over strong { color: var(--vscode-editorWarning-foreground); }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: var(--vscode-foreground); }
.chart .tick, .chart .target-label { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.chart .bar { fill: var(--vscode-charts-blue); }
.chart .over .bar { fill: var(--vscode-charts-orange); }
.chart .row { cursor: pointer; }
.chart .row:hover .bar, .chart .row:focus .bar { opacity: 0.8; }
.chart .row:focus { outline: 1px solid var(--vscode-focusBorder); }
.chart .target { stroke: var(--vscode-charts-red); stroke-width: 1.5; stroke-dasharray: 4 3; }
.sentences li { margin-bottom: 0.5em; }
.sentences a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.sentences a:hover { text-decoration: underline; }
.numbers li { margin-bottom: 0.4em; }
.numbers a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.numbers .lacks { color: var(--vscode-editorWarning-foreground); }
.families th { text-align: left; font-weight: normal; padding-right: 1.5em; }
.families td { text-align: right; }
</style>
</head>
<body>
<main id="root">${body}</main>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
function reveal(target) {
  const el = target && target.closest ? target.closest('[data-range]') : null;
  if (!el) return false;
  vscode.postMessage({type: 'reveal', range: JSON.parse(el.getAttribute('data-range'))});
  return true;
}
document.addEventListener('click', (e) => { if (reveal(e.target)) e.preventDefault(); });
document.addEventListener('keydown', (e) => { if ((e.key === 'Enter' || e.key === ' ') && reveal(e.target)) e.preventDefault(); });
// Tell the extension what the page shows (a check that the page loaded and its script runs).
function rendered() {
  vscode.postMessage({type: 'rendered', sections: document.querySelectorAll('.chart .row').length, sentences: document.querySelectorAll('.sentences a').length});
}
window.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'update') {
    document.getElementById('root').innerHTML = e.data.html;
    rendered();
  }
});
rendered();
</script>
</body>
</html>`
}
