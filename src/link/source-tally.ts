import type { SourceDocumentRow } from "../store/types.ts";
import { sourceKey } from "./names.ts";
import { byCodeUnits, byDateThenDoc } from "./order.ts";
import type { SourceSummary } from "./story.ts";

// The sources view as a tally that claims can be added to in any order: every field is a count, a
// set or the earliest of something (the first spelling, the first cite), each kept with where in the
// story it was met. Adding a document's claims to the stored tallies therefore gives what tallying the
// whole story in order would (`buildStory` tallies all claims at once; the store keeps one tally per
// source and adds each linked document's claims). Taking claims away is not possible: when a name
// comes to mean another source, the store tallies every claim again. A source's documents are not in
// its tally: a wire agency is in tens of thousands, and a tally is read and written whole each time a
// claim touches it; the store keeps them as rows (`added` says which are new).

/** What one claim says about sources: who speaks, whom it cites, who published it. */
export interface SourceEvent {
  speaker: string;
  /** The attribution chain's names, resolved, original speaker first. */
  chain: string[];
  publisher: string;
  wire?: string;
  doc: string;
  date?: string;
  index: number;
  certainty: string;
}

/** Where in the story something was met: the story reads claims by date, then document, then sentence. */
type At = [date: string, doc: string, index: number, step: number];

const compareAt = (a: At, b: At): number => byDateThenDoc(a[0], a[1], b[0], b[1]) || a[2] - b[2] || a[3] - b[3];
const earlier = (a: At | undefined, b: At): boolean => !a || compareAt(b, a) < 0;

/** One source's tally, as the store keeps it (JSON). */
export interface SourceState {
  key: string;
  name: string;
  nameAt: At;
  claims: number;
  certainty: Record<string, [count: number, at: At]>;
  /** Keys of the sources it cites and that cite it, with where the first cite was. */
  cites: Record<string, At>;
  citedBy: Record<string, At>;
  firstSeen?: string;
}


/** One of a source's documents as the store hands them over, grouped by source: "date\u001fdoc". */
export const documentEntry = (d: Pick<SourceDocumentRow, "date" | "doc">): string => `${d.date}\u001f${d.doc}`;

/**
 * Document ids in the story's order (order.ts), from a source's entries in any order ("date\u001fdoc"
 * sorts as date, then doc: the separator is below any character of a date). The store's come in it
 * already, as its key orders them: sorted only when not.
 */
export function inStoryOrder(entries: string[]): string[] {
  let sorted = true;
  for (let k = 1; k < entries.length && sorted; k++) sorted = entries[k - 1] <= entries[k];
  return (sorted ? entries : [...entries].sort(byCodeUnits)).map((e) => e.slice(e.indexOf("\u001f") + 1));
}

export class SourceTally {
  readonly states = new Map<string, SourceState>();
  /** Keys whose tally changed since it was seeded: what the store writes back. */
  readonly touched = new Set<string>();
  /** The documents this tally met each source in, that it was not seeded with: what the store adds. */
  readonly added: SourceDocumentRow[] = [];
  #seen = new Set<string>();

  constructor(seed: Iterable<SourceState> = []) {
    for (const s of seed) this.states.set(s.key, s);
  }

  /** The keys a claim's event touches: those the store must load before `add`. */
  static keysOf(e: SourceEvent): string[] {
    return [e.speaker, ...e.chain, e.publisher, ...(e.wire ? [e.wire] : [])].map(sourceKey);
  }

  add(e: SourceEvent): void {
    let step = 0;
    const at = (): At => [e.date ?? "", e.doc, e.index, step++];
    const s = this.#entry(e.speaker, at());
    s.claims++;
    const c = s.certainty[e.certainty];
    const here = at();
    s.certainty[e.certainty] = c ? [c[0] + 1, earlier(c[1], here) ? here : c[1]] : [1, here];
    this.#addDocument({ key: s.key, date: e.date ?? "", doc: e.doc });
    if (e.date && (!s.firstSeen || e.date < s.firstSeen)) s.firstSeen = e.date;
    const cite = (from: string, to: string) => {
      if (sourceKey(from) === sourceKey(to)) return;
      const a = this.#entry(from, at());
      const b = this.#entry(to, at());
      const when = at();
      if (earlier(a.cites[b.key], when)) a.cites[b.key] = when;
      if (earlier(b.citedBy[a.key], when)) b.citedBy[a.key] = when;
    };
    for (let i = 1; i < e.chain.length; i++) cite(e.chain[i], e.chain[i - 1]);
    if (e.chain.length) cite(e.publisher, e.chain[e.chain.length - 1]);
    if (e.wire) cite(e.publisher, e.wire);
  }

  #entry(name: string, at: At): SourceState {
    const key = sourceKey(name);
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { key, name, nameAt: at, claims: 0, certainty: {}, cites: {}, citedBy: {} }));
    else if (earlier(s.nameAt, at)) ((s.name = name), (s.nameAt = at));
    this.touched.add(key);
    return s;
  }

  #addDocument(d: SourceDocumentRow): void {
    const seen = `${d.key}\u0000${d.doc}`;
    if (this.#seen.has(seen)) return;
    this.#seen.add(seen);
    this.added.push(d);
  }

  /** Every source, most claims first. */
  summaries(): SourceSummary[] {
    const nameOf = (key: string) => this.states.get(key)!.name;
    const entries = new Map<string, string[]>();
    for (const d of this.added) {
      const list = entries.get(d.key);
      if (list) list.push(documentEntry(d));
      else entries.set(d.key, [documentEntry(d)]);
    }
    return sortSources([...this.states.values()].map((s) => renderSource(s, nameOf, inStoryOrder(entries.get(s.key) ?? []))));
  }
}

const inOrder = (entries: Record<string, At>): string[] => Object.entries(entries).sort((a, b) => compareAt(a[1], b[1])).map(([key]) => key);

/** A tally as the story shows it; `nameOf` gives the names of the sources it cites or is cited by, `documents` are its documents in story order. */
export function renderSource(s: SourceState, nameOf: (key: string) => string, documents: string[]): SourceSummary {
  const certainty = Object.fromEntries(Object.entries(s.certainty).sort((a, b) => compareAt(a[1][1], b[1][1])).map(([label, [count]]) => [label, count]));
  return {
    name: s.name,
    claims: s.claims,
    certainty,
    typicalCertainty: Object.entries(certainty).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "asserted",
    cites: inOrder(s.cites).map(nameOf),
    citedBy: inOrder(s.citedBy).map(nameOf),
    documents,
    ...(s.firstSeen ? { firstSeen: s.firstSeen } : {}),
  };
}

/** The sources view's order: most claims first, then by name. */
export const sortSources = <T extends { claims: number; name: string }>(list: T[]): T[] => list.sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name));
