// The job queue in PostgreSQL: `enqueue` adds read documents, workers on any machine take them.
// A job is taken with FOR UPDATE SKIP LOCKED (workers never wait for each other's rows) under a
// lease its worker renews while it works; a worker that dies (SIGKILL, a lost machine) stops
// renewing, and once the lease has run out the job is taken again. The document is stored by content
// hash, so a job done twice is stored once.
import type { SourceDoc } from "../doc.ts";
import { TriangulateError } from "../errors.ts";
import { PostgresStore } from "../store/postgres.ts";
import { contentHash, type Store } from "../store/types.ts";

export interface Job {
  id: number;
  input: string;
  doc: SourceDoc;
  attempts: number;
}

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  failures: { id: number; input: string; error: string; attempts: number }[];
}

/** Attempts after which a job that keeps killing its workers is failed, not taken again. */
export const MAX_ATTEMPTS = 5;

/** The queue of a PostgreSQL store; workers need a server that several processes share. */
export function queueOf(store: Store): JobQueue {
  if (!(store instanceof PostgresStore))
    throw new TriangulateError("BAD_OPTION", `the job queue needs PostgreSQL, and ${store.path} is a SQLite file`, "give --db postgres://user@host/db, or use 'triangulate analyze' on one machine");
  return new JobQueue(store);
}

export class JobQueue {
  readonly store: PostgresStore;

  constructor(store: PostgresStore) {
    this.store = store;
  }

  /** Queues a read document; false when the same text under the same id is queued or done already. */
  async add(input: string, doc: SourceDoc): Promise<boolean> {
    const { rowCount } = await this.store.pool.query(
      "INSERT INTO jobs (input, doc_id, hash, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (doc_id, hash) DO NOTHING",
      [input, doc.id, contentHash(doc.text), JSON.stringify(doc)],
    );
    return rowCount === 1;
  }

  /** Takes the oldest job that is queued or whose worker's lease ran out, for `leaseMs`. */
  async take(worker: string, leaseMs: number): Promise<Job | undefined> {
    const { rows } = await this.store.pool.query<{ id: number; input: string; doc: string; attempts: number }>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1, lease_until = now() + make_interval(secs => $2)
       WHERE id = (
         SELECT id FROM jobs
         WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
         ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1
       ) RETURNING id, input, doc, attempts`,
      [worker, leaseMs / 1000],
    );
    const row = rows[0];
    return row && { id: row.id, input: row.input, doc: JSON.parse(row.doc) as SourceDoc, attempts: row.attempts };
  }

  /** Renews a running job's lease; false when the job is no longer this worker's. */
  async renew(id: number, worker: string, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.store.pool.query(
      "UPDATE jobs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND worker = $2 AND status = 'running'",
      [id, worker, leaseMs / 1000],
    );
    return rowCount === 1;
  }

  async finish(id: number): Promise<void> {
    await this.store.pool.query("UPDATE jobs SET status = 'done', error = NULL, finished_at = now() WHERE id = $1", [id]);
  }

  async fail(id: number, error: string): Promise<void> {
    await this.store.pool.query("UPDATE jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [id, error]);
  }

  /** Whether any job is still to do: queued, or running (perhaps by a worker that died). */
  async pending(): Promise<boolean> {
    const { rows } = await this.store.pool.query("SELECT 1 FROM jobs WHERE status IN ('queued', 'running') LIMIT 1");
    return rows.length > 0;
  }

  async status(): Promise<QueueStatus> {
    const counts = await this.store.pool.query<{ status: keyof Omit<QueueStatus, "failures">; n: number }>("SELECT status, count(*) AS n FROM jobs GROUP BY status");
    const failures = await this.store.pool.query<{ id: number; input: string; error: string; attempts: number }>(
      "SELECT id, input, error, attempts FROM jobs WHERE status = 'failed' ORDER BY id",
    );
    const out: QueueStatus = { queued: 0, running: 0, done: 0, failed: 0, failures: failures.rows };
    for (const r of counts.rows) out[r.status] = r.n;
    return out;
  }
}
