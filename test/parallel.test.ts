import { test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { runCli, tempDir } from "./support/cli.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");

test("analysing in two threads stores and prints the same records, in the same order, as in one", async () => {
  const dir = tempDir();
  const one = await runCli(["analyze", EXAMPLES, "--db", join(dir, "one.db"), "--format", "jsonl", "--jobs", "1"]);
  const two = await runCli(["analyze", EXAMPLES, "--db", join(dir, "two.db"), "--format", "jsonl", "--jobs", "2"]);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout, one.stdout);
  const story = async (db: string) => (await runCli(["story", "--db", join(dir, db), "--format", "json"])).stdout;
  assert.equal(await story("two.db"), await story("one.db"));
});
