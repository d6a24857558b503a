// What deserves an alert after new articles were linked into the story: a new claim that disputes a
// proposition others stated before it, or a source giving a number other than the one it gave before.
import { sourceKey, type Proposition, type PropositionStatus, type Story } from "../link/index.ts";

export type Alert =
  | {
      type: "dispute";
      proposition: number;
      summary: string;
      /** The new claim that disputes it. */
      claim: { doc: string; sentence: string; source: string; stance: string };
      /** Who stated the proposition before. */
      earlier: string[];
    }
  | {
      type: "revision";
      proposition: number;
      source: string;
      of: string;
      from: { min: number; max: number; doc: string; date?: string };
      to: { min: number; max: number; doc: string; date?: string };
    };

/** Each proposition's status, to compare the story before and after new articles. */
export const statuses = (story: Story): Map<number, PropositionStatus> => new Map(story.propositions.map((p) => [p.id, p.status]));

export function alertsFor(story: Story, before: Map<number, PropositionStatus>, newDocs: Set<string>): Alert[] {
  const alerts: Alert[] = [];
  for (const p of story.propositions) {
    const fresh = p.claims.filter((c) => newDocs.has(c.doc));
    const earlier = p.claims.filter((c) => !newDocs.has(c.doc));
    if (!fresh.length || !earlier.length) continue;
    const dispute = disputeOf(p, before.get(p.id), fresh);
    if (dispute) alerts.push({ type: "dispute", proposition: p.id, summary: p.summary, claim: dispute, earlier: [...new Set(earlier.map((c) => c.origin))] });
    alerts.push(...revisionsIn(p, newDocs));
  }
  return alerts;
}

/** The new claim that makes `p` disputed now, or a new denial of a proposition disputed already. */
function disputeOf(p: Proposition, was: PropositionStatus | undefined, fresh: Proposition["claims"]) {
  if (p.status !== "disputed") return undefined;
  const denial = fresh.find((c) => c.stance === "denies");
  const claim = denial ?? (was !== "disputed" ? fresh[0] : undefined);
  return claim && { doc: claim.doc, sentence: claim.sentence, source: claim.origin, stance: claim.stance };
}

/** A new document's value from a source that gave another value for the same count before. */
function revisionsIn(p: Proposition, newDocs: Set<string>): Alert[] {
  const out: Alert[] = [];
  for (const series of p.quantities) {
    const last = new Map<string, (typeof series.values)[number]>();
    for (const v of series.values) {
      if (newDocs.has(v.doc)) continue;
      last.set(sourceKey(v.source), v);
    }
    for (const v of series.values) {
      if (!newDocs.has(v.doc)) continue;
      const before = last.get(sourceKey(v.source));
      if (before && (before.min !== v.min || before.max !== v.max))
        out.push({
          type: "revision",
          proposition: p.id,
          source: v.source,
          of: series.of,
          from: { min: before.min, max: before.max, doc: before.doc, ...(before.date ? { date: before.date } : {}) },
          to: { min: v.min, max: v.max, doc: v.doc, ...(v.date ? { date: v.date } : {}) },
        });
    }
  }
  return out;
}
