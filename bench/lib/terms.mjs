// oncolint's accuracy/nonstandard-term list as textlint-rule-terminology `terms`, so the peer
// looks for the same phrases. textlint-rule-terminology has no phrase syntax, so each pattern
// is expanded into the plain word sequences it stands for (alternatives and optional words),
// each given as [escaped literal, prefer[0]]. What plain strings cannot say is left out and
// counted: `<num>`, `...` (gaps) and oncolint's stemming (textlint only sees the exact words).
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'

const MAX_EXPANSIONS = 512

/** Expands one oncolint pattern into word sequences; null when it needs `...` or `<num>`. */
export function expandPattern(pattern) {
  let i = 0
  const src = pattern.trim()
  // sequence := item* ; item := word | "word" | (alt|alt) | [alt|alt]
  const parseSeq = (stop) => {
    let seqs = ['']
    while (i < src.length && !stop.includes(src[i])) {
      const c = src[i]
      if (/\s/.test(c)) {
        i++
        continue
      }
      let options
      if (c === '(' || c === '[') {
        i++
        options = parseAlts(c === '(' ? ')' : ']')
        if (options === null) return null
        if (c === '[') options.push('')
      } else if (c === '"') {
        const end = src.indexOf('"', i + 1)
        options = [src.slice(i + 1, end)]
        i = end + 1
      } else {
        const m = /^[^\s()[\]|"]+/.exec(src.slice(i))
        i += m[0].length
        if (m[0] === '...' || m[0].includes('<num>')) return null
        options = [m[0]]
      }
      const next = []
      for (const s of seqs) for (const o of options) next.push(`${s} ${o}`.trim())
      if (next.length > MAX_EXPANSIONS) return null
      seqs = next
    }
    return seqs
  }
  const parseAlts = (close) => {
    const alts = []
    for (;;) {
      const seq = parseSeq(`|${close}`)
      if (seq === null) return null
      alts.push(...seq)
      if (src[i] === '|') i++
      else {
        i++ // the closing bracket
        return alts
      }
    }
  }
  const result = parseSeq('')
  return result && [...new Set(result.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))]
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The `terms` option for textlint-rule-terminology, plus what could not be converted. */
export function textlintTerms(yamlPath) {
  const entries = parse(readFileSync(yamlPath, 'utf8')) ?? []
  const terms = []
  let entriesUsed = 0
  let skippedPatterns = 0
  for (const entry of entries) {
    if (!entry?.find || !entry.prefer?.length) continue
    let used = false
    for (const pattern of entry.find) {
      const phrases = expandPattern(pattern)
      if (!phrases) {
        skippedPatterns++
        continue
      }
      for (const phrase of phrases) terms.push([escapeRegExp(phrase), entry.prefer[0]])
      used = true
    }
    if (used) entriesUsed++
  }
  return {terms, entries: entriesUsed, skippedPatterns}
}
