import type { ClaimRecord } from "../extract/claims.ts";
import { baseOf } from "../extract/frames.ts";
import { predicateClass } from "../extract/lexicons/predicates.ts";
import { tokenize } from "../text/tokens.ts";

// What a claim is about, as a set of terms: its content words (lightly stemmed), the entities it
// names and the things it counts. Who said it and how (source and cue words) are left out, so that
// "the ministry said 40 died" and "40 died, Radio Sever reported" share every term; the numbers are
// left out too, because sources that disagree on a number still make the same claim.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each either few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just least less let like made make many may me might more most much must my
  myself neither no nor not now of off on once only or other ought our ours ourselves out over own per quite rather same
  shall she should since so some such than that the their theirs them themselves then there these they this those though
  through thus to too under until up upon us very was we were what when where whether which while who whom whose why will
  with within without would yet you your yours yourself yourselves said says say saying told tell according reported reports
  report reporting added adding stated statement announced claimed noted confirmed cited citing quoted one two three four
  five six seven eight nine ten dozen hundred thousand million billion percent per cent mr mrs ms dr today yesterday tomorrow
  monday tuesday wednesday thursday friday saturday sunday week weeks day days month months year years`.split(/\s+/),
);

/** Cheap suffix stripping so "captured"/"capture", "soldiers"/"soldier" meet; not a full stemmer. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  if (word.endsWith("e")) return word.slice(0, -1);
  return word;
}

/** Words that name the same counted thing in news copy. */
const COUNTED_SYNONYMS: Record<string, string> = {
  soldier: "troop", personnel: "troop", serviceman: "troop", servicemen: "troop", force: "troop",
  people: "people", person: "people", resident: "people", civilian: "people", individual: "people",
  fatality: "dead", death: "dead", killed: "dead", casualty: "casualty",
};

/** The head noun of a counted thing, stemmed and folded into a synonym group ("North Korean soldiers" → "troop"). */
export function countedKey(of: string): string {
  const words = of.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const head = words[words.length - 1] ?? "";
  const stemmed = stem(head);
  return COUNTED_SYNONYMS[head] ?? COUNTED_SYNONYMS[stemmed] ?? stemmed;
}

/** Whether a word is an entity's name or a form of it: "ukrainians" of Ukraine, "russian" of Russia. */
function namesEntity(word: string, named: Set<string>): boolean {
  if (named.has(word)) return true;
  for (const n of named) if (n.length >= 4 && word.startsWith(n.slice(0, Math.max(4, n.length - 2)))) return true;
  return false;
}

/** A wire dateline opening a sentence: "LINDOR, Norvessa, 10 March (Meridian Press) —", "KOLVANY, 13 March —". */
const DATELINE = /^([A-Z][A-Z.'’ -]{2,}?),[^—–\n]{0,60}?[—–]/;

/** A figure's term: its counted thing and its value to three significant digits ("$916 million" of "$915.7 million"). */
export const figureTerm = (counted: string, value: number): string => `n:${counted}:${value ? Number(value.toPrecision(3)) : 0}`;

/**
 * The terms a claim is linked by: content words (the frame's lemmas, folded into their near-synonym
 * class, else stems of the sentence's words), `e:` entities and `p:` places, `q:` counted things, `n:`
 * figures, and from the frame `v:` the predicate's class (`u:` its lemma when it has none) and `a:` the actor.
 */
export function claimTerms(record: Pick<ClaimRecord, "sentence" | "source" | "cue" | "entities" | "entityTypes" | "quantities" | "frame">): string[] {
  const said = new Set<string>();
  for (const phrase of [record.source, record.cue]) if (phrase) for (const t of tokenize(phrase)) said.add(t.lower);
  // a name counts once, as its entity: its words would weigh it again and make every sentence about
  // the same person look alike; and the speaker is not part of what is said
  const dateline = DATELINE.exec(record.sentence)?.[1].toLowerCase();
  const named = new Set<string>();
  const terms = new Set<string>();
  for (const e of record.entities) {
    const words = tokenize(e).map((t) => t.lower);
    for (const w of words) named.add(w);
    // a place is a term of its own kind: two reports of the same deed in different places are two facts
    // (a dateline's town is where the story was filed, not where it happened)
    const place = record.entityTypes?.[e] === "place" && e.toLowerCase() !== dateline;
    if (!words.every((w) => said.has(w))) terms.add(`${place ? "p" : "e"}:${e.toLowerCase()}`);
  }
  const frame = record.frame;
  // a frame read without a parse has no lemmas: the sentence's stems stand in for them
  if (!frame?.lemmas.length) addStems(record.sentence, said, named, terms);
  else
    for (const lemma of frame.lemmas) {
      if (said.has(lemma) || named.has(lemma) || STOPWORDS.has(lemma) || namesEntity(lemma, named)) continue;
      const cls = predicateClass(lemma);
      // speech verbs say who spoke, not what was said
      // stemmed as well, so that the lemmatizer's slips ("blockad" beside "blockade") do not part two wordings
      if (cls !== "say") terms.add(cls ?? stem(lemma));
    }
  if (frame) {
    const predicate = frame.predicateClass ?? (frame.predicate && stem(frame.predicate));
    // a light predicate ("took part", "is") says nothing of its own to agree or conflict on
    const contentful = frame.predicateClass || (frame.predicate && frame.lemmas.includes(frame.predicate));
    if (predicate && contentful && frame.predicateClass !== "say" && !named.has(predicate)) terms.add(`${frame.predicateClass ? "v" : "u"}:${predicate}`);
    if (frame.actor) terms.add(`a:${frame.actor.toLowerCase()}`);
    // what a deed is done to, when it is named ("reopened the Dragar airfield"): another named target is another deed
    if (frame.theme && record.entities.includes(frame.theme)) terms.add(`t:${frame.theme.toLowerCase()}`);
    for (const q of frame.quantities) terms.add(figureTerm(countedKey(q.counted), q.max));
  }
  for (const q of record.quantities) terms.add(`q:${q.kind === "percent" ? "percent" : countedKey(q.of)}`);
  addPhrases(record.sentence, said, terms);
  return [...terms];
}

/** A word that says something of its own: three letters or more, no stopword, not the speaker's or the cue's. */
const isContentWord = (w: string, said: Set<string>): boolean => w.length >= 3 && !STOPWORDS.has(w) && !said.has(w) && /^\p{L}/u.test(w);

/** Stems of a sentence's content words, for records stored without a frame. */
function addStems(sentence: string, said: Set<string>, named: Set<string>, terms: Set<string>): void {
  const tokens = tokenize(sentence);
  tokens.forEach((t, i) => {
    const w = t.lower;
    if (!isContentWord(w, said) || named.has(w)) return;
    // a capitalised word that belongs to a named entity ("Ukrainian" of Ukraine) is spoken for by the entity
    if (i > 0 && /^\p{Lu}/u.test(sentence[t.start]) && namesEntity(w, named)) return;
    terms.add(stem(w.replace(/['’].*$/, "")));
  });
}

/**
 * `b:` terms: two content words in a row ("extremely careless", "top secret", "Second Amendment"),
 * the speaker's and the cue's left out. A wording this rare is shared by reports of one statement,
 * whatever else their sentences say. Names stay in: "West Point" and "Second Amendment" are such
 * wordings (without them linking-dev joined 4 members fewer; synthetic 10k precision 0.919 → 0.922).
 */
function addPhrases(sentence: string, said: Set<string>, terms: Set<string>): void {
  const words = tokenize(sentence).map((t) => t.lower);
  // "extremely careless" and "extreme carelessness" are one wording
  const base = (w: string) => stem(baseOf(w, w.endsWith("ly") ? "ADV" : "NOUN"));
  for (let i = 1; i < words.length; i++) if (isContentWord(words[i - 1], said) && isContentWord(words[i], said)) terms.add(`b:${base(words[i - 1])} ${base(words[i])}`);
}
