// The story as schema.org ClaimReview JSON-LD: one review per proposition, the claim it reviews
// with who made it first and where it appeared, and a rating that says what the coverage shows
// (agreed, disputed, single-source) — a map of the coverage, not a verdict on the truth.
import type { Proposition, Story } from "../link/index.ts";
import type { StoredDocument } from "../store/sqlite.ts";

const PERSONISH = /^(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+$/;
const author = (name: string) => ({ "@type": PERSONISH.test(name) && !/\b(?:Ministry|Office|Service|Press|Post|News|Radio|Hydro|Agency)\b/.test(name) ? "Person" : "Organization", name });

const RATINGS: Record<Proposition["status"], { value: number; explanation: (p: Proposition) => string }> = {
  agreed: { value: 3, explanation: (p) => `Stated by ${p.independentSources} independent sources (${p.origins.join(", ")}) and denied by none.` },
  "single-source": { value: 2, explanation: (p) => `Stated by one source only (${p.origins.join(", ") || "the publisher"}).` },
  disputed: { value: 1, explanation: (p) => {
    const deniers = [...new Set(p.claims.filter((c) => c.stance === "denies").map((c) => c.source ?? c.origin))];
    return deniers.length ? `Denied by ${deniers.join(", ")}; stated by ${p.origins.join(", ") || "no independent source"}.` : `Sources give figures that cannot all be true: ${p.origins.join(", ")}.`;
  } },
};

export function claimReviews(story: Story, documents: StoredDocument[]) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    "@context": "https://schema.org",
    "@graph": story.propositions.map((p) => {
      const rating = RATINGS[p.status];
      return {
        "@type": "ClaimReview",
        "@id": `#proposition-${p.id}`,
        claimReviewed: p.summary,
        ...(p.firstSeen ? { datePublished: p.firstSeen.slice(0, 10) } : {}),
        author: { "@type": "Organization", name: "Triangulate (automated coverage map)" },
        reviewRating: {
          "@type": "Rating",
          ratingValue: rating.value,
          bestRating: 3,
          worstRating: 1,
          alternateName: p.status,
          ratingExplanation: rating.explanation(p),
        },
        itemReviewed: {
          "@type": "Claim",
          author: p.origins.map(author),
          ...(p.firstSeen ? { datePublished: p.firstSeen.slice(0, 10) } : {}),
          appearance: p.claims.map((c) => {
            const doc = byId.get(c.doc);
            return {
              "@type": "CreativeWork",
              ...(doc?.url && /^https?:\/\//i.test(doc.url) ? { url: doc.url } : {}),
              ...(doc?.title ? { headline: doc.title } : {}),
              ...(c.date ? { datePublished: c.date.slice(0, 10) } : {}),
              ...(c.outlet ? { publisher: { "@type": "Organization", name: c.outlet } } : {}),
              author: author(c.source ?? c.origin),
              text: c.sentence,
              identifier: `${c.doc}#sentence-${c.index}`,
              // how the one quoting it stands to it: supports, hedges or denies
              description: `${c.stance}, ${c.certainty}${c.cue ? ` (${c.cue})` : ""}`,
            };
          }),
        },
      };
    }),
  };
}
