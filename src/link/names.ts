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
/** A name's initials, minor words left out: "State Civil Protection Service" → "SCPS". */
export const initials = (name: string): string =>
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

/**
 * Where a name was first met, in the order the story reads its claims: the document's date, its id,
 * the sentence, then the name's place among the names registered for that sentence. The first
 * spelling of a name and the order acronyms are tried in follow it, so that names registered as
 * documents are linked, in whatever order they arrive, resolve as a whole story's would.
 */
export type NameOrder = readonly [date: string, doc: string, index: number, position: number];

const compareOrder = (a: NameOrder, b: NameOrder): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2] || a[3] - b[3];

/** A proper name as the registry keeps it: its key, its first spelling and where that was met. */
export interface ProperName {
  key: string;
  name: string;
  at: NameOrder;
}

export class SourceNames {
  #byDoc = new Map<string, Mention[]>();
  #proper = new Map<string, ProperName>(); // key → first spelling, for names that are not descriptions
  // indexes of the proper names, so a name is resolved against the few that can hold it, not all of them:
  // a story of thousands of sources resolves each of its names once
  /** The first three letters of a word → the keys with such a word (a word and its place's adjective share them). */
  #byPrefix = new Map<string, Set<string>>();
  /** A key's last word → the keys that end in it. */
  #byLastWord = new Map<string, string[]>();
  /** Initials → the keys of the names that have them, in the order they were met. */
  #byInitials = new Map<string, string[]>();
  /** Apart from a description's nearest earlier name, a name resolves the same wherever it is said: once (a story of 100k claims asks ~300k times). */
  #resolved = new Map<string, string>();
  /** Registrations without an order of their own are ordered as they come. */
  #registered = 0;
  /** Proper names added or respelled since `takeChanges`. */
  #changed = new Map<string, ProperName>();

  /** Registers the names a record uses: its chain's sources and its entities. */
  add(record: Pick<ClaimRecord, "doc" | "index" | "chain" | "entities">, at?: readonly [date: string, doc: string, index: number]): void {
    let position = 0;
    for (const name of [...record.chain.map((c) => c.source), ...record.entities]) this.#register(name, record.doc, record.index, at && [...at, position++]);
  }

  /** Registers a name that stands for a whole document: its outlet or wire credit (`at`: the record it came with, as `add` takes it). */
  addName(name: string, doc: string, at?: readonly [date: string, doc: string, index: number], position = 0): void {
    this.#register(name, doc, -1, at && [...at, 1000 + position]);
  }

  /** Adds proper names another process registered (the store's registry), without mentions. */
  addProper(names: Iterable<ProperName>): void {
    for (const p of names) this.#addProper(p.key, p.name, p.at);
    this.#resolved.clear();
  }

