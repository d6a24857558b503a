import type { Story } from "./story.ts";

/** Every linked claim in date order, and every number series of every proposition. */
export function timeline(story: Story) {
  const events = story.propositions
    .flatMap((p) =>
      p.claims.map((c) => ({
        date: c.date,
        proposition: p.id,
        doc: c.doc,
        source: c.source ?? c.outlet ?? c.doc,
        origin: c.origin,
        certainty: c.certainty,
        stance: c.stance,
        sentence: c.sentence,
        quantities: c.quantities,
      })),
    )
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.doc.localeCompare(b.doc));
  const series = story.propositions.flatMap((p) =>
    p.quantities.filter((q) => q.values.length > 1).map((q) => ({ proposition: p.id, summary: p.summary, ...q })),
  );
  return { events, series };
}

export type Timeline = ReturnType<typeof timeline>;
