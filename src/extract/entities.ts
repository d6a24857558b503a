import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Doc, EntityMention, EntityType, Sentence, Span, Token } from "../doc.ts";
import { gazetteer, isAllCaps, isCapitalised, isCapitalisedAt, isLetterAt, writtenAsPhrase, type Gazetteer, type GazetteerEntry } from "./gazetteer/index.ts";
import { isGivenName } from "./lexicons/given-names.ts";
import type { Annotator } from "./pipeline.ts";

// Named entities: countries, people, organisations, places and groups, each under one canonical name.
// Known names come from the gazetteer; unknown ones from runs of capitalised words, typed by the
// words around them (a title before a person, "in" before a place, "Ministry" or "Agency" in an
// organisation). Within a document a bare surname resolves to the full name said earlier.

// wink's lexicon tells a common English word ("However", "Critics") from a name ("Kursk") where
// capitalisation cannot: at the start of a sentence.
const lexicon = winkNLP(model, []).readDoc("");
/** Common words the lexicon lacks. */
const MORE_COMMON_WORDS = new Set(["everything"]);
const commonWords = new Map<string, boolean>();
function isCommonWord(lower: string): boolean {
  let common = commonWords.get(lower);
  if (common === undefined) {
    common = !lexicon.isOOV(lower) || MORE_COMMON_WORDS.has(lower) || isAgentPlural(lower) || isCompound(lower);
    if (commonWords.size > 100_000) commonWords.clear(); // a memo, kept small on endless input
    commonWords.set(lower, common);
  }
  return common;
}

/** "looters": the plural of an agent noun the lexicon knows ("looter"). */
const isAgentPlural = (lower: string): boolean => lower.endsWith("ers") && !lexicon.isOOV(lower.slice(0, -1));

/** "floodwater", "farmland": two common words of four letters or more written as one. */
function isCompound(lower: string): boolean {
  for (let k = 4; k <= lower.length - 4; k++) if (!lexicon.isOOV(lower.slice(0, k)) && !lexicon.isOOV(lower.slice(k))) return true;
  return false;
}

/** Lower-case words that join the parts of a name ("Osama bin Laden", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(["bin", "ibn", "al", "el", "de", "da", "del", "della", "di", "dos", "das", "du", "van", "von", "der", "den", "la", "le", "ter"]);
/** Words that end the name of an organisation. */
const ORG_HEADS = new Set(
  "ministry agency army navy force forces council committee commission party department office bank clinic hospital university college institute institution school court parliament assembly congress senate union league alliance coalition federation association organisation organization foundation fund group company corporation corp inc ltd times post news journal herald gazette tribune review press network service services guard guards police command front movement brigade battalion regiment division corps centre center museum church board bureau authority administration government cabinet embassy consulate mission fleet".split(" "),
);
/** Words that end the name of an event, a law or a document, which are not entities. */
const EVENT_HEADS = new Set("war wars agreement agreements treaty accord accords pact act doctrine revolution crisis day prize award awards declaration resolution protocol games olympics cup".split(" "));
/** Lower-case words after a place name that say it is a place ("the Kursk region"). */
const PLACE_NOUNS = new Set(["region", "oblast", "province", "district", "county", "governorate", "prefecture", "krai", "area", "territory", "territories", "border", "city"]);
/** Capitalised words that end a place name and are dropped from its canonical form ("Kursk Oblast"). */
const PLACE_SUFFIXES = new Set(["oblast", "region", "province", "krai", "governorate", "prefecture"]);
/** Words that open a saint's name, whose possessive belongs to the body named after them. */
const SAINTS = new Set(["st", "st.", "saint", "ste", "ste."]);
/** Capitalised words that end the name of a street: "Wall Street", "Downing Street". */
const LANDMARK_HEADS = new Set("street avenue road boulevard square lane".split(" "));
/** Prepositions that make a following capital the city rather than its government ("in Seoul" vs "Seoul said"). */
const LOCATIVE = new Set(["in", "at", "to", "from", "into", "near", "outside", "inside", "across", "throughout", "via", "around", "toward", "towards"]);
/** Prepositions that make an unknown name a place: narrower, since people come "from" and speak "to". */
const PLACE_PREPOSITIONS = new Set(["in", "at", "into", "near", "outside", "inside", "across", "throughout", "around"]);
/** Lower-case second halves of hyphenated words whose first half is a name ("Russia-backed", "Kursk-area"). */
const NAME_AFFIXES = new Set(
  "area based backed led linked born controlled held occupied allied aligned made style friendly bound funded owned run sponsored supported brokered annexed dominated bred trained armed".split(" "),
);
/** Common words that open the name of an outlet or a body ("Radio Ormen", "Bank of England"). */
const ORG_OPENERS = new Set(["radio", "television", "tv", "channel", "bank", "university", "agency", "ministry", "hospital", "museum"]);
/** Function words that never open a name, even before one ("The Interior Ministry", "Our reporter"). */
const FUNCTION_WORDS = new Set(
  "a an and as at but by for from in into nor of on or per the to vs with this that these those our their his her its my your some many all every no after before when while if however meanwhile".split(" "),
);
const CALENDAR = new Set(
  ("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
    // "on Nov. 8", "Sept. 11": a month's abbreviation
    "jan feb apr jun jul aug sep sept oct nov dec").split(" "),
);
/** A people named by two demonyms: "African-American", "Mexican-Americans". */
const HYPHENATED_PEOPLE = /^\p{L}+(?:an|ese|ish|ic|i)-americans?$/iu;
/** Tokens after which any word is capitalised: quotes, brackets, dashes, and full stops the splitter missed. */
const OPENERS = new Set(["“", '"', "‘", "'", "(", "[", ":", "—", "–", "-", ".", "!", "?", ";"]);

