import { type Attribution, type Doc, type EntityMention, type Quantity, type Span, type SyntaxWord } from "../doc.ts";
import { Tree, universal } from "../syntax/tree.ts";
import { predicateClass } from "./lexicons/predicates.ts";

// A claim's frame: who does what to what, how many, where and when, read from the parse of what is
// said (the attribution's content, else the whole sentence), so that linking compares what two
// sentences state rather than which stems they share. "Comey called her handling extremely careless"
// and "the FBI concluded Clinton had been extremely careless" differ in wording and agree in frame.

export interface FrameQuantity {
  min: number;
  max: number;
  /** The counted thing's head lemma ("soldier" of "North Korean soldiers"; "percent", "usd"). */
  counted: string;
}

export interface ClaimFrame {
  /** Who does it: the named party (an entity's canonical name) that is the predicate's subject, or its agent in a passive. */
  actor?: string;
  /** The predicate's lemma ("send") and its near-synonym class ("send", shared with ship, deploy, dispatch…). */
  predicate?: string;
  predicateClass?: string;
  /** What it is done to: the object's (or passive subject's) entity, else its head lemma. */
  theme?: string;
  quantities: FrameQuantity[];
  /** Whether what is said is denied: its predicate negated ("he never touched her") or its cue a denial ("denied that…"). */
  negated?: boolean;
  /** The first place or country the content names. */
  place?: string;
  /** The first date the sentence gives, as resolved. */
  time?: string;
  /** Content lemmas of what is said (nouns, verbs, adjectives, adverbs), the speaker and cue left out; each lemma's class when it has one. */
  lemmas: string[];
}

const CONTENT_POS = new Set(["NOUN", "VERB", "ADJ", "ADV", "PROPN"]);
/** Lemmas that carry no content of their own in news copy. */
const LIGHT = new Set(["be", "have", "do", "get", "make", "take", "go", "come", "also", "just", "now", "then", "so", "very", "even", "still", "not", "n't", "never", "more", "most", "other", "such", "only", "well", "there", "here", "too"]);
const PRONOUN = new Set(["PRON", "DET"]);
const NEGATION = new Set(["not", "n't", "never", "no"]);
/** Verbs whose clause states what they embed: findings, showings and seemings. */
const EMBEDDING = new Set(["conclude", "find", "determine", "show", "reveal", "indicate", "suggest", "confirm", "acknowledge", "seem", "appear", "believe", "think", "write", "report"]);

const inside = (w: Span, s: Span): boolean => w.start >= s.start && w.end <= s.end;

/** The entity mention covering a word's phrase, if any. */
function entityOver(tree: Tree, word: SyntaxWord, entities: readonly EntityMention[]): EntityMention | undefined {
  const span = tree.span(word);
  return entities.find((e) => e.start <= word.start && e.end >= word.end) ?? entities.find((e) => inside(e, span) && e.end >= word.start - 1 && e.start <= word.end + 1);
}

/** A participant as the frame names it: its entity, else the head's lemma (pronouns and determiners name nothing). */
function participant(tree: Tree, word: SyntaxWord | undefined, entities: readonly EntityMention[]): string | undefined {
  if (!word) return undefined;
  const entity = entityOver(tree, word, entities);
  if (entity) return entity.canonical;
  if (PRONOUN.has(word.upos)) return undefined;
  return word.lemma.toLowerCase();
}

