/**
 * Whether a medical term is explained where it is used, by the forms plain-language guides
 * teach: "X (…)", "X, which means …", "X, or …", "X — …", "X: …", "X is when …",
 * "X is a [thing] that/of …", "X means …", "X refers to …", "called X", "known as X", and
 * for an acronym "the words it stands for (X)".
 *
 * "X is a/the …" explains only when it says what X is: "Angiogenesis is the growth of new
 * blood vessels" does, "Metastasis is the culprit behind most deaths", "… is one of the most
 * dangerous events", "… is important" and "… is a serious problem" do not. So the words
 * after "is" must not open with a judgement (EVALUATIVE) and must reach a word that links a
 * definition (LINKS: "that", "of", "when"...) within a few words.
 */

const AFTER_WINDOW = 120
const BEFORE_WINDOW = 40
/** How many words after "is" a definition has to show its link word ("a test that"). */
const LINK_WITHIN = 8

// Words that open a judgement or a description of how often, not a definition.
const EVALUATIVE = new Set(
  `one not also very so too quite often usually always never sometimes rarely mostly mainly
  important common rare serious dangerous major main key leading big bigger biggest best worst
  most more less least great greater greatest good bad better critical crucial vital essential
  significant necessary possible likely unlikely hard easy difficult simple complex complicated
  different similar same only first-line usual frequent treatable curable deadly fatal painful
  culprit problem concern challenge goal focus priority topic issue threat obstacle factor feature
  hallmark must example option possibility question sign symptom cause result reason risk danger
  worry fear right wrong safe unsafe helpful useful available effective normal okay ok fine`.split(/\s+/),
)
// Words that link a definition to what it defines ("a test that…", "the growth of…").
const LINKS = new Set(`that which who whom whose where when how what of for to in from inside around between used made called like such`.split(/\s+/))
// Without "a/the", only a relative clause shows a definition ("is cancer that starts…");
// "is right for you", "is common in older people" describe.
const RELATIVES = new Set(`that which who whom whose where when`.split(/\s+/))
// A verb, adverb or participle after "is" makes a clause about X, not a definition of it
// ("is treated with drugs that…", "is slowly growing").
const VERB_LIKE = /(?:ed|ly|ing)$|^(?:found|given|seen|known|made|spread|done|taken|shown|grown|kept|left|thought)$/
const DETERMINERS = new Set(['a', 'an', 'the'])
const OPENERS = new Set(['when', 'what', 'how', 'where', 'whether'])

const WORD = /[\p{L}\p{N}'’-]+/gu
const SENTENCE_END = /[.;!?]/
const PLURAL = /^(?:s|es)\b/
const EMPHASIS_START = /^[*_]+/
// Starts only where a run of markers starts (the lookbehind): tried at every marker of a long
// run, `[*_]+$` would be quadratic in the run's length.
const EMPHASIS_END = /(?<![*_])[*_]+$/
const PAREN = /^\s*\(([^()]*)\)?/
// Parentheses that give an acronym, a number, a year, a citation or examples, not a meaning.
const NOT_A_MEANING = /^\s*(?:[\p{Lu}\d][\p{Lu}\d\s,.&/-]*s?|\d.*|(?:see|fig|figure|table|ref|e\.g\.|eg|for example)\b.*)\s*$/u
const DASH = /^\s*(?:[—–]|--|\s-)\s*[\p{L}"'“‘(]/u
const COLON = /^\s*:\s*[\p{L}"'“‘(]/u
const COMMA = /^\s*,\s*/
const VERB_EXPLAINS = /^\s+(?:means?|meant|refers?\s+to|describes?|stands?\s+for|is\s+short\s+for)\b/i
const COPULA = /^\s+(?:is|are|was|were)\s+/i
// After a comma: ", which means …", ", meaning …", ", also called …".
const COMMA_EXPLAINS = /^(?:(?:which|that)\s+(?:means?|meant|refers?\s+to|describes?|stands?\s+for)|meaning|i\.e\.|that is|in other words|also called|also known as|known as|called)\b/i
const COMMA_COPULA = /^(?:which|that|who)\s+(?:is|are|was|were)\s+/i
const COMMA_OR = /^or\s/i
const NAMED_BEFORE = /\b(?:called|known\s+as|named|termed|referred\s+to\s+as|the\s+term\s+for)\s+(?:an?\s+|the\s+)?["'“‘]?$/i
const LIST_ITEM_BEFORE = /,\s*$/
const OPEN_PAREN_BEFORE = /[\p{L}\p{N}]\s*\(\s*$/u
const CLOSE_PAREN_AFTER = /^s?\s*\)/
const ACRONYM = /^[\p{Lu}\d-]{2,}s?$/u

export function isExplained(text: string, offset: number, endOffset: number): boolean {
  // Markdown emphasis around the term ("**angiogenesis** (…)") does not hide the explanation.
  const before = text.slice(Math.max(0, offset - BEFORE_WINDOW), offset).replace(EMPHASIS_END, '')
  if (NAMED_BEFORE.test(before)) return true
  const after = text.slice(endOffset, endOffset + AFTER_WINDOW).replace(PLURAL, '').replace(EMPHASIS_START, '')
  // "circulating tumor cells (CTCs)": an acronym right after the words it stands for.
  if (OPEN_PAREN_BEFORE.test(before) && CLOSE_PAREN_AFTER.test(after) && ACRONYM.test(text.slice(offset, endOffset))) return true
  const paren = PAREN.exec(after)
  if (paren) return !NOT_A_MEANING.test(paren[1])
  if (DASH.test(after) || COLON.test(after) || VERB_EXPLAINS.test(after)) return true
  const copula = COPULA.exec(after)
  if (copula) return definesAfterCopula(after.slice(copula[0].length))
  const comma = COMMA.exec(after)
  if (!comma) return false
  const rest = after.slice(comma[0].length)
  if (COMMA_EXPLAINS.test(rest)) return true
  // ", which is …" is an aside that exists to describe, so only a judgement fails it
  // (", which is common"); "X is …" as the main clause must show a definition's link word.
  const which = COMMA_COPULA.exec(rest)
  if (which) return definesAfterCopula(rest.slice(which[0].length), false)
  // "Metastasis, or the spread of cancer, …" explains; "surgery, chemotherapy, or radiation" lists.
  // An appositive ("Metastasis, the spread of cancer, …") is not taken: without a parser it
  // cannot be told from a main clause ("After extravasation, the cells settle…").
  return COMMA_OR.test(rest) && !LIST_ITEM_BEFORE.test(before)
}

/** True when the words after "is" say what the term is: "when …", "cancer that …", "the growth of …". */
function definesAfterCopula(rest: string, needsLink = true): boolean {
  const end = rest.search(SENTENCE_END)
  const words: string[] = (end >= 0 ? rest.slice(0, end) : rest).toLowerCase().match(WORD) ?? []
  if (words.length === 0) return false
  if (OPENERS.has(words[0])) return true
  if (words[0] === 'also') return words[1] === 'called' || (words[1] === 'known' && words[2] === 'as')
  const head = DETERMINERS.has(words[0]) ? 1 : 0
  if (head >= words.length || EVALUATIVE.has(words[0]) || EVALUATIVE.has(words[head])) return false
  if (!needsLink) return true
  if (head === 0 && VERB_LIKE.test(words[0])) return false
  const links = head ? LINKS : RELATIVES
  for (let i = head + 1; i < Math.min(words.length, head + 1 + LINK_WITHIN); i++) if (links.has(words[i])) return true
  return false
}
