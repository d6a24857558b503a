import type { DocMeta } from "../doc.ts";
import type { ClaimQuantity, ClaimRecord } from "../extract/claims.ts";
import { isStatement } from "../extract/boilerplate.ts";
import type { IO } from "./command.ts";

// one formatter, made on first use: toLocaleString with options builds one per call (analyze's report of
// 840 articles spent 0.8 s there), and making it at load would cost every command's start
let numberFormat: Intl.NumberFormat | undefined;
const num = (n: number): string => (numberFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })).format(n);

/**
 * "10,000–12,000 soldiers", "at least 46 people", "up to 15,000 people", "about 40 percent". A lower
 * bound reads "at least": the bound does not keep whether the text said "more than" or "at least",
 * and "at least" is true of both.
 */
export function formatQuantity(q: Pick<ClaimQuantity, "min" | "max" | "of"> & Partial<ClaimQuantity>): string {
  const value = q.min === q.max ? num(q.min) : `${num(q.min)}–${num(q.max)}`;
  const bound = q.bound === "lower" ? "at least " : q.bound === "upper" ? "up to " : q.approximate ? "about " : "";
  if (q.kind === "percent") return `${bound}${value}%`;
  if (q.kind === "money" && q.unit) return `${bound}${q.unit} ${value}${q.of && q.of !== q.unit ? ` (${q.of})` : ""}`;
  return `${bound}${value} ${q.of}`.trim();
}

const heading = (id: string, meta: DocMeta): string =>
  [id, meta.title && `“${meta.title}”`, meta.outlet, meta.date?.slice(0, 10)].filter(Boolean).join(" · ");

/** A readable report of one document's claims: what is claimed, by whom, how sure, with which numbers. */
export function documentReport(id: string, meta: DocMeta, records: ClaimRecord[]): string {
  const claims = records.filter((r) => r.kind === "claim" && isStatement(r));
  const lines = [`── ${heading(id, meta)}`, `   ${claims.length} claims, ${records.length - claims.length} opinion sentences`];
  for (const r of claims) lines.push(claimLine(r));
  return lines.join("\n") + "\n";
}

export function claimLine(r: ClaimRecord): string {
  const facts = [
    r.source ? `source: ${r.source}${r.cue ? ` (${r.cue})` : ""}` : "source: the writer",
    `certainty: ${r.certainty}${r.evidence.certainty.length ? ` (${r.evidence.certainty.join(", ")})` : ""}`,
    r.quantities.length ? `numbers: ${r.quantities.map(formatQuantity).join("; ")}` : "",
    r.entities.length ? `entities: ${r.entities.join(", ")}` : "",
  ].filter(Boolean);
  return `  • ${r.sentence}\n      ${facts.join(" · ")}`;
}

/** Writes records as JSON Lines, one JSON array, or the text report grouped by document. */
export function writeRecords(io: IO, format: string, records: ClaimRecord[], metaOf: (doc: string) => DocMeta = () => ({})): void {
  if (format === "jsonl") {
    for (const r of records) io.stdout.write(JSON.stringify(r) + "\n");
  } else if (format === "json") {
    io.stdout.write(JSON.stringify(records, null, 2) + "\n");
  } else {
    const byDoc = new Map<string, ClaimRecord[]>();
    for (const r of records) {
      const list = byDoc.get(r.doc);
      if (list) list.push(r);
      else byDoc.set(r.doc, [r]);
    }
    for (const [doc, list] of byDoc) io.stdout.write(documentReport(doc, metaOf(doc), list) + "\n");
  }
}
