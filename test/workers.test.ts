// Workers against a real PostgreSQL server, as separate processes: the queue, a worker killed
// mid-job, consistent linking with several workers, and the errors a user meets first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { openStore } from "../src/store/index.ts";
import { runCli, tempDir } from "./support/cli.ts";
import { POSTGRES, sqlRows } from "./support/stores.ts";

const BIN = resolve(import.meta.dirname, "../bin/triangulate.js");
const EXAMPLES = resolve(import.meta.dirname, "../examples");

const start = (args: string[]): ChildProcess & { stderrText: () => string } => {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  return Object.assign(child, { stderrText: () => stderr });
};
const exitOf = async (child: ChildProcess): Promise<number | null> => (child.exitCode ?? ((await once(child, "exit")) as [number | null])[0]);

describe("workers (postgres)", { skip: POSTGRES.skip }, () => {
  test("two worker processes take every queued job once and link them into one story", async () => {
    const db = await POSTGRES.location();
    const queued = await runCli(["enqueue", EXAMPLES, "--db", db]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stderr, /queued 11 documents/);
    assert.match((await runCli(["enqueue", EXAMPLES, "--db", db])).stderr, /queued 0 documents \(11 queued before\)/, "the same texts are queued once");
    const worker = start(["worker", "--db", db, "--concurrency", "2", "--exit-when-idle"]);
    assert.equal(await exitOf(worker), 0, worker.stderrText());
    const status = JSON.parse((await runCli(["status", "--db", db, "--format", "json"])).stdout);
    assert.deepEqual({ ...status, failures: undefined }, { queued: 0, running: 0, done: 11, failed: 0, failures: undefined });
    const store = await openStore(db);
    assert.equal((await store.documents()).length, 11);
    const [counts] = await sqlRows<{ claims: number; unlinked: number; props: number; top: number }>(
      store,
      "SELECT count(*)::int AS claims, count(*) FILTER (WHERE kind = 'claim' AND proposition IS NULL)::int AS unlinked, count(DISTINCT proposition)::int AS props, max(proposition)::int AS top FROM claims",
    );
    assert.equal(counts.unlinked, 0, "every claim is linked");
    // one linker at a time numbers propositions 0, 1, 2 … with no number given twice or skipped
    assert.equal(counts.top + 1, counts.props);
    const story = await (await import("../src/link/index.ts")).storyOf(store);
    assert.ok(story.propositions.some((p) => p.status === "disputed"));
    await store.close();
  });

  test("a worker killed with SIGKILL mid-job: another takes the job when its lease runs out, and it is stored once", async () => {
    const db = await POSTGRES.location();
    const dir = tempDir();
    // long enough to be caught mid-analysis
    const sentence = "Officials said 300 people were evacuated from the valley on Monday, and the mayor said roads were closed. ";
    writeFileSync(join(dir, "long.txt"), sentence.repeat(8000));
    assert.equal((await runCli(["enqueue", join(dir, "long.txt"), "--db", db])).code, 0);
    const store = await openStore(db);
    const first = start(["worker", "--db", db, "--lease", "2"]);
    for (let i = 0; ; i++) {
      const [job] = await sqlRows<{ status: string }>(store, "SELECT status FROM jobs");
      if (job.status === "running") break;
      assert.ok(i < 300, "the first worker took the job");
      await new Promise((done) => setTimeout(done, 50));
    }
    first.kill("SIGKILL");
    await exitOf(first);
    assert.equal((await store.documents()).length, 0, "nothing was stored by the killed worker");
    const second = start(["worker", "--db", db, "--lease", "2", "--exit-when-idle"]);
    assert.equal(await exitOf(second), 0, second.stderrText());
    const [job] = await sqlRows<{ status: string; attempts: number }>(store, "SELECT status, attempts FROM jobs");
    assert.deepEqual(job, { status: "done", attempts: 2 });
    assert.equal((await store.documents()).length, 1);
    const [claims] = await sqlRows<{ n: number; distinct: number }>(store, "SELECT count(*)::int AS n, count(DISTINCT (doc, idx))::int AS distinct FROM claims");
    assert.equal(claims.n, claims.distinct, "no claim stored twice");
    assert.ok(claims.n >= 8000);
    await store.close();
  });

  test("the queue commands refuse a SQLite file and name an unreachable server", async () => {
    const sqlite = await runCli(["enqueue", EXAMPLES, "--db", join(tempDir(), "t.db")]);
    assert.equal(sqlite.code, 2);
    assert.match(sqlite.stderr, /needs PostgreSQL/);
    const unreachable = start(["status", "--db", "postgres://nobody@127.0.0.1:1/nothing"]);
    assert.equal(await exitOf(unreachable), 1);
    assert.match(unreachable.stderrText(), /cannot reach PostgreSQL at 127\.0\.0\.1:1/);
  });
});

describe("workers and a PostgreSQL restart", { skip: POSTGRES.skip }, () => {
  test("workers reconnect when the server restarts under them, and every job is done once", async () => {
    // a cluster of this test's own, to restart without disturbing the other tests' server
    const script = resolve(import.meta.dirname, "../scripts/pg-cluster.sh");
    const cluster = tempDir("triangulate-pg-restart-");
    const started = spawnSync("bash", [script, "start", cluster], { encoding: "utf8" });
    assert.equal(started.status, 0, started.stderr);
    const db = started.stdout.trim();
    try {
      const dir = tempDir();
      for (let i = 0; i < 40; i++)
        writeFileSync(join(dir, `a${i}.txt`), `Officials in district ${i} said ${100 + i} people were evacuated on Monday. The mayor said ${i} roads were closed.`.repeat(20));
      assert.equal((await runCli(["enqueue", dir, "--db", db])).code, 0);
      const worker = start(["worker", "--db", db, "--lease", "2", "--exit-when-idle"]);
      const store = await openStore(db);
      for (let i = 0; (await sqlRows<{ n: number }>(store, "SELECT count(*)::int AS n FROM jobs WHERE status = 'done'"))[0].n < 3; i++) {
        assert.ok(i < 600, "the worker got going");
        await new Promise((done) => setTimeout(done, 50));
      }
      await store.close();
      const restarted = spawnSync("bash", [script, "restart", cluster], { encoding: "utf8" });
      assert.equal(restarted.status, 0, restarted.stderr);
      assert.equal(await exitOf(worker), 0, worker.stderrText());
      const after = await openStore(db);
      const [jobs] = await sqlRows<{ done: number; other: number }>(after, "SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status <> 'done')::int AS other FROM jobs");
      assert.deepEqual(jobs, { done: 40, other: 0 });
      assert.equal((await after.documents()).length, 40);
      await after.close();
    } finally {
      spawnSync("bash", [script, "stop", cluster]);
    }
  });
});
