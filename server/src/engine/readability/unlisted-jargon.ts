import type {Word} from '../parse/draft.js'
import type {WordFacts} from './stats.js'

/**
 * Medical words and abbreviations that no terminology entry lists, recognised by their form:
 * an abbreviation in capitals ("SRS", "ECOG", "CA 15-3"), a word built from the Greek and Latin
 * parts medicine builds its terms from ("paracentesis", "myelosuppression", "proteinuria",
 * "histology", "carcinogens"), or a Latin phrase ("in vitro"). The jargon list cannot hold every
 * term a writer may use; these forms mark most of the rest. Words readers know (the Dale-Chall
 * list and terminology/health-words.txt: "diagnosis", "colonoscopy") are left out.
 */

export type UnlistedKind = 'abbreviation' | 'medical word'

// Abbreviations everyone reads, or that name the publisher rather than a medical idea.
const KNOWN_ABBREVIATIONS = new Set(
  `US USA UK EU UN NHS GP GPs DNA RNA HIV AIDS TV OK AM PM ID IDs FAQ FAQs PDF URL NCI NIH CDC FDA FTC
  NICE ICU A&E ER BMI CPR IVF MD MDs RN RNs PhD DIY UV COVID SARS IQ AI`.split(/\s+/),
)
const ABBREVIATION = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z0-9&]{1,6}s?$/
// Roman numerals and the stages named by them ("IV", "IIIA", "IB").
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|X)[A-D]?\d?$/
// Medical words that readers of cancer pages know: the common cancers and conditions, and
// the hormone and blood words of everyday health talk.
const KNOWN_MEDICAL = new Set(
  `melanoma melanomas lymphoma lymphomas leukemia leukemias leukaemia leukaemias hepatitis arthritis anemia anaemia
  estrogen oestrogen insulin pneumonia bronchitis appendicitis osteoporosis tonsillitis dermatitis psychologist
  psychologists cardiologist gynecologist gynaecologist dermatologist hemorrhoids haemorrhoids
  steroid steroids opioid opioids thyroid`.split(/\s+/),
)

// Word parts medicine builds its terms from. Endings first (they are the surest sign), then
// beginnings that are rarely anything but medical when a long word follows them.
const ENDINGS =
  /(?:ectomy|ectomies|ostomy|ostomies|otomy|otomies|plasty|plasties|scopy|scopies|centesis|desis|a?emia|a?emias|uria|penia|algia|pathy|pathies|plasia|trophy|megaly|genesis|genic|cytosis|lysis|ology|ologies|ologist|ologists|ological|ologically|oids?|oma|omas|omata|itis|osis|oses|ogenic|ogens?|suppression|kinesis|phagia|rrhoea|rrhea|ptysis)$/
const BEGINNINGS =
  /^(?:hyper|hypo|myelo|neuro|cyto|carcino|angio|hepato|nephro|osteo|leuko|leuco|erythro|thrombo|immuno|onco|haemo|hemo|histo|patho|cardio|gastro|lympho|broncho)-?(?=[a-z]{4,})/
// Words that only look medical by those parts.
const NOT_MEDICAL = new Set(
  `biology ecology technology psychology methodology apology analogy theology ideology terminology geology zoology
  sociology anthology chronology astrology mythology cosmology criminology tautology etymology
  diplomas diploma aroma aromas coma comma
  hypothesis hypotheses hypothetical analysis analyses emphasis synopsis thesis basis oasis
  hypocrite hypocrisy
  logical chronological technological psychological ideological methodological ecological theological geological
  sociological zoological mythological astrological biological
  asteroid asteroids paranoid celluloid humanoid humanoids factoid factoids android androids tabloid tabloids`.split(/\s+/),
)
// Latin phrases of medical writing.
const LATIN = /^(?:in vitro|in vivo|in situ|de novo|ex vivo|per os|status quo ante|sine qua non)$/i
// The words a phrase of LATIN can open with: most words are not, and need no pair built.
const LATIN_FIRST = /^(?:in|de|ex|per|status|sine)$/i

/** What a word is, if it is unlisted jargon; undefined for any other word. */
export function unlistedKind(word: Word, facts: WordFacts, atSentenceStart: boolean): UnlistedKind | undefined {
  const text = word.text.replace(/’/g, "'")
  const dash = text.indexOf('-')
  const head = dash < 0 ? text : text.slice(0, dash)
  if ((ABBREVIATION.test(text) || ABBREVIATION.test(head)) && !KNOWN_ABBREVIATIONS.has(head) && !KNOWN_ABBREVIATIONS.has(text) && !ROMAN.test(head.replace(/s$/, ''))) return 'abbreviation'
  if (facts.familiar || facts.syllables < 3) return undefined
  // A capital mid-sentence is a name (a person, a place, a syndrome named after someone).
  if (facts.capitalised && !atSentenceStart) return undefined
  const lower = text.toLowerCase()
  if (NOT_MEDICAL.has(lower) || KNOWN_MEDICAL.has(lower)) return undefined
  return ENDINGS.test(lower) || BEGINNINGS.test(lower) ? 'medical word' : undefined
}

/** A Latin phrase starting at word `i` ("in vitro"): the index after it, or -1. */
export function latinPhraseEnd(words: readonly Word[], i: number): number {
  if (i + 1 >= words.length || !LATIN_FIRST.test(words[i].text)) return -1
  return LATIN.test(`${words[i].text} ${words[i + 1].text}`) ? i + 2 : -1
}

/**
 * Whether the text before `offset` spells out the abbreviation: words whose first letters
 * give its letters ("Langerhans cell histiocytosis" for LCH, "erythropoiesis-stimulating
 * agents" for ESAs), small joining words allowed between them. A heading counts: it may be
 * where the full name is given.
 */
export function spelledOutBefore(text: string, offset: number, abbreviation: string): boolean {
  const letters = abbreviation.replace(/s$/, '').replace(/[^A-Za-z]/g, '')
  if (letters.length < 2) return false
  return spelledOut(letters).test(text.slice(0, offset))
}

/** The expression of each abbreviation's letters, made once: a draft asks for the same ones again and again. */
const SPELLED_OUT = new Map<string, RegExp>()
const JOINER = String.raw`[\s-]+(?:(?:of|and|the|in|for|to|with|on)\s+)?`

function spelledOut(letters: string): RegExp {
  let re = SPELLED_OUT.get(letters)
  if (!re) {
    if (SPELLED_OUT.size >= 10_000) SPELLED_OUT.clear()
    const source = letters
      .split('')
      .map((c) => String.raw`${c}[\p{L}]*`)
      .join(JOINER)
    SPELLED_OUT.set(letters, (re = new RegExp(String.raw`(?<![\p{L}])${source}(?![\p{L}])`, 'iu')))
  }
  return re
}
