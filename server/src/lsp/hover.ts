import type {Entry, Finding} from '../engine/index.js'
import {ruleDocUrl} from '../engine/index.js'

/** Markdown must not read a message's own * _ [ ] < as formatting. */
export const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]<>#|]/g, '\\$&')

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
export function termHover(entry: Entry, written: string, finding?: Finding): string {
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
