import type { Doc, EntityMention } from "../doc.ts";
import { Tree } from "../syntax/tree.ts";
import { FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES } from "./lexicons/given-names.ts";

// Whom "he" or "she" stands for. A reporting pronoun ("…,” he said") almost always means the person the
// passage is about, not the last name it happened to mention ("it was demoralizing to work for Obama,”
// he said" is the general speaking), so the nearest earlier person who was a clause's subject or a
// speaker wins over a nearer one in an object or a prepositional phrase; a name or title that says the
// person's gender rules them out for the other pronoun.

export type Gender = "male" | "female";

interface PersonMention {
  canonical: string;
  start: number;
  /** The subject of a clause or a speaker: the centre of attention a pronoun picks up. */
  salient: boolean;
}

const SUBJECT_RELATIONS = new Set(["nsubj", "nsubj:pass"]);
const NAME_PARTS = new Set(["flat", "compound", "appos"]);
/** How many person mentions back a pronoun may reach. */
const REACH = 60;

export class Referents {
  readonly #mentions: PersonMention[] = [];
  readonly #gender = new Map<string, Gender>();

  constructor(doc: Doc) {
    const persons = (doc.layers.entities ?? []).filter((e) => e.type === "person").sort((a, b) => a.start - b.start);
    let s = 0;
    let tree: Tree | undefined;
    for (const m of persons) {
      while (s + 1 < doc.sentences.length && doc.sentences[s].end <= m.start) s++, (tree = undefined);
      const parsed = doc.layers.syntax?.[s];
      if (!tree && parsed) tree = Tree.of(parsed);
      this.#learnGender(m.canonical, doc.text.slice(Math.max(0, m.start - 12), m.start));
      this.#mentions.push({ canonical: m.canonical, start: m.start, salient: !!tree && isSubject(tree, m) });
    }
  }

  /** A person just found speaking at `at` becomes salient there. */
  speaker(name: string, at: number): void {
    this.#learnGender(name, "");
    let i = this.#mentions.length;
    while (i > 0 && this.#mentions[i - 1].start > at) i--;
    this.#mentions.splice(i, 0, { canonical: name, start: at, salient: true });
  }

  /** The person "he" or "she" at character `at` most likely stands for. */
  resolve(pronoun: "he" | "she", at: number): string | undefined {
    const wanted: Gender = pronoun === "he" ? "male" : "female";
    let i = this.#mentions.length;
    while (i > 0 && this.#mentions[i - 1].start >= at) i--;
    let nearest: string | undefined;
    for (let k = i - 1, seen = 0; k >= 0 && seen < REACH; k--, seen++) {
      const m = this.#mentions[k];
      const gender = this.#gender.get(m.canonical);
      if (gender && gender !== wanted) continue;
      if (m.salient) return m.canonical;
      nearest ??= m.canonical;
    }
    return nearest;
  }

  /** What a name, or the title just before it (`before`), says of its bearer's gender. */
  #learnGender(canonical: string, before: string): void {
    if (this.#gender.has(canonical)) return;
    const title = /([A-Za-z]+\.?)\s+$/.exec(before)?.[1].toLowerCase();
    const words = canonical.split(/\s+/);
    const given = words.length > 1 ? words[0].toLowerCase() : undefined;
    if ((title && MALE_TITLES.has(title)) || (given && MALE_NAMES.has(given))) this.#gender.set(canonical, "male");
    else if ((title && FEMALE_TITLES.has(title)) || (given && FEMALE_NAMES.has(given))) this.#gender.set(canonical, "female");
  }
}

/** Whether the mention is the subject of its clause: the word of it whose head lies outside it is an nsubj. */
function isSubject(tree: Tree, m: EntityMention): boolean {
  for (let w = tree.wordAt(m.start); w && w.start < m.end; w = tree.words[w.index + 1]) {
    let head = tree.head(w);
    if (head && head.start >= m.start && head.end <= m.end) continue;
    // "Gen. Norman Ham spoke": a name hangs from its title by flat or compound; the title is the subject
    for (let steps = 0; head && NAME_PARTS.has(w.deprel) && steps < 4; steps++) (w = head), (head = tree.head(w));
    return SUBJECT_RELATIONS.has(w.deprel);
  }
  return false;
}
