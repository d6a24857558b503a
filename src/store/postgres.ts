// The PostgreSQL store: the same interface and meanings as the SQLite file, for several people,
// processes and machines writing one database. One transaction per document, retried whole when
// PostgreSQL asks for it (a serialisation failure, a deadlock, two workers inserting the same
// document at once) or when the connection dropped (a server restart): nothing is lost or doubled.
import pg from "pg";
import type { Doc, SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";
import { TriangulateError, errorMessage } from "../errors.ts";
import { PG_MIGRATIONS } from "./postgres-schema.ts";
import { Turns } from "./turns.ts";
import {
  LINKED_COLUMNS,
  PROPOSITION_ORDER,
  REBUILD,
  documentFromRow,
  groupMembers,
  linkedRecordFromRow,
  linkedStateFromRows,
  memberFromRow,
  staleFromRow,
  stalePropositionsSql,
  storedClaimFromRow,
  tallyColumns,
  tallyRowFromRow,
  timelineRowFromRow,
  type LinkedRows,
} from "./rows.ts";
import {
  contentHash,
  type ClaimFilter,
  type DocumentCursor,
  type DocumentLink,
  type LinkedClaim,
  type LinkedRecord,
  type MemberRecord,
  type NameChanges,
  type PropositionQuery,
  type PropositionRow,
  type ResolvedName,
  type StaleProposition,
  type SourceDocumentRow,
  type SourceRow,
  type SummaryWork,
  type TallyRow,
  type TimelineRow,
  type LinkedState,
  type Store,
  type StoreAction,
  type StoredClaim,
  type StoredDocument,
} from "./types.ts";

/** Advisory lock keys: one for migrating, one for linking (any two numbers this program owns). */
const MIGRATE_LOCK = 0x7472_6930;
const LINK_LOCK = 0x7472_6931;
/** How long a transaction is retried for while the server is unreachable or busy. */
const RETRY_FOR_MS = 120_000;

/** 64-bit integers as numbers: ids and counts here stay far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// SQLSTATEs worth a second try of the whole transaction: serialisation failure, deadlock, unique
// violation (another writer inserted the same document first), server shutting down or restarting
const RETRY_CODES = new Set(["40001", "40P01", "23505", "57P01", "57P02", "57P03"]);
const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);

export const isConnectionError = (e: unknown): boolean => {
  const code = String((e as { code?: unknown }).code ?? "");
  return CONNECTION_ERRORS.has(code) || code.startsWith("08") || /Connection terminated|connection timeout|not queryable/i.test(errorMessage(e));
};
const isRetryable = (e: unknown): boolean => RETRY_CODES.has(String((e as { code?: unknown }).code ?? "")) || isConnectionError(e);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}

/** host:port of a URL, for "cannot reach" messages. */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || 5432}`;
  } catch {
    return url;
  }
}

/** FTS5 rejects an unbalanced quote; so does this engine, though websearch_to_tsquery would not, so a query means the same in both. */
function checkSearch(search: string): void {
  if ((search.match(/"/g)?.length ?? 0) % 2)
    throw new TriangulateError("BAD_OPTION", `--search "${search}" is not a valid search: unbalanced quote`, 'quote phrases, e.g. --search \'"troop numbers"\'');
}

export class PostgresStore implements Store {
  readonly engine = "postgres";
  readonly path: string;
  readonly pool: pg.Pool;
  #exclusiveTurns = new Turns();

  private constructor(url: string, pool: pg.Pool) {
    this.path = redactUrl(url);
    this.pool = pool;
  }

  /** Connects (failing with the host named when the server cannot be reached) and migrates. */
  static async open(url: string, options: { connections?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.connections ?? 4, connectionTimeoutMillis: 10_000, types: TYPES });
    // a connection dropped by a server restart: an idle one is discarded and replaced on the next
    // query; one in use fails its query, which is retried on a new one (so neither may crash the process)
    pool.on("error", () => {});
    pool.on("connect", (client) => void client.on("error", () => {}));
    const store = new PostgresStore(url, pool);
    try {
      await store.#migrate();
    } catch (e) {
      await pool.end().catch(() => {});
      if (isConnectionError(e) || (e as { code?: string }).code === "28P01" || (e as { code?: string }).code === "3D000")
        throw new TriangulateError("STORE", `cannot reach PostgreSQL at ${hostOf(url)}: ${errorMessage(e) || String((e as { code?: string }).code)}`, "check the --db URL, and that the server is running");
      throw e;
    }
    return store;
  }

  async #migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      // one migrating process at a time; the others find the work done
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS triangulate_schema (version INTEGER NOT NULL)");
      let { rows } = await client.query<{ version: number }>("SELECT version FROM triangulate_schema");
      if (!rows.length) {
        await client.query("INSERT INTO triangulate_schema (version) VALUES (0)");
        rows = [{ version: 0 }];
      }
      const version = rows[0].version;
      if (version > PG_MIGRATIONS.length)
        throw new TriangulateError("STORE", `${this.path} has schema version ${version}, newer than this program knows (${PG_MIGRATIONS.length})`, "upgrade triangulate");
      for (let v = version; v < PG_MIGRATIONS.length; v++) await client.query(PG_MIGRATIONS[v]);
      if (version < PG_MIGRATIONS.length) await client.query("UPDATE triangulate_schema SET version = $1", [PG_MIGRATIONS.length]);
    });
  }

  /** One transaction on one connection; a connection that broke is destroyed, not returned to the pool. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      if (isConnectionError(e)) broken = e as Error;
      else await client.query("ROLLBACK").catch((r: Error) => (broken = r));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  /** Runs `work` again, after a growing pause, while it fails for a reason that a retry can cure. */
  async #retry<T>(work: () => Promise<T>): Promise<T> {
    const until = Date.now() + RETRY_FOR_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        if (!isRetryable(e) || Date.now() > until) throw e;
        await sleep(Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }

  /** One query, retried over a dropped connection (reads and idempotent writes only). */
  async #query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.#retry(async () => (await this.pool.query<R>(sql, params)).rows);
  }

  async has(source: SourceDoc): Promise<boolean> {
    const rows = await this.#query<{ hash: string }>("SELECT hash FROM documents WHERE doc_id = $1", [source.id]);
    return rows[0]?.hash === contentHash(source.text);
  }

  async addDocument(doc: Doc, records: ClaimRecord[]): Promise<StoreAction> {
    return this.#write(doc, "analysed", undefined, async (client, rowId) => {
      await client.query(`INSERT INTO sentences (doc, idx, start, "end") SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[])`, [
        rowId,
        doc.sentences.map((s) => s.index),
        doc.sentences.map((s) => s.start),
        doc.sentences.map((s) => s.end),
      ]);
      if (!records.length) return;
      const claimIds = await this.#insertClaims(client, rowId, records);
      const types = new Map((doc.layers.entities ?? []).map((e) => [e.canonical, e.type]));
      // entities upserted in name order, so two writers sharing names lock them in the same order
      const names = [...new Set(records.flatMap((r) => r.entities))].sort();
      if (names.length) {
        const { rows } = await client.query<{ id: number; name: string }>(
          `INSERT INTO entities (name, type) SELECT * FROM unnest($1::text[], $2::text[])
           ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, name`,
          [names, names.map((n) => types.get(n) ?? "organization")],
        );
        const entityId = new Map(rows.map((r) => [r.name, r.id]));
        const pairs = records.flatMap((r, i) => [...new Set(r.entities)].map((n) => [entityId.get(n)!, claimIds[i]]));
        await client.query("INSERT INTO mentions (entity, claim) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING", [
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        ]);
      }
      const sources = [...new Set(records.flatMap((r) => (r.source ? [r.source] : [])))].sort();
      if (sources.length) await client.query("INSERT INTO sources (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [sources]);
      const quantities = records.flatMap((r, i) => r.quantities.map((q) => ({ claim: claimIds[i], ...q })));
      if (quantities.length)
        await client.query("INSERT INTO quantities (claim, min, max, of, kind) SELECT * FROM unnest($1::bigint[], $2::float8[], $3::float8[], $4::text[], $5::text[])", [
          quantities.map((q) => q.claim),
          quantities.map((q) => q.min),
          quantities.map((q) => q.max),
          quantities.map((q) => q.of),
          quantities.map((q) => q.kind),
        ]);
    });
  }

  /** Inserts a document's claims in one statement; their ids in the order of `records`. */
  async #insertClaims(client: pg.PoolClient, docRow: number, records: ClaimRecord[]): Promise<number[]> {
    const { rows } = await client.query<{ id: number; idx: number }>(
      `INSERT INTO claims (doc, idx, kind, source, cue, certainty, checkworthy, record, search)
       SELECT $1, u.idx, u.kind, u.source, u.cue, u.certainty, u.checkworthy, u.record,
              to_tsvector('english', u.sentence || ' ' || coalesce(u.source, ''))
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[])
         AS u(idx, kind, source, cue, certainty, checkworthy, record, sentence)
       RETURNING id, idx`,
      [
        docRow,
        records.map((r) => r.index),
        records.map((r) => r.kind),
        records.map((r) => r.source),
        records.map((r) => r.cue),
        records.map((r) => r.certainty),
        records.map((r) => r.checkworthy),
        records.map((r) => JSON.stringify(r)),
        records.map((r) => r.sentence),
      ],
    );
    const idOf = new Map(rows.map((r) => [r.idx, r.id]));
    return records.map((r) => idOf.get(r.index)!);
  }

  async addSkipped(source: SourceDoc, reason: string): Promise<StoreAction> {
    return this.#write(source, "skipped", reason, async () => {});
  }

  #write(
    source: SourceDoc,
    status: "analysed" | "skipped",
    reason: string | undefined,
    fill: (client: pg.PoolClient, rowId: number) => Promise<void>,
  ): Promise<StoreAction> {
    const hash = contentHash(source.text);
    return this.#retry(() =>
      this.#transaction(async (client): Promise<StoreAction> => {
        const old = (await client.query<{ id: number; hash: string }>("SELECT id, hash FROM documents WHERE doc_id = $1 FOR UPDATE", [source.id])).rows[0];
        if (old?.hash === hash) return "unchanged";
        if (old) {
          // a linked document's claims leave their propositions and the sources' tallies
          const { rowCount } = await client.query(
            `INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT proposition, true FROM claims WHERE doc = $1 AND proposition IS NOT NULL ${REBUILD}`,
            [old.id],
          );
          const linked = (await client.query("SELECT 1 FROM claims WHERE doc = $1 AND proposition IS NOT NULL LIMIT 1", [old.id])).rowCount;
          if (rowCount || linked) await client.query("INSERT INTO summary_flags (flag) VALUES ('sources') ON CONFLICT DO NOTHING");
          await client.query("DELETE FROM documents WHERE id = $1", [old.id]);
        }
        const duplicate = (await client.query<{ doc_id: string }>("SELECT doc_id FROM documents WHERE hash = $1 AND doc_id <> $2 ORDER BY id LIMIT 1", [hash, source.id])).rows[0];
        const m = source.meta;
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO documents (doc_id, hash, title, outlet, author, date, url, origin, language, status, reason, duplicate_of, text, added_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
          [
            source.id, hash, m.title ?? null, m.outlet ?? null, m.author ?? null, m.date ?? null, m.url ?? null, m.origin ?? null,
            m.language ?? null, status, reason ?? null, duplicate?.doc_id ?? null, source.text, new Date().toISOString(),
          ],
        );
        await fill(client, rows[0].id);
        return old ? "updated" : "added";
      }),
    );
  }

  async documents(ids?: string[]): Promise<StoredDocument[]> {
    const rows = await this.#query(
      `SELECT d.doc_id, d.hash, d.status, d.title, d.outlet, d.author, d.date, d.url, d.origin, d.language, d.reason, d.duplicate_of,
         (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims
       FROM documents d ${ids ? "WHERE d.doc_id = ANY($1)" : ""} ORDER BY coalesce(d.date, ''), d.doc_id`,
      ids ? [ids] : [],
    );
    return rows.map(documentFromRow);
  }

  async documentText(docId: string): Promise<string | undefined> {
    return (await this.#query<{ text: string }>("SELECT text FROM documents WHERE doc_id = $1", [docId]))[0]?.text;
  }

  async claims(filter: ClaimFilter = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (filter.doc) where.push(`d.doc_id = ${param(filter.doc)}`);
    // the few stored names containing the text (ILIKE: SQLite's LIKE ignores case too), then their claims by index
    if (filter.source) where.push(`c.source = ANY(${param(await this.#sourcesLike(filter.source))})`);
    if (filter.certainty) where.push(`c.certainty = ${param(filter.certainty)}`);
    if (filter.kind) where.push(`c.kind = ${param(filter.kind)}`);
    if (filter.entity) where.push(`c.id IN (SELECT m.claim FROM mentions m JOIN entities e ON e.id = m.entity WHERE e.name ILIKE ${param(filter.entity)})`);
    if (filter.search) {
      checkSearch(filter.search);
      where.push(`c.search @@ websearch_to_tsquery('english', ${param(filter.search)})`);
    }
    const rows = await this.#query<{ id: number; record: string; outlet: string | null; title: string | null }>(
      `SELECT c.id, c.record, d.outlet, d.title FROM claims c JOIN documents d ON d.id = c.doc
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY coalesce(d.date, ''), d.doc_id, c.idx
       ${filter.limit ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : ""}`,
      params,
    );
    return rows.map(storedClaimFromRow);
  }

  async #sourcesLike(part: string): Promise<string[]> {
    const pattern = `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (await this.#query<{ name: string }>("SELECT name FROM sources WHERE name ILIKE $1", [pattern])).map((r) => r.name);
  }

  // ── linking state ──

  async unlinkedDocuments(): Promise<{ id: string; outlet?: string; date?: string }[]> {
    const rows = await this.#query<{ doc_id: string; outlet: string | null; date: string | null }>(
      "SELECT doc_id, outlet, date FROM documents WHERE status = 'analysed' AND minhash IS NULL ORDER BY coalesce(date, ''), id",
    );
    return rows.map((r) => ({ id: r.doc_id, ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.date ? { date: r.date } : {}) }));
  }

  async linkedSince(seq: number): Promise<LinkedState> {
    const documents = await this.#query<LinkedRows["documents"][number]>(
      "SELECT doc_id, minhash, outlet, wire, echo_of, link_seq FROM documents WHERE link_seq > $1 ORDER BY link_seq",
      [seq],
    );
    const claims = await this.#query<LinkedRows["claims"][number]>(
      "SELECT c.terms, c.proposition FROM documents d JOIN claims c ON c.doc = d.id WHERE d.link_seq > $1 AND c.proposition IS NOT NULL ORDER BY d.link_seq, c.idx",
      [seq],
    );
    const registry = await this.#query<LinkedRows["registry"][number]>("SELECT key, name, at FROM name_registry WHERE seq > $1 ORDER BY seq", [seq]);
    const resolved = await this.#query<LinkedRows["resolved"][number]>("SELECT name, canonical FROM source_names WHERE seq > $1 ORDER BY seq", [seq]);
    return linkedStateFromRows({ documents, claims, registry, resolved }, seq);
  }

  async setEchoOf(docId: string, echoOf: string | undefined): Promise<void> {
    // its claims' origins and the wire it cites change: their propositions and the tallies are made again
    await this.#retry(() =>
      this.#transaction(async (client) => {
        await client.query("UPDATE documents SET echo_of = $1 WHERE doc_id = $2", [echoOf ?? null, docId]);
        await client.query(
          `INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT c.proposition, true FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = $1 AND c.proposition IS NOT NULL ${REBUILD}`,
          [docId],
        );
        await client.query("INSERT INTO summary_flags (flag) VALUES ('sources') ON CONFLICT DO NOTHING");
      }),
    );
  }

  async claimsToLink(docId: string): Promise<{ id: number; record: ClaimRecord }[]> {
    const rows = await this.#query<{ id: number; record: string }>(
      "SELECT c.id, c.record FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = $1 AND c.kind = 'claim' ORDER BY c.idx",
      [docId],
    );
    return rows.map((r) => ({ id: r.id, record: JSON.parse(r.record) as ClaimRecord }));
  }

  async saveLinks(docId: string, link: DocumentLink, claims: LinkedClaim[], names?: NameChanges): Promise<number> {
    const signature = Buffer.from(link.minhash.buffer, link.minhash.byteOffset, link.minhash.byteLength);
    return this.#retry(() =>
      this.#transaction(async (client) => {
        // the next link number: linkers hold the link lock, so no two take the same one
        const { rows } = await client.query<{ link_seq: number }>(
          `UPDATE documents SET minhash = $1, echo_of = $2, wire = $3, link_seq = (SELECT coalesce(max(link_seq), 0) + 1 FROM documents)
           WHERE doc_id = $4 RETURNING link_seq`,
          [signature, link.echoOf ?? null, link.wire ?? null, docId],
        );
        const seq = rows[0]?.link_seq ?? 0;
        if (claims.length) {
          await client.query(
            `UPDATE claims SET terms = u.terms, proposition = u.proposition, names = u.names, tallied = false, folded = false
             FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[]) AS u(id, terms, proposition, names) WHERE claims.id = u.id`,
            [claims.map((c) => c.id), claims.map((c) => JSON.stringify(c.terms)), claims.map((c) => c.proposition), claims.map((c) => (c.names ? JSON.stringify(c.names) : null))],
          );
          // they take in their new members (one to be made again stays so)
          await client.query("INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT unnest($1::int[]), false ON CONFLICT DO NOTHING", [claims.map((c) => c.proposition)]);
          await this.#saveClaimNames(client, claims.map((c) => ({ id: c.id, names: c.names ?? [] })));
        }
        if (names) await this.#saveNames(client, names, seq);
        return seq;
      }),
    );
  }

  async #saveClaimNames(client: pg.PoolClient, claims: { id: number; names: (string | null)[] }[]): Promise<void> {
    const pairs = claims.flatMap((c) => [...new Set(c.names)].flatMap((n) => (n ? [[n, c.id] as const] : [])));
    if (pairs.length)
      await client.query("INSERT INTO claim_names (name, claim) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING", [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  }

  async #saveNames(client: pg.PoolClient, names: NameChanges, seq: number): Promise<void> {
    if (names.registry.length)
      await client.query(
        `INSERT INTO name_registry (key, name, at, seq) SELECT *, $4::bigint FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, at = excluded.at, seq = excluded.seq`,
        [names.registry.map((r) => r.key), names.registry.map((r) => r.name), names.registry.map((r) => r.at), seq],
      );
    if (names.resolved.length)
      await client.query(
        `INSERT INTO source_names (name, canonical, seq) SELECT *, $3::bigint FROM unnest($1::text[], $2::text[])
         ON CONFLICT (name) DO UPDATE SET canonical = excluded.canonical, seq = excluded.seq`,
        [names.resolved.map((r) => r.name), names.resolved.map((r) => r.canonical), seq],
      );
    if (names.renamed.length) {
      await client.query(
        `INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT c.proposition, true FROM claim_names n JOIN claims c ON c.id = n.claim
         WHERE n.name = ANY($1::text[]) AND c.proposition IS NOT NULL ${REBUILD}`,
        [names.renamed],
      );
      // a claim that goes by another name moves between sources' tallies, which cannot take a claim away
      await client.query("INSERT INTO summary_flags (flag) VALUES ('sources') ON CONFLICT DO NOTHING");
    }
  }

  // ── summaries ──

  async summaryWork(): Promise<SummaryWork> {
    const flags = (await this.#query<{ flag: string }>("SELECT flag FROM summary_flags ORDER BY flag")).map((r) => r.flag);
    const [counts] = await this.#query<{ stale: number; untallied: number }>(
      "SELECT (SELECT count(*) FROM stale_propositions) AS stale, (SELECT count(*) FROM claims WHERE proposition IS NOT NULL AND NOT tallied) AS untallied",
    );
    return { flags, stale: Number(counts.stale), untallied: Number(counts.untallied) };
  }

  async linkedPage(after: DocumentCursor | undefined, documents: number): Promise<{ rows: MemberRecord[]; dates?: Map<string, string>; next?: DocumentCursor }> {
    const docs = await this.#query<{ id: number; date: string; doc_id: string }>(
      `SELECT id, coalesce(date, '') AS date, doc_id FROM documents WHERE link_seq IS NOT NULL AND (coalesce(date, ''), doc_id) > ($1, $2)
       ORDER BY coalesce(date, ''), doc_id LIMIT $3`,
      [after?.date ?? "", after?.doc ?? "", documents],
    );
    if (!docs.length) return { rows: [] };
    const rows = await this.#query(
      `SELECT ${LINKED_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
       WHERE c.doc = ANY($1::bigint[]) AND c.proposition IS NOT NULL ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      [docs.map((d) => d.id)],
    );
    const last = docs[docs.length - 1];
    return { rows: rows.map(memberFromRow), dates: new Map(docs.map((d) => [d.doc_id, d.date])), next: { date: last.date, doc: last.doc_id } };
  }

  async saveClaimNames(claims: { id: number; names: (string | null)[] }[], names: NameChanges): Promise<void> {
    await this.#retry(() =>
      this.#transaction(async (client) => {
        if (claims.length)
          await client.query("UPDATE claims SET names = u.names FROM unnest($1::bigint[], $2::text[]) AS u(id, names) WHERE claims.id = u.id", [
            claims.map((c) => c.id),
            claims.map((c) => JSON.stringify(c.names)),
          ]);
        await this.#saveClaimNames(client, claims);
        const { rows } = await client.query<{ seq: number }>("SELECT coalesce(max(link_seq), 0) AS seq FROM documents");
        await this.#saveNames(client, names, rows[0].seq);
      }),
    );
  }

  async clearFlag(flag: string): Promise<void> {
    await this.#query("DELETE FROM summary_flags WHERE flag = $1", [flag]);
  }

  async resolvedNames(): Promise<ResolvedName[]> {
    return this.#query<ResolvedName>("SELECT name, canonical FROM source_names");
  }

  async stalePropositions(limit: number): Promise<StaleProposition[]> {
    return (await this.#query<{ id: number; fold: string | null }>(stalePropositionsSql("$1"), [limit])).map(staleFromRow);
  }

  async membersOf(ids: number[], which: "all" | "unfolded" = "all"): Promise<Map<number, MemberRecord[]>> {
    if (!ids.length) return new Map();
    const rows = await this.#query(
      `SELECT ${LINKED_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
       WHERE c.proposition = ANY($1::int[]) ${which === "unfolded" ? "AND NOT c.folded" : ""} ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      [ids],
    );
    return groupMembers(rows.map(memberFromRow));
  }

  async saveSummaries(rows: PropositionRow[], gone: number[]): Promise<void> {
    await this.#retry(() =>
      this.#transaction(async (client) => {
        if (rows.length)
          await client.query(
            `INSERT INTO proposition_summaries (id, independent, claims, status, series, summary, fold)
             SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::boolean[], $6::text[], $7::text[])
             ON CONFLICT (id) DO UPDATE SET independent = excluded.independent, claims = excluded.claims, status = excluded.status, series = excluded.series, summary = excluded.summary, fold = excluded.fold`,
            [rows.map((r) => r.id), rows.map((r) => r.independent), rows.map((r) => r.claims), rows.map((r) => r.status), rows.map((r) => r.series), rows.map((r) => r.summary), rows.map((r) => r.fold)],
          );
        const members = rows.flatMap((r) => r.members);
        if (members.length)
          await client.query("UPDATE claims SET origin = u.origin, stance = u.stance, folded = true FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, origin, stance) WHERE claims.id = u.id", [
            members.map((m) => m.claim),
            members.map((m) => m.origin),
            members.map((m) => m.stance),
          ]);
        if (gone.length) await client.query("DELETE FROM proposition_summaries WHERE id = ANY($1::int[])", [gone]);
        await client.query("DELETE FROM stale_propositions WHERE id = ANY($1::int[])", [[...rows.map((r) => r.id), ...gone]]);
      }),
    );
  }

  async untallied(limit: number): Promise<TallyRow[]> {
    const rows = await this.#query(
      `SELECT ${tallyColumns("c.record::json->>'date'")} FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
       WHERE c.proposition IS NOT NULL AND NOT c.tallied ORDER BY c.id LIMIT $1`,
      [limit],
    );
    return rows.map(tallyRowFromRow);
  }

  async sourceRows(keys?: string[]): Promise<SourceRow[]> {
    if (!keys) return this.#query<SourceRow>("SELECT key, name, claims, state FROM source_summaries");
    return this.#query<SourceRow>("SELECT key, name, claims, state FROM source_summaries WHERE key = ANY($1::text[])", [keys]);
  }

  async sourceDocuments(keys?: string[]): Promise<Map<string, string[]>> {
    // one string a source, as in SQLite
    const list = "SELECT key, string_agg(date || chr(31) || doc, chr(30) ORDER BY date, doc) AS list FROM source_documents";
    const rows = keys ? await this.#query<{ key: string; list: string }>(`${list} WHERE key = ANY($1::text[]) GROUP BY key`, [keys]) : await this.#query<{ key: string; list: string }>(`${list} GROUP BY key`);
    return new Map(rows.map((r) => [r.key, r.list.split("\u001e")]));
  }

  async sourceIndex(): Promise<{ key: string; name: string; claims: number }[]> {
    return this.#query("SELECT key, name, claims FROM source_summaries");
  }

  async saveTallies(rows: SourceRow[], claims: number[], documents: SourceDocumentRow[]): Promise<void> {
    await this.#retry(() =>
      this.#transaction(async (client) => {
        if (rows.length)
          await client.query(
            `INSERT INTO source_summaries (key, name, claims, state) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])
             ON CONFLICT (key) DO UPDATE SET name = excluded.name, claims = excluded.claims, state = excluded.state`,
            [rows.map((r) => r.key), rows.map((r) => r.name), rows.map((r) => r.claims), rows.map((r) => r.state)],
          );
        if (documents.length)
          await client.query("INSERT INTO source_documents (key, date, doc) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING", [
            documents.map((d) => d.key),
            documents.map((d) => d.date),
            documents.map((d) => d.doc),
          ]);
        if (claims.length) await client.query("UPDATE claims SET tallied = true WHERE id = ANY($1::bigint[])", [claims]);
      }),
    );
  }

  async resetSummaries(what: "sources" | "all"): Promise<void> {
    await this.#retry(() =>
      this.#transaction(async (client) => {
        await client.query("DELETE FROM source_summaries");
        await client.query("DELETE FROM source_documents");
        await client.query("UPDATE claims SET tallied = false WHERE tallied");
        await client.query("DELETE FROM summary_flags WHERE flag = 'sources'");
        if (what === "all") {
          for (const table of ["name_registry", "source_names", "claim_names"]) await client.query(`DELETE FROM ${table}`);
          await client.query("UPDATE claims SET names = NULL WHERE names IS NOT NULL");
          await client.query(`INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT proposition, true FROM claims WHERE proposition IS NOT NULL ${REBUILD}`);
          await client.query("INSERT INTO summary_flags (flag) VALUES ('names') ON CONFLICT DO NOTHING");
        }
      }),
    );
  }

  async propositionPage(query: PropositionQuery): Promise<{ total: number; rows: { id: number; summary: string }[] }> {
    const params: unknown[] = [query.minClaims ?? 1];
    const where = `p.claims >= $1${query.status ? ` AND p.status = $${params.push(query.status)}` : ""}`;
    const [{ n }] = await this.#query<{ n: number }>(`SELECT count(*) AS n FROM proposition_summaries p WHERE ${where}`, params);
    const limit = query.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
    const rows = await this.#query<{ id: number; summary: string }>(
      `SELECT p.id, p.summary FROM proposition_summaries p WHERE ${where} ORDER BY ${PROPOSITION_ORDER}${limit} OFFSET ${Math.max(0, Math.floor(query.offset ?? 0))}`,
      params,
    );
    return { total: Number(n), rows };
  }

  async seriesSummaries(): Promise<{ id: number; summary: string }[]> {
    return this.#query(`SELECT p.id, p.summary FROM proposition_summaries p WHERE p.series ORDER BY ${PROPOSITION_ORDER}`);
  }

  async timelinePage(offset: number, limit: number): Promise<{ total: number; rows: TimelineRow[] }> {
    const from = "FROM claims c JOIN documents d ON d.id = c.doc JOIN proposition_summaries p ON p.id = c.proposition";
    const [{ n }] = await this.#query<{ n: number }>(`SELECT count(*) AS n ${from}`);
    const rows = await this.#query(
      `SELECT c.record, c.proposition, d.outlet, c.origin, c.stance ${from} ORDER BY coalesce(c.record::json->>'date', '') COLLATE "C", d.doc_id, ${PROPOSITION_ORDER}, c.idx
       LIMIT ${limit < 0 ? "ALL" : Math.floor(limit)} OFFSET $1`,
      [offset],
    );
    return { total: Number(n), rows: rows.map(timelineRowFromRow) };
  }

  async linkedRecords(): Promise<LinkedRecord[]> {
    const rows = await this.#query(
      `SELECT c.record, c.proposition, d.outlet, d.wire, d.echo_of, e.wire AS echo_wire, e.outlet AS echo_outlet
       FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
       WHERE c.proposition IS NOT NULL ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
    );
    return rows.map(linkedRecordFromRow);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    // this process's linkers queue here rather than each holding a connection while it waits
    return this.#exclusiveTurns.run(async () => (await this.#locked(work, true))!.value);
  }

  tryExclusive<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    return this.#exclusiveTurns.run(() => this.#locked(work, false));
  }

  async #locked<T>(work: () => Promise<T>, wait: boolean): Promise<{ value: T } | undefined> {
    // a session-level advisory lock on a connection of its own: every linker on every machine waits
    // here (or, not waiting, goes on when another holds it), and the lock goes with the connection if
    // this process dies mid-link
    const client = await this.#retry(() => this.pool.connect());
    let broken: Error | undefined;
    try {
      if (wait) await client.query("SELECT pg_advisory_lock($1)", [LINK_LOCK]);
      else if (!(await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LINK_LOCK])).rows[0].locked) return undefined;
      try {
        return { value: await work() };
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LINK_LOCK]).catch((e: Error) => (broken = e));
      }
    } catch (e) {
      if (isConnectionError(e)) broken = e as Error;
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async changeStamp(): Promise<string> {
    // the snapshot moves with every transaction that writes, anywhere on the server: a cache keyed on
    // it is never stale, at worst rebuilt once too often
    return (await this.#query<{ s: string }>("SELECT pg_current_snapshot()::text AS s"))[0].s;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
