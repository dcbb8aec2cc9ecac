import type {Sentence} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'
import type {ClassIndex} from '../terminology/classes.js'
import type {ClassSpans} from '../terminology/matcher.js'
import type {Terminology} from '../terminology/terminology.js'

const SPANS = memoSlot<{index: ClassIndex; spans: ClassSpans}>('class spans of a sentence')

/**
 * Where the word classes stand in a sentence, worked out once and kept in its memo: the phrase
 * matcher, the number analysis, the negation check and the frame words of a heading all ask,
 * and matching every class is several passes over the sentence's tokens. The spans are token
 * indexes, so a sentence that moved in a later version keeps them.
 */
export function classSpansOf(sentence: Sentence, terminology: Terminology): ClassSpans {
  const known = sentence.memo.get(SPANS)
  if (known !== undefined && known.index === terminology.classes) return known.spans
  return sentence.memo.set(SPANS, {index: terminology.classes, spans: terminology.classSpans(sentence.tokens)}).spans
}
