import type {Entry} from '../../server/src/engine/terminology/entry.js'

/**
 * What a one-click suggestion must never do to a writer's sentence, checked on the text before
 * and after its edits. Each check compares the two, so a quirk the writer wrote (a doubled
 * "that that", a number at the start) is never blamed on the suggestion.
 *
 * - doubled words: a word or a run of up to three words said twice in a row ("is is",
 *   "the the", "there is there is");
 * - a/an: "a" before a vowel sound, "an" before a consonant sound, or an article before an
 *   article ("an a");
 * - a sentence end (. ! ?) inside the sentence, or a stop followed by more punctuation: what a
 *   whole replacement sentence pasted over a few words leaves behind;
 * - a capital brought into the middle of a sentence ("Total body Radiation therapy");
 * - a copula left with nothing after it ("Our robotic surgery is.");
 * - a lost subject or verb (see lostSubjectOrVerb);
 * - a lost verb ending: an -ing, -ed or -s form of a word replaced by a form without it
 *   ("commences" -> "start", "physicians" -> "doctor");
 * - a changed number, treatment, organ or stage word (see factsOf).
 */
export interface Applied {
  /** The sentence as written. */
  original: string
  /** The sentence with the suggestion's edits applied. */
  result: string
  /** The words the finding covers, and the edit's own range and text. */
  actual: string
  edit: {offset: number; endOffset: number; newText: string}
  entry: Entry
}

