import {readabilityOf} from '../../analyses/readability.js'
import {memoSlot} from '../../parse/memo.js'
import {sentenceShape, type SentenceShape} from '../../readability/sentence-shape.js'
import type {RawFinding, Rule} from '../../rule-context.js'

/** A series is worth a bulleted list when it is this share of the sentence. */
const SERIES_SHARE = 0.3
/** Brackets are worth their own sentence when they hold this share of the sentence, and at least BRACKET_WORDS words. */
const BRACKET_SHARE = 0.25
const BRACKET_WORDS = 6
const QUOTE_CHARS = 50

/** A sentence's shape depends only on its own chunk's text: kept, so an edit elsewhere does not read it again. */
const SHAPE = memoSlot<SentenceShape>('the shape of a long sentence')

/**
 * readability/long-sentence: a sentence longer than the limit. The finding covers the sentence
 * (its length is the problem) and the message names what makes it long and where to cut it: a
 * series that could be bullet points, words in brackets, or the place a second sentence could
 * start (readability/sentence-shape.ts). A glossary label before a colon ("Biopsy: …") is not
 * counted: it is a label, read like a heading.
 */
export const longSentence: Rule = {
  id: 'readability/long-sentence',
  family: 'readability',
  defaultSeverity: 'warning',
  description: 'A sentence has more words than patients read easily (default 25); the message says where to cut it.',
  check(ctx) {
    const {draft, config} = ctx
    const {sentenceCounts} = ctx.get(readabilityOf)
    const out: RawFinding[] = []
    for (const [i, s] of draft.sentences.entries()) {
      if (draft.paragraphs[s.paragraph].heading) continue
      if (sentenceCounts[i].words <= config.maxSentenceWords) continue
      const shape = s.memo.getOr(SHAPE, () => sentenceShape(draft.text, s))
      const words = sentenceCounts[i].words - shape.labelWords
      if (words <= config.maxSentenceWords) continue
      const label = shape.labelWords ? ' (not counting the label before its colon)' : ''
      out.push({
        ruleId: this.id,
        message: `Sentence has ${words} words${label}; patients read sentences of ${config.maxSentenceWords} words or fewer more easily. ${cause(shape, words)}`,
        offset: s.offset,
        endOffset: s.endOffset,
        suggestions: [],
      })
    }
    return out
  },
}

const quote = (s: string): string => (s.length <= QUOTE_CHARS ? s : `${s.slice(0, s.lastIndexOf(' ', QUOTE_CHARS))} …`)

/** What makes the sentence long, and what to do about it. */
function cause(shape: SentenceShape, words: number): string {
  const {series, bracketWords} = shape
  if (series && series.words >= words * SERIES_SHARE) return `Its list of ${series.items} items ('${quote(series.text)}') could be bullet points.`
  if (bracketWords >= BRACKET_WORDS && bracketWords >= words * BRACKET_SHARE) return `${bracketWords} of its words are in brackets: give that explanation a sentence of its own.`
  const split = shape.splits.find((p) => p.before > shape.labelWords)
  if (split) return `Split it at '${split.joint}' after '${split.after}' (word ${split.before - shape.labelWords}).`
  if (series) return `Its list of ${series.items} items ('${quote(series.text)}') could be bullet points.`
  return 'It has no natural break: say it as two sentences.'
}
