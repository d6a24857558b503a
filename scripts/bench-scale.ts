// The bench's stages for issue 12, run by scripts/bench.ts:
//   analyze: the CLI, as a user runs it, on the real news of PolNeAR's training texts, every core;
//   workers: queued articles done by one and by two worker processes over PostgreSQL;
//   a PostgreSQL copy of the query store, for the query stage's second figure.
// PostgreSQL: $TRIANGULATE_BENCH_PG or $TRIANGULATE_TEST_PG (a server URL whose user may create
// databases), else a throwaway cluster started by scripts/pg-cluster.sh for the run.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const BIN = resolve(import.meta.dirname, "../bin/triangulate.js");
const REAL_NEWS = resolve(import.meta.dirname, "../../shared/data/attribution/polnear/train/text");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Runs the CLI in a process of its own; rejects when it fails. */
async function cli(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`triangulate ${args[0]} exited ${code}: ${stderr.slice(-2000)}`);
}

export async function analyzeStage(): Promise<void> {
  if (!existsSync(REAL_NEWS)) return console.log(`analyze: skipped (${REAL_NEWS} is absent)`);
  const total = readdirSync(REAL_NEWS).reduce((sum, f) => sum + words(readFileSync(join(REAL_NEWS, f), "utf8")), 0);
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-analyze-"));
  const jobs = availableParallelism();
  const t0 = performance.now();
  await cli(["analyze", REAL_NEWS, "--db", join(dir, "news.db"), "--jobs", String(jobs)]);
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  console.log(`analyze: ${Math.round(total / seconds)} words/s end to end (real news, ${total} words, ${jobs} jobs)`);
}

/** A PostgreSQL server for the run, and how to stop it when the bench started it. */
export function postgresServer(): { url: string; stop: () => void } | undefined {
  const given = process.env.TRIANGULATE_BENCH_PG ?? process.env.TRIANGULATE_TEST_PG;
  if (given) return { url: given, stop: () => {} };
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-pg-"));
  const script = resolve(import.meta.dirname, "pg-cluster.sh");
  const run = spawnSync("bash", [script, "start", dir], { encoding: "utf8" });
  if (run.status !== 0) {
    console.log(`  (no PostgreSQL: ${run.stderr.trim()})`);
    return undefined;
  }
  return { url: run.stdout.trim(), stop: () => void spawnSync("bash", [script, "stop", dir]) };
}

/** A new database on the server, dropped first if it exists. */
export async function database(server: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Articles per second of `workers` worker processes, over the span from the first job done to the last. */
async function workerRate(server: string, articles: string, workers: number): Promise<number> {
  const db = await database(server, `bench_workers_${workers}`);
  await cli(["enqueue", articles, "--db", db]);
  await cli(["worker", "--db", db, "--concurrency", String(workers), "--exit-when-idle"]);
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const { rows } = await client.query<{ n: number; span: number }>(
    "SELECT count(*)::int AS n, extract(epoch FROM max(finished_at) - min(finished_at))::float8 AS span FROM jobs WHERE status = 'done'",
  );
  await client.end();
  // the first job's finish starts the clock, so start-up (loading the models) is not counted
  return (rows[0].n - 1) / rows[0].span;
}

export async function workersStage(count: number): Promise<void> {
  if (!existsSync(REAL_NEWS)) return console.log(`workers: skipped (${REAL_NEWS} is absent)`);
  const server = postgresServer();
  if (!server) return console.log("workers: skipped (no PostgreSQL server)");
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-workers-"));
  try {
    // the articles as one JSONL file: read once, and the same for both runs
    const files = readdirSync(REAL_NEWS).sort().slice(0, count);
    const lines = files.map((f) => JSON.stringify({ id: f.replace(/\.txt$/, ""), text: readFileSync(join(REAL_NEWS, f), "utf8") }));
    const articles = join(dir, "articles.jsonl");
    writeFileSync(articles, lines.join("\n") + "\n");
    const one = await workerRate(server.url, articles, 1);
    const two = await workerRate(server.url, articles, 2);
    console.log(`workers: 1 → ${one.toFixed(1)} articles/s, 2 → ${two.toFixed(1)} articles/s (PostgreSQL, ${files.length} real news articles; ratio ${(two / one).toFixed(2)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.stop();
  }
}

/**
 * The SQLite query store copied into a PostgreSQL database through the same schema (rows as they
 * are, search vectors computed by PostgreSQL), so that both engines answer the same queries.
 */
export async function copyToPostgres(sqlitePath: string, url: string): Promise<void> {
  const { PostgresStore } = await import("../src/store/postgres.ts");
  const store = await PostgresStore.open(url);
  const lite = new Database(sqlitePath, { readonly: true });
  const client = await store.pool.connect();
  const batch = 5000;
  try {
    const copy = async (sql: string, select: string, columns: string[], types: string[]) => {
      let rows: Record<string, unknown>[] = [];
      const flush = async () => {
        if (rows.length) await client.query(sql, columns.map((c, i) => rows.map((r) => (types[i] === "bytea" && r[c] ? Buffer.from(r[c] as Buffer) : r[c]))));
        rows = [];
      };
      for (const row of lite.prepare(select).iterate() as Iterable<Record<string, unknown>>) {
        rows.push(row);
        if (rows.length === batch) await flush();
      }
      await flush();
    };
    await client.query("BEGIN");
    await copy(
      `INSERT INTO documents (id, doc_id, hash, title, outlet, author, date, url, origin, language, status, text, added_at, minhash, echo_of, wire, link_seq)
       OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bytea[], $15::text[], $16::text[], $17::bigint[])`,
      "SELECT id, doc_id, hash, title, outlet, author, date, url, origin, language, status, text, added_at, minhash, echo_of, wire, link_seq FROM documents ORDER BY id",
      ["id", "doc_id", "hash", "title", "outlet", "author", "date", "url", "origin", "language", "status", "text", "added_at", "minhash", "echo_of", "wire", "link_seq"],
      ["", "", "", "", "", "", "", "", "", "", "", "", "", "bytea", "", "", ""],
    );
    await copy(
      `INSERT INTO claims (id, doc, idx, kind, source, cue, certainty, checkworthy, record, terms, proposition, search)
       OVERRIDING SYSTEM VALUE SELECT u.id, u.doc, u.idx, u.kind, u.source, u.cue, u.certainty, u.checkworthy, u.record, u.terms, u.proposition,
         to_tsvector('english', (u.record::json ->> 'sentence') || ' ' || coalesce(u.source, ''))
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[], $10::text[], $11::int[])
         AS u(id, doc, idx, kind, source, cue, certainty, checkworthy, record, terms, proposition)`,
      "SELECT id, doc, idx, kind, source, cue, certainty, checkworthy, record, terms, proposition FROM claims ORDER BY id",
      ["id", "doc", "idx", "kind", "source", "cue", "certainty", "checkworthy", "record", "terms", "proposition"],
      [],
    );
    await copy("INSERT INTO entities (id, name, type) OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])", "SELECT id, name, type FROM entities ORDER BY id", ["id", "name", "type"], []);
    await copy("INSERT INTO mentions (entity, claim) SELECT * FROM unnest($1::bigint[], $2::bigint[])", "SELECT entity, claim FROM mentions ORDER BY entity, claim", ["entity", "claim"], []);
    await client.query("INSERT INTO sources (name) SELECT DISTINCT source FROM claims WHERE source IS NOT NULL ON CONFLICT DO NOTHING");
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    client.release();
    lite.close();
    await store.close();
  }
}