export function problems(a: Applied): string[] {
  const out: string[] = []
  for (const d of added(doubled(a.result), doubled(a.original))) out.push(`doubled words "${d}"`)
  for (const w of added(wrongArticles(a.result), wrongArticles(a.original))) out.push(`wrong article "${w}"`)
  if (sentenceEnds(a.result) > sentenceEnds(a.original)) out.push('a sentence end inside the sentence')
  for (const p of added(stackedStops(a.result), stackedStops(a.original))) out.push(`stacked punctuation "${p}"`)
  const capital = capitalInside(a)
  if (capital) out.push(`capital inside the sentence "${capital}"`)
  for (const c of added(danglingCopulas(a.result), danglingCopulas(a.original))) out.push(`a copula with nothing after it "${c}"`)
  const lost = lostSubjectOrVerb(a)
  if (lost) out.push(lost)
  const ending = lostEnding(a)
  if (ending) out.push(ending)
  out.push(...changedFacts(a))
  return out
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const words = (s: string): string[] => (s.match(WORD) ?? []).map((w) => w.toLowerCase())

/** Items of `now` beyond those in `before` (as multisets). */
function added(now: string[], before: string[]): string[] {
  const left = [...before]
  return now.filter((x) => {
    const i = left.indexOf(x)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

/** Runs of one to three words repeated at once, with only spaces between. */
function doubled(s: string): string[] {
  const out: string[] = []
  const re = /(?<![\p{L}\p{N}'’-])([\p{L}\p{N}'’-]+(?: [\p{L}\p{N}'’-]+){0,2}) \1(?![\p{L}\p{N}'’-])/giu
  for (const m of s.matchAll(re)) out.push(m[1].toLowerCase())
  return out
}

// The sound a word starts with decides a/an; this is an oracle written apart from the engine's own.
const VOWEL_NAMED = 'aefhilmnorsx'
function wantsAn(word: string): boolean {
  if (/^[A-Z]{2,5}(?![a-z])/.test(word) || /^\p{L}(?![\p{L}])/u.test(word)) return VOWEL_NAMED.includes(word[0].toLowerCase())
  if (/^(8|11|18|8\d)(?!\d)/.test(word)) return true
  if (/^\d/.test(word)) return false
  const w = word.toLowerCase()
  if (/^(hour|honest|honou?r|heir)/.test(w)) return true
  return /^[aeiou]/.test(w) && !/^(one|once|uni|use|usu|uti|eu|ewe|ur[aeiou])/.test(w)
}

function wrongArticles(s: string): string[] {
  const out: string[] = []
  for (const m of s.matchAll(/(?<![\p{L}\p{N}'’-])(a|an)\s+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/giu)) {
    const [, article, next] = m
    const lower = next.toLowerCase()
    const bad = ['a', 'an', 'the'].includes(lower) || (article.toLowerCase() === 'an') !== wantsAn(next)
    if (bad) out.push(`${article} ${next}`)
  }
  return out
}

/** Sentence ends: . ! ? (and closing quotes or brackets) before a space or the end. */
const sentenceEnds = (s: string): number => (s.match(/[.!?]["'”’)\]]*(?=\s|$)/g) ?? []).length
const stackedStops = (s: string): string[] => s.match(/[.!?][,;:.]/g) ?? []

/** "is." or "are," : a removal that took the predicate and left the verb ("Our surgery is."). */
const danglingCopulas = (s: string): string[] => s.match(/(?<![\p{L}'’-])(?:is|are|was|were|be)\s*[.,;:!?]/giu) ?? []

/** True when only spaces, or nothing, come between `at` and the start of its clause. */
function opensClause(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd()
  return before === '' || /[,;:(—–]$/.test(before) || /[.!?]["'”’)]*$/.test(before)
}

function capitalInside(a: Applied): string | undefined {
  const first = a.edit.newText.match(WORD)?.[0]
  if (!first || !/^\p{Lu}/u.test(first)) return undefined
  const before = a.original.slice(0, a.edit.offset).trimEnd()
  const opensSentence = before === '' || /[.!?]["'”’)]*$/.test(before)
  const wasCapital = /^\p{Lu}/u.test(a.original.slice(a.edit.offset, a.edit.endOffset))
  const acronym = /^\p{Lu}{2,}/u.test(first) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(first)
  return opensSentence || wasCapital || acronym ? undefined : first
}

// Copulas, auxiliaries and modals: a clause that starts with one of these has lost its subject
// (no entry here replaces a question or an imperative that starts with "is" or "can").
const AUXILIARY = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'cannot', 'could', 'may', 'might', 'will', 'would', 'shall', 'should', 'must', "can't", "won't", "isn't", "aren't", "doesn't", "don't"])
// Finite verbs the phrases of this data replace: the copulas and modals, and the lexical verbs
// that the patterns of absolute statements, misconceptions and claims contain.
const FINITE = new Set([
  ...AUXILIARY,
  ...['mean', 'means', 'meant', 'kill', 'kills', 'lead', 'leads', 'end', 'ends', 'result', 'results', 'spread', 'spreads', 'survive', 'survives', 'live', 'lives'],
  ...['die', 'dies', 'work', 'works', 'help', 'helps', 'come', 'comes', 'return', 'returns', 'recur', 'recurs', 'cause', 'causes', 'make', 'makes', 'treat', 'treats', 'cure', 'cures'],
])

// A plain-word swap replaces a verb phrase with a verb phrase ("has a tendency to" -> "tends
// to"), a word with a word of the same kind: its verb forms are held by lostEnding instead.
const PLAIN_WORDS = 'readability/complex-word'

/**
 * A suggestion that starts where a clause starts must not make the clause open with a
 * copula, auxiliary or modal when the writer's clause opened with something else: the
 * subject was replaced away ("Metastatic cancer is terminal." -> "Is serious ..."). And if the
 * words it replaces hold a finite verb, its own words must hold one: "spread to the lungs
 * means certain death" -> "spread to the lungs a serious diagnosis" lost the verb. Both are
 * sound for this data because its wordings and phrases are short: a phrase that holds a verb
 * is a predicate or a clause, and a wording for it is one too, with a verb from the lists.
 */
function lostSubjectOrVerb(a: Applied): string | undefined {
  const {offset, endOffset, newText} = a.edit
  const removed = words(a.original.slice(offset, endOffset))
  const put = words(newText)
  if (opensClause(a.original, offset) && put.length) {
    const was = removed[0]
    if (AUXILIARY.has(put[0]) && was !== undefined && !AUXILIARY.has(was)) return `lost subject: the clause now opens with "${put[0]}"`
  }
  if (newText !== '' && a.entry.rule !== PLAIN_WORDS && removed.some((w) => FINITE.has(w)) && !put.some((w) => FINITE.has(w))) return `lost verb: "${removed.filter((w) => FINITE.has(w)).join(' ')}" replaced by "${newText}"`
  return undefined
}

// Words in -ing that are prepositions, not verb forms: "regarding" -> "about" keeps the grammar.
const ING_PREPOSITIONS = new Set(['regarding', 'concerning', 'notwithstanding', 'including', 'during', 'following', 'according', 'pending', 'considering'])
const IRREGULAR_PAST = new Set(['got', 'gotten', 'taken', 'took', 'led', 'shown', 'showed', 'made', 'done', 'did', 'given', 'gave', 'told', 'found', 'bought', 'kept', 'sped', 'began', 'begun', 'understood', 'ran', 'run', 'brought', 'thought', 'felt', 'left', 'meant', 'put', 'set', 'cut', 'let'])

/**
 * A single replaced word that carries an ending keeps it in the wording: -ing, -ed (or an
 * irregular past), and -s where the entry also names the word without it ("commence" and
 * "commences", "physician" and "physicians": the -s is the writer's tense or number).
 */
function lostEnding(a: Applied): string | undefined {
  const replaced = words(a.actual)
  const put = words(a.edit.newText)
  // A removal (nothing put back but a refitted article) has no ending to keep.
  if (replaced.length !== 1 || put.filter((w) => w !== 'a' && w !== 'an').length === 0) return undefined
  const [w] = replaced
  const first = put[0]
  const last = put[put.length - 1]
  if (w.endsWith('ing') && w.length > 5 && !ING_PREPOSITIONS.has(w) && !put.some((p) => p.endsWith('ing'))) return `lost -ing: "${w}" -> "${a.edit.newText}"`
  if (w.endsWith('ed') && w.length > 4 && !put.some((p) => p.endsWith('ed') || IRREGULAR_PAST.has(p))) return `lost -ed: "${w}" -> "${a.edit.newText}"`
  if (/[^s]s$/.test(w) && namedWithout(a.entry, w) && !/s$/.test(first) && !/s$/.test(last)) return `lost -s: "${w}" -> "${a.edit.newText}"`
  return undefined
}

function namedWithout(entry: Entry, w: string): boolean {
  const named = new Set(entry.find.flatMap((p) => words(p.replace(/ise/g, 'ize'))))
  const base = w.replace(/ise/g, 'ize')
  return named.has(base) && (named.has(base.slice(0, -1)) || (base.endsWith('es') && named.has(base.slice(0, -2))))
}

// Numbers, stages and the names of treatments and organs a patient acts on. Words in one group
// name the same thing ("chemo" and "chemotherapy"); a suggestion may not drop, add or change
// any of them, except that a fix of a non-standard term may add the standard name of what the
// garbled words meant ("bosom malignant growth" -> "breast cancer").
const GROUPS: Record<string, string[]> = {
  chemotherapy: ['chemotherapy', 'chemo'],
  radiation: ['radiation', 'radiotherapy', 'irradiation'],
  immunotherapy: ['immunotherapy'],
  hormone: ['hormone', 'hormonal', 'endocrine'],
  targeted: ['targeted'],
  surgery: ['surgery', 'surgeries', 'operation', 'operations', 'surgical'],
  transplant: ['transplant', 'transplants'],
  drug: ['tamoxifen', 'letrozole', 'anastrozole', 'denosumab', 'zoledronic', 'pembrolizumab', 'nivolumab', 'trastuzumab', 'bevacizumab', 'morphine', 'opioid', 'opioids', 'steroid', 'steroids', 'dexamethasone', 'antibiotic', 'antibiotics'],
  radium: ['radium', 'radium-223'],
  lutetium: ['lutetium'],
  iodine: ['iodine'],
  liver: ['liver', 'livers', 'hepatic'],
  lung: ['lung', 'lungs', 'pulmonary'],
  bone: ['bone', 'bones', 'skeletal'],
  marrow: ['marrow'],
  brain: ['brain', 'brains', 'cerebral'],
  breast: ['breast', 'breasts'],
  prostate: ['prostate'],
  colon: ['colon', 'colonic'],
  colorectal: ['colorectal'],
  rectum: ['rectum', 'rectal'],
  bowel: ['bowel', 'bowels', 'intestine', 'intestines', 'intestinal'],
  kidney: ['kidney', 'kidneys', 'renal'],
  bladder: ['bladder'],
  ovary: ['ovary', 'ovaries', 'ovarian'],
  skin: ['skin'],
  pancreas: ['pancreas', 'pancreatic'],
  stomach: ['stomach'],
  spine: ['spine', 'spinal'],
  node: ['node', 'nodes', 'gland', 'glands'],
  abdomen: ['abdomen', 'abdominal', 'belly', 'tummy'],
  heart: ['heart'],
  cervix: ['cervix', 'cervical'],
  thyroid: ['thyroid'],
  testicle: ['testicle', 'testicles', 'testicular'],
}
const GROUP_OF = new Map(Object.entries(GROUPS).flatMap(([g, ws]) => ws.map((w) => [w, g] as const)))
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'hundred', 'thousand', 'million', 'half'])
const ROMAN: Record<string, string> = {i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6'}

/** The organ of each "<organ> cancer" in `s`: the names a primary-site fix replaces. */
function misnamedOrgans(s: string): string[] {
  const ws = words(s)
  return ws.flatMap((w, i) => (ws[i + 1] === 'cancer' && GROUP_OF.has(w) ? [GROUP_OF.get(w)!] : []))
}

/** The numbers, stages, treatments and organs a sentence names, as a multiset of keys. */
export function factsOf(s: string): string[] {
  const ws = words(s)
  const out: string[] = []
  ws.forEach((w, i) => {
    if (/^\d/.test(w)) out.push(`number:${w.replace(/,/g, '')}`)
    else if (NUMBER_WORDS.has(w)) out.push(`number:${w}`)
    if ((ws[i - 1] === 'stage' || ws[i - 1] === 'grade') && w in ROMAN) out.push(`${ws[i - 1]}:${ROMAN[w]}`)
    else if ((ws[i - 1] === 'stage' || ws[i - 1] === 'grade') && /^\d/.test(w)) out.push(`${ws[i - 1]}:${w}`)
    const g = GROUP_OF.get(w)
    if (g) out.push(g)
  })
  return out
}

function changedFacts(a: Applied): string[] {
  const before = factsOf(a.original)
  const after = factsOf(a.result)
  let lost = added(before, after)
  // A primary-site fix exists to take out the organ a cancer was wrongly named after ("treated
  // like lung cancer" -> "treated like the cancer where it started"): that word may go, no other.
  if (a.entry.rule === 'accuracy/primary-site-naming') lost = added(lost, misnamedOrgans(a.actual))
  const gained = added(after, before)
  const out = lost.map((f) => `lost or changed "${f}"`)
  if (a.entry.rule !== 'accuracy/nonstandard-term') out.push(...gained.map((f) => `added "${f}"`))
  return out
}
