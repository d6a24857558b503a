import type { ClaimRecord } from "../extract/claims.ts";
import type { Store } from "../store/types.ts";
import type { Proposition, StoryClaim } from "./story.ts";
import { currentSummaries, type PropositionSummaryJson } from "./summaries.ts";
import { byDateThenDoc } from "./order.ts";

/** One claim as the timeline lists it. */
const event = (proposition: number, c: Pick<StoryClaim, "date" | "doc" | "source" | "outlet" | "origin" | "certainty" | "stance" | "sentence" | "quantities">) => ({
  date: c.date,
  proposition,
  doc: c.doc,
  source: c.source ?? c.outlet ?? c.doc,
  origin: c.origin,
  certainty: c.certainty,
  stance: c.stance,
  sentence: c.sentence,
  quantities: c.quantities,
});

/** The number series of propositions with more than one value. */
const seriesOf = (propositions: Pick<Proposition, "id" | "summary" | "quantities">[]) =>
  propositions.flatMap((p) => p.quantities.filter((q) => q.values.length > 1).map((q) => ({ proposition: p.id, summary: p.summary, ...q })));

/** Every linked claim in date order, and every number series of every proposition. */
export function timeline(story: { propositions: Proposition[] }) {
  const events = story.propositions
    .flatMap((p) => p.claims.map((c) => event(p.id, c)))
    .sort((a, b) => byDateThenDoc(a.date ?? "", a.doc, b.date ?? "", b.doc));
  return { events, series: seriesOf(story.propositions) };
}

/**
 * The timeline from the store's summaries: a page of its claims (by date, document, then the story's
 * order of propositions, as `timeline` sorts them) and every number series of more than one value.
 */
export async function storedTimeline(store: Store, page: { offset?: number; limit?: number } = {}): Promise<Timeline & { total: number }> {
  await currentSummaries(store);
  const { total, rows } = await store.timelinePage(page.offset ?? 0, page.limit ?? -1);
  const events = rows.map((r) => event(r.proposition, { ...r.record, ...(r.outlet ? { outlet: r.outlet } : {}), origin: r.origin, stance: r.stance as StoryClaim["stance"] } as ClaimRecord & Pick<StoryClaim, "origin" | "stance" | "outlet">));
  const summaries = (await store.seriesSummaries()).map((r) => JSON.parse(r.summary) as PropositionSummaryJson);
  return { events, series: seriesOf(summaries), total };
}

export type Timeline = ReturnType<typeof timeline>;