export function entities(): Annotator {
  const gaz = gazetteer();
  return {
    name: "entities",
    requires: ["sentences"],
    provides: ["entities"],
    run(doc) {
      const context = new DocContext(doc);
      const found: EntityMention[] = [];
      for (const s of doc.sentences) for (const m of new SentenceReader(doc, s, gaz, context).read()) found.push(m);
      for (const m of namesInHeadlines(doc, context.headlines, found)) found.push(m);
      doc.layers.entities = context.headlines.size ? found.sort((a, b) => a.start - b.start) : found;
    },
  };
}

/**
 * A title-case line's capitals prove nothing, so its unknown names are those the rest of the text names:
 * "Vladimir Putin Speaks" names Putin when the article does, "Questions Surround the Plan" names no one.
 */
const MAX_TITLES = 20;
function namesInHeadlines(doc: Doc, headlines: ReadonlySet<number>, found: readonly EntityMention[]): EntityMention[] {
  if (!headlines.size) return [];
  const named = new Map<string, EntityMention>();
  for (const m of found) if (!headlines.has(m.sentence) && m.end - m.start > 2) named.set(doc.text.slice(m.start, m.end), m);
  const out: EntityMention[] = [];
  // a text of thousands of title-case lines is written that way throughout: its first lines are the titles
  for (const i of [...headlines].slice(0, MAX_TITLES)) {
    const s = doc.sentences[i];
    const line = doc.text.slice(s.start, s.end);
    const taken = found.filter((m) => m.sentence === i);
    for (const [name, m] of named) {
      for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + name.length)) {
        const start = s.start + at;
        const end = start + name.length;
        const whole = (start === 0 || !isLetterAt(doc.text, start - 1)) && (end >= doc.text.length || !isLetterAt(doc.text, end));
        if (!whole || taken.some((t) => t.start < end && start < t.end)) continue;
        const mention: EntityMention = { start, end, sentence: i, annotator: "entities", evidence: [{ start, end }], canonical: m.canonical, type: m.type };
        taken.push(mention);
        out.push(mention);
      }
    }
  }
  return out;
}

/** What a document teaches about its names as it is read. */
class DocContext {
  /** Words written capitalised somewhere other than at the start of a sentence: names, not common words. */
  readonly properWords = new Set<string>();
  /** Words written in title case ("Lindor") anywhere, so an all-caps "LINDOR" reads as the same name. */
  readonly titleCased = new Set<string>();
  /** A person's surname or first name (lower-cased) → the full name said earlier. */
  readonly people = new Map<string, string>();
  /** Names (lower-cased) already read as places, so "Kursk is…" stays a place after "in Kursk". */
  readonly places = new Set<string>();
  /** "State Civil Protection Service (SCPS)": an acronym (as written) → the name it stands for. */
  readonly acronyms = new Map<string, string>();
  /** Canonical names of the organisations read so far, latest last. */
  readonly organisations: string[] = [];
  readonly headlines = new Set<number>();
  /** Each sentence's words (tokens with hyphenated names split). */
  readonly words: Token[][];

