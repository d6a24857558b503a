import type { ClaimRecord } from "../extract/claims.ts";

// One source goes by several names across a story: "the State Civil Protection Service", "the SCPS",
// "Civil Protection Service"; "the Foreign Ministry" after "Tarvonia's Ministry of Foreign Affairs".
// Counting independent sources needs one name each. Three general rules, most specific first:
// an acronym is the name whose initials it spells; a name of two or more words all of which stand in
// exactly one longer name is that name ("Foreign Ministry" in "Ministry of Foreign Affairs of X"), and
// one word the one longer name it ends ("Comey", "the Times"); a definite description ("the ministry",
// "the regional health office") is the nearest earlier name in the same document that holds all its
// words; a spokesperson is the body named before the role ("a ministry spokeswoman").

/** The key two spellings of one source share: "The Pentagon" = "pentagon". */
export const sourceKey = (name: string): string =>
  name.toLowerCase().replace(/[’']s\b/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim().replace(/^the /, "");

const MINOR = new Set(["of", "the", "and", "for", "on", "in", "de"]);
const initials = (name: string): string =>
  name
    .split(/[\s-]+/)
    .filter((w) => w && !MINOR.has(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join("");

const isAcronym = (name: string): boolean => /^[A-Z]{2,6}$/.test(name.replace(/^the /i, ""));
/** "the ministry", "the regional health office": lower-case words after "the", naming no one yet. */
const isDescription = (name: string): boolean => /^the(?: [\p{Ll}-]+){1,4}$/u.test(name.trim());
const containsWords = (hay: string, needle: string): boolean => ` ${hay} `.includes(` ${needle} `);

/** The adjective of a place: "Norvessan" of "Norvessa", "Tarvonian" of "Tarvonia", "Chinese" of "China". */
const DEMONYM_ENDINGS = ["n", "an", "ian", "ese", "i"];
const adjectiveOf = (adjective: string, place: string): boolean =>
  place.length >= 4 && DEMONYM_ENDINGS.some((e) => adjective === place + e || (place.endsWith("a") && adjective === place.slice(0, -1) + e));
const sameOrDemonym = (a: string, b: string): boolean => a === b || adjectiveOf(a, b) || adjectiveOf(b, a);

/** Whether a name's words hold `word`, as itself or as its place's adjective. */
const holdsWord = (hay: string, word: string): boolean =>
  containsWords(hay, word) || (word.length >= 5 && hay.includes(word.slice(0, 4)) && hay.split(" ").some((w) => w.length >= 4 && sameOrDemonym(w, word)));

const ROLE = /\b(?:spokes(?:man|woman|person|people)|press (?:secretary|officer|office|service)|representative)\b/i;
/** Words before a role that name no body: "a", "deputy", "chief". */
const NOT_A_BODY = new Set(["a", "an", "the", "deputy", "chief", "senior", "acting", "assistant", "principal", "its", "their", "his", "her"]);

/** The body a spokesperson speaks for, named before the role: "State Department spokesman" → "State Department", "a ministry spokeswoman" → "the ministry". */
function bodyOf(name: string): string | undefined {
  const role = ROLE.exec(name);
  if (!role) return undefined;
  const words = name.slice(0, role.index).replace(/[’']s\b/g, "").split(/\s+/).filter((w) => w && !NOT_A_BODY.has(w.toLowerCase()));
  if (!words.length) return undefined;
  const body = words.join(" ");
  return /^\p{Lu}/u.test(body) ? body : `the ${body}`;
}

interface Mention {
  name: string;
  key: string;
  doc: string;
  index: number;
}

export class SourceNames {
  #mentions: Mention[] = [];
  #byDoc = new Map<string, Mention[]>();
  #proper = new Map<string, string>(); // key → first spelling, for names that are not descriptions
  // indexes of the proper names, so a name is resolved against the few that can hold it, not all of them:
  // a story of thousands of sources resolves each of its names once
  /** The first three letters of a word → the keys with such a word (a word and its place's adjective share them). */
  #byPrefix = new Map<string, Set<string>>();
  /** A key's last word → the keys that end in it. */
  #byLastWord = new Map<string, string[]>();
  /** Initials → [key, name] of the names that have them, in the order they were met. */
  #byInitials = new Map<string, [string, string][]>();
  /** Apart from a description's nearest earlier name, a name resolves the same wherever it is said: once (a story of 100k claims asks ~300k times). */
  #resolved = new Map<string, string>();

  /** Registers the names a record uses: its chain's sources and its entities. */
  add(record: Pick<ClaimRecord, "doc" | "index" | "chain" | "entities">): void {
    for (const name of [...record.chain.map((c) => c.source), ...record.entities]) this.#register(name, record.doc, record.index);
  }

  /** Registers a name that stands for a whole document: its outlet or wire credit. */
  addName(name: string, doc: string): void {
    this.#register(name, doc, -1);
  }

  #register(name: string, doc: string, index: number): void {
    const key = sourceKey(name);
    if (!key) return;
    const m = { name, key, doc, index };
    this.#resolved.clear();
    this.#mentions.push(m);
    if (!this.#byDoc.has(doc)) this.#byDoc.set(doc, []);
    this.#byDoc.get(doc)!.push(m);
    if (!isDescription(name) && !isAcronym(name) && !this.#proper.has(key)) this.#addProper(key, name.replace(/^the /i, "").trim());
  }

  #addProper(key: string, name: string): void {
    this.#proper.set(key, name);
    const words = key.split(" ");
    for (const w of words) {
      const prefix = w.slice(0, 3);
      if (!this.#byPrefix.has(prefix)) this.#byPrefix.set(prefix, new Set());
      this.#byPrefix.get(prefix)!.add(key);
    }
    const last = words[words.length - 1];
    if (!this.#byLastWord.has(last)) this.#byLastWord.set(last, []);
    this.#byLastWord.get(last)!.push(key);
    const initial = initials(name);
    if (!this.#byInitials.has(initial)) this.#byInitials.set(initial, []);
    this.#byInitials.get(initial)!.push([key, name]);
  }

  /** The one name a source goes by, as said in `doc` at sentence `index`. */
  canonical(name: string, doc: string, index: number): string {
    // a spokesperson speaks for the body named before the role: "a ministry spokeswoman" is the ministry
    const body = bodyOf(name);
    if (body) return this.canonical(body, doc, index);
    return isDescription(name) ? this.#described(name, doc, index) : this.#named(name);
  }

  /** "the ministry": the nearest earlier name in the same document that holds all its words. */
  #described(name: string, doc: string, index: number): string {
    const key = sourceKey(name);
    const words = key.split(" ");
    const here = (this.#byDoc.get(doc) ?? []).filter((m) => !isDescription(m.name) && !ROLE.test(m.name) && words.every((w) => containsWords(m.key, w)));
    const before = here.filter((m) => m.index <= index).sort((a, b) => b.index - a.index)[0] ?? here[0];
    if (before) return this.canonical(before.name, doc, before.index);
    return this.#named(name);
  }

  #named(name: string): string {
    let found = this.#resolved.get(name);
    if (found === undefined) this.#resolved.set(name, (found = this.#resolve(name)));
    return found;
  }

  #resolve(name: string): string {
    const key = sourceKey(name);
    if (isAcronym(name)) {
      const bare = name.replace(/^the /i, "");
      for (const [k, full] of this.#byInitials.get(bare) ?? []) if (k !== key) return full;
    }
    const words = key.split(" ");
    // one word is the one longer name it ends ("Comey" of "James Comey", "the Times" of "New York Times")
    if (words.length === 1 && !isAcronym(name)) {
      const ends = new Set((this.#byLastWord.get(key) ?? []).filter((k) => k !== key && k.endsWith(` ${key}`)).map((k) => this.#named(this.#proper.get(k)!)));
      if (ends.size === 1) return [...ends][0];
    }
    const longer = words.length < 2 ? [] : [...this.#holdingAll(words)].filter((k) => k.split(" ").length > words.length && words.every((w) => holdsWord(k, w)));
    if (longer.length === 1) return this.#named(this.#proper.get(longer[0])!);
    // "Interior Ministry" stands in "Ministry of the Interior", "Norvessan Interior Ministry" and
    // "Ministry of the Interior of Norvessa": one source when all of them are
    if (longer.length > 1) {
      const names = new Set(longer.map((k) => this.#named(this.#proper.get(k)!)));
      if (names.size === 1) return [...names][0];
    }
    return this.#proper.get(key) ?? name.replace(/^the /i, "").trim();
  }

  /** The keys that may hold every word: those in the smallest of the words' prefix sets (a superset of the answer). */
  #holdingAll(words: string[]): Set<string> {
    let smallest: Set<string> | undefined;
    for (const w of words) {
      const keys = this.#byPrefix.get(w.slice(0, 3));
      if (!keys) return new Set();
      if (!smallest || keys.size < smallest.size) smallest = keys;
    }
    return smallest ?? new Set();
  }
}
