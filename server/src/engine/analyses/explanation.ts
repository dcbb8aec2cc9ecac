import type {Draft} from '../parse/draft.js'
import {memoSlot} from '../parse/memo.js'

/**
 * Whether a medical term is explained where it is first used, by the forms plain-language
 * guides teach (the CDC Clear Communication Index: explain a term in the same sentence or
 * right after it; the NHS style guide: "piles (haemorrhoids)").
 *
 * In the sentence, after the term: "X (…)", "X, which means/is …", "X, or …", "X — …", "X: …",
 * "X is when …", "X is a [thing] that/of …", "X means …", "X refers to …", "X, also called …",
 * and an appositive with a defining clause ("oncologists, doctors who treat cancer").
 * Before it: "… is called X", "… known as X", "doctors call this X", "… (X)", "… (or X)",
 * "…, or X." (the name of what the clause described), and for an acronym "the words it stands
 * for (X)". In the draft: a sentence that opens with the term and says what it does ("Ablation
 * uses heat to …"), a bold lead ("**Targeted therapy** uses drugs …"), a glossary label
 * ("Stage IIIC: cancer has spread …", "Biopsy" over ": the removal of …"), and the next
 * sentence ("You may have a biopsy. In a biopsy, the doctor …", "… remission. This means …").
 *
 * "X is a/the …" explains only when it says what X is: "Angiogenesis is the growth of new
 * blood vessels" does, "Metastasis is the culprit behind most deaths", "… is one of the most
 * dangerous events", "… is important" and "… is a serious problem" do not. So the words
 * after "is" must not open with a judgement (EVALUATIVE) and must reach a word that links a
 * definition (LINKS: "that", "of", "when"...) within a few words.
 */