  constructor(doc: Doc) {
    this.words = doc.sentences.map((s) => sentenceWords(doc, s));
    for (const s of doc.sentences) {
      const words = this.words[s.index];
      if (isHeadline(doc.text, words)) this.headlines.add(s.index);
      else for (let i = 1; i < words.length; i++) if (isCapitalisedAt(doc.text, words[i].start) && !opensPhrase(doc.text, words, i)) this.properWords.add(words[i].lower);
      for (const w of words) if (isCapitalisedAt(doc.text, w.start) && !isAllCaps(doc.text.slice(w.start, w.end))) this.titleCased.add(w.lower);
    }
  }

  remember(person: string): void {
    const parts = person.split(" ");
    if (parts.length < 2) return;
    if (!this.people.has(parts[0].toLowerCase())) this.people.set(parts[0].toLowerCase(), person);
    this.people.set(parts[parts.length - 1].toLowerCase(), person);
  }
}

interface Known {
  entry: GazetteerEntry;
  /** One past the last word of the hit. */
  end: number;
}

/** Reads one sentence left to right, word by word, emitting the entities it names. */
class SentenceReader {
  readonly #doc: Doc;
  readonly #sentence: Sentence;
  readonly #gaz: Gazetteer;
  readonly #context: DocContext;
  readonly #words: Token[];
  readonly #out: EntityMention[] = [];
  /** The title just read ("President", "spokesperson"), which makes the next name a person. */
  #title: Span | undefined;
  /** A word that follows skipped sentence-initial common words, and so counts as opening the sentence. */
  #opensAt = 0;
  /** Gazetteer hits by word index, looked up once: null where there is none. */
  readonly #knownAt: (Known | null | undefined)[] = [];
  /** In a title-case line only known names count. */
  readonly #headline: boolean;

  constructor(doc: Doc, sentence: Sentence, gaz: Gazetteer, context: DocContext) {
    this.#doc = doc;
    this.#sentence = sentence;
    this.#gaz = gaz;
    this.#context = context;
    this.#words = context.words[sentence.index];
    this.#headline = context.headlines.has(sentence.index);
  }

  read(): EntityMention[] {
    for (let i = 0; i < this.#words.length; ) {
      const known = this.#known(i);
      const next = known ? this.#readKnown(i, known) : this.#isNameWord(i) && !this.#headline ? this.#readName(i, true) : undefined;
      if (known?.entry.kind !== "title") this.#title = undefined;
      i = next ?? i + 1;
    }
    return this.#out;
  }

  /** The gazetteer entry starting at word i, if the text is written the way the entry is. */
  #known(i: number): Known | undefined {
    let known = this.#knownAt[i];
    if (known === undefined) {
      const m = i < this.#words.length ? this.#gaz.matcher.matchAt(this.#words, i) : undefined;
      known = m && writtenAsPhrase(this.#doc.text, this.#words, i, m.value) ? { entry: m.value, end: m.tokenEnd } : null;
      this.#knownAt[i] = known;
    }
    return known ?? undefined;
  }

