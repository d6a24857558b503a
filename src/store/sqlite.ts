import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { Doc, DocMeta, SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";
import { TriangulateError } from "../errors.ts";
import { MIGRATIONS } from "./schema.ts";

/** What happened to a document handed to the store. */
export type StoreAction = "added" | "updated" | "unchanged";

export interface StoredDocument extends DocMeta {
  id: string;
  hash: string;
  status: "analysed" | "skipped";
  reason?: string;
  /** Id of an earlier document with the very same text (a wire copy run verbatim). */
  duplicateOf?: string;
  claims: number;
}

export interface ClaimFilter {
  doc?: string;
  source?: string;
  entity?: string;
  certainty?: string;
  kind?: string;
  /** Full-text search over sentences and sources (FTS5 query syntax). */
  search?: string;
  limit?: number;
}

/** A stored claim: the claim record plus its row id and its document's metadata. */
export interface StoredClaim extends ClaimRecord {
  id: number;
  outlet?: string;
  title?: string;
}

export const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex");

const DEFAULT_PATH = "triangulate.db";

/** The database path: the flag, else TRIANGULATE_DB, else ./triangulate.db. */
export const resolveDbPath = (flag?: string): string => flag ?? process.env.TRIANGULATE_DB ?? DEFAULT_PATH;

/** How long one statement waits for another process's write lock before SQLite gives up. */
const BUSY_TIMEOUT_MS = 10_000;
/** How long a whole transaction is retried for when it still meets a lock (another writer's long write). */
const RETRY_FOR_MS = 120_000;

const isBusy = (e: unknown): boolean => /^SQLITE_BUSY|^SQLITE_LOCKED/.test(String((e as { code?: unknown }).code ?? ""));

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
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/**
 * The embedded store: one SQLite file, WAL, statements prepared once, one transaction per document so
 * a crash loses at most the document in flight.
 */
export class Store {
  readonly path: string;
  readonly db: Database.Database;
  #stmt;

  constructor(path: string = resolveDbPath()) {
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
    this.db.transaction(() => {
      for (let v = version(); v < MIGRATIONS.length; v++) {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      }
    }).immediate();
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
      setDocumentLinks: db.prepare("UPDATE documents SET minhash = ?, echo_of = ?, wire = ? WHERE doc_id = ?"),
      setEchoOf: db.prepare("UPDATE documents SET echo_of = ? WHERE doc_id = ?"),
      setClaimLink: db.prepare("UPDATE claims SET terms = ?, proposition = ? WHERE id = ?"),
    };
  }

  /** Whether this exact document (same id, same text) is stored already: analysing it again is wasted work. */
  has(source: SourceDoc): boolean {
    return this.#stmt.byDocId.get(source.id)?.hash === contentHash(source.text);
  }

  /** Stores an analysed document with its claim records, replacing an older text under the same id. */
  addDocument(doc: Doc, records: ClaimRecord[]): StoreAction {
    return this.#write(doc, "analysed", undefined, (rowId) => {
      for (const s of doc.sentences) this.#stmt.insertSentence.run(rowId, s.index, s.start, s.end);
      const types = new Map((doc.layers.entities ?? []).map((e) => [e.canonical, e.type]));
      for (const r of records) this.#insertClaim(rowId, r, types);
    });
  }

  /** Stores a document that was read but not analysed (not English, say), so it is reported and not lost. */
  addSkipped(source: SourceDoc, reason: string): StoreAction {
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
    for (const name of r.entities) {
      const entity = this.#stmt.upsertEntity.get(name, types.get(name) ?? "organization");
      if (entity) this.#stmt.insertMention.run(entity.id, claimId);
    }
    for (const q of r.quantities) this.#stmt.insertQuantity.run(claimId, q.min, q.max, q.of, q.kind);
  }

  documents(): StoredDocument[] {
    const rows = this.db
      .prepare(
        `SELECT d.*, (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims FROM documents d ORDER BY coalesce(d.date, ''), d.doc_id`,
      )
      .all() as Record<string, unknown>[];
    return rows.map((r) => {
      const out: StoredDocument = { id: String(r.doc_id), hash: String(r.hash), status: r.status as StoredDocument["status"], claims: Number(r.claims) };
      for (const [col, key] of [
        ["title", "title"], ["outlet", "outlet"], ["author", "author"], ["date", "date"], ["url", "url"],
        ["origin", "origin"], ["language", "language"], ["reason", "reason"], ["duplicate_of", "duplicateOf"],
      ] as const)
        if (r[col] != null) out[key] = String(r[col]);
      return out;
    });
  }

  /** The text of a stored document, for views that show a claim in its context. */
  documentText(docId: string): string | undefined {
    return this.#stmt.documentText.get(docId)?.text;
  }

  claims(filter: ClaimFilter = {}): StoredClaim[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.doc) (where.push("d.doc_id = @doc"), (params.doc = filter.doc));
    if (filter.source) (where.push("c.source LIKE @source"), (params.source = `%${filter.source}%`));
    if (filter.certainty) (where.push("c.certainty = @certainty"), (params.certainty = filter.certainty));
    if (filter.kind) (where.push("c.kind = @kind"), (params.kind = filter.kind));
    if (filter.entity) {
      where.push("c.id IN (SELECT m.claim FROM mentions m JOIN entities e ON e.id = m.entity WHERE e.name LIKE @entity)");
      params.entity = filter.entity;
    }
    if (filter.search) {
      where.push("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @search)");
      params.search = filter.search;
    }
    const sql = `SELECT c.id, c.record, d.outlet, d.title FROM claims c JOIN documents d ON d.id = c.doc
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY coalesce(d.date, ''), d.doc_id, c.idx
      ${filter.limit ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : ""}`;
    let rows: { id: number; record: string; outlet: string | null; title: string | null }[];
    try {
      rows = this.db.prepare(sql).all(params) as typeof rows;
    } catch (e) {
      if (filter.search && (e as { code?: string }).code === "SQLITE_ERROR")
        throw new TriangulateError("BAD_OPTION", `--search "${filter.search}" is not a valid search: ${(e as Error).message}`, 'quote phrases, e.g. --search \'"troop numbers"\'');
      throw e;
    }
    return rows.map((r) => ({
      ...(JSON.parse(r.record) as ClaimRecord),
      id: r.id,
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.title ? { title: r.title } : {}),
    }));
  }

  // ── linking state: what src/link reads and writes ──

  /** Analysed documents the linker has not seen yet, oldest first (their texts are read one at a time). */
  unlinkedDocuments(): { id: string; outlet?: string; date?: string }[] {
    const rows = this.db
      .prepare("SELECT doc_id, outlet, date FROM documents WHERE status = 'analysed' AND minhash IS NULL ORDER BY coalesce(date, ''), id")
      .all() as { doc_id: string; outlet: string | null; date: string | null }[];
    return rows.map((r) => ({ id: r.doc_id, ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.date ? { date: r.date } : {}) }));
  }

  /** Near-copy signatures of the documents linked so far, in the order they were linked, with their credits. */
  documentSignatures(): { id: string; minhash: Uint32Array; outlet?: string; wire?: string; echoOf?: string }[] {
    const rows = this.db.prepare("SELECT doc_id, minhash, outlet, wire, echo_of FROM documents WHERE minhash IS NOT NULL ORDER BY id").all() as {
      doc_id: string;
      minhash: Buffer;
      outlet: string | null;
      wire: string | null;
      echo_of: string | null;
    }[];
    return rows.map((r) => ({
      id: r.doc_id,
      minhash: new Uint32Array(r.minhash.buffer.slice(r.minhash.byteOffset, r.minhash.byteOffset + r.minhash.byteLength)),
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.wire ? { wire: r.wire } : {}),
      ...(r.echo_of ? { echoOf: r.echo_of } : {}),
    }));
  }

  /** Marks a linked document as a copy of another (or of none). */
  setEchoOf(docId: string, echoOf: string | undefined): void {
    this.#stmt.setEchoOf.run(echoOf ?? null, docId);
  }

  /** Claims already in a proposition, with the terms they were linked by, oldest first. */
  linkedTerms(): { terms: string[]; proposition: number }[] {
    const rows = this.db.prepare("SELECT terms, proposition FROM claims WHERE proposition IS NOT NULL ORDER BY id").all() as { terms: string; proposition: number }[];
    return rows.map((r) => ({ terms: JSON.parse(r.terms) as string[], proposition: r.proposition }));
  }

  /** The claims of one document that take part in linking. */
  claimsToLink(docId: string): { id: number; record: ClaimRecord }[] {
    return this.#stmt.claimsToLink.all(docId).map((r) => ({ id: r.id, record: JSON.parse(r.record) as ClaimRecord }));
  }

  /** Records how one document was linked: its signature, what it echoes, its claims' propositions. */
  saveLinks(docId: string, link: { minhash: Uint32Array; echoOf?: string; wire?: string }, claims: { id: number; terms: string[]; proposition: number }[]): void {
    this.db.transaction(() => {
      const signature = Buffer.from(link.minhash.buffer, link.minhash.byteOffset, link.minhash.byteLength);
      this.#stmt.setDocumentLinks.run(signature, link.echoOf ?? null, link.wire ?? null, docId);
      for (const c of claims) this.#stmt.setClaimLink.run(JSON.stringify(c.terms), c.proposition, c.id);
    })();
  }

  /** Every linked claim with its document's outlet, wire credit and echo, for the story views. */
  linkedRecords(): { record: ClaimRecord; proposition: number; outlet?: string; wire?: string; echoOf?: string }[] {
    const rows = this.db
      .prepare(
        `SELECT c.record, c.proposition, d.outlet, d.wire, d.echo_of, e.wire AS echo_wire, e.outlet AS echo_outlet
         FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
         WHERE c.proposition IS NOT NULL ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      )
      .all() as { record: string; proposition: number; outlet: string | null; wire: string | null; echo_of: string | null; echo_wire: string | null; echo_outlet: string | null }[];
    return rows.map((r) => {
      // a copy's own words come from whoever it copies: its credit, else the credit or outlet of the original
      const wire = r.wire ?? r.echo_wire ?? r.echo_outlet ?? undefined;
      return {
        record: JSON.parse(r.record) as ClaimRecord,
        proposition: r.proposition,
        ...(r.outlet ? { outlet: r.outlet } : {}),
        ...(wire ? { wire } : {}),
        ...(r.echo_of ? { echoOf: r.echo_of } : {}),
      };
    });
  }

  /**
   * Runs `work` holding the database's write lock, so that one process at a time links: linking reads
   * the linked state, then numbers new propositions after it, and two linkers interleaved would give
   * one number to two propositions. Retried as a whole when the lock stays taken.
   */
  exclusive<T>(work: () => T): T {
    return retryBusy(() => this.db.transaction(work).immediate());
  }

  close(): void {
    this.db.close();
  }
}
