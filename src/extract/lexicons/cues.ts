// The attribution cue vocabulary: the verbs learned from PolNeAR train (`cues.json`, made by
// scripts/learn-cues.ts) merged with a curated list, each cue tagged with the frame that tells the
// annotator where its source stands.
import learned from "./cues.json" with { type: "json" };

/**
 * - `verb`: a reporting or belief verb; its subject is the source ("X said", "said X", "X, who said").
 * - `evidential`: "suggests", "shows", "indicates": a source only when its subject is a document or a
 *   party ("the report suggests"), not when it is a fact or a thing ("the landscape suggests").
 * - `preposition`: the source follows ("according to X", "citing X", "as reported by X").
 * - `stance`: a verb of praising, blaming or wishing, learned as a cue; its subject is the source, and what
 *   follows it is its target ("criticized Clinton’s email use"), never a speaker placed after it.
 * - `noun`: a report or statement noun; the source is its owner ("X's statement", "the report from X",
 *   "the Reuters report that", "the view of X is that") or the subject of a light verb ("X issued a statement").
 */
export type CueFrame = "verb" | "stance" | "evidential" | "preposition" | "noun";

const EVIDENTIAL = [
  "suggest", "suggests", "suggested", "suggesting", "indicate", "indicates", "indicated", "indicating",
  "show", "shows", "showed", "shown", "showing", "found", "finds", "find", "reveal", "reveals", "revealed",
  "conclude", "concludes", "concluded", "estimate", "estimates", "estimated",
];

/** The lemmas of the evidential cues, for verbs the parse finds: their subject must be a party or a document. */
export const EVIDENTIAL_LEMMAS = new Set(["suggest", "show", "indicate", "find", "reveal", "conclude", "estimate"]);

const CURATED_VERBS = [
  "said", "says", "say", "told", "tells", "tell", "told reporters", "added", "adds", "noted", "notes", "note",
  "stress", "stresses", "stressed", "contend", "contends", "contended", "caution", "cautions", "cautioned",
  "believe", "believes", "believed", "predict", "predicts", "predicted", "warn", "warns", "warned",
  "claim", "claims", "claimed", "allege", "alleges", "alleged", "maintain", "maintains", "maintained",
  "insist", "insists", "insisted", "argue", "argues", "argued", "deny", "denies", "denied",
  "confirm", "confirms", "confirmed", "announce", "announces", "announced", "reported", "reports",
  "write", "writes", "wrote", "imply", "implies", "implied", "clarify", "clarifies", "clarified",
  "corroborate", "corroborates", "corroborated", "corroborating", "assert", "asserts", "asserted",
  "acknowledge", "acknowledges", "observe", "observes", "speak of", "speaks of", "spoke of",
  "demand", "demands", "demanded", "expect", "expects", "expected",
  // "the ministry puts the death toll at 38": an estimate given by its source
  "puts the number", "put the number", "puts the death toll", "put the death toll", "puts the toll", "put the toll",
  "puts the figure", "put the figure",
];

/**
 * Hedge adverbs the learned list holds as cues: they mark the writer's own statement as hearsay and name
 * no source ("engineers had reportedly warned"), so they never make an attribution by themselves.
 */
export const HEARSAY_ADVERBS = new Set(["reportedly", "allegedly", "supposedly", "purportedly", "apparently"]);

const PREPOSITIONS = ["according to", "citing", "as reported by", "cited by", "quoted by", "in the words of"];

export const STATEMENT_NOUNS = [
  "report", "reports", "statement", "statements", "assessment", "assessments", "assertion", "assertions",
  "perspective", "view", "position", "claim", "claims", "analysis", "answer", "remarks", "comments",
  "testimony", "announcement", "allegation", "allegations", "estimate",
];

/** Verbs that turn a statement noun into a cue: "issued a statement", "gave the following answer". */
export const LIGHT_VERBS = new Set(["gave", "give", "gives", "issued", "issues", "made", "makes", "released", "releases", "delivered", "published", "publishes"]);

/**
 * Subjects that can carry a finding or a view: documents and the parties who make them. An evidential
 * cue needs one of these (or a name) as its subject.
 */
export const SOURCE_NOUNS = new Set(
  ("report reports study studies survey surveys poll polls piece article articles document documents assessment assessments " +
    "analysis analyses data intelligence statement statements estimate estimates review investigation findings research " +
    "paper memo letter filing records audit census figures dossier briefing ministry agency government officials official " +
    "analysts analyst experts expert observers observer critics critic sources source researchers scientists economists " +
    "diplomats spokesperson spokesman spokeswoman newspaper media outlet outlets journalists reporters authorities police " +
    "military army commanders commander investigators prosecutors lawmakers leaders leader minister president services head " +
    "chief people voters supporters residents campaign aides aide candidate candidates democrats republicans group groups " +
    "organization committee council court judge lawyers lawyer attorney witnesses witness activists protesters members staff " +
    "team administration office department company firm union party allies opponents rivals advocates workers doctors " +
    "professor students citizens man woman men women officers regime board bank agencies institute foundation commission " +
    "panel press story website post blog book author writer columnist host insiders commentators pundits historians " +
    "scholars academics pollsters respondents elements governments nations countries ministries spokespeople " +
    "engineers inspectors geologists meteorologists forecasters medics paramedics nurses physicians surgeons firefighters " +
    "correspondent correspondents reporter editor editors bureau directorate secretariat inspectorate authority watchdog " +
    "regulator observatory embassy consulate mission cabinet presidency parliament legislature senate congress assembly " +
    "tribunal coalition alliance monitor broadcaster service statistics tally projections forecast " +
    "ruling complaint lawsuit affidavit transcript testimony account")
    .split(" "),
);

/** The cue lexicon: phrase → frame. Learned verbs come first; curated entries fill in what they lack. */
export function cueEntries(): [string, CueFrame][] {
  const entries: [string, CueFrame][] = [];
  for (const p of PREPOSITIONS) entries.push([p, "preposition"]);
  for (const v of EVIDENTIAL) entries.push([v, "evidential"]);
  // "reports" is listed as a verb; the annotator reads it as a noun after a determiner ("the reports").
  for (const n of STATEMENT_NOUNS) if (n !== "reports") entries.push([n, "noun"]);
  const stances = new Set(learned.stances);
  for (const cue of Object.keys(learned.cues)) if (!HEARSAY_ADVERBS.has(cue)) entries.push([cue, stances.has(cue) ? "stance" : "verb"]);
  for (const v of CURATED_VERBS) entries.push([v, "verb"]);
  return entries;
}
