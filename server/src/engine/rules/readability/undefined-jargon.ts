import {jargonUses, unlistedJargonUses} from '../../analyses/jargon.js'
import type {Entry} from '../../terminology/entry.js'
import type {RawFinding} from '../../rule-context.js'
import type {Suggestion} from '../../types.js'
import {phraseRule} from '../phrase-rule.js'

/**
 * readability/undefined-jargon: a medical term or acronym used with no plain explanation on its
 * first use. Only the first use of a term is judged; a term the draft explains there (in the
 * forms analyses/explanation.ts knows) is not reported. Entries: terminology/readability-jargon.yaml;
 * terms no entry lists are recognised by their form (readability/unlisted-jargon.ts).
 */
export const undefinedJargon = phraseRule({
  id: 'readability/undefined-jargon',
  defaultSeverity: 'warning',
  description: 'A medical term or acronym is used without a plain explanation on first use.',
  data: 'readability-jargon.yaml',
  negatable: false,
  explainable: true,
  check(ctx) {
    const {text} = ctx.draft
    const out: RawFinding[] = []
    for (const {hit, explained, explainedLater} of ctx.get(jargonUses)) {
      if (explained || hit.entry.rule !== undefinedJargon.id) continue
      const actual = text.slice(hit.offset, hit.endOffset)
      const later = explainedLater === undefined ? '' : ` The draft explains it further on (line ${lineOf(text, explainedLater)}): move the explanation here, to its first use.`
      out.push({
        ruleId: undefinedJargon.id,
        message: naming(hit.entry.message, actual) + later,
        offset: hit.offset,
        endOffset: hit.endOffset,
        entryId: hit.entry.id,
        actual,
        suggestions: explainFix(text, hit.offset, hit.endOffset, hit.entry, actual),
      })
    }
    for (const use of ctx.get(unlistedJargonUses)) {
      if (use.explained) continue
      const actual = text.slice(use.offset, use.endOffset)
      const later = use.explainedLater === undefined ? '' : ` The draft explains it further on (line ${lineOf(text, use.explainedLater)}): move the explanation here, to its first use.`
      const message =
        use.kind === 'abbreviation'
          ? `'${actual}' is an abbreviation the draft does not spell out; write it in full the first time you use it, with the abbreviation after it in brackets.`
          : `'${actual}' reads as a medical term; if your readers may not know it, explain it in plain words the first time you use it.`
      out.push({ruleId: undefinedJargon.id, message: message + later, offset: use.offset, endOffset: use.endOffset, actual, suggestions: []})
    }
    out.sort((a, b) => a.offset - b.offset)
    return out
  },
})

/**
 * The entry's message, naming the words underlined: an entry is named by its usual form
 * ("'Metastasis' is …") but may match another ("metastases", "metastatic breast cancer").
 */
function naming(message: string, actual: string): string {
  const named = /^'([^']+)'/.exec(message)
  if (!named || named[1].toLowerCase() === actual.toLowerCase()) return message
  return `'${actual[0].toUpperCase()}${actual.slice(1)}'${message.slice(named[0].length)}`
}

/**
 * The approved explanation, inserted right after the term (after its closing emphasis). Inside
 * brackets it goes in after a comma instead, so brackets never nest: "(see metastasis, cancer
 * that has spread …)", not "(see metastasis (cancer that has spread …))".
 */
function explainFix(text: string, offset: number, endOffset: number, entry: Entry, actual: string): Suggestion[] {
  if (!entry.explain) return []
  const at = endOffset + (/^[*_]+/.exec(text.slice(endOffset, endOffset + 3))?.[0].length ?? 0)
  const inner = entry.explain.replace(/^\((.*)\)$/s, '$1')
  const newText = insideBrackets(text, offset) ? `, ${inner}` : ` (${inner})`
  return [{title: `Explain '${actual}': insert ${newText.trim().replace(/^, /, '')}`, safe: false, preferred: true, edits: [{offset: at, endOffset: at, newText}]}]
}

/** Whether an opening bracket before `offset` on its line is still open there. */
function insideBrackets(text: string, offset: number): boolean {
  let depth = 0
  for (let i = offset - 1; i >= 0 && text[i] !== '\n'; i--) {
    const c = text[i]
    if (c === ')' || c === ']') depth++
    else if (c === '(' || c === '[') {
      if (depth === 0) return true
      depth--
    }
  }
  return false
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