  /** Handles a gazetteer hit at word i; returns where reading goes on. */
  #readKnown(i: number, { entry, end }: Known): number {
    const span = this.#span(i, end);
    switch (entry.kind) {
      case "ignore":
        return end;
      case "title":
        this.#title = this.#title ? { start: this.#title.start, end: span.end } : span;
        return end;
      case "body":
        // a body with no country before it is named only when its name says what it is ("Foreign Ministry", not "Army")
        if (end - i > 1) this.#emit(span, entry.canonical, "organization", [span]);
        return end;
    }
    // a country or demonym followed by a body: "Russian Defence Ministry", "Russia's Foreign Ministry"
    const bodyAt = this.#words[end]?.lower === "'s" || this.#words[end]?.lower === "’s" ? end + 1 : end;
    const body = entry.type === "country" && entry.kind === "name" ? this.#known(bodyAt) : undefined;
    if (body?.entry.kind === "body") {
      const whole = this.#span(i, body.end);
      this.#emit(span, entry.canonical, "country", [span]);
      this.#emit(whole, `${this.#gaz.demonyms.get(entry.canonical) ?? entry.canonical} ${body.entry.canonical}`, "organization", [whole]);
      return body.end;
    }
    // a known name that opens a longer unknown one ("Moscow Times", "Jordan Peterson", "Korean War"); a
    // party's adjective opening a body's name is part of it ("Democratic National Committee")
    if (entry.kind !== "name" || entry.type !== "organization" || (!this.#headline && this.#orgHeadWithin(end))) {
      if (!this.#headline && this.#isNameWord(end) && !this.#known(end)) return this.#readName(i, false);
    }
    if (entry.kind === "ambiguous") return end;
    if (entry.kind === "capital") {
      if (namesEvent(this.#words[end])) return end; // "the Minsk agreements", "Geneva talks"
      const asPlace = LOCATIVE.has(this.#words[i - 1]?.lower ?? "");
      if (asPlace) this.#emit(span, entry.canonical, "place", [span]);
      else this.#emit(span, entry.country ?? entry.canonical, "country", [span]);
      return end;
    }
    this.#emit(span, entry.canonical, entry.type, [span]);
    return end;
  }

  /**
   * Reads a run of capitalised words starting at word i as an unknown name; returns where reading goes on.
   * At the start of a sentence or quote capitals prove nothing, so a common word there that the document
   * never capitalises elsewhere is skipped, and the word after it is read as if it opened the sentence.
   */
  #readName(i: number, mayOpen: boolean): number {
    const w = this.#words[i];
    const givenName = isGivenName(w.lower) && this.#isNameWord(i + 1); // "Mark Warner", "Norman Ham" open a sentence too
    if (mayOpen && this.#opens(i) && isCommonWord(w.lower) && !givenName && !this.#context.properWords.has(w.lower) && !this.#opensOrgName(i)) {
      this.#opensAt = i + 1;
      return i + 1;
    }
    const end = this.#runEnd(i);
    this.#name(i, end);
    return end;
  }

  /** Whether the common word at i opens an organisation's name: "Radio Ormen", "Meridian Press" after a bracket. */
  #opensOrgName(i: number): boolean {
    const w = this.#words[i].lower;
    if (FUNCTION_WORDS.has(w) || !this.#isNameWord(i + 1)) return false;
    const end = this.#runEnd(i);
    return ORG_OPENERS.has(w) || ORG_HEADS.has(this.#words[end - 1].lower);
  }

  /** One past the last word of the capitalised run starting at i, joined by name particles and "of (the)". */
  #runEnd(i: number): number {
    const w = this.#words;
    let end = i + 1;
    for (;;) {
      if (this.#isNameWord(end) || this.#titleInsideOrg(end)) end++;
      // "Donald J. Trump": a middle initial's full stop does not end the name
      else if (w[end]?.lower === "." && /^[a-z]$/.test(w[end - 1].lower) && end - 1 > i && this.#isNameWord(end + 1)) end += 2;
      else if (NAME_PARTICLES.has(w[end]?.lower) && this.#isNameWord(end + 1)) end += 2;
      else if (this.#joinsOf(i, end)) end += w[end + 1]?.lower === "the" ? 3 : 2;
      // "St Mary's College": a saint's possessive inside the name of a body ("Putin's Security Council" is two names)
      else if ((w[end]?.lower === "'s" || w[end]?.lower === "’s") && SAINTS.has(w[i].lower) && this.#possessiveInOrg(end)) end++;
      else return end;
    }
  }

  /** Whether capitalised words from `at` reach an organisation's head within three words: "National Committee". */
  #orgHeadWithin(at: number): boolean {
    for (let k = at; k - at < 3 && this.#isNameWord(k) && !this.#known(k); k++) if (ORG_HEADS.has(this.#words[k].lower)) return true;
    return false;
  }

  /** Whether the capitalised run after the possessive at `at` ends in an organisation's head word within three words. */
  #possessiveInOrg(at: number): boolean {
    let k = at + 1;
    while (k - at <= 3 && this.#isNameWord(k)) if (ORG_HEADS.has(this.#words[k++].lower)) return true;
    return false;
  }

  /** "Lindor General Hospital": a title word between capitalised words that end in an organisation's head. */
  #titleInsideOrg(at: number): boolean {
    if (this.#known(at)?.entry.kind !== "title" || !isCapitalisedAt(this.#doc.text, this.#words[at].start)) return false;
    let k = at + 1;
    while (this.#isNameWord(k) && !ORG_HEADS.has(this.#words[k].lower)) k++;
    return this.#isNameWord(k) && ORG_HEADS.has(this.#words[k].lower);
  }

  /** "of" inside a name built of common words: "Bank of England", "Coalition of the Willing". */
  #joinsOf(start: number, at: number): boolean {
    const w = this.#words;
    if (w[at]?.lower !== "of" && w[at]?.lower !== "for") return false;
    const after = w[at + 1]?.lower === "the" ? at + 2 : at + 1;
    // "Office of the Chief Statistician": a title after "of" names the office, not a person
    const titled = this.#known(after)?.entry.kind === "title" && isCapitalisedAt(this.#doc.text, w[after].start) && this.#isNameWord(after + 1);
    if (!this.#isNameWord(after) && !titled) return false;
    for (let k = start; k < at; k++) if (!isCommonWord(w[k].lower)) return false;
    return true;
  }

  /** Types and emits the unknown name in words [start, end). */
  #name(start: number, end: number): void {
    const w = this.#words;
    const lowers = w.slice(start, end).map((t) => t.lower);
    const last = lowers[lowers.length - 1];
    const head = ROMAN.test(last) && lowers.length > 1 ? lowers[lowers.length - 2] : last;
    if (EVENT_HEADS.has(head) || (lowers.length === 1 && namesEvent(w[end]))) return;
    if (lowers.length === 1 && !this.#title && this.#readAsKnownName(start)) return;
    if (!this.#title && (lowers.length === 1 ? !isNameLike(this.#text(w[start])) : lowers.every((l) => ADJECTIVE.test(l)))) return;
    if (lowers.length === 1 && (CALENDAR.has(last) || HYPHENATED_PEOPLE.test(last))) return;

    const span = this.#span(start, end);
    const evidence = this.#title ? [this.#title, span] : [span];
    // a possessive keeps to its word: "St Mary's College", not "St Mary 's College"
    const words = w.slice(start, end).map((t) => this.#text(t)).reduce<string[]>((out, t) => (/^['’]s$/.test(t) && out.length ? (out[out.length - 1] += t) : out.push(t), out), []);
    // "in Clinton's campaign", "at Trump rallies": the surname of a person the text has named is that person
    const namedPerson = lowers.length === 1 && this.#context.people.has(last);
    const isPlace =
      !namedPerson &&
      (PLACE_SUFFIXES.has(last) ||
        (lowers.length > 1 && LANDMARK_HEADS.has(last)) ||
        PLACE_NOUNS.has(w[end]?.lower) ||
        (lowers.length === 1 && (PLACE_PREPOSITIONS.has(w[start - 1]?.lower) || this.#context.places.has(last))));
    if (this.#title) return this.#person(words, span, evidence);
    if (isPlace) {
      const name = PLACE_SUFFIXES.has(last) && words.length > 1 ? words.slice(0, -1) : words;
      this.#context.places.add(name.join(" ").toLowerCase());
      return this.#emit(span, name.join(" "), "place", evidence);
    }
    // "Radio Ormen", "Bank of England": a body's name may open with what it is
    if (lowers.some((l) => ORG_HEADS.has(l)) || ORG_OPENERS.has(lowers[0]) || lowers.includes("of") || lowers.includes("for")) return this.#emit(span, words.join(" "), "organization", evidence);
    if (words.length === 1 && isAllCaps(words[0])) {
      if (isCommonWord(last)) return; // "BREAKING", "UPDATE"
      return this.#emit(span, words[0], "organization", evidence);
    }
    this.#person(words, span, evidence);
  }

  /**
   * A lone word that stands for a name the document gives in full elsewhere: an acronym defined in
   * brackets ("SCPS"), an all-caps dateline or word ("LINDOR" for "Lindor"), a demonym of a name
   * ("Norvessan" for "Norvessa"), or a body's head word for the body named before ("the Ministry").
   * Emits it and returns true, or returns false when the word is none of these.
   */
  #readAsKnownName(i: number): boolean {
    const word = this.#text(this.#words[i]);
    const lower = word.toLowerCase();
    const span = this.#span(i, i + 1);
    const acronym = this.#context.acronyms.get(word);
    if (acronym) return this.#emit(span, acronym, "organization", [span]), true;
    if (isAllCaps(word) && (this.#context.titleCased.has(lower) || this.#isDateline(i))) {
      const type = this.#isDateline(i) || this.#context.places.has(lower) ? "place" : "organization";
      if (type === "place") this.#context.places.add(lower);
      return this.#emit(span, word[0] + lower.slice(1), type, [span]), true;
    }
    const stem = lower.endsWith("n") ? lower.slice(0, -1) : "";
    if (stem.length > 3 && this.#context.properWords.has(stem)) return this.#emit(span, word.slice(0, -1), this.#context.places.has(stem) ? "place" : "country", [span]), true;
    if (ORG_HEADS.has(lower)) {
      const body = [...this.#context.organisations].reverse().find((o) => o.toLowerCase().split(" ").includes(lower));
      if (body) return this.#emit(span, body, "organization", [span]), true;
    }
    return false;
  }

  /** "LINDOR, Norvessa, 10 March —": an all-caps place opening a wire report. */
  #isDateline(i: number): boolean {
    return i === 0 && this.#words[1]?.lower === "," && this.#sentence.start === this.#words[0].start;
  }

  /** A person: a full name is remembered, a bare surname becomes the full name said before. */
  #person(words: string[], span: Span, evidence: Span[]): void {
    // "Donald J. Trump" is Donald Trump: a middle initial is left out of the canonical name
    if (words.length > 2) words = words.filter((w, k) => k === 0 || k === words.length - 1 || !/^(?:[A-Z]|\.)$/.test(w));
    const name = words.join(" ");
    if (words.length > 1) this.#context.remember(name);
    this.#emit(span, words.length === 1 ? (this.#context.people.get(name.toLowerCase()) ?? name) : name, "person", evidence);
  }

  /** A capitalised word that can be part of a name: not a title, not a number, not "I". */
  #isNameWord(i: number): boolean {
    const t = this.#words[i];
    if (!t || !isCapitalisedAt(this.#doc.text, t.start)) return false; // most words, and no slice needed to tell
    const text = this.#text(t);
    return (
      TWO_LETTERS_OR_INITIAL.test(text) &&
      !/^I['’]/.test(text) && // "I'd"
      !/\d/.test(text) &&
      !/^[IVX]+$/.test(text) && // "XVI BRICS summit"
      this.#known(i)?.entry.kind !== "title"
    );
  }

  /** Whether word i starts the sentence, a quotation or a bracket, where anything is capitalised. */
  #opens(i: number): boolean {
    return i === this.#opensAt || opensPhrase(this.#doc.text, this.#words, i);
  }

  #text(t: Span): string {
    return this.#doc.text.slice(t.start, t.end);
  }

  #span(i: number, end: number): Span {
    return { start: this.#words[i].start, end: this.#words[end - 1].end };
  }

  #emit(span: Span, canonical: string, type: EntityType, evidence: Span[]): void {
    this.#out.push({ start: span.start, end: span.end, sentence: this.#sentence.index, annotator: "entities", evidence, canonical, type });
    if (type !== "organization") return;
    this.#context.organisations.push(canonical);
    const acronym = ACRONYM_AFTER.exec(this.#doc.text.slice(span.end, span.end + 16));
    if (acronym) this.#context.acronyms.set(acronym[1], canonical);
  }
}

/** Words that read as adjectives or -isms ("Christian", "Marxist", "Communistic"), not names. */
const ADJECTIVE = /(ian|ians|ist|ists|ism|ic|istic)$/;
const ROMAN = /^[ivx]+$/;
/** A single capitalised word that reads as a name: not an adjective ("Asian", though "Vucic" passes), not "K-Pop". */
const isNameLike = (word: string): boolean => !/(ian|ians|ist|ists|ism|istic)$/.test(word) && !LONE_LETTER_PART.test(word) && !INITIAL.test(word);
// Unicode-property patterns live out here: tsx compiles one written inside a function into a new RegExp per call.
const LONE_LETTER_PART = /(^|-)\p{L}(-|$)/u;
const INITIAL = /^\p{Lu}\.?$/u;
const TWO_LETTERS_OR_INITIAL = /\p{L}{2}|^\p{Lu}\.?$/u;
/** "(SCPS)" right after a name. */
const ACRONYM_AFTER = /^\s*\((\p{Lu}{2,})\)/u;
/** A lower-case event noun after a name: "Minsk agreements", "Normandy format". */
const namesEvent = (next: Token | undefined): boolean => next !== undefined && (EVENT_HEADS.has(next.lower) || next.lower === "talks" || next.lower === "format" || next.lower === "process");

function opensPhrase(text: string, words: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  // punctuation is its own lower case, so the cached form serves
  return OPENERS.has(words[i - 1].lower) || opensAfterTime(text, words, i);
}

/** A live blog's entry opens with its time: "18:30 Kolvany says …" reads as if "Kolvany" began the sentence. */
function opensAfterTime(text: string, words: readonly Token[], i: number): boolean {
  if (i > 3) return false;
  for (let k = 0; k < i; k++) if (!/^[\d:.]+$/.test(text.slice(words[k].start, words[k].end))) return false;
  return true;
}

/** The opening of a credit line: "Reporting by", "(Additional reporting by", "Editing by", "Photos by". */
const CREDIT_OPENING = /^\(?\s*(?:additional\s+)?(?:reporting|editing|writing|written|compiled|produced|photos?|story|text|words|graphics|research|translation)\s+by\b/i;
/** Short words a title-case line leaves in lower case. */
const TITLE_CASE_LOWER = new Set("a an and as at but by for from in into nor of on or per the to vs with".split(" "));

/**
 * A title-case line ("Vice Foreign Minister Clarifies Stand on Rumor"): its capitals say nothing.
 * Every word but the short function words is capitalised; a sentence full of names still has its verbs in lower case.
 */
export function isHeadline(text: string, words: readonly Token[]): boolean {
  // "Reporting by Maria Lopez; Editing by Tom Hogue": a credit line is all names, not a title
  if (words.length && CREDIT_OPENING.test(text.slice(words[0].start, words[Math.min(words.length, 4) - 1].end))) return false;
  let content = 0;
  let capitalised = 0;
  for (const w of words) {
    if (!isLetterAt(text, w.start) || TITLE_CASE_LOWER.has(w.lower)) continue;
    content++;
    if (isCapitalisedAt(text, w.start)) capitalised++;
  }
  // three capitalised words with no full stop after them are a title too ("Questions Surround the Plan")
  const last = words[words.length - 1];
  const minimum = last && /[.!?]/.test(last.lower) ? 4 : 3;
  return content >= minimum && capitalised >= 0.9 * content;
}

/**
 * The sentence's tokens, with hyphenated names split where each half is its own word:
 * "Korea-Russia" → "Korea", "Russia"; "Kursk-area" → "Kursk", "area". "Jae-in" stays whole.
 */
function sentenceWords(doc: Doc, s: Sentence): Token[] {
  const out: Token[] = [];
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (!t.lower.includes("-") || !isCapitalisedAt(doc.text, t.start)) out.push(t);
    else splitHyphenated(doc.text.slice(t.start, t.end), t.start, out);
  }
  return out;
}

/** Whether one word is a name the gazetteer holds ("US", "UK", "NATO"). */
function isKnownWord(word: string): boolean {
  const m = gazetteer().matcher.matchAt([{ start: 0, end: word.length, lower: word.toLowerCase() }], 0);
  return !!m && m.tokenEnd === 1;
}

function splitHyphenated(text: string, start: number, out: Token[]): void {
  const parts = text.split("-");
  // "Korea-Russia" and "US-UK" are two names; "ANP-XYZ", capitals the gazetteer does not know, one agency's
  const names = parts.every((p) => p.length > 1 && isCapitalised(p)) && !parts.every((p) => isAllCaps(p) && !isKnownWord(p));
  const affixed = parts.length === 2 && parts[0].length > 1 && NAME_AFFIXES.has(parts[1].toLowerCase());
  // "African-American", "Mexican-Americans": one people, not two places (and no name: see #name)
  if ((!names && !affixed) || HYPHENATED_PEOPLE.test(text)) {
    out.push({ start, end: start + text.length, lower: text.toLowerCase() });
    return;
  }
  let at = start;
  for (const p of parts) {
    out.push({ start: at, end: at + p.length, lower: p.toLowerCase() });
    at += p.length + 1;
  }
}
