// Cue words for the certainty annotator: how sure a sentence says its main claim is. Entries are
// phrases matched over lower-cased tokens (PhraseMatcher, longest match first), so a longer phrase
// ("no longer much doubt", "could not be verified") overrides the words it contains ("no", "could").

/**
 * What a cue does to the certainty of the clause it governs. Listed in precedence order: when a
 * main clause holds several cues, the earliest kind here decides (see `CUE_RANK`).
 */
export const CUE_KINDS = [
  "question", // asked whether, it is unclear whether, doubted
  "denial", // denied, rejected reports, refuted: the speaker denies the content
  "condition", // if, unless, provided that, in case
  "hedge", // may, could, reportedly, appears, likely, unconfirmed
  "prediction", // will, expected to, is set to, plans to
  "forecastVerb", // a reporting verb that predicts: predict, forecast, warn, expect
  "beliefVerb", // a reporting verb that hedges: suggest, believe, think, estimate
  "negation", // not, never, no: the main predicate is negated
  "booster", // no doubt, confirmed, clearly: stated as fact, with emphasis
  "neutral", // phrases that contain a cue word but are not cues: not only, whether or not, as if
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export const CUE_RANK: Record<CueKind, number> = Object.fromEntries(CUE_KINDS.map((k, i) => [k, i])) as Record<CueKind, number>;

/** Both apostrophes, since news text uses typographic ones as often as straight ones. */
const withApostrophes = (phrases: string[]): string[] =>
  phrases.flatMap((p) => (p.includes("'") ? [p, p.replaceAll("'", "’")] : [p]));

export const CERTAINTY_CUES: Record<CueKind, string[]> = {
  question: [
    "asked whether", "asked if", "asks whether", "asks if", "asking whether", "wondered whether", "wondered if",
    "questioned whether", "question whether", "questions whether", "doubted", "doubts that", "doubt that",
    "doubt whether", "cast doubt", "casts doubt", "casting doubt", "raised questions", "raises questions",
    "unclear", "not clear", "remains to be seen", "it is uncertain whether", "uncertain whether", "unknown whether",
    "not known whether", "open question",
  ],
  denial: [
    "denied", "denies", "deny", "denying", "refuted", "refutes", "refute", "rebutted",
    ...["rejected", "rejects", "dismissed", "dismisses", "disputed", "disputes"].flatMap((verb) =>
      ["reports", "report", "claims", "claim", "allegations", "allegation", "accusations", "accusation", "suggestions", "suggestion", "assertions", "assertion", "rumors", "rumor", "rumours", "speculation", "as"].flatMap(
        (object) => [`${verb} ${object}`, `${verb} the ${object}`, `${verb} these ${object}`, `${verb} such ${object}`],
      ),
    ),
  ],
  condition: [
    "if", "unless", "provided that", "providing that", "so long as", "on condition that", "in case",
    "in the event that", "assuming that", "only if", "if and when", "whenever",
  ],
  hedge: [
    "may", "might", "could", "may have", "might have", "could have", "may well",
    "reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly", "apparently", "seemingly",
    "ostensibly", "evidently", "presumably", "possibly", "perhaps", "maybe", "probably", "potentially", "arguably",
    "likely", "unlikely", "most likely", "in all likelihood", "it is possible", "it's possible", "is possible that",
    "appears", "appear to", "appeared to", "appearing to", "seems", "seem to", "seemed to", "seem", "seemed",
    "is believed", "are believed", "was believed", "were believed", "believed to", "thought to", "said to be",
    "understood to", "is understood", "rumored", "rumoured", "estimated", "an estimated", "by some estimates",
    "unconfirmed", "unverified", "not been confirmed", "not been independently confirmed", "not confirmed",
    "could not be verified", "could not be independently verified", "could not immediately be verified",
    "not be independently verified", "not independently verified", "not been verified", "declined to confirm",
    "refused to confirm", "cannot be ruled out", "can't be ruled out", "can not be ruled out", "could not rule out",
    "did not rule out", "not ruled out", "not rule out", "would not rule out", "we understand", "from what we understand",
    "i think", "we think", "i believe", "we believe", "i hope", "we hope", "i suspect", "i'd imagine", "i would imagine", "i guess",
    "it seems", "not sure", "unsure", "not certain", "not confirm", "neither confirmed nor denied", "neither confirm nor deny", "neither confirms nor denies",
  ],
  prediction: [
    "will", "'ll", "shall", "won't", "will not", "expected to", "is expected", "are expected", "is set to",
    "are set to", "was set to", "is going to", "are going to", "'s going to", "'re going to", "am going to",
    "plans to", "plan to", "planned to", "planning to", "intends to", "intend to", "is poised to", "are poised to",
    "is due to", "are due to", "is scheduled to", "are scheduled to", "is slated to", "are slated to",
    "projected to", "on track to", "about to", "forecast to",
  ],
  forecastVerb: [
    "predict", "predicts", "predicted", "predicting", "forecast", "forecasts", "forecasted", "expect", "expects",
    "expecting", "anticipate", "anticipates", "warned that", "warns that", "warn that", "warning that", "warned of", "warns of",
  ],
  beliefVerb: [
    "suggest", "suggests", "suggested", "suggesting", "believe", "believes", "believed", "think", "thinks",
    "thought", "estimate", "estimates", "speculate", "speculates", "speculated", "suspect", "suspects",
    "suspected", "alleged that", "alleges", "allege", "guess", "guesses", "feared",
  ],
  negation: [
    "not", "never", "no", "none", "nothing", "nobody", "no one", "neither", "nor", "cannot", "no longer",
    "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
    "wouldn't", "shouldn't", "mustn't", "needn't", "ain't", "could not", "couldn't",
  ],
  booster: [
    // negated doubt, in its usual degrees: "no doubt", "little doubt", "no longer (any|much) doubt", …
    "no doubt", "little doubt", "not much doubt", "not any doubt", "hardly any doubt", "scarcely any doubt",
    "no longer any doubt", "no longer much doubt", "no real doubt", "without doubt", "without a doubt",
    "beyond doubt", "undoubtedly", "no question that", "confirmed", "confirms", "confirm", "confirming",
    "clearly", "certainly", "definitely", "indeed", "in fact", "it is true that", "of course", "obviously",
    "not unlikely", "not uncommon", "not unusual", "not insignificant", "not unreasonable", "not unprecedented",
    "not unexpected", "not unheard of", "not impossible",
  ],
  neutral: [
    "not only", "not just", "not merely", "not simply", "not least", "not to mention", "nothing but",
    "whether or not", "or not", "if not", "if any", "if anything", "if ever", "as if", "even if", "no matter",
    "no less than", "no more than", "no fewer than", "none other than", "not much", "not many", "in case of",
    "as possible", "as expected", "as predicted", "as forecast", "as anticipated",
  ],
};

/** Reporting verbs that only carry a certainty when they are the sentence's attribution cue. */
export const REPORTING_CUES: Partial<Record<CueKind, string[]>> = {
  question: ["asked", "asks", "ask", "asking", "wondered", "wonders", "questioned", "questions", "queried", "doubted"],
  denial: ["rejected", "rejects", "dismissed", "dismisses", "disputed", "disputes", "denied", "denies", "refuted"],
};

/**
 * Words that open an embedded clause (relative, adverbial, complement of a noun): cues after them,
 * up to the next comma, do not govern the main clause. "that" is handled apart: after a verb of
 * saying or thinking it only introduces the reported content, which stays in the main line.
 */
export const CLAUSE_OPENERS = [
  "which", "who", "whom", "whose", "where", "when", "while", "whereas", "because", "although", "though",
  "whether", "until", "once", "lest", "how", "why", "what", "before", "after", "since", "than",
];

/** Verbs after which "that" introduces reported content rather than a relative clause. */
export const COMPLEMENT_VERBS = [
  "said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "write", "written",
  "thought", "think", "thinks", "knew", "know", "knows", "known", "understood", "understand", "found", "find",
  "finds", "felt", "feel", "feels", "shown", "showed", "show", "shows", "meant", "means", "mean", "held",
  "hold", "holds", "insist", "insists", "insisted", "insisting", "stress", "stressed", "stresses", "argue",
  "argues", "argued", "arguing", "note", "notes", "noted", "noting", "claim", "claims", "claimed", "claiming",
  "believe", "believes", "believed", "suggest", "suggests", "suggested", "indicate", "indicates", "indicated",
  "report", "reported", "reports", "announce", "announced", "announces", "add", "added", "adds", "adding",
  "explain", "explained", "explains", "estimate", "estimated", "estimates", "predict", "predicted", "predicts",
  "warn", "warned", "warns", "deny", "denied", "denies", "confirm", "confirmed", "confirms", "assert",
  "asserted", "asserts", "contend", "contends", "contended", "acknowledge", "acknowledged", "acknowledges",
  "admit", "admitted", "admits", "agree", "agreed", "agrees", "reveal", "revealed", "reveals", "conclude",
  "concluded", "concludes", "emphasize", "emphasized", "emphasised", "maintain", "maintained", "maintains",
  "allege", "alleged", "alleges", "fear", "feared", "fears", "hope", "hoped", "hopes", "expect", "expected",
  "expects", "suspect", "suspected", "suspects", "assume", "assumed", "state", "stated", "states", "declare",
  "declared", "declares", "recall", "recalled", "realize", "realized", "doubt", "doubts",
  "ensure", "ensured", "mean", "imply", "implies", "implied", "signal", "signaled", "signalled", "is", "was",
  "are", "were", "be", "been", "clear", "true", "likely", "possible", "unlikely",
];

/** Words before "will", "might", "plan" that make it a noun ("political will", "military might", "its plans to"). */
export const NOUN_READING_BEFORE = [
  "the", "a", "his", "her", "their", "its", "our", "my", "your", "political", "free", "good", "ill", "popular",
  "own", "military", "economic", "naval", "nuclear", "full", "'s", "’s", "of",
];

/** Words before "deny" that make it something other than a speaker's denial ("could deny them permits", "was denied bail"). */
export const DENIAL_NOT_AFTER = ["could", "would", "can", "may", "might", "will", "to", "was", "were", "been", "be", "is", "are", "being"];

/** Tokens that end an embedded clause: the main line resumes after them. */
export const CLAUSE_BREAKS = [",", ";", ":", "—", "–", "(", ")", "[", "]"];

/** Closing punctuation ignored when looking for a final question mark. */
export const TRAILING_MARKS = ['"', "”", "’", "'", ")", "]", "»"];

export const cueEntries = (lists: Partial<Record<CueKind, string[]>>): [string, CueKind][] =>
  CUE_KINDS.flatMap((kind) => withApostrophes(lists[kind] ?? []).map((p): [string, CueKind] => [p, kind]));