const AFTER_WINDOW = 120
/** How far after a term a head noun may stand ("… antibody therapy"). */
const HEAD_WINDOW = 40
const BEFORE_WINDOW = 80
/** How many words after "is" a definition has to show its link word ("a test that"). */
const LINK_WITHIN = 8
/** How many words an appositive may run before its defining word ("a small device placed …"). */
const APPOSITIVE_WITHIN = 6
/** How many describing words may stand between "called" and the term ("called anal adenocarcinoma"). */
const NAME_MODIFIERS = 4
/** How many words a clause must have before ", or X" to be a description X names, not a list. */
const DESCRIPTION_WORDS = 5
/** How many words a glossary label may have before its colon ("Serum tumor marker test: …"). */
const LABEL_WORDS = 8

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
// Judgements that may describe the kind of thing a definition names ("a rare tumor that …").
const DESCRIBING = new Set(`rare common uncommon most more less serious slow fast large small main major usual`.split(/\s+/))
// Judgement nouns: "is a serious problem", "is the main cause" say how bad, not what it is.
const EVALUATIVE_NOUN = new Set(
  `one culprit problem concern challenge goal focus priority topic issue threat obstacle factor feature hallmark must example option possibility question sign symptom cause result reason risk danger worry fear`.split(/\s+/),
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
const NAMING_ADVERBS = new Set(['also', 'sometimes', 'often', 'usually', 'commonly'])
const OPENERS = new Set(['when', 'what', 'how', 'where', 'whether'])
// Words that link an appositive to its definition: "doctors who…", "a device placed under…".
const APPOSITIVE_LINKS = new Set(`who that which where whose used placed made called put given found`.split(/\s+/))
// Words that open an introductory phrase, whose comma is not an appositive's ("After X, the cells that…").
const INTRODUCERS = new Set(
  `after before during when whenever if once while because since although though unless until as in on at with without following through by for from into about like unlike besides despite`.split(/\s+/),
)
// Verbs that say what a treatment or test is when the term opens the sentence ("Ablation uses heat …").
const DEFINING_VERBS = /^\s+(?:uses?|involves?|works\s+by|is\s+a\s+way\s+of)\b/i

// Head nouns that may follow the term in the phrase a definition is about: "Monoclonal
// antibody therapy is a treatment that …" defines the term with the therapy.
const HEAD_NOUN = /^(?:s|es)?[*_]*\s+(?:therapy|therapies|treatment|treatments|test|tests|testing|scan|scans|surgery|procedure|drug|drugs|cancer|cancers|tumor|tumors|tumour|tumours|disease|diseases|syndrome|syndromes|disorder|disorders|care|cell|cells)\b/i
// A person named by their work opens the sentence and a verb says what they do: "A pathologist looks at …".
const WORKER = /(?:ist|ists|ian|ians)$/i
const WORKER_VERB = /^\s+(?!is\b|has\b|was\b|does\b)[a-z]+s\b/

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
// ", which uses magnets …": what a test or treatment does is what it is to a reader.
const COMMA_DOES = /^(?:which|that)\s+(?:uses?|takes?|makes?|shows?|looks\s+(?:at|for)|measures?|checks?|removes?|kills?|destroys?|blocks?|stops?|shrinks?|carries|carry|filters?|treats?|combines?|contains?|attaches|attach|targets?|finds?|detects?|produces?|releases?|lowers?|slows?|prevents?|helps?\s+(?:the\s+)?(?:body|immune|cells?|blood))\b/i
const COMMA_OR = /^or\s/i
// "of a drug", "of the treatment": what the term is of, before "means" or "is".
const OF_WHAT = /^\s+of\s+(?:an?|the|your)\s+[\p{L}-]+/iu

// "… is called X", "a step known as X", "doctors call this X", with a few describing words
// between ("called anal adenocarcinoma", "also called biotherapy or immunotherapy"); not "she
// called the clinic about her X" (a pronoun or "has" before "called" makes it a phone call).
const NAMED_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}'’])(?<who>[\p{L}'’]+)?\s*\b(?:called|known\s+as|named|termed|referred\s+to\s+as|the\s+term\s+for|(?:call|calls)\s+(?:this|it|that|these|them))\s+(?:an?\s+|the\s+)?["'“‘]?(?:[\p{L}\p{N}'’-]+\s+){0,${NAME_MODIFIERS}}["'“‘]?$`,
  'iu',
)
// What the sentence (or the one before) described, named: "…, this is a secondary cancer", "This
// is a local recurrence"; not "this is a serious X", whose words before the term judge it.
const THIS_IS_BEFORE = /(?:^|[,;]\s*|[.!?]\s+)(?:this|that|these)\s+(?:is|are)\s+(?:also\s+)?(?:an?\s+|the\s+)?(?:local\s+|distant\s+|new\s+)?["'“‘]?$/iu
// A name given in quotes after "is the …": "The place where a cancer first starts is the ‘primary
// cancer’"; quotes mark the words as the name being taught.
const QUOTED_NAME_BEFORE = /\b(?:is|are)\s+(?:an?\s+|the\s+|called\s+)?["“‘']$/iu
const QUOTE_CLOSE_AFTER = /^(?:s|es)?["”’']/
// Another name in quotes after "or": "a secondary cancer or a ‘metastasis’".
const OR_QUOTED_BEFORE = /[\p{L}]\s+or\s+(?:an?\s+|the\s+)?["“‘']$/iu
// The term mentioned as a term ("the terms ‘advanced’ and ‘metastatic’ mean different things"):
// the writer is about to say what it means.
const MENTIONED_BEFORE = /\bthe\s+(?:terms?|words?|phrases?|names?)\s+(?:["“‘'][^"”’'\n]{1,40}["”’']\s*(?:,|and|or)\s+)?["“‘']$/iu
const NOT_A_NAMER = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'has', 'have', 'had', 'who'])
// "… (X)" or "… (or X)": the term alone in brackets after the words it names.
// Not "(such as X)", "(see X)", "(for example X)": those give examples or pointers, not a name.
const IN_BRACKETS_BEFORE = /[\p{L}\p{N}][*_]*\s*\((?!\s*(?:such|see|for|e\.g|eg|like|including|unlike|not|except|with|without|from|in|on|at|to)\b)\s*(?:(?:or|also\s+called|called|known\s+as|i\.e\.,?)\s+)?(?:(?:an?|the)\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,2}$/iu
const CLOSE_PAREN_AFTER = /^(?:s|es)?[*_]*\s*\)/
// An acronym in brackets may share them with a second name: "(NF1; von Recklinghausen disease)".
const ACRONYM_CLOSE_AFTER = /^s?\s*[);,]/
const LIST_ITEM_BEFORE = /,\s*$/
const OPEN_PAREN_BEFORE = /[\p{L}\p{N}]\s*\(\s*$/u
const ACRONYM = /^[\p{Lu}\d-]{2,}s?$/u
// ", or X" closing the clause: "tests can find cancer left after treatment, or minimal residual disease."
const OR_BEFORE = /,\s+or\s+(?:(?:an?|the)\s+)?$/i
const CLAUSE_END_AFTER = /^(?:s|es)?[*_"'”’]*\s*(?:[.;:!?)]|,\s|$)/
// After a name "this is" gives: the clause ends, or goes on with "and …", "or …"; "of the cancer" may come first.
const NAME_END_AFTER = /^(?:s|es)?[*_"'”’]*(?:\s*(?:[.;:!?)]|,\s|$)|\s+(?:or|and)\s)/
const OF_WHAT_AFTER = /^[^\S\n]+of\s+(?:the|your|a|an)\s+[\p{L}-]+/iu

export function isExplained(text: string, offset: number, endOffset: number): boolean {
  // "Monoclonal antibody therapy is a treatment that …": the definition of the phrase explains the term.
  const head = HEAD_NOUN.exec(text.slice(endOffset, endOffset + HEAD_WINDOW))
  if (head && explainedAt(text, offset, endOffset + head[0].length)) return true
  return explainedAt(text, offset, endOffset)
}

function explainedAt(text: string, offset: number, endOffset: number): boolean {
  // Markdown emphasis around the term ("**angiogenesis** (…)") does not hide the explanation.
  const before = text.slice(Math.max(0, offset - BEFORE_WINDOW), offset).replace(EMPHASIS_END, '')
  if (namedBefore(before)) return true
  const after = text.slice(endOffset, endOffset + AFTER_WINDOW).replace(PLURAL, '').replace(EMPHASIS_START, '')
  const rawAfter = text.slice(endOffset, endOffset + AFTER_WINDOW)
  if (THIS_IS_BEFORE.test(before) && NAME_END_AFTER.test(rawAfter.replace(OF_WHAT_AFTER, ''))) return true
  const quoted = QUOTE_CLOSE_AFTER.test(rawAfter)
  if (quoted && (QUOTED_NAME_BEFORE.test(before) || OR_QUOTED_BEFORE.test(before) || MENTIONED_BEFORE.test(before))) return true
  // "circulating tumor cells (CTCs)": an acronym right after the words it stands for.
  if (OPEN_PAREN_BEFORE.test(before) && ACRONYM_CLOSE_AFTER.test(rawAfter) && ACRONYM.test(text.slice(offset, endOffset))) return true
  // "a sample of tissue (a biopsy)", "spread (metastasize)": the term names the words before it.
  if (IN_BRACKETS_BEFORE.test(before) && CLOSE_PAREN_AFTER.test(rawAfter)) return true
  if (orNamesClause(before) && CLAUSE_END_AFTER.test(rawAfter)) return true
  const paren = PAREN.exec(after)
  if (paren && !NOT_A_MEANING.test(paren[1])) return true
  // "Circulating tumor cells (CTCs) are cancer cells that …": an acronym or a reference in
  // brackets stands between the term and what defines it; read on after it.
  if (paren) return explainedAfter(before, after.slice(paren[0].length))
  return explainedAfter(before, after)
}

/** Whether the words after a term (and after any acronym in brackets) explain it. */
function explainedAfter(before: string, after: string): boolean {
  // "The efficacy of a drug means …": the term with what it is of, then the definition.
  const ofWhat = OF_WHAT.exec(after)
  if (ofWhat && (VERB_EXPLAINS.test(after.slice(ofWhat[0].length)) || COPULA.test(after.slice(ofWhat[0].length)))) after = after.slice(ofWhat[0].length)
  if (DASH.test(after) || COLON.test(after) || VERB_EXPLAINS.test(after)) return true
  const copula = COPULA.exec(after)
  if (copula) return definesAfterCopula(after.slice(copula[0].length))
  const comma = COMMA.exec(after)
  if (!comma) return false
  const rest = after.slice(comma[0].length)
  if (COMMA_EXPLAINS.test(rest) || COMMA_DOES.test(rest)) return true
  // ", which is …" is an aside that exists to describe, so only a judgement fails it
  // (", which is common"); "X is …" as the main clause must show a definition's link word.
  const which = COMMA_COPULA.exec(rest)
  if (which) return definesAfterCopula(rest.slice(which[0].length), false)
  // "Metastasis, or the spread of cancer, …" explains; "surgery, chemotherapy, or radiation" lists.
  if (COMMA_OR.test(rest)) return !LIST_ITEM_BEFORE.test(before)
  return appositive(before, rest)
}

/** "… is called X" (with up to a few describing words before X), but not "she called …". */
function namedBefore(before: string): boolean {
  const line = before.slice(Math.max(before.lastIndexOf('\n'), before.search(/[.!?;:,(][^.!?;:,(]*$/)) + 1)
  const m = NAMED_BEFORE.exec(line)
  if (!m) return false
  const who = m.groups?.who?.toLowerCase()
  return who === undefined || !NOT_A_NAMER.has(who)
}

/** ", or X" after a clause of several words that X names, not after a list of short items. */
function orNamesClause(before: string): boolean {
  const m = OR_BEFORE.exec(before)
  if (!m) return false
  const clause = before.slice(0, m.index)
  const start = Math.max(clause.search(/[,;:(][^,;:(]*$/), clause.search(/[.!?][^.!?]*$/))
  return (clause.slice(start + 1).match(WORD) ?? []).length >= DESCRIPTION_WORDS
}

/**
 * "oncologists, doctors who treat cancer": a noun phrase after the comma that reaches a
 * defining word within a few words. Not after an introductory phrase ("After X, the cells that
 * survive …"), whose comma ends the phrase rather than opening an appositive.
 */
function appositive(before: string, rest: string): boolean {
  const words = (rest.split(SENTENCE_END)[0].toLowerCase().match(WORD) ?? []).slice(0, APPOSITIVE_WITHIN + 1)
  if (words.length < 2 || !words.slice(1).some((w) => APPOSITIVE_LINKS.has(w))) return false
  if (/^(?:who|that|which|where|whose|and|but|or|so|if|when|because|while|although)$/.test(words[0])) return false
  const clauseStart = Math.max(before.search(/[.!?;:,(\n][^.!?;:,(\n]*$/), 0)
  const opener = (before.slice(clauseStart).toLowerCase().match(WORD) ?? [])[0]
  return opener === undefined || !INTRODUCERS.has(opener)
}

/** True when the words after "is" say what the term is: "when …", "cancer that …", "the growth of …". */
function definesAfterCopula(rest: string, needsLink = true): boolean {
  const end = rest.search(SENTENCE_END)
  const words: string[] = (end >= 0 ? rest.slice(0, end) : rest).toLowerCase().match(WORD) ?? []
  if (words.length === 0) return false
  if (OPENERS.has(words[0])) return true
  // "is also called advanced cancer", "is sometimes referred to as stage 4": another name.
  const named = NAMING_ADVERBS.has(words[0]) ? 1 : 0
  if (words[named] === 'called' || (words[named] === 'known' && words[named + 1] === 'as') || (words[named] === 'referred' && words[named + 1] === 'to' && words[named + 2] === 'as')) return true
  if (named) return false
  // "is made up of vessels, nodes and organs": what it consists of.
  if (words[0] === 'made' && (words[1] === 'of' || (words[1] === 'up' && words[2] === 'of'))) return true
  let head = DETERMINERS.has(words[0]) ? 1 : 0
  // "is a rare tumor that …", "is the most common type of …": a judgement may describe the
  // kind of thing the definition names; "is a serious problem", "is the leading cause" do not.
  if (head === 1) for (let k = 0; k < 2 && head + 1 < words.length && DESCRIBING.has(words[head]) && !EVALUATIVE_NOUN.has(words[head + 1]); k++) head++
  if (head >= words.length || EVALUATIVE.has(words[0]) || EVALUATIVE.has(words[head])) return false
  if (!needsLink) return true
  if (head === 0 && VERB_LIKE.test(words[0])) return false
  const links = head ? LINKS : RELATIVES
  for (let i = head + 1; i < Math.min(words.length, head + 1 + LINK_WITHIN); i++) if (links.has(words[i])) return true
  // "is treatment given before the main treatment", "is surgery done to …": a kind of thing and
  // what is done with it, with no article.
  return head === 0 && words.length > 2 && PARTICIPLE_LINKS.has(words[1])
}

// Participles that tell what a bare noun after "is" is for ("treatment given before …").
const PARTICIPLE_LINKS = new Set(`given used done made taken put placed carried performed offered found aimed designed meant`.split(/\s+/))

/** One use of a term in a draft: its sentence and where it stands. */
export interface TermUse {
  sentence: number
  offset: number
  endOffset: number
}

// What may open a line before a label: indentation, block quote markers, a list marker.
const LINE_OPEN = String.raw`^[ \t>]*(?:(?:[-*+•]|\d{1,9}[.)])[ \t]+)?`
// A bold lead, open before the term: "- **Serum tumor marker test**: …", "**Targeted therapy** uses …".
const BOLD_LEAD = new RegExp(`${LINE_OPEN}(?:\\*\\*|__)[^*_\\n]*$`)
const BOLD_CLOSE = /^[^*_\n]*?(?:\*\*|__)/
// A plain label: the start of a line up to the term, with no sentence end in it.
const LABEL_LEAD = new RegExp(`${LINE_OPEN}[^.!?:\\n]*$`)
// A definition line: the term alone on its line (emphasis allowed), the next opening with ": ".
const TERM_LINE_LEAD = new RegExp(`${LINE_OPEN}[*_]*$`)
const DEFINITION_NEXT = /^(?:s|es)?[*_]*[ \t]*\r?\n[ \t]*:[ \t]+\S/
const SENTENCE_OPENER = /^(?:(?:a|an|the|your)\s+)?$/i
// The next sentence may name a kind of the term: "A treatment clinical trial is a research study …".
const NEXT_OPENER = /^(?:(?:a|an|the|your)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu
// The next sentence explains: "In a biopsy, the doctor takes out …", "This means …".
const IN_TERM = /^\s*(?:[*_]+)?in\s+(?:(?:a|an|the)\s+)?$/i
const THIS_MEANS = /^\s*(?:this|that|it)\s+(?:means|is\s+when|refers\s+to|describes|uses|works\s+by)\b/i

/**
 * Whether the first use of a term is explained, by any form: in its sentence (isExplained),
 * by how its paragraph opens (a bold lead, a glossary label, a definition line), by its
 * sentence opening with it and a defining verb, or by the next sentence (`next`: the term's
 * uses in the sentence after this one).
 */
export function explainedInDraft(draft: Draft, use: TermUse, next: readonly TermUse[]): boolean {
  // Kept in the sentence's memo (its chunk's text is fixed there), keyed by everything the
  // answer reads beyond the chunk: the windows around the term, and the next sentence with
  // the term's uses in it. The jargon analyses ask of every use of every unexplained term
  // on every lint, and an edit elsewhere changes none of these.
  const sentence = draft.sentences[use.sentence]
  const following = draft.sentences[use.sentence + 1]
  const {text} = draft
  let key = `${use.offset - sentence.offset}|${use.endOffset - sentence.offset}|${text.slice(Math.max(0, use.offset - BEFORE_WINDOW), use.offset)}|${text.slice(use.endOffset, use.endOffset + AFTER_WINDOW + HEAD_WINDOW)}`
  if (following) {
    let end = following.endOffset
    for (const again of next) end = Math.max(end, again.endOffset + AFTER_WINDOW + HEAD_WINDOW)
    key += `|${draft.paragraphs[following.paragraph].heading}|${following.paragraph - sentence.paragraph}|${next.map((u) => `${u.offset - following.offset}-${u.endOffset - following.offset}`).join(',')}|${text.slice(Math.max(0, following.offset - BEFORE_WINDOW), end)}`
  }
  let known = sentence.memo.get(EXPLAINED)
  if (!known || known.size > MAX_EXPLAINED_KEYS) known = sentence.memo.set(EXPLAINED, new Map())
  let answer = known.get(key)
  if (answer === undefined) known.set(key, (answer = explainedInDraftNow(draft, use, next)))
  return answer
}

const EXPLAINED = memoSlot<Map<string, boolean>>('whether the uses of terms in a sentence are explained')
/** Keys one sentence keeps: its uses, in the contexts of a few versions of its neighbours. */
const MAX_EXPLAINED_KEYS = 64

function explainedInDraftNow(draft: Draft, use: TermUse, next: readonly TermUse[]): boolean {
  const {text} = draft
  if (isExplained(text, use.offset, use.endOffset)) return true
  const sentence = draft.sentences[use.sentence]
  const lineStart = text.lastIndexOf('\n', use.offset - 1) + 1
  const lead = text.slice(lineStart, use.offset)
  const rest = text.slice(use.endOffset, sentence.endOffset)
  // "**Targeted therapy** uses drugs …", "- **Serum tumor marker test**: A procedure …".
  const close = BOLD_LEAD.test(lead) ? BOLD_CLOSE.exec(rest) : null
  if (close) return (rest.slice(close[0].length).match(WORD) ?? []).length >= 2
  // "Stage IIIC: Cancer has spread …": the term in a short label that a colon closes.
  if (LABEL_LEAD.test(lead)) {
    const colon = /^[^.!?:\n]*:[ \t]*[^\s]/.exec(rest)
    if (colon && (text.slice(lineStart, use.endOffset + colon[0].length).match(WORD) ?? []).length <= LABEL_WORDS + 1) return true
  }
  // "Biopsy" on its own line, then ": the removal of …".
  if (TERM_LINE_LEAD.test(lead) && DEFINITION_NEXT.test(text.slice(use.endOffset, use.endOffset + 12))) return true
  const opening = text.slice(sentence.offset, use.offset)
  // "In stage IV, cancer has spread beyond the pelvis.": what happens in X.
  if (IN_TERM.test(opening) && /^(?:s|es)?[*_]*\s*,/.test(rest)) return true
  // "A pathologist looks at cells under a microscope.": a worker and what they do.
  if (SENTENCE_OPENER.test(opening.replace(/[*_]/g, '')) && WORKER.test(text.slice(use.offset, use.endOffset)) && WORKER_VERB.test(rest)) return true
  // "Ablation uses heat …", "An MRI scan uses magnets …": the term opens its sentence.
  if (SENTENCE_OPENER.test(text.slice(sentence.offset, use.offset).replace(/[*_]/g, '')) && DEFINING_VERBS.test(text.slice(use.endOffset, use.endOffset + AFTER_WINDOW).replace(PLURAL, '').replace(EMPHASIS_START, ''))) {
    return true
  }
  const following = draft.sentences[use.sentence + 1]
  if (!following || draft.paragraphs[following.paragraph].heading || following.paragraph - sentence.paragraph > 1) return false
  if (THIS_MEANS.test(text.slice(following.offset, following.endOffset))) return true
  for (const again of next) {
    const opens = text.slice(following.offset, again.offset)
    if (IN_TERM.test(opens)) return true
    if (NEXT_OPENER.test(opens.replace(/[*_]/g, '')) && isExplained(text, again.offset, again.endOffset)) return true
  }
  return false
}
