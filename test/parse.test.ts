// `triangulate parse`: raw text in, CoNLL-U out; a .conllu input keeps its sentences and words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readConllu } from "../src/syntax/index.ts";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";

const TEXT = "The ministry said 38 people died.Officials didn't confirm it";

test("raw text: sentences, UD words with offsets, ten filled columns and one root each", async () => {
  const run = await runCli(["parse", "-"], TEXT);
  assert.equal(run.code, 0, run.stderr);
  const sentences = readConllu(run.stdout);
  assert.equal(sentences.length, 2);
  assert.deepEqual(sentences[1].words.map((w) => w.form), ["Officials", "did", "n't", "confirm", "it"]);
  assert.ok(run.stdout.includes("2-3\tdidn't\t"), "the multiword token is listed");
  for (const s of sentences) {
    assert.equal(s.words.filter((w) => w.head === 0).length, 1);
    for (const w of s.words) {
      assert.ok(w.upos !== "_" && w.xpos !== "_" && w.lemma !== "_" && w.deprel !== "_");
      const [, start, end] = /start=(\d+)\|end=(\d+)/.exec(w.misc)!.map(Number);
      assert.equal(TEXT.slice(start, end), w.form);
    }
  }
  assert.equal(sentences[0].words.find((w) => w.form === "died")!.lemma, "die");
});

test("a .conllu input keeps its words and comments and gets the other columns", async () => {
  const dir = tempDir();
  const file = join(dir, "gold.conllu");
  const gold = "# sent_id = a\n# text = They left\n1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n2\tleft\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n";
  writeFileSync(file, gold);
  const run = await runCli(["parse", file]);
  assert.equal(run.code, 0, run.stderr);
  const [s] = readConllu(run.stdout);
  assert.deepEqual(s.comments, ["sent_id = a", "text = They left"]);
  assert.deepEqual(s.words.map((w) => [w.form, w.upos, w.head, w.deprel, w.misc]), [
    ["They", "PRON", 2, "nsubj", "_"],
    ["left", "VERB", 0, "root", "SpaceAfter=No"],
  ]);
});

test("--format jsonl gives a sentence a line; a broken CoNLL-U file is named with its line", async () => {
  const run = await runCli(["parse", "-", "--format", "jsonl"], TEXT);
  const rows = jsonLines<{ words: { form: string }[] }>(run.stdout);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].words[0].form, "The");
  const dir = tempDir();
  const bad = join(dir, "bad.conllu");
  writeFileSync(bad, "1\tThey\tthey\n");
  const failed = await runCli(["parse", bad]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /bad\.conllu, line 1: expected 10 tab-separated columns/);
});
