/**
 * Word lists behind the passive-voice detector (passive.ts).
 *
 * Our own lists rather than retext-passive's: its package exports only the plugin, and its
 * list mixes simple past forms that are not participles ("took", "gave", "wrote"), participles
 * of verbs that cannot be passive ("come", "gone", "fallen", "become", "sat"), and has no
 * regular "-ed" participles at all, which is why it finds so few passives ("was removed",
 * "is called", "are utilized" all pass it).
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/))

/**
 * Forms of "be" that can carry a passive. Contractions with 's are handled apart. "Get"
 * passives are left out on purpose: "get tested", "get screened" are the plainest wording
 * patient guides use, and asking who does the testing would be no help.
 */
export const BE = words(`
  am is are was were be been being
  isn't aren't wasn't weren't i'm you're we're they're who're
`)

/**
 * Words before 's where it can stand for "is" ("it's called"). With a noun, 's is a
 * possessive ("the doctor's trained staff"), so only these open a passive.
 */
export const S_IS_HOSTS = words(`it he she that who what there here where`)

/**
 * After "it's" the 's may be "has" ("it's spread to the liver" = it has spread); these
 * participles are read as passives after 's only because "has" before them is rare.
 */
export const AFTER_S_IS = words(`called named termed known used considered thought said believed needed done caused given`)

/** Past participles of transitive irregular verbs (not simple past forms, not intransitives). */
export const IRREGULAR = words(`
  awoken beaten begun bent bitten blown borne bought bound bred brought broadcast broken built
  burnt cast caught chosen cut dealt done drawn driven dug eaten fed felt forbidden forecast
  foreseen forgiven forgotten found frozen given heard held hidden hit hung hurt kept known laid
  led left lent let lit lost made meant met mislaid misled mistaken misunderstood mown overcome
  overdone overheard overridden overrun overseen overtaken overthrown paid proven put read
  rebuilt redone remade repaid reset retaken rewritten ridden run said sawn seen sent set sewn
  shaken shed shorn shot shown shrunk shut slain slit sold sought sown spent spilt split spoken
  spread spun stolen stricken struck strung stuck stung sunk swept sworn swung taken taught
  thought thrown thrust told torn trodden understood undertaken undone upheld withdrawn withheld
  withstood woken won worn woven written
`)

/**
 * Participles used as adjectives after "be": a state, a feeling or a relation, not an action
 * someone did ("you may be tired", "the cancer is advanced", "the liver is located under the
 * ribs", "treatment is based on..."). Asking "who did it?" makes no sense for them, so they
 * are passives only with an agent: "was overwhelmed by the news".
 */
export const STATIVE = words(`
  tired interested concerned worried scared frightened excited bored pleased satisfied
  disappointed surprised shocked confused overwhelmed embarrassed ashamed annoyed amazed stressed
  depressed exhausted relieved upset delighted terrified puzzled alarmed determined
  married divorced widowed retired engaged
  related located situated based associated linked involved composed comprised supposed entitled
  dedicated committed devoted prepared
  advanced localized localised limited complicated detailed specialized specialised experienced
  qualified skilled talented sophisticated varied mixed balanced crowded blessed
  swollen enlarged inflamed infected blocked diseased
`)

/**
 * Stative participles that report an action after "has/have/had been": "the information has
 * been prepared", "coffee has been linked to cancer" (while "you may be prepared", "it is
 * linked to smoking" describe a state).
 */
export const ACTION_AFTER_PERFECT = words(`associated linked involved dedicated committed devoted prepared based limited`)

/**
 * Words ending in -ed that are not participles: nouns, adjectives and verbs that only end so
 * ("is red", "a hundred", "the need"). Words in -eed are handled by rule (EED_PARTICIPLES).
 */
export const NOT_PARTICIPLE_ED = words(`
  bed red wed hundred kindred sacred naked wicked rugged ragged jagged crooked aged beloved
  learned wretched dogged embed shred sled fled bled
`)

/** The few -eed words that are participles ("need", "speed", "exceed" are not). */
export const EED_PARTICIPLES = words(`agreed freed guaranteed decreed`)

/**
 * Adverbs that may stand between "be" and the participle ("is also called", "was then
 * removed", "are not used"). Any word in -ly is taken as one too.
 */
export const ADVERBS = words(`
  also often not never then now still already always sometimes usually rarely seldom commonly
  typically frequently generally normally mostly mainly only just even first further once soon
  later well best hardly ever again yet no longer
`)

/** Words in -ly that are not adverbs. */
export const NOT_ADVERB_LY = words(`family fly apply supply reply ally belly jelly rally holy ugly lonely silly daily weekly monthly`)

/**
 * Degree words make the participle an adjective ("is very limited", "is more advanced"),
 * unless an -ly adverb follows them ("is more commonly used").
 */
