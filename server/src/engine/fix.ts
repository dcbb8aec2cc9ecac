import type {Edit, Finding} from './types.js'

/**
 * Applies the first safe suggestion of each finding (or any first suggestion with
 * `safeOnly: false`), skipping edits that overlap one already taken, so every character
 * outside the edited ranges stays as it was.
 */
export function applyFixes(text: string, findings: readonly Finding[], {safeOnly = true} = {}): {text: string; applied: Finding[]; edits: Edit[]} {
  const chosen: Array<{finding: Finding; edits: Edit[]}> = []
  for (const finding of findings) {
    const suggestion = finding.suggestions.find((s) => s.safe || !safeOnly)
    if (suggestion) chosen.push({finding, edits: suggestion.edits})
  }
  chosen.sort((a, b) => a.edits[0].offset - b.edits[0].offset)
  const taken: Edit[] = []
  const applied: Finding[] = []
  for (const {finding, edits} of chosen) {
    const clash = edits.some((e) => taken.some((t) => e.offset < t.endOffset && t.offset < e.endOffset || (e.offset === t.offset && e.endOffset === t.endOffset)))
    if (clash) continue
    taken.push(...edits)
    applied.push(finding)
  }
  // An insertion where a replacement starts goes first: the other order would copy the replaced text back.
  taken.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  let out = ''
  let at = 0
  for (const e of taken) {
    out += text.slice(at, e.offset) + e.newText
    at = e.endOffset
  }
  return {text: out + text.slice(at), applied, edits: taken}
}
