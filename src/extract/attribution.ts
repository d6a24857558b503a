import type { Attribution, AttributionLink, Doc, EntityMention, ParsedSentence, Sentence, Span, SyntaxWord, Token } from "../doc.ts";
import { Tree, universal } from "../syntax/tree.ts";
import { LETTER, NUMBER, unitClass, UPPER } from "../text/chars.ts";
import { PhraseMatcher } from "../text/phrases.ts";
import { isHeadline } from "./entities.ts";
import { Referents } from "./referents.ts";
import { TITLE_ABBREVIATIONS } from "../text/sentences.ts";
import { looksRegularPast } from "../text/wordforms.ts";
import { cueEntries, EVIDENTIAL_LEMMAS, HEARSAY_ADVERBS, LIGHT_VERBS, SOURCE_NOUNS, STATEMENT_NOUNS, type CueFrame } from "./lexicons/cues.ts";
import type { Annotator } from "./pipeline.ts";

// Who said it: finds reporting cues in each sentence, the source each cue points to (before it,
// after it, across an apposition, after "according to", as the owner of a report), nests cues that
// stand inside another's content into a chain, resolves names, roles and pronouns to the people seen
// earlier, and hands quotes and colon-introduced statements the speaker of the sentence that frames them.

const CUES = new PhraseMatcher<CueFrame>(cueEntries());
const STATEMENT = new Set(STATEMENT_NOUNS);
const MAX_SOURCE_TOKENS = 10;

/** Words skipped between a source and its verb: auxiliaries, negation, a few adverbs. */
const AUXILIARY = new Set(
  "has have had is are was were be been being will would could should can may might must do does did also not n't never again still then now later once just has already further repeatedly publicly reportedly allegedly".split(" "),
);
/** Words that end a noun phrase when scanning for a source. */
const BOUNDARY = new Set(
  ("that which who whom whose what when where while as but if because although though since so than or nor yet " +
    "after before until unless whether to at in on during for with without into about against over under between through " +
    "there here i you we he she it they this these those").split(" "),
);
const DETERMINERS = new Set("the a an some many most several certain other its their his her our your this these those one two three few".split(" "));
const FIRST_PERSON = new Set(["i", "we", "me", "us", "my", "our", "i'd", "i'm", "we're", "we'd"]);
const NON_SOURCES = new Set(["it", "this", "that", "there", "which", "what", "one", "nobody", "everyone", "everybody", "anyone", "all"]);
const PRONOUNS = new Set(["he", "she", "they", "him", "her", "them", "you"]);
/** The subject pronouns that stand for a person or a group named before. */
const PERSONAL_PRONOUNS = new Set(["he", "she", "they"]);
const MODALS = new Set(["could", "might", "would", "can", "may", "should", "must"]);
const POSSIBILITY_MODALS = new Set(["could", "might", "can", "may"]);
const REFUSALS = new Set(["wouldn't", "won't"]);
const GERUND_PREPOSITIONS = new Set(["by", "after", "before", "since", "while"]);
/** Words of a role or title, so a name can be told from the role that precedes it. */
const ROLE_WORDS = new Set(
  ("president vice prime minister ministry deputy secretary general spokesperson spokesman spokeswoman press senator sen. " +
    "gov. governor representative rep. chancellor ambassador director chief head leader chairman chairwoman chair commander " +
    "foreign defence defense interior affairs state national security adviser advisor official officer analyst editor " +
    "correspondent reporter professor dr. mr. mrs. ms. gen. col. lt. capt. mayor king queen pope judge justice attorney " +
    "of the former acting")
    .split(" "),
);
/** Words of a time adjunct between a subject and its verb ("the ministry on Wednesday denied"). */
const TIME_WORDS = new Set(
  ("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december yesterday today tonight morning afternoon evening night week weekend month year earlier later")
    .split(" "),
);
const TIME_PREPOSITIONS = new Set(["on", "in", "at", "during", "late", "early", "last", "this", "on"]);
const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "gets", "got"]);
/** Irregular past participles of cue verbs, which a be-form makes passive ("he is said to", "they were told"). */
const PARTICIPLES = new Set(["said", "told", "shown", "found", "known", "thought", "written", "seen", "heard", "given", "held", "put"]);
const COORDINATORS = new Set(["and", "or", "but"]);
const QUOTE_OPEN = new Set(["“", "‘", "«"]);
const QUOTE_CLOSE = new Set(["”", "’", "»"]);
/** A mark that may open a quote: a typographic opener or a straight double quote. */
const opensQuoteMark = (t: string): boolean => QUOTE_OPEN.has(t) || t === '"';
/** A mark that may close a quote: a typographic closer or a straight double quote. */
const closesQuoteMark = (t: string): boolean => QUOTE_CLOSE.has(t) || t === '"';
const END_MARKER = /\((?:end|ends)\)\s*$|\bENDS?\s*$/i;
const COLON_REACH = 12;

interface TokenRange {
  start: number;
  end: number;
}

/** One cue with its source, before chains are built: token indices into doc.tokens. */
interface Candidate {
  cue: TokenRange;
  frame: CueFrame;
  source?: TokenRange;
  /** What a relative pronoun source stands for: "Democrats" in "Democrats, who have argued". */
  antecedent?: TokenRange;
  /** Where the cue's content stands, in characters. */
  content: Span;
  /** A modifier of another cue rather than a statement of its own ("citing X"). */
  citing: boolean;
  resolved?: string;
}

/** What the annotator remembers about the people named so far in a document. */
interface People {
  referents: Referents;
  bySurname: Map<string, string>;
  byRole: Map<string, string>;
}

/** The entities layer, looked up by character offset. */
class EntityIndex {
  readonly #mentions: EntityMention[];
  constructor(mentions: readonly EntityMention[]) {
    this.#mentions = [...mentions].sort((a, b) => a.start - b.start);
  }

  /** Mentions that lie inside [start, end), in text order. */
  within(start: number, end: number): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = this.#firstFrom(start); i < this.#mentions.length && this.#mentions[i].start < end; i++)
      if (this.#mentions[i].end <= end) out.push(this.#mentions[i]);
    return out;
  }

  covers(start: number, end: number): boolean {
    const i = this.#firstFrom(start);
    return i < this.#mentions.length && this.#mentions[i].start === start && this.#mentions[i].end >= end;
  }

  /**
   * The organisation a definite description refers to ("the ministry", "the regional health office"):
   * the nearest one named before `at` whose name holds every word of the description, else the first after.
   */
  describedBy(words: string[], at: number): string | undefined {
    const fits = (m: EntityMention): boolean => {
      if (m.type !== "organization") return false;
      const name = m.canonical.toLowerCase().split(/\s+/);
      return words.every((w) => name.includes(w));
    };
    let before: EntityMention | undefined;
    for (const m of this.#mentions) {
      if (!fits(m)) continue;
      if (m.start < at) before = m;
      else return (before ?? m).canonical;
    }
    return before?.canonical;
  }

  #firstFrom(start: number): number {
    let lo = 0;
    let hi = this.#mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#mentions[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function attribution(): Annotator {
  return {
    name: "attribution",
    requires: ["sentences", "entities", "syntax"],
    provides: ["attribution"],
    run(doc) {
      doc.layers.attribution = annotate(doc);
    },
  };
}

function annotate(doc: Doc): Attribution[] {
  const people: People = { referents: new Referents(doc), bySurname: new Map(), byRole: new Map() };
  const entities = new EntityIndex(doc.layers.entities ?? []);
  const parses = doc.layers.syntax;
  const persons = (doc.layers.entities ?? []).filter((e) => e.type === "person");
  let personAt = 0;
  const quoted = quotations(doc);
  const found: Attribution[][] = doc.sentences.map((sentence) => {
    // names the entities layer found before this sentence count as seen
    for (; personAt < persons.length && persons[personAt].start < sentence.start; personAt++) remember(people, persons[personAt].canonical);
    const parsed = parses?.[sentence.index];
    const fits = (c: Candidate) => accept(doc, c, parsed) && (c.frame !== "evidential" || namesParty(doc, sentence, c.source!, c.cue, entities, people));
    let candidates = findCandidates(doc, sentence, quoted).filter((c) => fits(c) && !(parsed && (claimsAThing(doc, parsed, c) || namesOrPhones(doc, parsed, c))));
    // what the cue list did not find, the parse may: a reporting verb's subject ("Trump bemoaned X and said …")
    if (!candidates.length && parsed) candidates = parsedCandidates(doc, parsed).filter(fits);
    // "“I would answer, and he would say ‘uh huh’,” Lynch said": a cue inside the quotation is the speaker's story
    const outside = candidates.filter((c) => !isQuotedAt(quoted.ranges, doc.tokens[c.cue.start].start));
    if (outside.length) candidates = outside;
    for (const c of candidates) c.resolved = resolve(doc, c.antecedent ?? c.source!, people, entities) ?? (c.antecedent && text(doc, c.antecedent));
    return buildAttributions(doc, sentence, candidates);
  });
  inheritSpeakers(doc, found, quoted);
  return found.flat();
}

// ---------------------------------------------------------------- candidates

/** Lemmas of the verbs that report what someone said or holds, read from the parse. */
const REPORTING_LEMMAS = new Set(
  ("say tell add note stress contend caution believe predict warn claim allege maintain insist argue deny confirm announce " +
    "report write imply clarify assert acknowledge observe explain tweet testify declare complain vow promise admit concede " +
    "recall reply respond suggest recount emphasize emphasise agree point").split(" "),
);

const SPEAKER_TAGS = new Set(["PROPN", "NOUN", "PRON"]);
const MAX_PARSED_WORDS = 150;

/** A sentence's parse as a tree; none without a parse or past MAX_PARSED_WORDS (a table or a run-on page, where reading subtrees would be quadratic). */
function treeOf(doc: Doc, sentence: Sentence): Tree | undefined {
  const parsed = doc.layers.syntax?.[sentence.index];
  return parsed && parsed.words.length <= MAX_PARSED_WORDS ? Tree.of(parsed) : undefined;
}
const MODAL_LEMMAS = new Set(["would", "could", "might", "may", "should", "must", "can", "will", "shall"]);

/**
 * Candidates the parse gives: a reporting verb whose clausal complement is what was said and whose
 * subject (its own, or through a coordinated or controlling verb) is the source.
 */