/** The frame of one sentence's claim, from its parse and the sentence's other findings. */
export function claimFrame(
  doc: Doc,
  sentence: Span & { index: number },
  found: { attribution?: Attribution; quantities: readonly Quantity[]; entities: readonly EntityMention[]; dates: readonly { date: string }[] },
): ClaimFrame {
  // the syntax layer holds one parse per sentence, in order: found by index, not by a search per sentence
  const at = doc.layers.syntax?.[sentence.index];
  const parsed = at?.sentence === sentence.index ? at : undefined;
  const tree = parsed && Tree.of(parsed);
  const quantities = found.quantities.map((q) => ({ min: q.min, max: q.max, counted: countedHead(q, tree) }));
  const time = found.dates[0]?.date;
  const content: Span = found.attribution ?? sentence;
  const said = (found.attribution?.chain ?? []).flatMap((l) => [l.source, l.cue]);
  const place = found.entities.find((e) => (e.type === "place" || e.type === "country") && inside(e, content) && !said.some((s) => inside(e, s)))?.canonical;
  const frame: ClaimFrame = { quantities, lemmas: [], ...(place ? { place } : {}), ...(time ? { time } : {}) };
  if (!tree) return frame;
  const words = tree.words.filter((w) => inside(w, content) && !said.some((s) => inside(w, s)));
  // the predicate heads what is said: a word of it whose head is not (the cue, or outside the content)
  // (the highest such verb or adjective, else noun: "concluded this month that…" is "conclude")
  const own = new Set(words);
  const tops = words.filter((w) => !tree.head(w) || !own.has(tree.head(w)!));
  // a word of a name is no predicate, however the tagger read it ("Sanders basically tied Clinton": not "sander")
  const named = (w: SyntaxWord) => found.entities.some((e) => e.start <= w.start && e.end >= w.end);
  const verbal = tops.filter((w) => (w.upos === "VERB" || w.upos === "ADJ") && !named(w));
  const nominal = tops.filter((w) => w.upos === "NOUN" && !named(w));
  // with no verb on top, the highest verb below: "said the army sent troops", which the parse can read
  // as a noun with a participle ("the army [that was] sent"), states a sending
  const below = verbal.length ? [] : words.filter((w) => w.upos === "VERB" && !named(w));
  let predicate = [...(verbal.length ? verbal : below.length ? below : nominal)].sort((a, b) => tree.ancestors(a).length - tree.ancestors(b).length)[0];
  // what is said, found or shown is stated by its own clause: "the FBI director said she exercised
  // extreme carelessness", "the outcome showed Clinton had received 49.84 percent", "the FBI concluded
  // that Clinton had been extremely careless"
  for (let hops = 0; predicate && hops < 3; hops++) {
    const lemma = predicate.lemma.toLowerCase();
    if (predicateClass(lemma) !== "say" && !EMBEDDING.has(lemma)) break;
    const inner = tree.child(predicate, "ccomp", "xcomp");
    if (!inner || !own.has(inner) || (inner.upos !== "VERB" && inner.upos !== "ADJ")) break;
    predicate = inner;
  }
  if (predicate) {
    frame.predicate = phrasalLemma(tree, predicate);
    const cueDenies = said.some((span) => tree.words.some((w) => inside(w, span) && predicateClass(w.lemma) === "deny"));
    const negation = tree.children(predicate, "advmod", "neg", "aux").some((w) => NEGATION.has(w.lemma.toLowerCase()) || NEGATION.has(doc.text.slice(w.start, w.end).toLowerCase()));
    if (cueDenies || negation || frame.predicateClass === "deny") frame.negated = true;
    const cls = predicateClass(frame.predicate);
    if (cls) frame.predicateClass = cls;
    const subject = tree.subject(predicate);
    const passive = subject && universal(subject.deprel) === "nsubj" && subject.deprel.endsWith(":pass");
    const agent = passive ? tree.children(predicate, "obl").find((o) => tree.children(o, "case").some((c) => c.lemma.toLowerCase() === "by")) : subject;
    const object = passive ? subject : tree.child(predicate, "obj", "iobj");
    // an actor is a named party: "71 people had died" has none, its people are what is counted
    const actor = agent && entityOver(tree, agent, found.entities)?.canonical;
    const theme = participant(tree, object, found.entities);
    if (actor) frame.actor = actor;
    if (theme) frame.theme = theme;
  }
  const lemmas = new Set<string>();
  for (const w of words) {
    const lemma = w.lemma.toLowerCase();
    if (!CONTENT_POS.has(w.upos) || LIGHT.has(lemma) || lemma.length < 3 || !/^\p{L}/u.test(lemma)) continue;
    lemmas.add(baseOf(lemma, w.upos));
  }
  frame.lemmas = [...lemmas];
  return frame;
}

/** A verb's lemma with its particle when the two make a predicate of a class of their own: "stepped down" is "step-down" (resign), not "step". */
function phrasalLemma(tree: Tree, verb: SyntaxWord): string {
  const lemma = verb.lemma.toLowerCase();
  const particle = tree.child(verb, "compound:prt");
  const phrasal = particle && `${lemma}-${particle.lemma.toLowerCase()}`;
  return phrasal && predicateClass(phrasal) ? phrasal : lemma;
}

/** A derived word's base, so that "extremely careless" and "extreme carelessness" share their words. */
export function baseOf(lemma: string, upos: string): string {
  if (lemma.length > 7 && lemma.endsWith("ness")) return lemma.slice(0, -4).replace(/i$/, "y");
  if (upos === "ADV" && lemma.length > 5 && lemma.endsWith("ly")) return lemma.endsWith("ily") ? lemma.slice(0, -3) + "y" : lemma.slice(0, -2);
  return lemma;
}

/** The counted thing's head lemma: the noun the number counts, by the parse when it has the phrase, else its last word. */
function countedHead(q: Quantity, tree: Tree | undefined): string {
  if (q.kind === "percent") return "percent";
  const span = q.ofSpan;
  if (span && tree) {
    // the words of the phrase only, from the one at its start: a sentence of thousands of figures stays linear
    const heads: SyntaxWord[] = [];
    for (let w = tree.wordAt(span.start); w && w.start < span.end; w = tree.words[w.index + 1])
      if (inside(w, span) && (!tree.head(w) || !inside(tree.head(w)!, span))) heads.push(w);
    if (heads.length) return heads[heads.length - 1].lemma.toLowerCase();
  }
  const words = q.of.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words[words.length - 1] ?? "";
}

