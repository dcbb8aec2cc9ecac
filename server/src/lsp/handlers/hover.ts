import {MarkupKind, type Hover, type HoverParams} from 'vscode-languageserver/node'
import {ruleDocUrl, termsAt, type Entry, type Finding} from '../../engine/index.js'
import type {ServerContext} from '../context.js'
import {rangeOf} from '../convert.js'

/** Markdown must not read a message's own * _ [ ] < as formatting. */
const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]<>#|]/g, '\\$&')

function sourceLink(url: string): string {
  try {
    const {host} = new URL(url)
    return `[${escapeMarkdown(host.replace(/^www\./, ''))}](${url})`
  } catch {
    return escapeMarkdown(url)
  }
}

/**
 * What a hover on a terminology phrase says: the finding's message (when a rule flagged it),
 * the plain-language explanation, the preferred wording and the source behind the entry.
 */
function termHover(entry: Entry, written: string, finding?: Finding): string {
  const parts: string[] = []
  const rule = finding?.ruleId ?? entry.rule
  parts.push(`**${escapeMarkdown(written)}** · oncolint [${rule}](${ruleDocUrl(rule)})`)
  if (finding) parts.push(escapeMarkdown(finding.message))
  if (entry.explain) parts.push(`**Plain words:** ${escapeMarkdown(entry.explain.replace(/^\((.*)\)$/s, '$1'))}`)
  const prefer = (entry.prefer ?? []).filter((p) => p !== '')
  if (prefer.length) parts.push(`**Prefer:** ${prefer.map((p) => `“${escapeMarkdown(p)}”`).join(', ')}`)
  parts.push(`**Source:** ${sourceLink(entry.source)}`)
  return parts.join('\n\n')
}

/**
 * textDocument/hover: on a phrase a rule flagged, the finding with its terminology entry; on a
 * known term no rule flagged there (explained, or used before), its explanation still helps.
 */
export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const doc = ctx.documents.get(params.textDocument.uri)
  if (!doc) return null
  const linted = await ctx.linter.current(doc)
  if (!linted) return null
  const {findings, docConfig} = linted
  const offset = doc.offsetAt(params.position)
  const text = doc.getText()
  const terms = docConfig.terminology
  const finding = findings.find((f) => f.entryId && f.offset <= offset && offset <= f.endOffset && terms.byId.has(f.entryId))
  const entry = finding?.entryId === undefined ? undefined : terms.byId.get(finding.entryId)
  if (finding && entry) {
    return {
      contents: {kind: MarkupKind.Markdown, value: termHover(entry, text.slice(finding.offset, finding.endOffset), finding)},
      range: rangeOf(doc, finding.offset, finding.endOffset),
    }
  }
  const term = termsAt(text, offset, doc.languageId, terms).find((t) => t.entry.explain)
  if (!term) return null
  return {
    contents: {kind: MarkupKind.Markdown, value: termHover(term.entry, text.slice(term.offset, term.endOffset))},
    range: rangeOf(doc, term.offset, term.endOffset),
  }
}