function parsedCandidates(doc: Doc, parsed: ParsedSentence): Candidate[] {
  const out: Candidate[] = [];
  // a "sentence" of hundreds of words is a table or a run-on page, and reading subtrees in it would be quadratic
  if (parsed.words.length > MAX_PARSED_WORDS) return out;
  const tree = Tree.of(parsed);
  for (const verb of tree.words) {
    if (verb.upos !== "VERB" || !REPORTING_LEMMAS.has(verb.lemma)) continue;
    const said = tree.child(verb, "ccomp", "parataxis");
    const subject = tree.subject(verb);
    // a party that speaks: a name, a noun or a pronoun, not a clause ("Responding to it would confirm …")
    if (!said || !subject || !subject.deprel.startsWith("nsubj") || !SPEAKER_TAGS.has(subject.upos)) continue;
    // "would confirm", "could say": what someone might say is not a statement they made
    if (tree.children(verb, "aux").some((a) => MODAL_LEMMAS.has(a.lemma))) continue;
    const own = ownWords(tree, subject);
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || last.end > verb.start) continue;
    out.push({
      cue: { start: verb.token, end: verb.token + 1 },
      frame: EVIDENTIAL_LEMMAS.has(verb.lemma) ? "evidential" : "verb",
      source: { start: first.token, end: last.token + 1 },
      content: tree.span(said),
      citing: false,
    });
  }
  return out;
}

/** What one claims as a deed rather than says: a tax loss, a refund, a toll of lives, a seat or a title. */
const CLAIMED_THINGS = new Set(["loss", "deduction", "exemption", "refund", "rebate", "benefit", "allowance", "life", "seat", "title", "prize", "medal", "throne", "land", "territory", "inheritance", "asylum"]);

/**
 * "Trump had claimed a loss of $916 million", "the storm claimed 40 lives": "claim" with such a thing for
 * its object and no clause after it is a deed, not a statement ("he claimed vast wealth" stays one).
 */
function claimsAThing(doc: Doc, parsed: ParsedSentence, c: Candidate): boolean {
  if (c.frame !== "verb") return false;
  const tree = Tree.of(parsed);
  const verb = tree.wordAt(doc.tokens[c.cue.start].start);
  if (!verb || verb.lemma !== "claim" || verb.upos !== "VERB") return false;
  const object = tree.child(verb, "obj");
  return !!object && CLAIMED_THINGS.has(object.lemma) && !tree.child(verb, "ccomp", "parataxis");
}

/**
 * "a Pakistan-based group called Lashkar-e-Taiba", "she called into Tom Joyner's radio program": "called"
 * naming a noun, and "call" for a telephone call, report nothing.
 */
function namesOrPhones(doc: Doc, parsed: ParsedSentence, c: Candidate): boolean {
  if (c.cue.end - c.cue.start !== 1 || c.frame === "preposition" || c.frame === "noun") return false;
  const tree = Tree.of(parsed);
  const verb = tree.wordAt(doc.tokens[c.cue.start].start);
  const next = c.cue.end < doc.tokens.length ? doc.tokens[c.cue.end].lower : "";
  if (verb?.lemma === "call" && (next === "in" || next === "into")) return true;
  // "a group called X", "a swiftly called meeting"; after a comma the parse too often takes a main verb for one
  // (of a noun written in lower case: "the Association of Flight Attendants called Clinton a champion" is a misparse)
  const named = verb?.lemma === "call" && verb.xpos === "VBN" && (verb.deprel === "acl" || verb.deprel === "amod") && isLowerNoun(doc, tree.head(verb));
  return named && c.cue.start > 0 && isWord(doc.tokens[c.cue.start - 1]) && next !== "by";
}

const isLowerNoun = (doc: Doc, w: SyntaxWord | undefined): boolean => w?.upos === "NOUN" && doc.text.slice(w.start, w.end) === doc.tokens[w.token].lower;

/** A token's lower-cased words with typographic apostrophes made plain ("i’d" → "i'd"). */
const word = (doc: Doc, i: number): string => {
  const w = doc.tokens[i].lower;
  return w.includes("’") ? w.replace(/’/g, "'") : w;
};
const isWord = (t: Token): boolean => (unitClass(t.lower, 0) & (LETTER | NUMBER)) !== 0 || t.lower === "'s" || t.lower === "’s";
const isCapitalised = (doc: Doc, i: number): boolean => (unitClass(doc.text, doc.tokens[i].start) & UPPER) !== 0;
/** Words in -ly that are not adverbs: "attorneys for the family said", "the assembly voted". */
const LY_NOUNS = new Set("family families assembly ally italy july supply rally anomaly monopoly reply belly bully jelly".split(" "));
const isAdverb = (t: Token): boolean => t.lower.length > 4 && t.lower.endsWith("ly") && !LY_NOUNS.has(t.lower);

function findCandidates(doc: Doc, sentence: Sentence, quoted: Quotations): Candidate[] {
  // a credit line names who said the whole quotation, whatever cues stand inside it
  const credit = dashCredit(doc, sentence);
  if (credit) return [credit];
  // "Pat Caddell: Democrat Voters Worried About …": a name and a colon opening a headline say who says the rest
  // ("Ukraine War:", "Editorial:" label a topic or a kind of piece: speakerLabel knows them)
  const label = isHeadline(doc.text, doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd)) ? speakerLabel(doc, sentence) : undefined;
  if (label) return [label];
  const out: Candidate[] = [];
  for (const m of CUES.findAll(doc.tokens, sentence.tokenStart, sentence.tokenEnd)) {
    const cue = { start: m.tokenStart, end: m.tokenEnd };
    // "the alleged transfer", "an added 3,000": a participle after a determiner is an adjective
    if (m.value !== "noun" && cue.start > sentence.tokenStart && DETERMINERS.has(word(doc, cue.start - 1)) && !readsAsNoun(doc, sentence, cue)) continue;
    const candidate =
      m.value === "preposition"
        ? prepositionCandidate(doc, sentence, cue)
        : m.value === "noun" || readsAsNoun(doc, sentence, cue)
          ? nounCandidate(doc, sentence, cue)
          : gerundAsNoun(doc, sentence, cue)
            ? undefined
            : verbCandidate(doc, sentence, cue, m.value, out, quoted);
    if (candidate) out.push(candidate);
  }
  // a label or a tag outside the quotation names the speaker of cues inside it ("… say, look, …,” she continued.")
  if (out.every((c) => isQuotedAt(quoted.ranges, doc.tokens[c.cue.start].start))) {
    const labelled = speakerLabel(doc, sentence) ?? headlineSpeaker(doc, sentence) ?? carryOnTag(doc, sentence);
    if (labelled) out.push(labelled);
  }
  return out;
}

/** Verbs that carry a speech on only where they tag a quotation: "…,” she continued." and "Caddell continued:". */
const CARRY_ON = new Set(["continued", "continues", "went"]);

/**
 * "“…,” she continued." / "Caddell continued:" / "She continued, “…": a verb that, on its own, tells of
 * going on with anything is a speech verb where it tags a quotation or opens one.
 */
