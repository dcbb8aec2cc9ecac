import {memoSlot} from '../parse/memo.js'
import {provider} from '../rule-context.js'
import type {SpunMatch} from '../spun/detector.js'
import {spunDetector} from '../spun/load.js'

const SPUN = memoSlot<readonly SpunMatch[]>('standard terms with a word swapped, in a sentence')

/** A standard term found with a word swapped for a synonym, at document offsets. */
export interface SpunHit {
  term: string
  source: string
  sentence: number
  offset: number
  endOffset: number
}

/** Every spun reading of a standard term in the draft (spun/detector.ts), kept per sentence. */
export const spunTerms = provider('spun terms', (ctx): SpunHit[] => {
  const detector = spunDetector()
  const out: SpunHit[] = []
  ctx.draft.sentences.forEach((sentence, index) => {
    const matches = sentence.memo.getOr(SPUN, () => detector.find(sentence.tokens))
    for (const m of matches) {
      const t = detector.term(m.term)
      out.push({term: t.term, source: t.source, sentence: index, offset: sentence.tokens[m.start].offset, endOffset: sentence.tokens[m.end - 1].endOffset})
    }
  })
  return out
})