export const DEGREE = words(`very so too quite rather fairly pretty extremely really more most less least`)

/**
 * Words that can follow a passive participle: prepositions, conjunctions, determiners,
 * time words. A participle followed by any other word is most likely an adjective before its
 * noun ("this is targeted therapy", "there is increased risk"), unless it takes an object
 * (OBJECT_TAKING). -ly and -ing words and numbers can follow too.
 */
export const FOLLOWERS = words(`
  by to with in on at for from into onto as through throughout during after before under over
  about against among amongst between within without across around along alongside behind
  beside beyond near inside outside via per up down out off away back together apart instead
  again once twice early late later now then today tonight tomorrow yesterday soon here there
  home first last next each every only also too either yet still not never and or but nor so
  because if when whenever while where unless until till since than that which who whom whose
  what how why whether a an the this these those some any all both your his her their its my
  our no one two three four five six seven eight nine ten many several few more less
  just even already always usually often sometimes right until upon whereas though although
  deep far close high low fast most least of
`)

/**
 * Participles that take an object or a complement in the passive ("is called metastasis",
 * "you are given medicine", "is considered safe", "is left untreated"): a noun after them does
 * not make them adjectives.
 */
export const OBJECT_TAKING = words(`
  called named termed dubbed labeled labelled considered deemed given offered prescribed told
  shown asked taught sent paid allowed granted denied charged assigned awarded kept left made
  found rendered declared advised elected appointed
`)

/** Head nouns after "by" that give a means or a time, not who acts ("by mouth", "by the time"). */
export const NOT_AGENT = words(`mouth time end way hand vein injection drip iv day week month year far then now`)

/** Determiners and possessives that open an agent phrase after "by". */
export const AGENT_OPENERS = words(`the a an your his her their our its this these those that many most some other another my`)

/** Words that end an agent phrase ("by the surgeon who...", "by doctors to..."). */
export const AGENT_STOPS = words(`that which who whom whose to in at on for from with and or but when while if because as during after before so than it they he she we you i`)

/**
 * The words around a passive that decide whether plain-language guides would have it
 * rewritten (passive-use.ts). A passive that names a thing, describes a state or says how a
 * disease or treatment usually behaves hides nobody's responsibility; one that reports an
 * action, sets a duty or leaves out who must act does (docs/rules/readability/passive-voice.md).
 */

/** Participles that give a name: "is called", "is termed". "known as" and "referred to as" are checked apart. */
export const NAMING = words(`called named termed dubbed nicknamed labeled labelled`)

/** Participles that describe where a thing is or what it is made of, not an action: "is lined with". */
export const STATAL = words(`
  located situated lined covered filled divided joined connected attached shaped surrounded
  contained composed comprised
`)

/** Prepositions of place after "found": "are found in the neck" says where, not who found them. */
export const LOCATIVE = words(`in inside throughout near under underneath behind beside between along around within above below beneath on next close`)

/** What "made"/"formed" is followed by when it says what a thing consists of: "is made up of". */
export const MADE_OF = words(`of up from`)

/** Participles that state a person's condition: "has been diagnosed with", "was exposed to". */
export const STATUS = words(`diagnosed exposed born`)

/** Actions a reader takes, hidden by "can be": "a pharmacy can be found" (say "find a pharmacy"). */
export const READER_ACTIONS = words(`found obtained collected booked ordered requested accessed downloaded bought purchased reached contacted`)

/** Modals of possibility: "can be cured" says what is possible, not who must act. */
export const MODAL_POSSIBLE = words(`can could may might cannot can't couldn't mightn't`)

/** Modals of duty: "must be signed". */
export const MODAL_DUTY = words(`must should ought mustn't shouldn't`)

/** Modals of the future: "will be sent". */
export const MODAL_FUTURE = words(`will shall would won't wouldn't shan't`)

/** Words that make "to be" a duty: "needs to be taken", "has to be signed", "is to be returned". */
export const DUTY_BEFORE_TO = words(`need needs needed has have had ought is are was were am`)

/** Forms of "have" before "been". */
export const HAVE = words(`has have had having hasn't haven't hadn't`)

/** Relative pronouns: "the tissue that was removed" describes the tissue. */
export const RELATIVE = words(`that which who whom whose`)

/** What follows "it is [participle]" in an impersonal passive: "it is recommended that". */
export const IMPERSONAL_AFTER = words(`that whether if`)

/**
 * What will be done for the reader in their care, said with the reader as the subject: "you'll
 * be given a gown", "you may be asked to lie still". The reader learns what happens to them;
 * who hands over the gown does not matter (but "you will be contacted" is left to report: the
 * reader needs to know who will get in touch).
 */
export const CARE_EXPERIENCE = words(`given offered asked shown taken put moved helped`)