function carryOnTag(doc: Doc, sentence: Sentence): Candidate | undefined {
  const opening = carryOnOpening(doc, sentence);
  if (opening) return opening;
  let end = sentence.tokenEnd;
  while (end > sentence.tokenStart && /^[.,:]$/.test(word(doc, end - 1))) end--;
  let verb = end - 1;
  if (word(doc, verb) === "on" && word(doc, verb - 1) === "went") verb--;
  if (verb <= sentence.tokenStart || !CARRY_ON.has(word(doc, verb)) || (word(doc, verb) === "went" && word(doc, verb + 1) !== "on")) return undefined;
  const colon = end < sentence.tokenEnd && word(doc, end) === ":";
  const source = phraseBefore(doc, sentence, verb);
  if (!source || (!colon && (source.start - 1 <= sentence.tokenStart || !/^[,”"’']$/.test(word(doc, source.start - 1))))) return undefined;
  const cue = { start: verb, end: end };
  return { cue, frame: "verb", source, content: colon ? contentAfter(doc, sentence, end) : contentBefore(doc, sentence, source.start), citing: false };
}

/** The most words a speaker may take before "continued" opening a quotation: "Senate Majority Leader Mitch McConnell". */
const MAX_OPENING_SPEAKER = 6;

/** "She continued, “For us, …" / "Limbaugh continued: “They are …": the speaker opens the sentence, the quotation follows. */
function carryOnOpening(doc: Doc, sentence: Sentence): Candidate | undefined {
  for (let verb = sentence.tokenStart + 1; verb + 2 < sentence.tokenEnd && verb - sentence.tokenStart <= MAX_OPENING_SPEAKER; verb++) {
    const end = word(doc, verb) === "went" && word(doc, verb + 1) === "on" ? verb + 2 : verb + 1;
    if (!CARRY_ON.has(word(doc, verb)) || (word(doc, verb) === "went" && end === verb + 1)) continue;
    if (end + 1 >= sentence.tokenEnd || !/^[,:]$/.test(word(doc, end)) || !opensQuoteMark(word(doc, end + 1))) return undefined;
    const source = phraseBefore(doc, sentence, verb);
    if (!source || source.start !== sentence.tokenStart) return undefined;
    return { cue: { start: verb, end }, frame: "verb", source, content: contentAfter(doc, sentence, end + 1), citing: false };
  }
  return undefined;
}

/**
 * A headline that puts a quotation in a named person's mouth: "Chris Christie Calls Hillary Clinton ‘A
 * Disgrace’", "Obama Sees 'Personal Insult' if …". The person opens the title-case line, the word after
 * the name is its verb, and the line quotes someone's words.
 */
function headlineSpeaker(doc: Doc, sentence: Sentence): Candidate | undefined {
  const tokens = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
  if (!isHeadline(doc.text, tokens) || !tokens.some((t) => opensQuoteMark(t.lower))) return undefined;
  // a headline's capitals prove nothing, so its names are those the article names as people
  const opening = doc.text.slice(sentence.start, sentence.end);
  let nameEnd = -1;
  for (const name of personNames(doc)) if (name.length > nameEnd - sentence.start && opening.startsWith(name + " ")) nameEnd = sentence.start + name.length;
  if (nameEnd < 0) return undefined;
  let verb = sentence.tokenStart;
  while (verb < sentence.tokenEnd && doc.tokens[verb].end <= nameEnd) verb++;
  if (verb + 1 >= sentence.tokenEnd || !isWord(doc.tokens[verb]) || !isCapitalised(doc, verb)) return undefined;
  return { cue: { start: verb, end: verb + 1 }, frame: "verb", source: { start: sentence.tokenStart, end: verb }, content: contentAfter(doc, sentence, verb + 1), citing: false };
}

const namesOf = new WeakMap<Doc, Set<string>>();
/** The ways the document writes its people's names, read once however many headlines ask. */
function personNames(doc: Doc): Set<string> {
  let names = namesOf.get(doc);
  if (!names) {
    names = new Set((doc.layers.entities ?? []).filter((e) => e.type === "person").map((e) => doc.text.slice(e.start, e.end)));
    namesOf.set(doc, names);
  }
  return names;
}

const CREDIT_DASHES = new Set(["―", "—", "–", "-"]);
/**
 * A quotation credited after a dash at the end of its line: "…our greatest shame.” ― Sonya Herridge".
 * The name is a short run of capitalised words, and nothing but a full stop follows it.
 */
function dashCredit(doc: Doc, sentence: Sentence): Candidate | undefined {
  let end = sentence.tokenEnd;
  if (end > sentence.tokenStart && word(doc, end - 1) === ".") end--;
  let start = end;
  while (start > sentence.tokenStart && end - start < 4 && isWord(doc.tokens[start - 1]) && isCapitalised(doc, start - 1)) start--;
  const dash = start - 1;
  if (start === end || dash - 1 <= sentence.tokenStart || !CREDIT_DASHES.has(word(doc, dash)) || !closesQuoteMark(word(doc, dash - 1))) return undefined;
  return { cue: { start: dash, end: dash + 1 }, frame: "verb", source: { start, end }, content: contentBefore(doc, sentence, dash), citing: false };
}

/** Words of labels that end in a colon without naming a speaker: "Update:", "Breaking News:", "Photo:". */
const NOT_SPEAKERS = new Set(
  ("note update updated editor editors photo photos video watch listen read related source sources correction " +
    "disclaimer warning breaking exclusive analysis opinion comment live q a question answer summary background " +
    "context timeline key what why how when where who news updates points fact check report reports more top " +
    "editorial explainer interview podcast letters obituary war crisis").split(" "),
);
/**
 * A transcript's or a headline's speaker label: "PENCE: Well, I think…", "Loretta Lynch: No charges".
 * A short run of capitalised words opening the sentence, then a colon and what was said; not a
 * page label ("Update:") and not a place (a dateline such as "WASHINGTON:").
 */
function speakerLabel(doc: Doc, sentence: Sentence): Candidate | undefined {
  // some archives open every paragraph of a transcript with a stray quotation mark: "WALLACE: Let's start …
  const start = sentence.tokenStart + (sentence.tokenEnd - sentence.tokenStart > 3 && /^["“]$/.test(word(doc, sentence.tokenStart)) ? 1 : 0);
  let colon = start;
  while (colon < sentence.tokenEnd && colon - start < 4 && word(doc, colon) !== ":" && isWord(doc.tokens[colon]) && isCapitalised(doc, colon)) colon++;
  if (colon === start || colon + 2 >= sentence.tokenEnd || word(doc, colon) !== ":") return undefined;
  for (let i = start; i < colon; i++) if (NOT_SPEAKERS.has(word(doc, i))) return undefined;
  const place = (doc.layers.entities ?? []).some((e) => e.start >= doc.tokens[start].start && e.start < doc.tokens[colon].start && (e.type === "place" || e.type === "country"));
  if (place) return undefined;
  return { cue: { start: colon, end: colon + 1 }, frame: "verb", source: { start, end: colon }, content: contentAfter(doc, sentence, colon + 1), citing: false };
}

/** "reports" after a determiner or at the start of a sentence is the noun, not the verb. */
function readsAsNoun(doc: Doc, sentence: Sentence, cue: TokenRange): boolean {
  if (word(doc, cue.start) !== "reports") return false;
  return cue.start === sentence.tokenStart || DETERMINERS.has(word(doc, cue.start - 1));
}

function prepositionCandidate(doc: Doc, sentence: Sentence, cue: TokenRange): Candidate | undefined {
  const source = phraseAfter(doc, sentence, cue.end);
  if (!source) return undefined;
  const citing = word(doc, cue.start) === "citing";
  // "according to X, Y" puts the content after the source; "Y, according to X" before the cue, whatever
  // follows X ("…, according to an analysis by Lily Batchelder, a former Democratic tax aide …"). "…,
  // citing X, that …" modifies a report, and its content stays what follows.
  const after = contentAfter(doc, sentence, source.end);
  const before = contentBefore(doc, sentence, cue.start);
  const trailing = !citing && cue.start > sentence.tokenStart && word(doc, cue.start - 1) === "," && before.end > before.start;
  const content = after.end > after.start && !trailing ? after : before;
  return { cue, frame: "preposition", source, content, citing };
}

/** "The figure was stated by the Interior Ministry": a passive cue's agent is the speaker, its subject what was said. */
function passiveAgent(doc: Doc, sentence: Sentence, cue: TokenRange, frame: CueFrame, firstModifier: number): Candidate | undefined {
  let by = cue.end;
  while (by < sentence.tokenEnd && by - cue.end < 2 && isAdverb(doc.tokens[by])) by++;
  if (by >= sentence.tokenEnd || word(doc, by) !== "by") return undefined;
  const source = phraseAfter(doc, sentence, by + 1);
  return source && { cue, frame, source, content: contentBefore(doc, sentence, firstModifier), citing: false };
}

function verbCandidate(doc: Doc, sentence: Sentence, cue: TokenRange, frame: CueFrame, earlier: Candidate[], quoted?: Quotations): Candidate | undefined {
  // what the words around the cue do not give, the parse may; not inside a quotation, whose cues are the speaker's story
  const fromParse = (): Candidate | undefined => (quoted && !isQuotedAt(quoted.ranges, doc.tokens[cue.start].start) ? parsedSubject(doc, sentence, cue, frame) : undefined);
  const cueStart = withLightVerb(doc, sentence, cue);
  const full = { start: cueStart, end: cue.end };
  const modifiers = modifiersBefore(doc, sentence, cueStart);
  // "deaths are confirmed when…", "he is said to…": a passive cue's subject is what is spoken of, not the speaker
  if (isParticiple(word(doc, cue.start)) && modifiers.some((i) => BE_FORMS.has(word(doc, i)))) return passiveAgent(doc, sentence, full, frame, modifiers[0]);
  // "engineers had reportedly warned": the writer relays hearsay that the speech took place, so its subject is
  // not the writer's source; a finding still has one ("assessments reportedly indicate")
  if (frame !== "evidential" && modifiers.some((i) => HEARSAY_ADVERBS.has(word(doc, i)))) return undefined;
  // "two theories may explain", "one could say": what might be said has not been said
  if (modifiers.some((i) => POSSIBILITY_MODALS.has(word(doc, i)))) return undefined;
  // "Kadzik wouldn't say", "he would not say whether": a refusal to speak reports nothing
  // "Having said that, …", "That said, …": a turn of the writer's argument, no one's statement
  if (cueStart - 1 === firstWordOf(doc, sentence) && discourseTurn(doc, sentence, cueStart - 1, cue.end)) return undefined;
  const refusal = cueStart - modifiers.length - 1;
  if (refusal >= sentence.tokenStart && REFUSALS.has(word(doc, refusal))) return undefined;
  if (modifiers.some((i) => word(doc, i) === "not" && word(doc, i - 1) === "would")) return undefined;
  const left = (modifiers.at(-1) ?? cueStart) - 1;
  // "Democrats, who have argued that …": the relative pronoun is the source, standing for the phrase before it
  const relative = relativeSubject(doc, sentence, cue, left);
  if (relative) return { cue: full, frame, ...relative, content: contentAfterVerb(doc, sentence, full), citing: false };
  // "Kolvany says … and accuses Belgrast": a coordinated verb shares the subject of the first
  if (left >= sentence.tokenStart && COORDINATORS.has(word(doc, left))) {
    const shared = earlier.at(-1);
    if (!shared) return fromParse();
    return { cue: full, frame, source: shared.source, antecedent: shared.antecedent, content: contentAfterVerb(doc, sentence, full), citing: false };
  }
  // "began by saying", "after saying her foot was swollen, she …": a gerund after a preposition shares the
  // subject of the clause it hangs from
  // (a verb of reporting only: "by speaking directly to white people, say, …" reports nothing by itself)
  if (word(doc, cue.start).endsWith("ing") && left >= sentence.tokenStart && GERUND_PREPOSITIONS.has(word(doc, left)) && reportsSpeech(doc, sentence, cue)) {
    const shared = subjectOfClause(doc, sentence, cue.start);
    return shared && { cue: full, frame, source: shared, content: contentAfterVerb(doc, sentence, full), citing: false };
  }
  const before = wholeSubject(doc, sentence, cue, phraseBefore(doc, sentence, cueStart));
  if (before) {
    const after = contentAfter(doc, sentence, full.end);
    // "…, supply chain stress, and the dangers": a noun in a list, not a verb ("…, she said, and …" is one)
    const followed = full.end < sentence.tokenEnd;
    const listed = followed && /^(,|and|or)$/.test(word(doc, full.end)) && /^(and|or)\b/i.test(doc.text.slice(after.start, after.end));
    const parenthetical = followed && isPronoun(doc, before) && word(doc, full.end) === ",";
    if (listed && !parenthetical) return undefined;
    // "“…,” the minister told reporters in Belgrast": what was said is the quote, not the place
    const content = after.end > after.start && !quoteJustBefore(doc, sentence, before.start) ? contentAfterVerb(doc, sentence, full) : contentBefore(doc, sentence, before.start);
    return { cue: full, frame, source: before, content, citing: false };
  }
  // a straight apostrophe too: some archives write quotes as ''…''
  const afterPunctuation = left >= sentence.tokenStart && /^[,”"’'»—–-]$/.test(word(doc, left));
  if (!afterPunctuation) return fromParse();
  // "…, adding that": a participle shares the subject of the clause it hangs from
  if (word(doc, cue.start).endsWith("ing")) {
    const shared = earlier.at(-1)?.source ?? subjectOfClause(doc, sentence, cue.start) ?? subjectAtStart(doc, sentence);
    return shared && { cue: full, frame, source: shared, content: contentAfterVerb(doc, sentence, full), citing: false };
  }
  // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council, said North Korea's
  // latest …": a subject the parse finds opening the sentence is the speaker, not the words after the verb
  // "…, and the meeting deteriorated from there, said one GOP source in the room.": a name or a noun phrase
  // that ends the sentence after the cue is its speaker, whatever subject the parse gives the cue
  const adjacent = left === cueStart - 1 && frame !== "stance";
  const tail = adjacent ? phraseAfter(doc, sentence, full.end) : undefined;
  if (tail && (isCapitalised(doc, tail.start) || DETERMINERS.has(word(doc, tail.start))) && endsSentenceSoon(doc, sentence, tail.end) && !holdsVerb(doc, sentence, tail))
    return { cue: full, frame, source: tail, content: contentBefore(doc, sentence, cueStart), citing: false };
  const opening = fromParse();
  if (opening?.source!.start === sentence.tokenStart && !opensQuoteMark(word(doc, sentence.tokenStart))) return opening;
  // "…, said Lopez" / "“…,” said the minister"
  const parsedAfter = adjacent ? subjectAfter(doc, sentence, full) : undefined;
  if (parsedAfter) return { cue: full, frame, source: parsedAfter, content: contentBefore(doc, sentence, cueStart), citing: false };
  const inverted = adjacent ? phraseAfter(doc, sentence, full.end) : undefined;
  // (a phrase with a verb of its own is the reported clause: "…, said the event brought back memories")
  if (inverted && (isCapitalised(doc, inverted.start) || /^(the|a|an)$/.test(word(doc, inverted.start)) || nounSubjectWithin(doc, doc.layers.syntax?.[sentence.index], cue, inverted)) && endsClause(doc, sentence, inverted.end) && !holdsVerb(doc, sentence, inverted))
    return { cue: full, frame, source: inverted, content: contentBefore(doc, sentence, cueStart), citing: false };
  // "Kim Jong Gyu, vice foreign minister of …, gave": skip the apposition back to the name
  const apposed = phraseBeforeApposition(doc, sentence, left);
  if (apposed) return { cue: full, frame, source: apposed, content: contentAfterVerb(doc, sentence, full), citing: false };
  return fromParse();
}

/** "for effective supply and demand": a word conjoined to a noun is a noun whatever its tag. */
const conjoinedToNoun = (tree: Tree, word: SyntaxWord): boolean => universal(word.deprel) === "conj" && tree.head(word)?.upos !== "VERB";

/** The verb of a cue as the parse has it: "called" in "called for", "pointed" in "pointed out". */
function cueVerb(doc: Doc, tree: Tree, cue: TokenRange): SyntaxWord | undefined {
  for (let i = cue.start; i < cue.end; i++) {
    const w = tree.wordAt(doc.tokens[i].start);
    if (w?.upos === "VERB") return w;
  }
  return undefined;
}

/** Relations of a verb that heads a clause with a subject of its own. */
const CLAUSE_HEADS = new Set(["root", "conj", "ccomp", "advcl", "parataxis"]);

/**
 * What the words next to a cue did not give, the parse may: the subject of the cue verb, standing before
 * it ("A Quinnipiac University poll released in late August found", "Scott beamed and asked the crowd",
 * "Ivanka Trump, the nominee's eldest daughter, noted"), with its own words only.
 */
function parsedSubject(doc: Doc, sentence: Sentence, cue: TokenRange, frame: CueFrame): Candidate | undefined {
  const tree = treeOf(doc, sentence);
  if (!tree) return undefined;
  const verb = cueVerb(doc, tree, cue);
  // the verb of a clause: not "to find" after "trying", nor "called" in "His group, called the Legacy Fund,"
  const subject = verb?.upos === "VERB" && CLAUSE_HEADS.has(universal(verb.deprel)) && !conjoinedToNoun(tree, verb) ? tree.subject(verb) : undefined;
  // a passive subject is what is spoken of ("the issue was first reported by …"), and a clause speaks for no one
  if (!verb || !subject || subject.deprel !== "nsubj" || !SPEAKER_TAGS.has(subject.upos) || subject.end > doc.tokens[cue.start].start) return undefined;
  if (tree.children(verb, "aux").some((a) => MODAL_LEMMAS.has(a.lemma))) return undefined;
  // "Schiff, 56, who has served …": the name, up to the comma or the verb after it
  const end = tree.words.find((w) => w.index > subject.index && (w.lemma === "," || w.upos === "VERB"));
  const own = ownWords(tree, subject).filter((w) => !end || w.index < end.index);
  const source = { start: own[0].token, end: own[own.length - 1].token + 1 };
  // "According to the Daily Courier, Lindor's mayor, Tomas Reyl, has said": a misparse that takes in another cue
  if (CUES.findAll(doc.tokens, source.start, source.end).length) return undefined;
  return { cue, frame, source, content: contentAfterVerb(doc, sentence, cue), citing: false };
}

const RELATIVE_PRONOUNS = new Set(["who", "which"]);
/** Verbs of speech in the past tense: what a party said on one occasion. */
const PAST_SPEECH = new Set(["said", "told", "wrote", "added", "claimed", "argued", "reported", "stated", "testified"]);

/**
 * "Democrats on Capitol Hill, who have argued …", "the AP, which first reported the story": a cue verb
 * whose subject is the relative pronoun right before it. PolNeAR, like the parse, takes the pronoun
 * for the subject; the noun its clause describes in the parse says who that is, else the name or
 * the "the" + role before its comma ("…, said Maria Lopez, who added that …").
 */
function relativeSubject(doc: Doc, sentence: Sentence, cue: TokenRange, left: number): Pick<Candidate, "source" | "antecedent"> | undefined {
  if (left > sentence.tokenStart && !RELATIVE_PRONOUNS.has(word(doc, left))) left = pronounAcross(doc, sentence, cue) ?? left;
  if (left <= sentence.tokenStart || !RELATIVE_PRONOUNS.has(word(doc, left))) return undefined;
  // a clause set off by a comma or a dash tells of a party already named; one that restricts the noun
  // ("those pessimists who say", "lawmakers who mention") makes a kind of people, not a source; one who
  // said something once ("an architect who said he was stiffed") is a party, restricted or not
  const once = PAST_SPEECH.has(word(doc, cue.start));
  if (!/^[,—–-]$/.test(word(doc, left - 1)) && !once) return undefined;
  const source = { start: left, end: left + 1 };
  const tree = treeOf(doc, sentence);
  if (tree) {
    const verb = tree.wordAt(doc.tokens[cue.start].start);
    const pronoun = tree.wordAt(doc.tokens[left].start);
    // "the system, which advocates say disadvantages schools": the pronoun is what is said, not who says it
    if (!verb || !pronoun || tree.head(pronoun) !== verb || !pronoun.deprel.startsWith("nsubj")) return undefined;
    // its verb heads the relative clause, which hangs from the noun it describes
    const clause = tree.head(pronoun);
    const described = clause?.deprel === "acl:relcl" ? tree.head(clause) : undefined;
    // a name or a noun: "…, or whatever, who believes" describes no one
    if (described && (described.upos === "NOUN" || described.upos === "PROPN") && described.end <= pronoun.start) {
      // "If you're a patriotic American, …, who believes": a predicate noun's subject and copula are not the party
      const own = ownWords(tree, described, "nsubj", "csubj", "cop", "mark", "aux", "advcl", "obl", "expl", "advmod");
      return { source, antecedent: { start: own[0].token, end: own[own.length - 1].token + 1 } };
    }
  }
  const antecedent = nameEndingAt(doc, sentence, left - 1);
  return antecedent && { source, antecedent };
}

/** Whether the parse reads the cue as a verb of reporting ("saying", "telling"), not of talking ("speaking"). */
const reportsSpeech = (doc: Doc, sentence: Sentence, cue: TokenRange): boolean =>
  REPORTING_LEMMAS.has(treeOf(doc, sentence)?.wordAt(doc.tokens[cue.start].start)?.lemma ?? "");

/** "McConnell, …, who in 2010 said": the relative pronoun the parse makes the cue's subject across a few words between them. */
function pronounAcross(doc: Doc, sentence: Sentence, cue: TokenRange): number | undefined {
  const tree = treeOf(doc, sentence);
  const verb = tree?.wordAt(doc.tokens[cue.start].start);
  const subject = verb && tree!.child(verb, "nsubj");
  if (!subject || verb.upos !== "VERB" || !RELATIVE_PRONOUNS.has(subject.lemma) || subject.token >= cue.start || cue.start - subject.token > 5) return undefined;
  return subject.token;
}

/**
 * "received any warning before the dam collapsed", "Editor's note:": an -ing cue, or one with an owner,
 * that the parse tags a noun is not the verb of a speech.
 */
function gerundAsNoun(doc: Doc, sentence: Sentence, cue: TokenRange): boolean {
  const parsed = doc.layers.syntax?.[sentence.index];
  if (!parsed) return false;
  const tree = Tree.of(parsed);
  const cueWord = tree.wordAt(doc.tokens[cue.start].start);
  if (cueWord?.upos !== "NOUN") return false;
  // "Trump is warning that …": after a form of "be", an -ing word is the verb, whatever the tagger says
  const auxiliary = modifiersBefore(doc, sentence, cue.start).find((k) => !isAdverb(doc.tokens[k]));
  if (word(doc, cue.start).endsWith("ing") && auxiliary !== undefined && BE_FORMS.has(word(doc, auxiliary))) return false;
  // "Editor's note:", "Oz's show": a noun with an owner, which is no statement ("the IMF's estimate" is one)
  const owned = cue.start > sentence.tokenStart && /^['’]s$/.test(word(doc, cue.start - 1)) && !!tree.child(cueWord, "nmod:poss");
  return word(doc, cue.start).endsWith("ing") || (owned && !STATEMENT.has(word(doc, cue.start)));
}

/** "Having said that," / "That said,": the words at `before` and from `after` make the writer's turn of phrase. */
function discourseTurn(doc: Doc, sentence: Sentence, before: number, after: number): boolean {
  const at = (i: number) => (i < sentence.tokenEnd ? word(doc, i) : "");
  return (word(doc, before) === "having" && at(after) === "that" && at(after + 1) === ",") || (word(doc, before) === "that" && at(after) === ",");
}

/** The index of the sentence's first word, past opening brackets and quote marks. */
function firstWordOf(doc: Doc, sentence: Sentence): number {
  let i = sentence.tokenStart;
  while (i < sentence.tokenEnd && !isWord(doc.tokens[i])) i++;
  return i;
}

/** Indices of the auxiliaries and adverbs standing right before token `i`, nearest first. */
function modifiersBefore(doc: Doc, sentence: Sentence, i: number): number[] {
  const out: number[] = [];
  for (let k = i - 1; k >= sentence.tokenStart && (AUXILIARY.has(word(doc, k)) || isAdverb(doc.tokens[k])); k--) out.push(k);
  return out;
}

const isParticiple = (w: string): boolean => PARTICIPLES.has(w) || looksRegularPast(w);

/** "gave the following answer": the cue starts at the light verb before a statement noun. */
function withLightVerb(doc: Doc, sentence: Sentence, cue: TokenRange): number {
  if (!STATEMENT.has(word(doc, cue.start))) return cue.start;
  for (let i = cue.start - 1; i >= Math.max(sentence.tokenStart, cue.start - 3); i--) if (LIGHT_VERBS.has(word(doc, i))) return i;
  return cue.start;
}

function nounCandidate(doc: Doc, sentence: Sentence, cue: TokenRange): Candidate | undefined {
  const noun = cue.start;
  const next = cue.end < sentence.tokenEnd ? word(doc, cue.end) : "";
  // "issued a statement" is a verb cue with the light verb's subject as source
  if (withLightVerb(doc, sentence, cue) !== cue.start) return verbCandidate(doc, sentence, cue, "verb", []);
  // "the report from X", "assertions by X"
  if (next === "from" || next === "by") {
    const source = phraseAfter(doc, sentence, cue.end + 1);
    if (source) return { cue, frame: "noun", source, content: contentAfter(doc, sentence, source.end), citing: false };
  }
  // "the view of X is that …"
  if (next === "of") {
    const source = phraseAfter(doc, sentence, cue.end + 1);
    if (source && source.end + 1 < sentence.tokenEnd && /^(is|was)$/.test(word(doc, source.end)) && word(doc, source.end + 1) === "that")
      return { cue, frame: "noun", source, content: contentAfter(doc, sentence, source.end + 2), citing: false };
  }
  if (next !== "that" && next !== ":") {
    // "Reports about X …" opening a sentence: the reports are the source
    const opensSentence = noun === sentence.tokenStart && word(doc, noun).endsWith("s") && (next === "about" || next === "of");
    return opensSentence ? { cue, frame: "noun", source: cue, content: contentAfter(doc, sentence, cue.end), citing: false } : undefined;
  }
  // "the Reuters report that", "the ministry's statement that"
  const owner = ownerBefore(doc, sentence, noun);
  return owner ? { cue, frame: "noun", source: owner, content: contentAfter(doc, sentence, cue.end), citing: false } : undefined;
}

/** The owner of a statement noun: a possessive ("X's report") or capitalised modifiers ("the Reuters report"). */
function ownerBefore(doc: Doc, sentence: Sentence, noun: number): TokenRange | undefined {
  let end = noun;
  if (end - 1 >= sentence.tokenStart && /^['’]s$/.test(word(doc, end - 1))) end--;
  let start = end;
  while (start - 1 >= sentence.tokenStart && isCapitalised(doc, start - 1) && isWord(doc.tokens[start - 1])) start--;
  if (start === end && end === noun) return undefined;
  if (start === end) return phraseBefore(doc, sentence, end);
  return { start, end };
}

// ---------------------------------------------------------------- noun phrases

/** The noun phrase ending just before token `i`, skipping auxiliaries and adverbs ("officials have also said"). */
function phraseBefore(doc: Doc, sentence: Sentence, i: number): TokenRange | undefined {
  let end = skipTimeAdjunct(doc, sentence, i - modifiersBefore(doc, sentence, i).length);
  // "Rep. Gwen Moore (D-Wis.) said": the name stands before the bracket
  if (end - 1 > sentence.tokenStart && word(doc, end - 1) === ")") {
    let open = end - 2;
    while (open > sentence.tokenStart && end - open <= 8 && word(doc, open) !== "(") open--;
    if (word(doc, open) === "(") end = open;
  }
  if (end - 1 >= sentence.tokenStart && COORDINATORS.has(word(doc, end - 1))) return undefined;
  let start = end;
  while (start - 1 >= sentence.tokenStart && end - start < MAX_SOURCE_TOKENS + 1 && inPhrase(doc, start - 1)) start--;
  // a pronoun subject stands alone: "he said", "they believe"
  if (start === end && end - 1 >= sentence.tokenStart && (PRONOUNS.has(word(doc, end - 1)) || FIRST_PERSON.has(word(doc, end - 1)) || NON_SOURCES.has(word(doc, end - 1))))
    start = end - 1;
  // "a spokesman for the ministry said", "lawyers for the family said": a role held for a party is one source
  // (a role in lower case: "the Center for Media and Public Affairs" is a name the phrase already holds)
  const role = start - 2;
  if (role >= sentence.tokenStart && word(doc, start - 1) === "for" && !isCapitalised(doc, role) && (isRoleNoun(word(doc, role)) || isSourceNoun(word(doc, role)))) {
    let first = role;
    while (first - 1 >= sentence.tokenStart && end - first < MAX_SOURCE_TOKENS && inPhrase(doc, first - 1)) first--;
    start = first;
  }
  while (start < end && /^(and|of|'s|’s)$/.test(word(doc, start))) start++;
  if (start === end || end - start > MAX_SOURCE_TOKENS) return undefined;
  return { start: withPartyBeforePlace(doc, sentence, start), end };
}

/**
 * "…, and the meeting deteriorated from there, said one GOP source in the room.": the noun subject the
 * parse puts right after the cue, with its own words, when it runs to the end of the clause (a cue
 * can have two subjects in a misparse; the one after it is the speaker).
 */
function subjectAfter(doc: Doc, sentence: Sentence, cue: TokenRange): TokenRange | undefined {
  const tree = treeOf(doc, sentence);
  const verb = tree?.wordAt(doc.tokens[cue.start].start);
  const subject = verb && tree!.children(verb, "nsubj").find((w) => w.start > verb.start);
  if (!subject || (subject.upos !== "NOUN" && subject.upos !== "PROPN")) return undefined;
  const own = ownWords(tree!, subject);
  const end = own[own.length - 1].token + 1;
  if (own[0].token !== cue.end || end - cue.end > MAX_SOURCE_TOKENS || own.some((w) => w.upos === "VERB") || !endsClause(doc, sentence, end)) return undefined;
  return { start: cue.end, end };
}

/**
 * "attorneys for the family said": where the words before a cue end a longer subject that the parse
 * gives the cue verb (one the word rules cut at a preposition), the whole subject is the source.
 */
function wholeSubject(doc: Doc, sentence: Sentence, cue: TokenRange, before: TokenRange | undefined): TokenRange | undefined {
  const tree = before && treeOf(doc, sentence);
  const verb = tree?.wordAt(doc.tokens[cue.start].start);
  const subject = verb && tree!.child(verb, "nsubj");
  if (!subject || (subject.upos !== "NOUN" && subject.upos !== "PROPN") || subject.token >= before!.start) return before;
  const own = ownWords(tree!, subject);
  const first = own[0].token;
  const last = own[own.length - 1].token;
  if (last + 1 !== before!.end || before!.end - first > MAX_SOURCE_TOKENS || own.some((w) => w.upos === "PUNCT" || w.upos === "VERB")) return before;
  return { start: first, end: before!.end };
}

/** "officials in Kyiv said", "our reporter in Lindor says": the party before a place phrase is the source, not the place. */
function withPartyBeforePlace(doc: Doc, sentence: Sentence, start: number): number {
  const prep = start - 1;
  if (prep - 1 < sentence.tokenStart || !/^(in|at|from)$/.test(word(doc, prep)) || !SOURCE_NOUNS.has(word(doc, prep - 1))) return start;
  let first = prep - 1;
  while (first - 1 >= sentence.tokenStart && prep - first < 4 && inPhrase(doc, first - 1)) first--;
  return first;
}

/** Where the subject ends before a time adjunct ending at token `i` ("the ministry on Wednesday", "the mayor yesterday"). */
function skipTimeAdjunct(doc: Doc, sentence: Sentence, i: number): number {
  if (i - 1 < sentence.tokenStart || !TIME_WORDS.has(word(doc, i - 1))) return i;
  let k = i - 1;
  while (k - 1 >= sentence.tokenStart && (TIME_WORDS.has(word(doc, k - 1)) || /^\d+$/.test(word(doc, k - 1)))) k--;
  if (k - 1 >= sentence.tokenStart && TIME_PREPOSITIONS.has(word(doc, k - 1))) return k - 1;
  return /^(yesterday|today|tonight|earlier|later)$/.test(word(doc, i - 1)) ? k : i;
}

/** The noun phrase starting at token `i` and running to the next boundary ("according to Western intelligence, …"). */
function phraseAfter(doc: Doc, sentence: Sentence, i: number): TokenRange | undefined {
  let end = i;
  while (end < sentence.tokenEnd && end - i <= MAX_SOURCE_TOKENS && (inPhrase(doc, end) || (end === i && DETERMINERS.has(word(doc, end))))) {
    // "the report from Zero Hedge suggests": the phrase ends where the next verb cue begins; a statement
    // noun heads it ("according to the post-debate analysis")
    const next = end > i ? CUES.matchAt(doc.tokens, end, sentence.tokenEnd) : undefined;
    if (next && next.value !== "noun") break;
    end++;
  }
  if (end === i || end - i > MAX_SOURCE_TOKENS) return undefined;
  const first = word(doc, i);
  if (!isCapitalised(doc, i) && !DETERMINERS.has(first) && !SOURCE_NOUNS.has(first) && !/[\p{L}]/u.test(first)) return undefined;
  return { start: i, end };
}

const inPhrase = (doc: Doc, i: number): boolean => {
  const t = doc.tokens[i];
  if (t.lower === "." && i > 0 && TITLE_ABBREVIATIONS.has(doc.tokens[i - 1].lower)) return true; // "Mr. Burman"
  return isWord(t) && !BOUNDARY.has(t.lower) && !AUXILIARY.has(t.lower) && !TIME_WORDS.has(t.lower) && !isClockMinutes(doc, i);
};

/** The minutes of a clock time ("18:30 Kolvany says" opening a live-blog entry), which are no part of a name. */
const isClockMinutes = (doc: Doc, i: number): boolean => i > 0 && /^\d\d$/.test(doc.tokens[i].lower) && doc.tokens[i - 1].lower === ":";

/** Penn tags of a verb with a tense: a clause of its own, where a bare or an -ing form can be a misparsed noun ("MSNBC host"). */
const FINITE_VERBS = new Set(["VBD", "VBZ", "VBP"]);

/** Whether the parse tags a word of tokens [start, end) a verb with a tense. */
function holdsVerb(doc: Doc, sentence: Sentence, range: TokenRange): boolean {
  const tree = treeOf(doc, sentence);
  for (let k = range.start; k < range.end; k++) {
    const w = tree?.wordAt(doc.tokens[k].start);
    if (w?.upos === "VERB" && FINITE_VERBS.has(w.xpos)) return true;
  }
  return false;
}

/** Whether what is left of the sentence from token `i` is at most a short phrase with no verb: "in the room." */
function endsSentenceSoon(doc: Doc, sentence: Sentence, i: number): boolean {
  if (sentence.tokenEnd - i > 6) return false;
  const tree = treeOf(doc, sentence);
  for (let k = i; k < sentence.tokenEnd; k++) {
    const w = tree?.wordAt(doc.tokens[k].start);
    if (!w || w.upos === "VERB" || w.upos === "AUX" || (w.upos === "PUNCT" && k < sentence.tokenEnd - 1 && !closesQuoteMark(word(doc, k)))) return false;
  }
  return true;
}

/** True when the phrase ending at `i` closes its clause: end of sentence, punctuation, or a place/time adjunct. */
function endsClause(doc: Doc, sentence: Sentence, i: number): boolean {
  return i >= sentence.tokenEnd || !isWord(doc.tokens[i]) || /^(at|in|on|during|after|before|when|while|as|who|to)$/.test(word(doc, i));
}

/**
 * "NAME, ROLE, cue": the phrase before the comma that opens the apposition ending at token `left`;
 * "ROLE, NAME, cue" ("its chief executive, Jonas Brell, said"): the name between the commas.
 */
function phraseBeforeApposition(doc: Doc, sentence: Sentence, left: number): TokenRange | undefined {
  let closing = left;
  while (closing > sentence.tokenStart && word(doc, closing) !== ",") closing--;
  let commas = 0;
  for (let i = closing - 1; i > sentence.tokenStart && left - i < 40; i--) {
    if (word(doc, i) !== ",") continue;
    if (commas === 0 && isNameRun(doc, i + 1, closing)) return { start: i + 1, end: closing };
    const name = phraseBefore(doc, sentence, i);
    const isName = name && isCapitalised(doc, name.start) && isCapitalised(doc, name.end - 1);
    // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": a longer
    // apposition is read back to a name only where the sentence (or the quote before it) starts
    if (isName && (commas === 0 || opensClause(doc, sentence, name.start))) return name;
    if (++commas === 3) return undefined;
  }
  return undefined;
}

/** Whether token `i` opens the sentence or follows the quote that does: "“…,” Scott Pruitt, …, said". */
function opensClause(doc: Doc, sentence: Sentence, i: number): boolean {
  if (i === sentence.tokenStart) return true;
  const before = word(doc, i - 1);
  return closesQuoteMark(before) || before === "'";
}

/**
 * The name (capitalised words, titles such as "Mr." included) or the "the" + role ("the mayor") that
 * ends just before token `end`; undefined when the words there are neither.
 */
function nameEndingAt(doc: Doc, sentence: Sentence, end: number): TokenRange | undefined {
  let start = end;
  while (start - 1 >= sentence.tokenStart && end - start < 5 && (isCapitalised(doc, start - 1) || (word(doc, start - 1) === "." && inPhrase(doc, start - 1))))
    start--;
  if (start < end && isWord(doc.tokens[start])) return { start, end };
  if (end - 2 >= sentence.tokenStart && word(doc, end - 2) === "the" && isRoleNoun(word(doc, end - 1))) return { start: end - 2, end };
  return undefined;
}

/** Whether tokens [start, end) are a short run of capitalised words: a name. */
function isNameRun(doc: Doc, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 4) return false;
  for (let i = start; i < end; i++) if (!isCapitalised(doc, i) || !isWord(doc.tokens[i]) || ROLE_WORDS.has(word(doc, i))) return false;
  return true;
}

/** Penn tags of clause heads with no tense, which take their subject from the clause above: "to treat", "seeking", a noun's infinitive. */
const NON_FINITE = new Set(["VB", "VBG", "VBN", "NN", "NNS"]);

/**
 * "Mr. Trump refuses to release his returns, saying …": the subject of the clause a participle hangs
 * from, read from the parse, with its own words only (not a relative clause or an apposition after it).
 */
function subjectOfClause(doc: Doc, sentence: Sentence, participle: number): TokenRange | undefined {
  const tree = treeOf(doc, sentence);
  if (!tree) return undefined;
  const verb = tree.wordAt(doc.tokens[participle].start);
  // "groups granted him an extension … to treat runoff, saying": a clause without a subject of its own (an
  // infinitive, a participle) hangs from the one whose subject it shares
  let clause = verb && tree.head(verb);
  let subject = clause && tree.subject(clause);
  // (not past a modal: "the campaign would do well to target voters, emphasizing" is advice, not a statement)
  while (clause && !subject && NON_FINITE.has(clause.xpos) && tree.head(clause) && !tree.children(tree.head(clause)!, "aux").some((a) => MODAL_LEMMAS.has(a.lemma))) {
    clause = tree.head(clause)!;
    subject = tree.subject(clause);
  }
  if (!subject || !SPEAKER_TAGS.has(subject.upos)) return undefined;
  const own = ownWords(tree, subject);
  return own.length ? { start: own[0].token, end: own[own.length - 1].token + 1 } : undefined;
}

/**
 * A phrase's own words: its head with its determiners and modifiers, not a relative clause or an
 * apposition after it, nor the dependents of the relations named in `alsoNot`.
 */
function ownWords(tree: Tree, head: SyntaxWord, ...alsoNot: string[]): SyntaxWord[] {
  const after = new Set<SyntaxWord>();
  for (const c of tree.children(head, "acl", "appos", "punct", "parataxis", ...alsoNot)) for (const w of tree.subtree(c)) after.add(w);
  return tree.subtree(head).filter((w) => !after.has(w));
}

/** The sentence's opening noun phrase, up to its first verb-like word: "A French newspaper circulated …". */
function subjectAtStart(doc: Doc, sentence: Sentence): TokenRange | undefined {
  let end = sentence.tokenStart;
  while (end < sentence.tokenEnd && end - sentence.tokenStart < 6 && inPhrase(doc, end) && !looksRegularPast(word(doc, end))) end++;
  return end > sentence.tokenStart && end - sentence.tokenStart < 6 ? { start: sentence.tokenStart, end } : undefined;
}

// ---------------------------------------------------------------- content

/** Content after a cue: past "that", a comma or a colon, to the end of the sentence. */
function contentAfter(doc: Doc, sentence: Sentence, i: number): Span {
  while (i < sentence.tokenEnd && /^(that|,|:)$/.test(word(doc, i))) i++;
  let last = sentence.tokenEnd - 1;
  while (last >= i && /^[.!?]$/.test(word(doc, last))) last--;
  if (last < i) return { start: doc.tokens[Math.min(i, sentence.tokenEnd - 1)].end, end: doc.tokens[Math.min(i, sentence.tokenEnd - 1)].end };
  return { start: doc.tokens[i].start, end: doc.tokens[last].end };
}

/**
 * What a verb cue reports: the rest of the sentence after it, and no further than the end of a
 * subordinate clause of the cue's own that opens the sentence.
 */
function contentAfterVerb(doc: Doc, sentence: Sentence, cue: TokenRange): Span {
  return withinLeadingClause(doc, sentence, cue, contentAfter(doc, sentence, cue.end));
}

/**
 * "Though she called Wells Fargo's behavior “outrageous”, Clinton restricted comments …": what the verb
 * of a subordinate clause before the main one reports ends with that clause, as the parse has it.
 */
function withinLeadingClause(doc: Doc, sentence: Sentence, cue: TokenRange, content: Span): Span {
  const tree = treeOf(doc, sentence);
  if (!tree) return content;
  const verb = cueVerb(doc, tree, cue);
  if (!verb) return content;
  // "Though she called … and called for …": a verb anywhere inside the clause ends with it too
  const leading = [verb, ...tree.ancestors(verb)].find((w) => universal(w.deprel) === "advcl");
  const main = leading && tree.head(leading);
  if (!leading || !main) return content;
  const clause = tree.subtree(leading).filter((w) => w.upos !== "PUNCT" || closesQuoteMark(doc.text.slice(w.start, w.end)));
  const end = clause[clause.length - 1].end;
  if (end > main.start || end <= content.start) return content;
  return { start: content.start, end: Math.min(content.end, end) };
}

/** Whether the sentence opens with a quote that closes (with its comma) right before token `i`. */
function quoteJustBefore(doc: Doc, sentence: Sentence, i: number): boolean {
  let k = i - 1;
  while (k > sentence.tokenStart && /^[,—–-]$/.test(word(doc, k))) k--;
  if (k <= sentence.tokenStart || !closesQuoteMark(word(doc, k))) return false;
  // the quote opens the sentence, or it opened in an earlier one: “…. We're looking at the needs …,” Sanders said, going on to …
  return opensQuoteMark(word(doc, sentence.tokenStart)) || closesEarlierQuote(doc.text.slice(sentence.start, doc.tokens[k].end));
}

/** Content before a cue or its source: the sentence up to the comma (and "as") that precedes them. */
function contentBefore(doc: Doc, sentence: Sentence, i: number): Span {
  let last = i - 1;
  while (last >= sentence.tokenStart && /^(,|as|”|"|’|'|—|–|-)$/.test(word(doc, last))) last--;
  if (last < sentence.tokenStart) return { start: sentence.start, end: sentence.start };
  // a closing quote belongs with the quoted words, and so does the comma inside it: “…closed,”
  let end = doc.tokens[last].end;
  for (let k = last + 1; k < i; k++) if (closesQuoteMark(word(doc, k))) end = doc.tokens[k].end;
  return { start: sentence.start, end };
}

// ---------------------------------------------------------------- checks and names

/** Cues that report words said or written, which "it" can stand for the speaker of (a document, a body). */
const SPEECH_CUES = new Set("said says added adds wrote writes reported reports noted notes stated states argued argues claimed claims warned warns told tells".split(" "));

/** Whether a candidate has a source worth reporting: not the writer, not a thing, not a bare number. */
function accept(doc: Doc, c: Candidate, parsed?: ParsedSentence): boolean {
  if (!c.source) return false;
  // a relative pronoun is as good a source as the phrase it stands for, which its clause's verb speaks for
  const source = c.antecedent ?? c.source;
  const words: string[] = [];
  for (let i = source.start; i < source.end; i++) words.push(word(doc, i));
  const first = words[0];
  // "our correspondent says" is the outlet's reporter; "we said", "my view" are the writer
  const ownReporter = (first === "our" || first === "my") && words.length > 1 && SOURCE_NOUNS.has(words[1]);
  if (!ownReporter && words.some((w) => FIRST_PERSON.has(w))) return false;
  // "…,” it added.", "It says the campaign violated …": a document or a body that speaks, for a verb of speech
  const speaks = first === "it" && c.frame === "verb" && !c.antecedent && SPEECH_CUES.has(text(doc, c.cue).toLowerCase());
  if (words.length === 1 && NON_SOURCES.has(first)) return speaks;
  // generic "you could say"
  if (first === "you" && source.end < doc.tokens.length && MODALS.has(doc.tokens[source.end].lower)) return false;
  // "66 percent said": a poll's respondents, not a source ("a 2014 study found" has one)
  const prep = words.findIndex((w, i) => i > 0 && (w === "of" || w === "from" || w === "by"));
  const head = prep > 0 ? words.slice(0, prep) : words;
  if (head.some((w) => w === "percent" || w === "%") || /^\d/.test(head[head.length - 1])) return false;
  return isSourceLike(doc, source) || (c.frame !== "evidential" && (!!c.antecedent || nounSubjectWithin(doc, parsed, c.cue, source)));
}

/**
 * "The network said it would send…", "one slide says…", "…, said attorneys for the family": whoever a
 * reporting verb's noun subject is, it is the one who speaks, listed source noun or not. Read from the
 * parse: the cue's subject is a noun inside the source phrase. (A finding's subject still has to be a
 * party: "the landscape suggests".)
 */
function nounSubjectWithin(doc: Doc, parsed: ParsedSentence | undefined, cue: TokenRange, source: TokenRange): boolean {
  if (!parsed) return false;
  const tree = Tree.of(parsed);
  const verb = tree.wordAt(doc.tokens[cue.start].start);
  const subject = verb && verb.upos === "VERB" ? tree.subject(verb) : undefined;
  if (!subject || !subject.deprel.startsWith("nsubj") || (subject.upos !== "NOUN" && subject.upos !== "PROPN")) return false;
  return subject.start >= doc.tokens[source.start].start && subject.end <= doc.tokens[source.end - 1].end;
}

/** A name, a pronoun for a person, or a phrase whose head is a document or a party. */
function isSourceLike(doc: Doc, source: TokenRange): boolean {
  const words = doc.tokens.slice(source.start, source.end).map((t) => t.lower);
  if (words.length === 1 && PRONOUNS.has(words[0])) return true;
  const prep = words.findIndex((w) => w === "from" || w === "by" || w === "of");
  const headEnd = prep > 0 ? prep : words.length;
  if (isSourceNoun(words[headEnd - 1]) || isRoleNoun(words[headEnd - 1])) return true;
  for (let i = source.start; i < source.start + headEnd; i++) if (isCapitalised(doc, i) && !DETERMINERS.has(word(doc, i))) return true;
  return false;
}

/** A head noun that can carry a finding or a view, plural or not: "the attorneys", "federal statistics". */
const isSourceNoun = (head: string | undefined): boolean => !!head && (SOURCE_NOUNS.has(head) || (head.endsWith("s") && SOURCE_NOUNS.has(head.slice(0, -1))));

/** Roles without an agent ending: "the secretary said", "her husband told…". */
const ROLES = new Set(
  ("secretary chair general envoy premier king queen pope prince princess cardinal bishop priest imam rabbi coach captain " +
    "sheriff mother father son daughter wife husband friend neighbour neighbor victim family parents chief deputy aide " +
    "nominee delegate clerk guard colonel lieutenant sergeant major mp mps").split(" "),
);
/** Agent endings of nouns for people: mayor, announcer, economist, historian, chairman, consultant. */
const AGENT_ENDINGS = ["or", "er", "ist", "ian", "man", "woman", "person", "ant", "ent"];
/** Whether a head noun (plural or not) names a person by role: "the mayor", "the senators". */
function isRoleNoun(head: string | undefined): boolean {
  if (!head || head.length < 4) return false;
  const one = head.endsWith("s") && !head.endsWith("ss") ? head.slice(0, -1) : head;
  return ROLES.has(one) || (one.length >= 5 && AGENT_ENDINGS.some((e) => one.endsWith(e)));
}

/**
 * Whether an evidential's subject is a party or a document ("the report found", "Reuters found"), not
 * a capitalised common noun opening the sentence ("Rescuers found 24 people"): a capital there counts
 * only when the entities layer or an earlier full name vouches for it.
 */
function namesParty(doc: Doc, sentence: Sentence, source: TokenRange, cue: TokenRange, entities: EntityIndex, people: People): boolean {
  const first = source.start;
  if (first !== sentence.tokenStart || source.end - first > 1) return true;
  const t = doc.tokens[first];
  // "He suggested that …", "He concluded: …": a person's finding is a statement; "They found a way" is not
  const statement = cue.end < sentence.tokenEnd && (word(doc, cue.end) === "that" || word(doc, cue.end) === ":");
  if (PERSONAL_PRONOUNS.has(t.lower)) return statement;
  return SOURCE_NOUNS.has(t.lower) || entities.covers(t.start, t.end) || people.bySurname.has(t.lower);
}

/** Prepositions that end the head of a source phrase: "the mayor of Lindor", "officials in Kyiv". */
const AFTER_HEAD = new Set(["of", "in", "at", "from", "for", "by", "to"]);

/**
 * The entity that is a source phrase's head word: "Neighbouring Tarvonia", "the Ormen Valley Regional
 * Health Office", "Interior Minister Katrin Voss"; not Lindor in "the mayor of Lindor" or "Lindor's
 * mayor", nor France in "a French newspaper".
 */
function headEntity(doc: Doc, source: TokenRange, entities: EntityIndex): EntityMention | undefined {
  let head = source.start;
  while (head + 1 < source.end && !AFTER_HEAD.has(word(doc, head + 1))) head++;
  const at = doc.tokens[head];
  const span = tokenSpan(doc, source);
  return entities.within(span.start, span.end).find((m) => m.type !== "place" && m.start <= at.start && at.end <= m.end);
}

/** "the ministry", "the regional health office": a definite description of an organisation named in the document. */
function describedOrganisation(doc: Doc, source: TokenRange, entities: EntityIndex): string | undefined {
  if (!/^(the|its|their)$/.test(word(doc, source.start)) || source.end - source.start > 4 || source.end - source.start < 2) return undefined;
  const words: string[] = [];
  for (let i = source.start + 1; i < source.end; i++) words.push(word(doc, i));
  return entities.describedBy(words, doc.tokens[source.start].start);
}

/** Canonical name for a source: the entity it names, the person inside a role phrase, or the earlier person a pronoun, surname or role points to. */
function resolve(doc: Doc, source: TokenRange, people: People, entities: EntityIndex): string | undefined {
  const words = doc.tokens.slice(source.start, source.end);
  const lower = words.map((t) => t.lower);
  if (lower.length === 1 && (lower[0] === "he" || lower[0] === "she")) return people.referents.resolve(lower[0], words[0].start);
  const at = words[0].start;
  const entity = headEntity(doc, source, entities);
  if (entity?.type === "person") {
    remember(people, entity.canonical);
    people.referents.speaker(entity.canonical, at);
    // "Russian President Vladimir Putin": the title stays known, for "the head of state said" later
    const role = roleKey(doc, source);
    if (role) people.byRole.set(role, entity.canonical);
  }
  if (entity) return entity.canonical;
  const described = describedOrganisation(doc, source, entities);
  if (described) return described;
  // "the report from Zero Hedge": the owner of the document
  const from = lower.findIndex((w) => w === "from" || w === "by");
  if (from > 0 && STATEMENT.has(lower[from - 1]) && from + 1 < lower.length) return text(doc, { start: source.start + from + 1, end: source.end });
  const name = personName(doc, source);
  if (name) {
    const role = roleKey(doc, { start: source.start, end: name.start });
    const full = text(doc, name);
    if (name.end - name.start === 1) {
      const known = people.bySurname.get(full.toLowerCase());
      if (known) people.referents.speaker(known, at);
      return known;
    }
    remember(people, full);
    people.referents.speaker(full, at);
    if (role) people.byRole.set(role, full);
    return full === text(doc, source) ? undefined : full;
  }
  const role = roleKey(doc, source);
  return people.byRole.get(role) ?? ROLE_EQUIVALENTS[role]?.map((title) => people.byRole.get(title)).find(Boolean);
}

/** Descriptions that stand for a title named earlier: "the head of state" is the president (or king, …) already named. */
const ROLE_EQUIVALENTS: Record<string, string[]> = {
  "head state": ["president", "king", "queen", "emir"],
  "head government": ["prime minister", "chancellor", "president"],
  leader: ["president", "prime minister", "chancellor", "king", "queen"],
};

/** The capitalised run at the end of a source after its role words: "Pentagon spokesperson Sabrina Singh" → "Sabrina Singh". */
function personName(doc: Doc, source: TokenRange): TokenRange | undefined {
  let start = source.end;
  while (start - 1 >= source.start && isCapitalised(doc, start - 1) && isWord(doc.tokens[start - 1]) && !ROLE_WORDS.has(word(doc, start - 1))) start--;
  const size = source.end - start;
  if (size === 0 || size > 4) return undefined;
  // a lone capitalised word is a name only when a role stands before it or it is a known surname
  if (size === 1 && start === source.start) return word(doc, start).length > 1 ? { start, end: source.end } : undefined;
  if (size === 1 && !ROLE_WORDS.has(word(doc, start - 1))) return undefined;
  return { start, end: source.end };
}

function roleKey(doc: Doc, range: TokenRange): string {
  return doc.tokens
    .slice(range.start, range.end)
    .map((t) => t.lower)
    .filter((w) => ROLE_WORDS.has(w) && w !== "the" && w !== "of")
    .join(" ");
}

function remember(people: People, name: string): void {
  const parts = name.split(/\s+/);
  if (parts.length < 2) return;
  people.bySurname.set(parts[parts.length - 1].toLowerCase(), name);
}

const text = (doc: Doc, range: TokenRange): string => doc.text.slice(doc.tokens[range.start].start, doc.tokens[range.end - 1].end);
const tokenSpan = (doc: Doc, range: TokenRange): Span => ({ start: doc.tokens[range.start].start, end: doc.tokens[range.end - 1].end });

// ---------------------------------------------------------------- chains

function link(doc: Doc, c: Candidate): AttributionLink {
  const out: AttributionLink = { source: tokenSpan(doc, c.source!), cue: tokenSpan(doc, c.cue) };
  if (c.resolved) out.resolved = c.resolved;
  return out;
}

/** The index of the first token at or after character `at`, searching back from token `from`. */
function firstTokenAt(doc: Doc, from: number, at: number): number {
  let i = from;
  while (i > 0 && doc.tokens[i - 1].start >= at && from - i <= NESTING_REACH) i--;
  return i;
}

const isPronoun = (doc: Doc, r: TokenRange): boolean => r.end - r.start === 1 && PRONOUNS.has(word(doc, r.start));
const inside = (span: Span, at: number): boolean => at >= span.start && at < span.end;

/** How far into a content an inner cue may stand to nest there ("reports … that the minister said"). */
const NESTING_REACH = 8;
const MAX_CHAIN = 4;

/**
 * Groups a sentence's candidates into attributions: the first statement cue is the main one; "citing X"
 * beside it and a cue opening its content become the inner links of its chain (innermost first).
 */
function buildAttributions(doc: Doc, sentence: Sentence, candidates: Candidate[]): Attribution[] {
  const out: Attribution[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const main = candidates[k];
    if (main.citing) continue;
    const chain = [main];
    for (let j = k + 1; j < candidates.length && chain.length < MAX_CHAIN && nests(doc, candidates[j], chain[0], main); j++, k++) chain.unshift(candidates[j]);
    // a later report set against this one ends its content where the contrast begins
    const next = candidates[k + 1];
    if (next && !next.citing && inside(main.content, doc.tokens[next.cue.start].start)) {
      const contrast = contrastBetween(doc, firstTokenAt(doc, next.cue.start, main.content.start), next.source!.start);
      if (contrast > 0) main.content = { start: main.content.start, end: doc.tokens[contrast - 1].end };
    }
    const content = main.content.end > main.content.start ? main.content : { start: sentence.start, end: sentence.end };
    out.push({
      start: content.start,
      end: content.end,
      sentence: sentence.index,
      annotator: "attribution",
      evidence: chain.flatMap((c) => [tokenSpan(doc, c.cue), tokenSpan(doc, c.source!)]),
      chain: chain.map((c) => link(doc, c)),
      direct: isQuoted(doc, content),
    });
  }
  return out;
}

/** Whether `c` is an inner link of the chain whose innermost link so far is `inner` and outermost `main`. */
function nests(doc: Doc, c: Candidate, inner: Candidate, main: Candidate): boolean {
  const cueAt = doc.tokens[c.cue.start].start;
  if (c.citing) return cueAt > doc.tokens[main.cue.start].start && cueAt <= main.content.start + 1;
  if (!inside(inner.content, cueAt) || c.source!.start === inner.source!.start) return false;
  // "the ministry said 3,000 arrived, while Kyiv said 10,000": a contrast opens a report of its own
  if (contrastBetween(doc, firstTokenAt(doc, c.cue.start, inner.content.start), c.source!.start) >= 0) return false;
  // a pronoun inside the content points back to a speaker already named ("…, and they believe")
  if (isPronoun(doc, c.source!)) return false;
  return c.cue.start - firstTokenAt(doc, c.cue.start, inner.content.start) <= NESTING_REACH;
}

const CONTRASTS = new Set(["while", "whereas", "but", "although", "though"]);
/** The index of the comma opening ", while …" (", but", ", whereas" …) in tokens [from, to), or -1. */
function contrastBetween(doc: Doc, from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) if (doc.tokens[i].lower === "," && CONTRASTS.has(doc.tokens[i + 1].lower)) return i;
  return -1;
}

function isQuoted(doc: Doc, span: Span): boolean {
  const first = doc.text[span.start];
  const before = doc.text.slice(Math.max(0, span.start - 3), span.start);
  // two apostrophes or backticks stand for a double quote in some archives' text (''This isn't tax reform,'' said …)
  return opensQuoteMark(first) || /^(?:''|``)/.test(doc.text.slice(span.start, span.start + 2)) || /(?:[“"]|''|``)\s?$/.test(before) || closesEarlierQuote(doc.text.slice(span.start, span.end));
}

/**
 * The last sentence of a quotation that opened in an earlier one ("“She’s a disgrace. She’s a disgrace
 * and those comments are a disgrace,” he said."): a closing double quote ends the content, and no mark
 * inside it opened one (an odd number of straight quotes).
 */
function closesEarlierQuote(content: string): boolean {
  const text = content.trimEnd();
  if (!/[”"](?:[,.!?])?$|[,.!?][”"]$/.test(text)) return false;
  if (text.includes("“")) return false;
  const straight = text.split('"').length - 1;
  return text.includes("”") ? straight === 0 : straight % 2 === 1;
}

// ---------------------------------------------------------------- quotes and statements

/**
 * Sentences with no cue of their own take the speaker of the sentence that frames them: every sentence
 * of a quotation that runs over several sentences ("…,” he said. “It was demoralizing. We weren't
 * allowed …”) is the quoted speaker's, and so is the text after "X gave the following answer:".
 */
function inheritSpeakers(doc: Doc, found: Attribution[][], quoted: Quotations): void {
  const sentences = doc.sentences;
  const speaksInQuote = (a: Attribution): boolean => isQuotedAt(quoted.ranges, a.chain[a.chain.length - 1].cue.start);
  for (const run of quoted.runs) {
    const speaker = quoteSpeaker(doc, found, run, speaksInQuote);
    if (!speaker) continue;
    // a cue inside the quotation is part of what the speaker says ("None of them gave Obama the answer")
    for (let k = run.first; k <= run.last; k++) if (found[k].every(speaksInQuote)) found[k] = [inherit(speaker, sentences[k], true, doc)];
  }
  for (let i = 0; i < sentences.length; i++) {
    const main = found[i][0];
    if (!main || !introducesStatement(doc, sentences[i], main)) continue;
    for (const j of statementAfterColon(doc, i)) if (!found[j].length && !isOnlyMarker(doc, sentences[j])) found[j] = [inherit(main, sentences[j], false, doc)];
  }
  // a transcript's turn: every sentence of the paragraph a speaker label opens is the labelled speaker's
  for (let i = 0; i < sentences.length; i++) {
    const label = found[i][0];
    if (!label || !isSpeakerLabel(doc, sentences[i], label)) continue;
    for (let j = i + 1; j < sentences.length && sameParagraph(doc, j) && !found[j].length; j++) found[j] = [inherit(label, sentences[j], true, doc)];
  }
  // a quote that follows a quoted speaker in the same paragraph: "…,” said Lunde. “The number will rise.”
  for (let i = 1; i < sentences.length; i++) {
    const before = found[i - 1][0];
    if (found[i].length || !before?.direct || !isWhollyQuoted(doc, sentences[i]) || !sameParagraph(doc, i)) continue;
    found[i] = [inherit(before, sentences[i], true, doc)];
  }
}

/** "PENCE: Well, look, …": the attribution is a label, its cue the colon after the words that open the sentence. */
function isSpeakerLabel(doc: Doc, sentence: Sentence, a: Attribution): boolean {
  const { source, cue } = a.chain[a.chain.length - 1];
  return doc.text.slice(cue.start, cue.end) === ":" && !/\S/.test(doc.text.slice(sentence.start, source.start).replace(/["“]/, ""));
}

/** Whether sentence `i` stands in the same paragraph as the one before it. */
const sameParagraph = (doc: Doc, i: number): boolean => i > 0 && !doc.text.slice(doc.sentences[i - 1].end, doc.sentences[i].start).includes("\n");

/** Sentences `first` to `last` of one paragraph that a quotation spans. */
interface QuoteRun {
  first: number;
  last: number;
}

/** A document's quotations: the text inside double quotation marks, and the runs of sentences one spans. */
interface Quotations {
  /** Quoted character ranges, marks included, in text order. */
  ranges: Span[];
  runs: QuoteRun[];
}

const MAX_QUOTE_SENTENCES = 12;

/**
 * Reads the quotations of a document: one opens at a double quotation mark and closes at the next
 * closing one, or at its paragraph's end. Only double marks count (a single ’ is also an apostrophe),
 * and a straight " after a digit is an inch mark (6'3").
 */
function quotations(doc: Doc): Quotations {
  const ranges: Span[] = [];
  const runs: QuoteRun[] = [];
  const sentences = doc.sentences;
  let openAt = -1;
  let openIn = -1;
  const close = (end: number, sentence: number): void => {
    ranges.push({ start: openAt, end });
    if (sentence > openIn) runs.push({ first: openIn, last: sentence });
    openAt = -1;
  };
  for (let i = 0; i < sentences.length; i++) {
    if (openAt >= 0 && (!sameParagraph(doc, i) || i - openIn >= MAX_QUOTE_SENTENCES)) close(sentences[i - 1].end, i - 1);
    for (let t = sentences[i].tokenStart; t < sentences[i].tokenEnd; t++) {
      const token = doc.tokens[t];
      const straight = token.lower === '"' && !/\d/.test(doc.text[token.start - 1] ?? "");
      if (openAt < 0 && (token.lower === "“" || token.lower === "«" || straight)) (openAt = token.start), (openIn = i);
      else if (openAt >= 0 && (token.lower === "”" || token.lower === "»" || straight)) close(token.end, i);
    }
  }
  if (openAt >= 0) close(sentences[sentences.length - 1].end, sentences.length - 1);
  return { ranges, runs };
}

/** Whether character `at` lies inside one of the quoted ranges. */
function isQuotedAt(ranges: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < ranges[mid].start) hi = mid - 1;
    else if (at >= ranges[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Whose a quotation is: the speaker named where it closes ("…,” Sanders said), else where it opens
 * (Sanders said: "…), else that of a quote just before it in the same paragraph ("…,” he said. "…").
 */
function quoteSpeaker(doc: Doc, found: Attribution[][], run: QuoteRun, speaksInQuote: (a: Attribution) => boolean): Attribution | undefined {
  const named = [found[run.last][0], found[run.first][0]].find((a) => a && !speaksInQuote(a));
  if (named) return named;
  const before = found[run.first - 1]?.[0];
  return before?.direct && sameParagraph(doc, run.first) ? before : undefined;
}

/** "X said:" or "X gave the following answer …:": a sentence ending in a colon right after its cue, or announcing what follows. */
function introducesStatement(doc: Doc, sentence: Sentence, main: Attribution): boolean {
  const words = doc.text.slice(sentence.start, sentence.end);
  if (!/:\s*$/.test(words)) return false;
  const cueEnd = main.chain.at(-1)!.cue.end;
  return sentence.end - cueEnd <= 3 || /\b(the following|as follows)\b/i.test(words);
}

/** The sentences a colon introduces: the next line, or every line up to an "(End)" marker close below. */
function statementAfterColon(doc: Doc, i: number): number[] {
  const sentences = doc.sentences;
  const lineEnd = doc.text.indexOf("\n", sentences[i].end);
  if (lineEnd < 0) return [];
  // the next line with words on it: paragraphs are often set apart by a blank line
  let nextLine = lineEnd + 1;
  while (nextLine < doc.text.length && /\s/.test(doc.text[nextLine])) nextLine++;
  const nextLineEnd = doc.text.indexOf("\n", nextLine);
  const out: number[] = [];
  for (let k = i + 1; k < sentences.length && k - i <= COLON_REACH; k++) {
    if (sentences[k].start < lineEnd) continue;
    out.push(k);
    if (END_MARKER.test(doc.text.slice(sentences[k].start, sentences[k].end))) return out;
  }
  // no end marker: only the next line
  return out.filter((k) => nextLineEnd < 0 || sentences[k].start < nextLineEnd);
}

const isOnlyMarker = (doc: Doc, s: Sentence): boolean => /^\W*(end|ends)\W*$/i.test(doc.text.slice(s.start, s.end));

/** A sentence that is one quotation from its first mark to its last: “The number will rise.” */
function isWhollyQuoted(doc: Doc, s: Sentence): boolean {
  const first = doc.tokens[s.tokenStart]?.lower;
  if (first === undefined || !opensQuoteMark(first)) return false;
  for (let i = s.tokenEnd - 1; i > s.tokenStart; i--) {
    const t = doc.tokens[i].lower;
    if (t === "." || t === "!" || t === "?") continue;
    return closesQuoteMark(t);
  }
  return false;
}

/**
 * The framing sentence's attribution for a sentence that has none: its chain points back at the speaker
 * and cue where they stand; its evidence is what in this sentence shows it is theirs, the quote marks.
 */
function inherit(from: Attribution, sentence: Sentence, direct: boolean, doc: Doc): Attribution {
  return { ...from, start: sentence.start, end: sentence.end, sentence: sentence.index, direct: direct || from.direct, evidence: quoteMarks(doc, sentence) };
}

const isQuoteMark = (t: string): boolean => opensQuoteMark(t) || closesQuoteMark(t);
/** The quotation marks of a sentence, as spans. */
function quoteMarks(doc: Doc, sentence: Sentence): Span[] {
  const marks: Span[] = [];
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++)
    if (isQuoteMark(doc.tokens[i].lower) && doc.tokens[i].lower !== "’") marks.push({ start: doc.tokens[i].start, end: doc.tokens[i].end });
  return marks;
}
