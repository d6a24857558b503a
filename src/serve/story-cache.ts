// The whole story, for the views that filter its text (/api/propositions by source, entity, words or
// dates) and for its numbers, rebuilt only when the database changed: the store's change
// stamp moves when another connection (a CLI `analyze` beside the server) commits, `invalidate` when this server
// writes. Each proposition keeps a lower-cased digest of its sources, entities, words and dates, so
// filtering 100,000 claims' propositions is string tests, not a walk through every claim.
import { storyOf, type Proposition, type Story } from "../link/index.ts";
import { numbersOf, type NumberSeries } from "../link/numbers.ts";
import type { Store } from "../store/types.ts";
import { LISTED_CLAIMS } from "./schemas.ts";

interface Digest {
  sources: string[];
  entities: string[];
  words: string;
  first: string;
  last: string;
}

/** What the text filters of /api/propositions and /api/numbers need of the whole story (the other views page the store's summaries). */
export interface StoryViews {
  story: Story;
  numbers: NumberSeries[];
  digests: Map<number, Digest>;
}

export interface PropositionFilter {
  status?: string;
  source?: string;
  entity?: string;
  from?: string;
  to?: string;
  q?: string;
}

function digest(p: Proposition): Digest {
  const sources = new Set<string>();
  const entities = new Set<string>();
  const dates: string[] = [];
  for (const c of p.claims) {
    for (const name of [c.source, c.origin, c.outlet]) if (name) sources.add(name.toLowerCase());
    for (const e of c.entities) entities.add(e.toLowerCase());
    if (c.date) dates.push(c.date.slice(0, 10));
  }
  dates.sort();
  return {
    sources: [...sources],
    entities: [...entities],
    words: p.claims.map((c) => c.sentence.toLowerCase()).join("\n"),
    first: dates[0] ?? "",
    last: dates[dates.length - 1] ?? "",
  };
}

function views(story: Story): StoryViews {
  return { story, numbers: numbersOf(story), digests: new Map(story.propositions.map((p) => [p.id, digest(p)])) };
}

/** A proposition as a list shows it: who takes which stance, and its first few claims without their evidence. */
export function propositionSummary(p: Proposition) {
  const { claims, quantities, ...rest } = p;
  const who = (stance: string) => [...new Set(claims.filter((c) => c.stance === stance).map((c) => c.source ?? c.origin))];
  return {
    ...rest,
    quantities: quantities.map((q) => ({ of: q.of, values: q.values.slice(0, LISTED_CLAIMS), valueCount: q.values.length })),
    claimCount: claims.length,
    stances: { supports: who("supports"), hedges: who("hedges"), denies: who("denies") },
    claims: claims.slice(0, LISTED_CLAIMS).map((c) => ({
      doc: c.doc,
      index: c.index,
      sentence: c.sentence,
      source: c.source,
      cue: c.cue,
      certainty: c.certainty,
      origin: c.origin,
      stance: c.stance,
      ...(c.date ? { date: c.date } : {}),
      ...(c.outlet ? { outlet: c.outlet } : {}),
      ...(c.echoOf ? { echoOf: c.echoOf } : {}),
    })),
  };
}

/** A series with at most `max` values, evenly spread over its dates (every denied one kept): a chart needs no more. */
export function sampledSeries(s: NumberSeries, max: number): NumberSeries & { valueCount: number } {
  if (s.values.length <= max) return { ...s, valueCount: s.values.length };
  const step = s.values.length / max;
  const values = s.values.filter((v, i) => v.denied || Math.floor(i / step) !== Math.floor((i - 1) / step));
  return { ...s, values, valueCount: s.values.length };
}

/** The propositions that pass every given filter, in the story's order (most independent origins first). */
export function filterPropositions(v: StoryViews, f: PropositionFilter): Proposition[] {
  const source = f.source?.toLowerCase();
  const entity = f.entity?.toLowerCase();
  const words = f.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return v.story.propositions.filter((p) => {
    if (f.status && p.status !== f.status) return false;
    const d = v.digests.get(p.id)!;
    if (source && !d.sources.some((s) => s.includes(source))) return false;
    if (entity && !d.entities.some((e) => e.includes(entity))) return false;
    // a proposition is in a date range when any of its claims is
    if (f.from && (!d.last || d.last < f.from)) return false;
    if (f.to && (!d.first || d.first > f.to)) return false;
    return words.every((w) => d.words.includes(w));
  });
}

/** `linked` resolves once what the store holds has been linked, so the story is never read half-linked. */
export function storyCache(store: Store, linked: () => Promise<unknown>) {
  let cached: { key: string; views: StoryViews } | undefined;
  let writes = 0;
  return {
    async current(): Promise<StoryViews> {
      await linked();
      const key = `${await store.changeStamp()}:${writes}`;
      if (cached?.key !== key) cached = { key, views: views(await storyOf(store)) };
      return cached.views;
    },
    invalidate: () => void writes++,
  };
}
