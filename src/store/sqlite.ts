import Database from "better-sqlite3";
import type { Doc, SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";
import { TriangulateError } from "../errors.ts";
import { MIGRATIONS } from "./schema.ts";
import { Turns } from "./turns.ts";
import {
  LINKED_COLUMNS,
  PROPOSITION_ORDER,
  REBUILD,
  documentFromRow,
  linkedRecordFromRow,
  linkedStateFromRows,
  groupMembers,
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
      // looked up before it is inserted: an upsert that returns the id rewrites the row every time
      entityId: db.prepare<[string], { id: number }>("SELECT id FROM entities WHERE name = ?"),
      insertEntity: db.prepare<[string, string], { id: number }>("INSERT INTO entities (name, type) VALUES (?, ?) RETURNING id"),
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
      setClaimLink: db.prepare("UPDATE claims SET terms = ?, proposition = ?, names = ?, tallied = 0, folded = 0 WHERE id = ?"),
      setClaimNames: db.prepare("UPDATE claims SET names = ? WHERE id = ?"),
      insertClaimName: db.prepare("INSERT OR IGNORE INTO claim_names (name, claim) VALUES (?, ?)"),
      upsertRegistry: db.prepare(
        "INSERT INTO name_registry (key, name, at, seq) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET name = excluded.name, at = excluded.at, seq = excluded.seq",
      ),
      upsertResolved: db.prepare(
        "INSERT INTO source_names (name, canonical, seq) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET canonical = excluded.canonical, seq = excluded.seq",
      ),
      // a proposition that gained members takes them in (one to be made again stays so); one whose
      // members changed is made again from all of them
      staleProposition: db.prepare("INSERT OR IGNORE INTO stale_propositions (id, rebuild) VALUES (?, 0)"),
      staleByName: db.prepare(
        `INSERT INTO stale_propositions (id, rebuild) SELECT c.proposition, 1 FROM claim_names n JOIN claims c ON c.id = n.claim WHERE n.name = ? AND c.proposition IS NOT NULL
         ${REBUILD}`,
      ),
      staleByDoc: db.prepare(
        `INSERT INTO stale_propositions (id, rebuild) SELECT c.proposition, 1 FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = ? AND c.proposition IS NOT NULL
         ${REBUILD}`,
      ),
      flag: db.prepare("INSERT OR IGNORE INTO summary_flags (flag) VALUES (?)"),
      addSourceDocument: db.prepare("INSERT OR IGNORE INTO source_documents (key, date, doc) VALUES (?, ?, ?)"),
      maxSeq: db.prepare<[], { seq: number }>("SELECT coalesce(max(link_seq), 0) AS seq FROM documents"),
      upsertSummary: db.prepare(
        `INSERT INTO proposition_summaries (id, independent, claims, status, series, summary, fold) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET independent = excluded.independent, claims = excluded.claims, status = excluded.status, series = excluded.series, summary = excluded.summary, fold = excluded.fold`,
      ),
      setClaimView: db.prepare("UPDATE claims SET origin = ?, stance = ?, folded = 1 WHERE id = ?"),
      deleteSummary: db.prepare("DELETE FROM proposition_summaries WHERE id = ?"),
      clearStale: db.prepare("DELETE FROM stale_propositions WHERE id = ?"),
      upsertTally: db.prepare(
        "INSERT INTO source_summaries (key, name, claims, state) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET name = excluded.name, claims = excluded.claims, state = excluded.state",
      ),
      setTallied: db.prepare("UPDATE claims SET tallied = 1 WHERE id = ?"),
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
        // a linked document's claims leave their propositions and the sources' tallies
        this.#stmt.staleByDoc.run(source.id);
        if (this.db.prepare("SELECT 1 FROM claims WHERE doc = ? AND proposition IS NOT NULL LIMIT 1").get(old.id)) this.#stmt.flag.run("sources");
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
      const entity = this.#stmt.entityId.get(name) ?? this.#stmt.insertEntity.get(name, types.get(name) ?? "organization")!;
      this.#stmt.insertMention.run(entity.id, claimId);
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
    const registry = this.db.prepare("SELECT key, name, at FROM name_registry WHERE seq > ? ORDER BY seq").all(seq) as LinkedRows["registry"];
    const resolved = this.db.prepare("SELECT name, canonical FROM source_names WHERE seq > ? ORDER BY seq").all(seq) as LinkedRows["resolved"];
    return linkedStateFromRows({ documents, claims, registry, resolved }, seq);
  }

  async setEchoOf(docId: string, echoOf: string | undefined): Promise<void> {
    // its claims' origins and the wire it cites change: their propositions and the tallies are made again
    retryBusy(() =>
      this.db.transaction(() => {
        this.#stmt.setEchoOf.run(echoOf ?? null, docId);
        this.#stmt.staleByDoc.run(docId);
        this.#stmt.flag.run("sources");
      }).immediate(),
    );
  }

  async claimsToLink(docId: string): Promise<{ id: number; record: ClaimRecord }[]> {
    return this.#stmt.claimsToLink.all(docId).map((r) => ({ id: r.id, record: JSON.parse(r.record) as ClaimRecord }));
  }

  async saveLinks(docId: string, link: DocumentLink, claims: LinkedClaim[], names?: NameChanges): Promise<number> {
    const save = this.db.transaction((): number => {
      const signature = Buffer.from(link.minhash.buffer, link.minhash.byteOffset, link.minhash.byteLength);
      const seq = this.#stmt.setDocumentLinks.get(signature, link.echoOf ?? null, link.wire ?? null, docId)?.link_seq ?? 0;
      for (const c of claims) {
        this.#stmt.setClaimLink.run(JSON.stringify(c.terms), c.proposition, c.names ? JSON.stringify(c.names) : null, c.id);
        this.#stmt.staleProposition.run(c.proposition);
        for (const n of new Set(c.names ?? [])) if (n) this.#stmt.insertClaimName.run(n, c.id);
      }
      if (names) this.#saveNames(names, seq);
      return seq;
    });
    return retryBusy(() => save.immediate());
  }

  #saveNames(names: NameChanges, seq: number): void {
    for (const r of names.registry) this.#stmt.upsertRegistry.run(r.key, r.name, r.at, seq);
    for (const r of names.resolved) this.#stmt.upsertResolved.run(r.name, r.canonical, seq);
    for (const n of names.renamed) this.#stmt.staleByName.run(n);
    // a claim that goes by another name moves between sources' tallies, which cannot take a claim away
    if (names.renamed.length) this.#stmt.flag.run("sources");
  }

  // ── summaries ──

  async summaryWork(): Promise<SummaryWork> {
    const flags = (this.db.prepare("SELECT flag FROM summary_flags ORDER BY flag").all() as { flag: string }[]).map((r) => r.flag);
    const stale = (this.db.prepare("SELECT count(*) AS n FROM stale_propositions").get() as { n: number }).n;
    // INDEXED BY: the planner would walk claims_proposition through every linked claim instead
    const untallied = (this.db.prepare("SELECT count(*) AS n FROM claims INDEXED BY claims_untallied WHERE proposition IS NOT NULL AND tallied = 0").get() as { n: number }).n;
    return { flags, stale, untallied };
  }

  async linkedPage(after: DocumentCursor | undefined, documents: number): Promise<{ rows: MemberRecord[]; dates?: Map<string, string>; next?: DocumentCursor }> {
    const docs = this.db
      .prepare(
        `SELECT id, coalesce(date, '') AS date, doc_id FROM documents WHERE link_seq IS NOT NULL AND (coalesce(date, ''), doc_id) > (?, ?)
         ORDER BY coalesce(date, ''), doc_id LIMIT ?`,
      )
      .all(after?.date ?? "", after?.doc ?? "", documents) as { id: number; date: string; doc_id: string }[];
    if (!docs.length) return { rows: [] };
    const rows = this.db
      .prepare(
        `SELECT ${LINKED_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
         WHERE c.doc IN (SELECT value FROM json_each(?)) AND c.proposition IS NOT NULL ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      )
      .all(JSON.stringify(docs.map((d) => d.id))) as Record<string, unknown>[];
    const last = docs[docs.length - 1];
    return { rows: rows.map(memberFromRow), dates: new Map(docs.map((d) => [d.doc_id, d.date])), next: { date: last.date, doc: last.doc_id } };
  }

  async saveClaimNames(claims: { id: number; names: (string | null)[] }[], names: NameChanges): Promise<void> {
    retryBusy(() =>
      this.db.transaction(() => {
        for (const c of claims) {
          this.#stmt.setClaimNames.run(JSON.stringify(c.names), c.id);
          for (const n of new Set(c.names)) if (n) this.#stmt.insertClaimName.run(n, c.id);
        }
        this.#saveNames(names, this.#stmt.maxSeq.get()!.seq);
      }).immediate(),
    );
  }

  async clearFlag(flag: string): Promise<void> {
    retryBusy(() => this.db.prepare("DELETE FROM summary_flags WHERE flag = ?").run(flag));
  }

  async resolvedNames(): Promise<ResolvedName[]> {
    return this.db.prepare("SELECT name, canonical FROM source_names").all() as ResolvedName[];
  }

  async stalePropositions(limit: number): Promise<StaleProposition[]> {
    return (this.db.prepare(stalePropositionsSql("?")).all(limit) as { id: number; fold: string | null }[]).map(staleFromRow);
  }

  async membersOf(ids: number[], which: "all" | "unfolded" = "all"): Promise<Map<number, MemberRecord[]>> {
    if (!ids.length) return new Map();
    // INDEXED BY: the few unfolded members of a proposition of thousands, not all of them
    const [claims, unfolded] = which === "unfolded" ? ["claims c INDEXED BY claims_unfolded", "AND c.folded = 0"] : ["claims c", ""];
    const rows = this.db
      .prepare(
        `SELECT ${LINKED_COLUMNS} FROM ${claims} JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
         WHERE c.proposition IN (SELECT value FROM json_each(?)) ${unfolded} ORDER BY coalesce(d.date, ''), d.doc_id, c.idx`,
      )
      .all(JSON.stringify(ids)) as Record<string, unknown>[];
    return groupMembers(rows.map(memberFromRow));
  }

  async saveSummaries(rows: PropositionRow[], gone: number[]): Promise<void> {
    retryBusy(() =>
      this.db.transaction(() => {
        for (const r of rows) {
          this.#stmt.upsertSummary.run(r.id, r.independent, r.claims, r.status, r.series ? 1 : 0, r.summary, r.fold);
          for (const m of r.members) this.#stmt.setClaimView.run(m.origin, m.stance, m.claim);
          this.#stmt.clearStale.run(r.id);
        }
        for (const id of gone) (this.#stmt.deleteSummary.run(id), this.#stmt.clearStale.run(id));
      }).immediate(),
    );
  }

  async untallied(limit: number): Promise<TallyRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${tallyColumns("json_extract(c.record, '$.date')")} FROM claims c INDEXED BY claims_untallied JOIN documents d ON d.id = c.doc LEFT JOIN documents e ON e.doc_id = d.echo_of
         WHERE c.proposition IS NOT NULL AND c.tallied = 0 ORDER BY c.id LIMIT ?`,
      )
      .all(limit) as Record<string, unknown>[];
    return rows.map(tallyRowFromRow);
  }

  async sourceRows(keys?: string[]): Promise<SourceRow[]> {
    if (!keys) return this.db.prepare("SELECT key, name, claims, state FROM source_summaries").all() as SourceRow[];
    return this.db.prepare("SELECT key, name, claims, state FROM source_summaries WHERE key IN (SELECT value FROM json_each(?))").all(JSON.stringify(keys)) as SourceRow[];
  }

  async sourceDocuments(keys?: string[]): Promise<Map<string, string[]>> {
    // one string a source: a story's sources speak in hundreds of thousands of documents, and a row object each is most of the time
    const list = "SELECT key, group_concat(date || char(31) || doc, char(30)) AS list FROM source_documents";
    const rows = (
      keys ? this.db.prepare(`${list} WHERE key IN (SELECT value FROM json_each(?)) GROUP BY key`).all(JSON.stringify(keys)) : this.db.prepare(`${list} GROUP BY key`).all()
    ) as { key: string; list: string }[];
    return new Map(rows.map((r) => [r.key, r.list.split("\u001e")]));
  }

  async sourceIndex(): Promise<{ key: string; name: string; claims: number }[]> {
    return this.db.prepare("SELECT key, name, claims FROM source_summaries").all() as { key: string; name: string; claims: number }[];
  }

  async saveTallies(rows: SourceRow[], claims: number[], documents: SourceDocumentRow[]): Promise<void> {
    retryBusy(() =>
      this.db.transaction(() => {
        for (const r of rows) this.#stmt.upsertTally.run(r.key, r.name, r.claims, r.state);
        for (const d of documents) this.#stmt.addSourceDocument.run(d.key, d.date, d.doc);
        for (const id of claims) this.#stmt.setTallied.run(id);
      }).immediate(),
    );
  }

  async resetSummaries(what: "sources" | "all"): Promise<void> {
    retryBusy(() =>
      this.db.transaction(() => {
        this.db.exec("DELETE FROM source_summaries; DELETE FROM source_documents; UPDATE claims SET tallied = 0 WHERE tallied <> 0; DELETE FROM summary_flags WHERE flag = 'sources';");
        if (what === "all")
          this.db.exec(`DELETE FROM name_registry; DELETE FROM source_names; DELETE FROM claim_names; UPDATE claims SET names = NULL WHERE names IS NOT NULL;
            INSERT INTO stale_propositions (id, rebuild) SELECT DISTINCT proposition, 1 FROM claims WHERE proposition IS NOT NULL ${REBUILD};
            INSERT OR IGNORE INTO summary_flags (flag) VALUES ('names');`);
      }).immediate(),
    );
  }

  async propositionPage(query: PropositionQuery): Promise<{ total: number; rows: { id: number; summary: string }[] }> {
    const where = ["p.claims >= @minClaims", ...(query.status ? ["p.status = @status"] : [])].join(" AND ");
    const params = { minClaims: query.minClaims ?? 1, status: query.status ?? null, limit: query.limit ?? -1, offset: query.offset ?? 0 };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM proposition_summaries p WHERE ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT p.id, p.summary FROM proposition_summaries p WHERE ${where} ORDER BY ${PROPOSITION_ORDER} LIMIT @limit OFFSET @offset`)
      .all(params) as { id: number; summary: string }[];
    return { total, rows };
  }

  async seriesSummaries(): Promise<{ id: number; summary: string }[]> {
    return this.db.prepare(`SELECT p.id, p.summary FROM proposition_summaries p WHERE p.series = 1 ORDER BY ${PROPOSITION_ORDER}`).all() as { id: number; summary: string }[];
  }

  async timelinePage(offset: number, limit: number): Promise<{ total: number; rows: TimelineRow[] }> {
    const from = "FROM claims c JOIN documents d ON d.id = c.doc JOIN proposition_summaries p ON p.id = c.proposition";
    const total = (this.db.prepare(`SELECT count(*) AS n ${from}`).get() as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT c.record, c.proposition, d.outlet, c.origin, c.stance ${from} ORDER BY coalesce(json_extract(c.record, '$.date'), ''), d.doc_id, ${PROPOSITION_ORDER}, c.idx LIMIT ? OFFSET ?`)
      .all(limit, offset) as Record<string, unknown>[];
    return { total, rows: rows.map(timelineRowFromRow) };
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
    return (await this.#exclusiveTurns.run(() => this.#writeLocked(work, true)))!.value;
  }

  tryExclusive<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    return this.#exclusiveTurns.run(() => this.#writeLocked(work, false));
  }

  async #writeLocked<T>(work: () => Promise<T>, wait: boolean): Promise<{ value: T } | undefined> {
    // BEGIN IMMEDIATE takes the write lock (waiting the busy timeout, then retried); the writes inside
    // `work` run as savepoints of this transaction
    if (!(await this.#beginImmediate(wait))) return undefined;
    try {
      const value = await work();
      this.db.exec("COMMIT");
      return { value };
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw e;
    }
  }

  /**
   * BEGIN IMMEDIATE without blocking the thread while another connection holds the lock: the busy
   * timeout's wait would stop this process's event loop, and with it a holder in this same process.
   * Not waiting, false when another connection holds it.
   */
  async #beginImmediate(wait: boolean): Promise<boolean> {
    const until = Date.now() + RETRY_FOR_MS;
    this.db.pragma("busy_timeout = 0");
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          this.db.exec("BEGIN IMMEDIATE");
          return true;
        } catch (e) {
          if (!isBusy(e)) throw e;
          if (!wait) return false;
          if (Date.now() > until) throw e;
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

