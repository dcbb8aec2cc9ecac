import assert from 'node:assert/strict'
import {escapeHtml, reportBody, reportPage, sectionChart} from '../../client/src/report-html.js'
import type {DocumentStats} from '../../common/protocol.js'

const r = (line: number, a: number, b: number) => ({start: {line, character: a}, end: {line, character: b}})

const STATS: DocumentStats = {
  uri: 'file:///d.md',
  version: 3,
  targetGrade: 8,
  smog: 10.4,
  sentences: 12,
  words: 180,
  sections: [
    {title: 'What is <metastasis>?', range: r(0, 0, 20), smog: 12, sentences: 5, words: 90},
    {title: 'Treatment', range: r(6, 0, 9), smog: 6, sentences: 7, words: 90},
    {title: 'Empty', range: r(9, 0, 5), smog: null, sentences: 0, words: 0},
  ],
  hardest: [{range: r(2, 4, 60), text: 'Cells "detach" & travel.', grade: 14.25, words: 4}],
  counts: {error: 1, warning: 2, info: 0},
  families: {accuracy: 1, readability: 2, promotion: 0},
}

describe('readability report page', () => {
  it('has a strict CSP: no network, script and style only with the nonce, no inline style attribute', () => {
    const page = reportPage(reportBody(STATS, 'd.md'), 'N0NCE', 'vscode-webview://x')
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]
    assert.equal(csp, "default-src 'none'; style-src vscode-webview://x 'nonce-N0NCE'; script-src 'nonce-N0NCE'; img-src vscode-webview://x data:; font-src vscode-webview://x")
    assert.deepEqual(page.match(/<script[^>]*>/g), ['<script nonce="N0NCE">'])
    assert.deepEqual(page.match(/<style[^>]*>/g), ['<style nonce="N0NCE">'])
    assert.doesNotMatch(page, /\sstyle="/)
    assert.doesNotMatch(page, /\s(?:src|href)="https?:/)
    assert.doesNotMatch(page, /\son[a-z]+="/)
  })

  it('draws one bar per section, scaled to the grade, marks those above the target, and the target line', () => {
    const svg = sectionChart(STATS)
    // Scale 0..20 over 420 units from x=220: grade 12 -> 252 wide, grade 6 -> 126; no bar without sentences.
    assert.deepEqual([...svg.matchAll(/<rect class="bar" x="220" y="\d+" width="([\d.]+)"/g)].map((m) => m[1]), ['252.0', '126.0'])
    assert.deepEqual([...svg.matchAll(/<g class="row( over)?"/g)].map((m) => m[1] ?? ''), [' over', '', ''])
    assert.match(svg, /<line class="target" x1="388.0" y1="20" x2="388.0"/)
    assert.match(svg, /target 8<\/text>/)
    assert.match(svg, />What is &lt;metastasis&gt;\?<\/text>/)
    assert.match(svg, /data-range="\{&quot;start&quot;:\{&quot;line&quot;:6,&quot;character&quot;:0\}/)
  })

  it('lists the hardest sentences as links carrying their range, and counts by family', () => {
    const body = reportBody(STATS, 'd.md')
    assert.match(body, /Reading grade <strong>10\.4<\/strong> \(SMOG\), target 8 · 180 words · 12 sentences/)
    assert.match(body, /<li><a href="#" data-range="\{&quot;start&quot;:\{&quot;line&quot;:2,&quot;character&quot;:4\},&quot;end&quot;:\{&quot;line&quot;:2,&quot;character&quot;:60\}\}">Cells &quot;detach&quot; &amp; travel\.<\/a> <span class="muted">grade 14\.3 · 4 words · line 3<\/span><\/li>/)
    assert.match(body, /<th scope="row">accuracy — inaccurate or non-standard terms<\/th><td>1<\/td>/)
    assert.match(body, /<th scope="row">readability — what patients cannot easily read<\/th><td>2<\/td>/)
    assert.match(body, /1 error, 2 warnings, 0 info/)
  })

  it('escapes everything that comes from the document', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;')
    const body = reportBody({...STATS, hardest: [{...STATS.hardest[0], text: '<script>alert(1)</script>'}]}, '<b>.md')
    assert.doesNotMatch(body, /<script>|<b>/)
  })
})
