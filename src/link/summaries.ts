import type { ClaimRecord } from "../extract/claims.ts";
import type { LinkedRecord, MemberRecord, NameChanges, PropositionRow, ResolvedName, SourceRow, Store, TallyRow } from "../store/types.ts";
import { SourceNames, initials, sourceKey, type NameOrder, type ProperName } from "./names.ts";
import { SourceTally, inStoryOrder, renderSource, sortSources, type SourceState } from "./source-tally.ts";
import { PropositionFold, proposition, sourceEvent, type FoldState, type Proposition, type SourceSummary } from "./story.ts";

// The story kept in the store as documents are linked, so that its views read a page of summaries
// instead of every claim (a story of 100,000 articles has 650,000 claims).
//
// Names. A source's one name (names.ts) depends on its own document (which body "a ministry
// spokeswoman" speaks for, which earlier name "the ministry" refers to: `SourceNames.local`) and on
// every proper name the story knows ("Comey" is "James Comey" once that name is known: `named`).
// The document part is decided once, when the document is linked, and kept on each claim
// (claims.names). The story part moves as names arrive: the store keeps the proper names with where
// each was first met (name_registry) and what every kept name goes by now (source_names); a linker
// resolves all kept names again whenever a document brings a new proper name, and the claims of a
// name that now goes by another are summarised again. So the names are those of the whole story
// made at once, in whatever order documents arrive.
//
// Propositions. Linking a document marks its claims' propositions stale; `refreshSummaries` adds each
// stale proposition's new members to its stored fold state (story.ts's PropositionFold, which
// `buildStory` makes every proposition with, so the figures are the same), and stores the summary
// with the story's order keys (independent sources, claims, id) in an index: a proposition of
// thousands of claims takes in one more without reading the others. What can change members already
// taken in (a replaced document, a changed echo, a renamed name) has the proposition made again from
// all its members, as has one without a fold state (kept before schema 7). Views read a page of that
// index and make the page's propositions from their members.
//
// Sources. Each source's tally (source-tally.ts) is stored; each newly linked claim is added to the
// tallies it touches. A tally cannot lose a claim, so a rename, a changed echo or a replaced document
// has every claim tallied again.

/** A SourceNames that answers from what the store kept: each claim's names as its document resolved them, and what those go by now. */
export class StoredNames extends SourceNames {
  #canonical: Map<string, string>;
  #locals = new Map<string, string>();

  constructor(resolved: Map<string, string>) {
    super();
    this.#canonical = resolved;
  }

  /** Learns the names a member's document resolved for its speaker and chain. */
  learn(m: MemberRecord): void {
    const r = m.record;
    const names = m.names ?? [];
    if (r.source && names[0]) this.#locals.set(`${r.doc}\u0000${r.index}\u0000${r.source}`, names[0]);
    r.chain.forEach((c, i) => names[i + 1] && this.#locals.set(`${r.doc}\u0000${r.index}\u0000${c.source}`, names[i + 1]!));
  }

  override canonical(name: string, doc: string, index: number): string {
    const local = this.#locals.get(`${doc}\u0000${index}\u0000${name}`) ?? name;
    return this.#canonical.get(local) ?? this.named(local);
  }
}

/** The names a claim's document resolves for its speaker and its chain, speaker first (null: no attributed speaker). */
export const localNames = (names: SourceNames, r: Pick<ClaimRecord, "source" | "chain" | "doc" | "index">): (string | null)[] => [
  r.source ? names.local(r.source, r.doc, r.index) : null,
  ...r.chain.map((c) => names.local(c.source, r.doc, r.index)),
];

const orderOf = (p: ProperName): string => JSON.stringify(p.at);

/**
 * The names a linker knows: the story's proper names and what every kept name goes by. `document`
 * registers one document's names, resolves its claims' names, and says what changed for the store.
 */
export class NameBook {
  readonly names = new SourceNames();
  /** Every kept name → what it goes by now. */
  #resolved = new Map<string, string>();
  // the kept names a new proper name can rename, found by index rather than by resolving every kept
  // name again (quadratic on real coverage: 840 articles took 20 s to link): those with its key, its
  // last word or its initials for a key, those with a word that starts as one of its words, and, a
  // rename at a time, those that went by a renamed name's old name
  /** A kept name's key → the kept names with it. */
  #byKey = new Map<string, Set<string>>();
  /** The first three letters of a word of a kept name's key → the kept names with such a word. */
  #byPrefix = new Map<string, Set<string>>();
  /** What a kept name goes by → the kept names that go by it. */
  #byCanonical = new Map<string, Set<string>>();
  /** As #byKey and #byPrefix, for what kept names go by: a new name may rename the name others go by. */
  #canonicalByKey = new Map<string, Set<string>>();
  #canonicalByPrefix = new Map<string, Set<string>>();

