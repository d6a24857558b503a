import Database from "better-sqlite3";
import type { Doc, SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";
import { TriangulateError } from "../errors.ts";
import { MIGRATIONS } from "./schema.ts";
import { Turns } from "./turns.ts";
import { documentFromRow, linkedRecordFromRow, linkedStateFromRows, storedClaimFromRow, type LinkedRows } from "./rows.ts";
import {
  contentHash,
  type ClaimFilter,
  type DocumentLink,
  type LinkedRecord,
  type LinkedState,
  type Store,
  type StoreAction,
  type StoredClaim,
  type StoredDocument,
} from "./types.ts";

export type { ClaimFilter, Store, StoreAction, StoredClaim, StoredDocument } from "./types.ts";
export { contentHash, resolveDbPath } from "./types.ts";

/** How long one statement waits for another process's write lock before SQLite gives up. */
const BUSY_TIMEOUT_MS = 10_000;
/** How long a whole transaction is retried for when it still meets a lock (another writer's long write). */
const RETRY_FOR_MS = 120_000;

/** Matches at or below which a filtered claim list is found by index and sorted, not walked in order. */
const PROBE = 2000;

const isBusy = (e: unknown): boolean => /^SQLITE_BUSY|^SQLITE_LOCKED/.test(String((e as { code?: unknown }).code ?? ""));

const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` (one whole transaction), again after a short random pause when another process holds
 * the lock past the busy timeout, so that concurrent writers wait for each other and no document is
 * lost to "database is locked".
 */
function retryBusy<T>(work: () => T): T {
  const until = Date.now() + RETRY_FOR_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (e) {
      if (!isBusy(e) || Date.now() > until) throw e;
      pause(Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/**
 * The embedded store: one SQLite file, WAL, statements prepared once, one transaction per document so
 * a crash loses at most the document in flight.
 */
export class SqliteStore implements Store {
  readonly engine = "sqlite";
  readonly path: string;
  readonly db: Database.Database;
  #stmt;
  /** `exclusive` calls of this process, one after another (the write lock is per connection, not per call). */
  #exclusiveTurns = new Turns();

  constructor(path: string) {
    this.path = path;
    try {
      this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    } catch (e) {
      throw new TriangulateError("STORE", `cannot open database ${path}: ${(e as Error).message}`, "check the path and its permissions");
    }
    retryBusy(() => this.db.pragma("journal_mode = WAL"));
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("synchronous = NORMAL");
    retryBusy(() => this.#migrate());
    this.#stmt = this.#prepare();
  }

  #migrate(): void {
    const version = () => this.db.pragma("user_version", { simple: true }) as number;
    if (version() > MIGRATIONS.length)
      throw new TriangulateError("STORE", `${this.path} has schema version ${version()}, newer than this program knows (${MIGRATIONS.length})`, "upgrade triangulate");
    if (version() === MIGRATIONS.length) return;
    // under the write lock, reading the version again: another process may have migrated meanwhile
    this.db
      .transaction(() => {
        for (let v = version(); v < MIGRATIONS.length; v++) {
          this.db.exec(MIGRATIONS[v]);
          this.db.pragma(`user_version = ${v + 1}`);
        }
      })
      .immediate();
  }

  #prepare() {
    const db = this.db;
    return {
      byDocId: db.prepare<[string], { id: number; hash: string }>("SELECT id, hash FROM documents WHERE doc_id = ?"),
      byHash: db.prepare<[string, string], { doc_id: string }>("SELECT doc_id FROM documents WHERE hash = ? AND doc_id <> ? ORDER BY id LIMIT 1"),
      deleteDoc: db.prepare<[number]>("DELETE FROM documents WHERE id = ?"),
      deleteFts: db.prepare<[number]>("DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE doc = ?)"),
      insertDoc: db.prepare(
        `INSERT INTO documents (doc_id, hash, title, outlet, author, date, url, origin, language, status, reason, duplicate_of, text, added_at)
         VALUES (@doc_id, @hash, @title, @outlet, @author, @date, @url, @origin, @language, @status, @reason, @duplicate_of, @text, @added_at)`,
      ),
      insertSentence: db.prepare("INSERT INTO sentences (doc, idx, start, end) VALUES (?, ?, ?, ?)"),
      insertClaim: db.prepare(
        "INSERT INTO claims (doc, idx, kind, source, cue, certainty, checkworthy, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      insertFts: db.prepare("INSERT INTO claims_fts (rowid, sentence, source) VALUES (?, ?, ?)"),
      entitiesLike: db.prepare<[string], { id: number }>("SELECT id FROM entities WHERE name LIKE ?"),
      insertSource: db.prepare("INSERT OR IGNORE INTO sources (name) VALUES (?)"),
      sourcesLike: db.prepare<[string], { name: string }>("SELECT name FROM sources WHERE name LIKE ? ESCAPE '\\'"),
      upsertEntity: db.prepare<[string, string], { id: number }>(
        "INSERT INTO entities (name, type) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id",
      ),
      insertMention: db.prepare("INSERT OR IGNORE INTO mentions (entity, claim) VALUES (?, ?)"),
      insertQuantity: db.prepare("INSERT INTO quantities (claim, min, max, of, kind) VALUES (?, ?, ?, ?, ?)"),
      // linking reads and writes these once per document
      documentText: db.prepare<[string], { text: string }>("SELECT text FROM documents WHERE doc_id = ?"),
      claimsToLink: db.prepare<[string], { id: number; record: string }>(
        "SELECT c.id, c.record FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = ? AND c.kind = 'claim' ORDER BY c.idx",
      ),
      setDocumentLinks: db.prepare<[Buffer, string | null, string | null, string], { link_seq: number }>(
        "UPDATE documents SET minhash = ?, echo_of = ?, wire = ?, link_seq = (SELECT coalesce(max(link_seq), 0) + 1 FROM documents) WHERE doc_id = ? RETURNING link_seq",
      ),
      setEchoOf: db.prepare("UPDATE documents SET echo_of = ? WHERE doc_id = ?"),
      setClaimLink: db.prepare("UPDATE claims SET terms = ?, proposition = ? WHERE id = ?"),
    };
  }

  async has(source: SourceDoc): Promise<boolean> {
    return this.#stmt.byDocId.get(source.id)?.hash === contentHash(source.text);
  }

  async addDocument(doc: Doc, records: ClaimRecord[]): Promise<StoreAction> {
    return this.#write(doc, "analysed", undefined, (rowId) => {
      for (const s of doc.sentences) this.#stmt.insertSentence.run(rowId, s.index, s.start, s.end);
      const types = new Map((doc.layers.entities ?? []).map((e) => [e.canonical, e.type]));
      for (const r of records) this.#insertClaim(rowId, r, types);
    });
  }

  async addSkipped(source: SourceDoc, reason: string): Promise<StoreAction> {
    return this.#write(source, "skipped", reason, () => {});
  }

  #write(source: SourceDoc, status: "analysed" | "skipped", reason: string | undefined, fill: (rowId: number) => void): StoreAction {
    const hash = contentHash(source.text);
    // IMMEDIATE: the write lock is taken before the first read, so a reader never has to upgrade to a
    // writer (which SQLite refuses at once, without waiting, when another process wrote meanwhile)
    const run = this.db.transaction((): StoreAction => {
      const old = this.#stmt.byDocId.get(source.id);
      if (old?.hash === hash) return "unchanged";
      if (old) {
        this.#stmt.deleteFts.run(old.id);
        this.#stmt.deleteDoc.run(old.id);
      }
      const m = source.meta;
      const info = this.#stmt.insertDoc.run({
        doc_id: source.id,
        hash,
        title: m.title ?? null,
        outlet: m.outlet ?? null,
        author: m.author ?? null,
        date: m.date ?? null,
        url: m.url ?? null,
        origin: m.origin ?? null,
        language: m.language ?? null,
        status,
        reason: reason ?? null,
        duplicate_of: this.#stmt.byHash.get(hash, source.id)?.doc_id ?? null,
        text: source.text,
        added_at: new Date().toISOString(),
      });
      fill(Number(info.lastInsertRowid));
      return old ? "updated" : "added";
    });
    return retryBusy(() => run.immediate());
  }

  #insertClaim(docRow: number, r: ClaimRecord, types: Map<string, string>): void {
    const claimId = Number(
      this.#stmt.insertClaim.run(docRow, r.index, r.kind, r.source, r.cue, r.certainty, r.checkworthy, JSON.stringify(r)).lastInsertRowid,
    );
    this.#stmt.insertFts.run(claimId, r.sentence, r.source ?? "");
    if (r.source) this.#stmt.insertSource.run(r.source);
    for (const name of r.entities) {
      const entity = this.#stmt.upsertEntity.get(name, types.get(name) ?? "organization");
      if (entity) this.#stmt.insertMention.run(entity.id, claimId);
    }
    for (const q of r.quantities) this.#stmt.insertQuantity.run(claimId, q.min, q.max, q.of, q.kind);
  }

  async documents(ids?: string[]): Promise<StoredDocument[]> {
    const only = ids ? `WHERE d.doc_id IN (SELECT value FROM json_each(?))` : "";
    const rows = this.db
      .prepare(
        `SELECT d.doc_id, d.hash, d.status, d.title, d.outlet, d.author, d.date, d.url, d.origin, d.language, d.reason, d.duplicate_of,
           (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims
         FROM documents d ${only} ORDER BY coalesce(d.date, ''), d.doc_id`,
      )
      .all(...(ids ? [JSON.stringify(ids)] : [])) as Record<string, unknown>[];
    return rows.map(documentFromRow);
  }

  async documentText(docId: string): Promise<string | undefined> {
    return this.#stmt.documentText.get(docId)?.text;
  }

  async claims(filter: ClaimFilter = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.doc) (where.push("d.doc_id = @doc"), (params.doc = filter.doc));
    if (filter.source) (where.push("c.source IN (SELECT value FROM json_each(@sources))"), (params.sources = this.#sourcesLike(filter.source)));
    if (filter.certainty) (where.push("c.certainty = @certainty"), (params.certainty = filter.certainty));
    if (filter.kind) (where.push("c.kind = @kind"), (params.kind = filter.kind));
    if (filter.entity) {
      // the entities' ids first (a short table), then their mentions by the (entity, claim) key
      where.push("c.id IN (SELECT m.claim FROM mentions m WHERE m.entity IN (SELECT value FROM json_each(@entities)))");
      params.entities = JSON.stringify(this.#stmt.entitiesLike.all(filter.entity).map((r) => r.id));
    }
    if (filter.search) {
      where.push("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @search)");
      params.search = filter.search;
    }
    const limit = filter.limit ? Math.max(0, Math.floor(filter.limit)) : undefined;
    const conditions = where.length ? `WHERE ${where.join(" AND ")}` : "";
    let rows: { id: number; record: string; outlet: string | null; title: string | null }[];
    try {
      // documents and claims joined in list order (CROSS JOIN fixes it) read the first matches and
      // stop: fast when matches are many. When they are few, that walk would read every claim, so
      // a probe through the filters' indexes says which: few matches are found by index and sorted.
      const walk = limit !== undefined && !filter.doc && this.#matchesMany(conditions, params, limit);
      const sql = `SELECT c.id, c.record, d.outlet, d.title FROM documents d ${walk ? "CROSS JOIN" : "JOIN"} claims c ON c.doc = d.id
        ${conditions} ORDER BY coalesce(d.date, ''), d.doc_id, c.idx ${limit !== undefined ? `LIMIT ${limit}` : ""}`;
      rows = this.db.prepare(sql).all(params) as typeof rows;
    } catch (e) {
      if (filter.search && (e as { code?: string }).code === "SQLITE_ERROR")
        throw new TriangulateError("BAD_OPTION", `--search "${filter.search}" is not a valid search: ${(e as Error).message}`, 'quote phrases, e.g. --search \'"troop numbers"\'');
      throw e;
    }
    return rows.map(storedClaimFromRow);
  }

  /** The stored source names containing `part`, case-insensitively (LIKE's wildcards taken literally), as JSON for json_each. */
  #sourcesLike(part: string): string {
    const pattern = `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return JSON.stringify(this.#stmt.sourcesLike.all(pattern).map((r) => r.name));
  }

  /** Whether more than PROBE claims match: then walking in list order finds `limit` of them soon. */
  #matchesMany(conditions: string, params: Record<string, unknown>, limit: number): boolean {
    const probe = Math.max(PROBE, limit);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM claims c ${conditions} LIMIT ${probe + 1})`;
    return (this.db.prepare(sql).get(params) as { n: number }).n > probe;
  }

  // ── linking state ──

  async unlinkedDocuments(): Promise<{ id: string; outlet?: string; date?: string }[]> {
    const rows = this.db
      .prepare("SELECT doc_id, outlet, date FROM documents WHERE status = 'analysed' AND minhash IS NULL ORDER BY coalesce(date, ''), id")
      .all() as { doc_id: string; outlet: string | null; date: string | null }[];
    return rows.map((r) => ({ id: r.doc_id, ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.date ? { date: r.date } : {}) }));
  }

  async linkedSince(seq: number): Promise<LinkedState> {
    const documents = this.db
      .prepare("SELECT doc_id, minhash, outlet, wire, echo_of, link_seq FROM documents WHERE link_seq > ? ORDER BY link_seq")
      .all(seq) as LinkedRows["documents"];
    const claims = this.db
      .prepare(
        "SELECT c.terms, c.proposition FROM documents d JOIN claims c ON c.doc = d.id WHERE d.link_seq > ? AND c.proposition IS NOT NULL ORDER BY d.link_seq, c.idx",
      )
      .all(seq) as LinkedRows["claims"];
    return linkedStateFromRows({ documents, claims }, seq);
  }

  async setEchoOf(docId: string, echoOf: string | undefined): Promise<void> {
    retryBusy(() => this.#stmt.setEchoOf.run(echoOf ?? null, docId));
  }

  async claimsToLink(docId: string): Promise<{ id: number; record: ClaimRecord }[]> {
    return this.#stmt.claimsToLink.all(docId).map((r) => ({ id: r.id, record: JSON.parse(r.record) as ClaimRecord }));
  }

  async saveLinks(docId: string, link: DocumentLink, claims: { id: number; terms: string[]; proposition: number }[]): Promise<number> {
    const save = this.db.transaction((): number => {
      const signature = Buffer.from(link.minhash.buffer, link.minhash.byteOffset, link.minhash.byteLength);
      const seq = this.#stmt.setDocumentLinks.get(signature, link.echoOf ?? null, link.wire ?? null, docId)?.link_seq ?? 0;
      for (const c of claims) this.#stmt.setClaimLink.run(JSON.stringify(c.terms), c.proposition, c.id);
      return seq;
    });
    return retryBusy(() => save.immediate());
  }

  async linkedRecords(): Promise<LinkedRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT c.record, c.proposition, d.outlet, d.wire, d.echo_of, e.wire AS echo_wire, e.outlet AS echo_outlet
         FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
         WHERE c.proposition IS NOT NULL ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      )
      .all() as Record<string, unknown>[];
    return rows.map(linkedRecordFromRow);
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#exclusiveTurns.run(async () => {
      // BEGIN IMMEDIATE takes the write lock (waiting the busy timeout, then retried); the writes inside
      // `work` run as savepoints of this transaction
      await this.#beginImmediate();
      try {
        const result = await work();
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    });
  }

  /**
   * BEGIN IMMEDIATE without blocking the thread while another connection holds the lock: the busy
   * timeout's wait would stop this process's event loop, and with it a holder in this same process.
   */
  async #beginImmediate(): Promise<void> {
    const until = Date.now() + RETRY_FOR_MS;
    this.db.pragma("busy_timeout = 0");
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          this.db.exec("BEGIN IMMEDIATE");
          return;
        } catch (e) {
          if (!isBusy(e) || Date.now() > until) throw e;
          await new Promise((done) => setTimeout(done, Math.min(500, 10 * 2 ** attempt) * (0.5 + Math.random())));
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  async changeStamp(): Promise<string> {
    // data_version moves when another connection commits; total_changes when this one writes
    return `${this.db.pragma("data_version", { simple: true })}:${(this.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n}`;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