  /** Proper names added or respelled since the last call: what the store's registry must learn. */
  takeChanges(): ProperName[] {
    const out = [...this.#changed.values()];
    this.#changed.clear();
    return out;
  }

  /** Forgets a document's mentions: a linker keeps the registry, not every mention of every document. */
  forgetMentions(doc: string): void {
    this.#byDoc.delete(doc);
  }

  #register(name: string, doc: string, index: number, at: NameOrder | undefined): void {
    const key = sourceKey(name);
    if (!key) return;
    const m = { name, key, doc, index };
    this.#resolved.clear();
    if (!this.#byDoc.has(doc)) this.#byDoc.set(doc, []);
    this.#byDoc.get(doc)!.push(m);
    const order = at ?? (["", "", 0, this.#registered++] as const);
    if (!isDescription(name) && !isAcronym(name) && this.#addProper(key, name.replace(/^the /i, "").trim(), order)) this.#changed.set(key, this.#proper.get(key)!);
  }

  /** Adds a proper name, or its earlier spelling; whether anything changed. */
  #addProper(key: string, name: string, at: NameOrder): boolean {
    const known = this.#proper.get(key);
    if (known && compareOrder(known.at, at) <= 0) return false;
    if (known) this.#unindexInitials(known);
    this.#proper.set(key, { key, name, at });
    this.#indexInitials(key, name, at);
    if (known) return true;
    const words = key.split(" ");
    for (const w of words) {
      const prefix = w.slice(0, 3);
      if (!this.#byPrefix.has(prefix)) this.#byPrefix.set(prefix, new Set());
      this.#byPrefix.get(prefix)!.add(key);
    }
    const last = words[words.length - 1];
    if (!this.#byLastWord.has(last)) this.#byLastWord.set(last, []);
    this.#byLastWord.get(last)!.push(key);
    return true;
  }

  #indexInitials(key: string, name: string, at: NameOrder): void {
    const initial = initials(name);
    const keys = this.#byInitials.get(initial) ?? [];
    // kept in the order the names were met: the first that spells an acronym is what it stands for
    let i = keys.length;
    while (i > 0 && compareOrder(this.#proper.get(keys[i - 1])!.at, at) > 0) i--;
    keys.splice(i, 0, key);
    this.#byInitials.set(initial, keys);
  }

  #unindexInitials(p: ProperName): void {
    const keys = this.#byInitials.get(initials(p.name));
    if (keys) keys.splice(keys.indexOf(p.key), 1);
  }

  /** The one name a source goes by, as said in `doc` at sentence `index`. */
  canonical(name: string, doc: string, index: number): string {
    return this.named(this.local(name, doc, index));
  }

  /**
   * What a name stands for by its own document alone: the body a spokesperson speaks for, the
   * earlier name a description refers to. Fixed once the document is read; `named` then resolves it
   * against every name the story knows, which moves as documents arrive.
   */
  local(name: string, doc: string, index: number): string {
    // a spokesperson speaks for the body named before the role: "a ministry spokeswoman" is the ministry
    const body = bodyOf(name);
    if (body) return this.local(body, doc, index);
    if (isDescription(name)) return this.#described(name, doc, index);
    // one word is the one longer name of its own document that it ends: "the Times" after "a New
    // York Times article", whatever other Times the story knows
    const key = sourceKey(name);
    if (!key.includes(" ") && !isAcronym(name)) {
      const ends = (this.#byDoc.get(doc) ?? []).filter((m) => m.key.endsWith(` ${key}`));
      if (ends.length && ends.every((m) => m.key === ends[0].key)) return ends[0].name;
    }
    return name;
  }

  /** "the ministry": the nearest earlier name in the same document that holds all its words. */
  #described(name: string, doc: string, index: number): string {
    const key = sourceKey(name);
    const words = key.split(" ");
    const here = (this.#byDoc.get(doc) ?? []).filter((m) => !isDescription(m.name) && !ROLE.test(m.name) && words.every((w) => containsWords(m.key, w)));
    const before = here.filter((m) => m.index <= index).sort((a, b) => b.index - a.index)[0] ?? here[0];
    if (before) return this.local(before.name, doc, before.index);
    return name;
  }

  /** The one name a name resolved by its document (`local`) goes by among all the names known. */
  named(name: string): string {
    let found = this.#resolved.get(name);
    if (found === undefined) this.#resolved.set(name, (found = this.#resolve(name)));
    return found;
  }

  #resolve(name: string): string {
    const key = sourceKey(name);
    if (isAcronym(name)) {
      const bare = name.replace(/^the /i, "");
      for (const k of this.#byInitials.get(bare) ?? []) if (k !== key) return this.#proper.get(k)!.name;
    }
    const words = key.split(" ");
    // one word is the one longer name it ends ("Comey" of "James Comey", "the Times" of "New York Times")
    if (words.length === 1 && !isAcronym(name)) {
      const ends = new Set((this.#byLastWord.get(key) ?? []).filter((k) => k !== key && k.endsWith(` ${key}`)).map((k) => this.named(this.#proper.get(k)!.name)));
      if (ends.size === 1) return [...ends][0];
    }
    const longer = words.length < 2 ? [] : this.#holdingAll(words).filter((k) => k.split(" ").length > words.length && words.every((w) => holdsWord(k, w)));
    if (longer.length === 1) return this.named(this.#proper.get(longer[0])!.name);
    // "Interior Ministry" stands in "Ministry of the Interior", "Norvessan Interior Ministry" and
    // "Ministry of the Interior of Norvessa": one source when all of them are
    if (longer.length > 1) {
      const names = new Set(longer.map((k) => this.named(this.#proper.get(k)!.name)));
      if (names.size === 1) return [...names][0];
    }
    return this.#proper.get(key)?.name ?? name.replace(/^the /i, "").trim();
  }

  /** The keys that may hold every word: those in each of the words' prefix sets (a superset of the answer), walked from the smallest. */
  #holdingAll(words: string[]): string[] {
    const sets: Set<string>[] = [];
    for (const w of words) {
      const keys = this.#byPrefix.get(w.slice(0, 3));
      if (!keys) return [];
      sets.push(keys);
    }
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets;
    const out: string[] = [];
    if (smallest) for (const k of smallest) if (others.every((o) => o.has(k))) out.push(k);
    return out;
  }
}