  /** Learns what the store (this process or another) saved since. */
  catchUp(registry: { key: string; name: string; at: string }[], resolved: ResolvedName[]): void {
    this.names.addProper(registry.map((r) => ({ key: r.key, name: r.name, at: JSON.parse(r.at) as NameOrder })));
    this.names.takeChanges();
    for (const r of resolved) this.#keep(r.name, r.canonical);
  }

  /**
   * Registers one document's claims' names (and its outlet and wire) where the story meets them,
   * then resolves them: each claim's names as its document gives them, and the changes to save.
   */
  document(doc: { id: string; date?: string; outlet?: string; wire?: string }, records: ClaimRecord[]): { locals: (string | null)[][]; changes: NameChanges } {
    for (const r of records) {
      const at = [doc.date ?? "", doc.id, r.index] as const;
      this.names.add(r, at);
      if (doc.outlet) this.names.addName(doc.outlet, doc.id, at, 0);
      if (doc.wire) this.names.addName(doc.wire, doc.id, at, 1);
    }
    const locals = records.map((r) => localNames(this.names, r));
    this.names.forgetMentions(doc.id);
    return { locals, changes: this.#changes(locals.flat()) };
  }

  #keep(name: string, canonical: string): void {
    const before = this.#resolved.get(name);
    if (before !== undefined) this.#byCanonical.get(before)?.delete(name);
    else index(this.#byKey, this.#byPrefix, name);
    this.#resolved.set(name, canonical);
    if (!this.#byCanonical.has(canonical)) index(this.#canonicalByKey, this.#canonicalByPrefix, canonical);
    addTo(this.#byCanonical, canonical, name);
  }

  /** The kept names that a new or respelled proper name may make go by another: those it can touch, and those that go by a name it can touch. */
  #touchedBy(p: ProperName): Set<string> {
    const out = new Set<string>();
    for (const n of touching(this.#byKey, this.#byPrefix, p)) out.add(n);
    for (const c of touching(this.#canonicalByKey, this.#canonicalByPrefix, p)) for (const n of this.#byCanonical.get(c) ?? []) out.add(n);
    return out;
  }

  /** New proper names may make kept names go by others: those they can touch are resolved again. */
  #changes(used: (string | null)[]): NameChanges {
    const added = this.names.takeChanges();
    const registry = added.map((p) => ({ key: p.key, name: p.name, at: orderOf(p) }));
    const resolved: ResolvedName[] = [];
    const renamed: string[] = [];
    const check = (name: string): string | undefined => {
      const canonical = this.names.named(name);
      const before = this.#resolved.get(name);
      if (before === canonical) return undefined;
      if (before !== undefined) renamed.push(name);
      this.#keep(name, canonical);
      resolved.push({ name, canonical });
      return before;
    };
    const pending = new Set<string>();
    for (const p of added) for (const n of this.#touchedBy(p)) pending.add(n);
    // a name that now goes by another renames the kept names that went by its old one
    for (const name of pending) {
      const old = check(name);
      if (old !== undefined) for (const n of this.#byCanonical.get(old) ?? []) pending.add(n);
    }
    for (const name of used) if (name && !this.#resolved.has(name)) check(name);
    return { registry, resolved, renamed };
  }
}

/** Files a name under its key and the first three letters of each of its key's words. */
function index(byKey: Map<string, Set<string>>, byPrefix: Map<string, Set<string>>, name: string): void {
  const key = sourceKey(name);
  addTo(byKey, key, name);
  for (const w of key.split(" ")) addTo(byPrefix, w.slice(0, 3), name);
}

/** The names filed so that `p` may change what they resolve to: its key, its last word or its initials as their key, or a word that starts as one of its words. */
function* touching(byKey: Map<string, Set<string>>, byPrefix: Map<string, Set<string>>, p: ProperName): Iterable<string> {
  const words = p.key.split(" ");
  for (const key of [p.key, words[words.length - 1], initials(p.name).toLowerCase()]) yield* byKey.get(key) ?? [];
  for (const w of words) yield* byPrefix.get(w.slice(0, 3)) ?? [];
}

function addTo(index: Map<string, Set<string>>, key: string, name: string): void {
  const names = index.get(key);
  if (names) names.add(name);
  else index.set(key, new Set([name]));
}

/**
 * Makes every claim's names again from the stored claims (a store linked before names were kept),
 * walking the linked documents in story order, then has every summary made again.
 */
async function rebuildNames(store: Store): Promise<void> {
  await store.resetSummaries("all");
  const book = new NameBook();
  const kept: { id: number; names: (string | null)[] }[] = [];
  for (let after: Awaited<ReturnType<Store["linkedPage"]>>["next"]; ; ) {
    const page = await store.linkedPage(after, 500);
    const byDoc = new Map<string, MemberRecord[]>();
    for (const m of page.rows) byDoc.set(m.record.doc, [...(byDoc.get(m.record.doc) ?? []), m]);
    for (const [doc, members] of byDoc) {
      const first = members[0];
      const { locals } = book.document({ id: doc, date: page.dates?.get(doc), outlet: first.outlet, wire: first.wire }, members.map((m) => m.record));
      members.forEach((m, i) => kept.push({ id: m.claim, names: locals[i] }));
    }
    if (!page.next) break;
    after = page.next;
  }
  // resolved once every name is known, as the whole story resolves them
  const registry = book.names.takeChanges().map((p) => ({ key: p.key, name: p.name, at: orderOf(p) }));
  const used = new Set(kept.flatMap((k) => k.names).filter((n): n is string => !!n));
  const resolved = [...used].map((name) => ({ name, canonical: book.names.named(name) }));
  for (let i = 0; i < kept.length; i += 5000) await store.saveClaimNames(kept.slice(i, i + 5000), { registry: i ? [] : registry, resolved: i ? [] : resolved, renamed: [] });
  if (!kept.length) await store.saveClaimNames([], { registry, resolved, renamed: [] });
  await store.clearFlag("names");
}

/**
 * A proposition as the store summarises it once `fold` has taken in these members: the proposition
 * without its claims, its order keys, and its fold state, for the members to come.
 */
function propositionRow(id: number, fold: PropositionFold, members: MemberRecord[], resolved: Map<string, string>): PropositionRow {
  const names = new StoredNames(resolved);
  const views: PropositionRow["members"] = [];
  for (const m of members) {
    names.learn(m);
    const c = fold.add(m, names);
    // only what is new or changed is written: a proposition of thousands of claims made again (a name
    // of its members renamed) rewrites only the members whose origin or stance moved
    if (!m.folded || m.origin !== c.origin || m.stance !== c.stance) views.push({ claim: m.claim, origin: c.origin, stance: c.stance });
  }
  const p = fold.proposition(id);
  return {
    id,
    independent: p.independentSources,
    claims: fold.claimCount,
    status: p.status,
    series: p.quantities.some((q) => q.values.length > 1),
    summary: JSON.stringify({ ...p, claimCount: fold.claimCount }),
    fold: JSON.stringify(fold.state()),
    members: views,
  };
}

/** A stored summary as the lists read it. */
export type PropositionSummaryJson = Omit<Proposition, "claims"> & { claimCount: number };

/** The propositions with these ids made from their members, as the whole story makes them. */
export async function propositionsOf(store: Store, ids: number[], resolved?: Map<string, string>): Promise<Proposition[]> {
  const names = resolved ?? new Map((await store.resolvedNames()).map((r) => [r.name, r.canonical]));
  const members = await store.membersOf(ids);
  return ids.filter((id) => members.has(id)).map((id) => makeProposition(id, members.get(id)!, names));
}

function makeProposition(id: number, members: MemberRecord[], resolved: Map<string, string>): Proposition {
  const names = new StoredNames(resolved);
  for (const m of members) names.learn(m);
  return proposition(id, members, names);
}

/** A claim as the sources tally reads it: its kept names stand in for the record's. */
function tallyRecord(r: TallyRow): LinkedRecord {
  const record = { source: r.attributed ? r.names[0] : null, chain: r.names.slice(1).map((source) => ({ source, cue: "" })), doc: r.doc, index: r.index, certainty: r.certainty, ...(r.date ? { date: r.date } : {}) };
  return { record: record as unknown as ClaimRecord, proposition: 0, ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.wire ? { wire: r.wire } : {}) };
}

// small batches: what one batch loads dies young, rather than living long enough to grow the old heap
// (linking 10k articles at once peaked at 601 MB with 500 and 20,000, at 410 MB with these)
const PROPOSITIONS_AT_ONCE = 50;
const CLAIMS_AT_ONCE = 1_000;

/** Brings the stored summaries up to date: names of a store linked before they were kept, stale propositions, untallied claims. */
export async function refreshSummaries(store: Store): Promise<void> {
  const work = await store.summaryWork();
  if (work.flags.includes("names")) await rebuildNames(store);
  if (work.flags.includes("sources")) await store.resetSummaries("sources");
  const resolved = new Map((await store.resolvedNames()).map((r) => [r.name, r.canonical]));
  for (let stale = await store.stalePropositions(PROPOSITIONS_AT_ONCE); stale.length; stale = await store.stalePropositions(PROPOSITIONS_AT_ONCE)) {
    // one that only gained members adds them to its stored fold; any other is made again from all of them
    const rebuilt = stale.filter((s) => s.fold === undefined).map((s) => s.id);
    const all = await store.membersOf(rebuilt);
    const added = await store.membersOf(stale.filter((s) => s.fold !== undefined).map((s) => s.id), "unfolded");
    const rows = stale.flatMap((s) => {
      if (s.fold !== undefined) return [propositionRow(s.id, new PropositionFold(JSON.parse(s.fold) as FoldState), added.get(s.id) ?? [], resolved)];
      return all.has(s.id) ? [propositionRow(s.id, new PropositionFold(), all.get(s.id)!, resolved)] : [];
    });
    await store.saveSummaries(rows, rebuilt.filter((id) => !all.has(id)));
  }
  const names = new StoredNames(resolved);
  for (let rows = await store.untallied(CLAIMS_AT_ONCE); rows.length; rows = await store.untallied(CLAIMS_AT_ONCE)) {
    const events = rows.map((r) => sourceEvent(tallyRecord(r), names));
    const keys = [...new Set(events.flatMap(SourceTally.keysOf))];
    const tally = new SourceTally((await store.sourceRows(keys)).map((s) => JSON.parse(s.state) as SourceState));
    for (const e of events) tally.add(e);
    const changed: SourceRow[] = [...tally.touched].map((key) => {
      const s = tally.states.get(key)!;
      return { key, name: s.name, claims: s.claims, state: JSON.stringify(s) };
    });
    await store.saveTallies(changed, rows.map((r) => r.claim), tally.added);
  }
}

/** Brings the summaries up to date when they are behind (a store linked before they were kept, a linker that stopped midway): under the link lock. */
export async function currentSummaries(store: Store): Promise<void> {
  const work = await store.summaryWork();
  if (work.flags.length || work.stale || work.untallied) await store.exclusive(() => refreshSummaries(store));
}

/** A page of the story's propositions in its order (most independent sources, then most claims, then id), made from their members. */
export async function storyPage(store: Store, query: { offset?: number; limit?: number; minClaims?: number; status?: string } = {}): Promise<{ total: number; propositions: Proposition[] }> {
  await currentSummaries(store);
  const page = await store.propositionPage(query);
  return { total: page.total, propositions: await propositionsOf(store, page.rows.map((r) => r.id)) };
}

/** A page of stored summaries without claims, in the story's order. */
export async function summaryPage(store: Store, query: { offset?: number; limit?: number; minClaims?: number; status?: string } = {}): Promise<{ total: number; summaries: PropositionSummaryJson[] }> {
  await currentSummaries(store);
  const page = await store.propositionPage(query);
  return { total: page.total, summaries: page.rows.map((r) => JSON.parse(r.summary) as PropositionSummaryJson) };
}

/** The sources, most claims first, from their stored tallies; `offset` and `limit` page them. */
export async function storedSources(store: Store, page: { offset?: number; limit?: number } = {}): Promise<{ total: number; sources: SourceSummary[] }> {
  await currentSummaries(store);
  const index = sortSources(await store.sourceIndex());
  const nameOf = new Map(index.map((s) => [s.key, s.name]));
  const offset = page.offset ?? 0;
  const keys = index.slice(offset, page.limit === undefined ? undefined : offset + page.limit).map((s) => s.key);
  const whole = page.limit === undefined && !offset;
  const states = new Map((await store.sourceRows(whole ? undefined : keys)).map((s) => [s.key, JSON.parse(s.state) as SourceState]));
  const documents = await store.sourceDocuments(whole ? undefined : keys);
  return { total: index.length, sources: keys.map((k) => renderSource(states.get(k)!, (key) => nameOf.get(key) ?? key, inStoryOrder(documents.get(k) ?? []))) };
}
