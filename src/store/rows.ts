// Rows as both engines return them (snake_case columns, NULL for absent) → the store's types.
import type { ClaimRecord } from "../extract/claims.ts";
import type { DocumentSignature, LinkedRecord, LinkedState, MemberRecord, RegisteredName, ResolvedName, StaleProposition, StoredClaim, StoredDocument, TallyRow, TimelineRow } from "./types.ts";

const DOCUMENT_COLUMNS = [
  ["title", "title"], ["outlet", "outlet"], ["author", "author"], ["date", "date"], ["url", "url"],
  ["origin", "origin"], ["language", "language"], ["reason", "reason"], ["duplicate_of", "duplicateOf"],
] as const;

export function documentFromRow(r: Record<string, unknown>): StoredDocument {
  const out: StoredDocument = { id: String(r.doc_id), hash: String(r.hash), status: r.status as StoredDocument["status"], claims: Number(r.claims) };
  for (const [col, key] of DOCUMENT_COLUMNS) if (r[col] != null) out[key] = String(r[col]);
  return out;
}

export const storedClaimFromRow = (r: { id: number | string; record: string; outlet: string | null; title: string | null }): StoredClaim => ({
  ...(JSON.parse(r.record) as ClaimRecord),
  id: Number(r.id),
  ...(r.outlet ? { outlet: r.outlet } : {}),
  ...(r.title ? { title: r.title } : {}),
});

export function linkedRecordFromRow(r: Record<string, unknown>): LinkedRecord {
  // a copy's own words come from whoever it copies: its credit, else the credit or outlet of the original
  const wire = (r.wire ?? r.echo_wire ?? r.echo_outlet ?? undefined) as string | undefined;
  return {
    record: JSON.parse(String(r.record)) as ClaimRecord,
    proposition: Number(r.proposition),
    ...(r.outlet ? { outlet: String(r.outlet) } : {}),
    ...(wire ? { wire } : {}),
    ...(r.echo_of ? { echoOf: String(r.echo_of) } : {}),
  };
}

export interface LinkedRows {
  documents: { doc_id: string; minhash: Buffer; outlet: string | null; wire: string | null; echo_of: string | null; link_seq: number }[];
  claims: { terms: string; proposition: number }[];
  registry: RegisteredName[];
  resolved: ResolvedName[];
}

/** `linkedSince`'s answer from its two queries' rows; `seq` when nothing new was linked. */
export function linkedStateFromRows(rows: LinkedRows, seq: number): LinkedState {
  return {
    seq: rows.documents.at(-1)?.link_seq ?? seq,
    documents: rows.documents.map(
      (r): DocumentSignature => ({
        id: r.doc_id,
        minhash: new Uint32Array(r.minhash.buffer.slice(r.minhash.byteOffset, r.minhash.byteOffset + r.minhash.byteLength)),
        ...(r.outlet ? { outlet: r.outlet } : {}),
        ...(r.wire ? { wire: r.wire } : {}),
        ...(r.echo_of ? { echoOf: r.echo_of } : {}),
      }),
    ),
    claims: rows.claims.map((r) => ({ terms: JSON.parse(r.terms) as string[], proposition: r.proposition })),
    registry: rows.registry,
    resolved: rows.resolved,
  };
}

/** A member claim for the summaries: the linked record's row plus the claim id and its kept names. */
export const memberFromRow = (r: Record<string, unknown>): MemberRecord => ({
  ...linkedRecordFromRow(r),
  claim: Number(r.id),
  names: r.names == null ? null : (JSON.parse(String(r.names)) as (string | null)[]),
  ...(r.origin != null ? { origin: String(r.origin), stance: String(r.stance) } : {}),
  // SQLite's 0 and 1, PostgreSQL's booleans
  folded: Boolean(r.folded),
});

export function tallyRowFromRow(r: Record<string, unknown>): TallyRow {
  const wire = (r.wire ?? r.echo_wire ?? r.echo_outlet ?? undefined) as string | undefined;
  return {
    claim: Number(r.id),
    doc: String(r.doc_id),
    ...(r.date != null ? { date: String(r.date) } : {}),
    index: Number(r.idx),
    certainty: String(r.certainty),
    attributed: !!r.source,
    names: r.names == null ? [] : (JSON.parse(String(r.names)) as (string | null)[]),
    ...(r.outlet ? { outlet: String(r.outlet) } : {}),
    ...(wire ? { wire } : {}),
  };
}

export const timelineRowFromRow = (r: Record<string, unknown>): TimelineRow => ({
  record: JSON.parse(String(r.record)) as ClaimRecord,
  proposition: Number(r.proposition),
  ...(r.outlet ? { outlet: String(r.outlet) } : {}),
  origin: String(r.origin),
  stance: String(r.stance),
});

/** The columns a linked record is read with (claims c, its document d, what d echoes e). */
export const LINKED_COLUMNS = "c.id, c.record, c.proposition, c.names, c.origin, c.stance, c.folded, d.outlet, d.wire, d.echo_of, e.wire AS echo_wire, e.outlet AS echo_outlet";
/** The tally's columns; `recordDate` is the engine's expression for the record's own date (a document without one may have dated claims). */
export const tallyColumns = (recordDate: string) =>
  `c.id, c.names, c.idx, c.certainty, c.source, d.doc_id, ${recordDate} AS date, d.outlet, d.wire, e.wire AS echo_wire, e.outlet AS echo_outlet`;
/** Up to `limit` stale propositions, with the stored fold state of those that only gained members; `limit` is the engine's parameter. */
export const stalePropositionsSql = (limit: string) =>
  `SELECT s.id, CASE WHEN s.rebuild THEN NULL ELSE p.fold END AS fold FROM stale_propositions s LEFT JOIN proposition_summaries p ON p.id = s.id ORDER BY s.id LIMIT ${limit}`;
/** Ends an insert of propositions to be made again from all their members: one stale to take in new members is made again instead. */
export const REBUILD = "ON CONFLICT (id) DO UPDATE SET rebuild = excluded.rebuild";

export const staleFromRow = (r: { id: number | string; fold: string | null }): StaleProposition => ({ id: Number(r.id), ...(r.fold != null ? { fold: r.fold } : {}) });

/** The story's order of propositions, on proposition_summaries p. */
export const PROPOSITION_ORDER = "p.independent DESC, p.claims DESC, p.id";

/** Members grouped by proposition, each group in the order given. */
export function groupMembers(members: MemberRecord[]): Map<number, MemberRecord[]> {
  const out = new Map<number, MemberRecord[]>();
  for (const m of members) {
    const group = out.get(m.proposition);
    if (group) group.push(m);
    else out.set(m.proposition, [m]);
  }
  return out;
}
