import {round1} from '../readability/stats.js'
import {countSyllables} from '../readability/syllables.js'
import type {RawFinding, Rule, RuleContext} from './rule.js'

const fmt = (n: number): string => round1(n).toFixed(1)

// SMOG is the formula health-literacy research trusts most for patient text; it needs a few
// sentences to mean anything, hence the minimums below.
const MIN_SECTION_SENTENCES = 3
const MIN_PARAGRAPH_SENTENCES = 2

export const gradeLevel: Rule = {
  id: 'readability/grade-level',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A section or paragraph reads above the target grade (SMOG).',
  check(ctx) {
    const {draft, stats, config} = ctx
    const target = config.targetGrade
    const out: RawFinding[] = []
    const drivers = (sentenceIdx: number[]): string => {
      let words = 0
      const hard = new Map<string, number>()
      for (const i of sentenceIdx) {
        const s = draft.sentences[i]
        words += ctx.sentenceCounts[i].words
        for (const w of s.words) if (countSyllables(w.text) >= 3) hard.set(w.text.toLowerCase(), (hard.get(w.text.toLowerCase()) ?? 0) + 1)
      }
      const top = [...hard.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).slice(0, 3).map(([w]) => `'${w}'`)
      return `${fmt(words / Math.max(1, sentenceIdx.length))} words a sentence; long words such as ${top.join(', ')}`
    }
    draft.sections.forEach((section, i) => {
      const s = stats.sections[i]
      if (s.counts.sentences < MIN_SECTION_SENTENCES || !(s.grades.smog > target)) return
      const head = draft.paragraphs[section.paragraphs[0]]
      const [offset, endOffset] = head.heading ? [head.offset, head.endOffset] : sentenceRange(ctx, head.sentences[0])
      const body = section.paragraphs.filter((p) => !draft.paragraphs[p].heading).flatMap((p) => draft.paragraphs[p].sentences)
      const name = section.title ? `Section '${section.title}'` : 'The opening section'
      out.push({
        ruleId: this.id,
        message: `${name} reads at grade ${fmt(s.grades.smog)} (SMOG; Flesch-Kincaid ${fmt(s.grades.fleschKincaid)}), above the target of ${target}: ${drivers(body)}.`,
        offset,
        endOffset,
        suggestions: [],
      })
    })
    draft.paragraphs.forEach((p, i) => {
      const s = stats.paragraphs[i]
      if (p.heading || s.counts.sentences < MIN_PARAGRAPH_SENTENCES || !(s.grades.smog > target + 2)) return
      out.push({
        ruleId: this.id,
        message: `Paragraph reads at grade ${fmt(s.grades.smog)} (SMOG), well above the target of ${target}: ${drivers(p.sentences)}.`,
        offset: p.offset,
        endOffset: p.endOffset,
        suggestions: [],
      })
    })
    return out
  },
}

function sentenceRange(ctx: RuleContext, i: number): [number, number] {
  const s = ctx.draft.sentences[i]
  return [s.offset, s.endOffset]
}

export const longSentence: Rule = {
  id: 'readability/long-sentence',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A sentence has more words than patients read easily (default 25).',
  check({draft, config, sentenceCounts}) {
    const out: RawFinding[] = []
    for (const [i, s] of draft.sentences.entries()) {
      if (draft.paragraphs[s.paragraph].heading) continue
      const words = sentenceCounts[i].words
      if (words <= config.maxSentenceWords) continue
      out.push({
        ruleId: this.id,
        message: `Sentence has ${words} words; patients read sentences of ${config.maxSentenceWords} words or fewer more easily. Split it.`,
        offset: s.offset,
        endOffset: s.endOffset,
        suggestions: [],
      })
    }
    return out
  },
}

export const longParagraph: Rule = {
  id: 'readability/long-paragraph',
  family: 'readability',
  defaultSeverity: 'info',
  description: 'A paragraph is longer than patients take in at once (default 120 words).',
  check({draft, config, sentenceCounts}) {
    const out: RawFinding[] = []
    for (const p of draft.paragraphs) {
      if (p.heading) continue
      const words = p.sentences.reduce((n, i) => n + sentenceCounts[i].words, 0)
      if (words <= config.maxParagraphWords) continue
      out.push({
        ruleId: this.id,
        message: `Paragraph has ${words} words; keep paragraphs to ${config.maxParagraphWords} words or fewer so each makes one point.`,
        offset: p.offset,
        endOffset: p.endOffset,
        suggestions: [],
      })
    }
    return out
  },
}
