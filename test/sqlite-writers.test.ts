import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SqliteStore } from "../src/store/sqlite.ts";
import { tempDir } from "./support/cli.ts";

const BIN = resolve(import.meta.dirname, "../bin/triangulate.js");

/** Runs the real CLI in a process of its own; resolves with its exit status and stderr. */
function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stderr }));
  });
}

function folder(dir: string, prefix: string, count: number): string {
  const at = join(dir, prefix);
  mkdirSync(at);
  for (let i = 0; i < count; i++)
    writeFileSync(join(at, `${prefix}-${i}.txt`), `Officials in town ${prefix} ${i} said ${100 + i} people were evacuated on Monday. The mayor said roads number ${i} were closed.`);
  return at;
}

test("two analyze processes writing one SQLite file wait for each other and store every document", async () => {
  const dir = tempDir();
  const db = join(dir, "shared.db");
  const count = 150;
  const runs = await Promise.all(["a", "b"].map((p) => cli(["analyze", folder(dir, p, count), "--db", db])));
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const store = new SqliteStore(db);
  assert.equal((await store.documents()).length, 2 * count);
  const props = store.db.prepare("SELECT count(DISTINCT proposition) AS n, count(*) AS c FROM claims WHERE proposition IS NOT NULL").get() as { n: number; c: number };
  assert.ok(props.c >= 2 * count, "every document's claims are linked");
  await store.close();
});
