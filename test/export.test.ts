import { before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseCsv } from "../src/ingest/csv.ts";
import { decodeText } from "../src/ingest/decode.ts";
import { isStatement } from "../src/extract/boilerplate.ts";
import { storyOf } from "../src/link/index.ts";
import { openStore } from "../src/store/index.ts";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");
// An outlet name with every character CSV, Markdown and HTML must escape.
const AWKWARD_OUTLET = 'The Post, "Evening"\n<b>Edition</b> | *late*';
let dir: string;
let db: string;
let claimCount: number;

before(async () => {
  dir = tempDir();
  db = join(dir, "story.db");
  mkdirSync(join(dir, "extra"));
  writeFileSync(
    join(dir, "extra", "awkward.jsonl"),
    JSON.stringify({ id: "awkward", outlet: AWKWARD_OUTLET, date: "2026-03-14", text: "Police said 14 people, including two guards, were arrested in Lindor on Friday." }) + "\n",
  );
  const run = await runCli(["analyze", EXAMPLES, join(dir, "extra"), "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  const store = await openStore(db);
  claimCount = (await store.claims()).filter(isStatement).length; // page furniture is exported as nothing
  await store.close();
});

test("JSON Lines export has one record per statement, each with its proposition, and no page furniture", async () => {
  const run = await runCli(["export", "--db", db, "--format", "jsonl"]);
  assert.equal(run.code, 0, run.stderr);
  const records = jsonLines<{ doc: string; sentence: string; kind: string; proposition: number | null }>(run.stdout);
  assert.equal(records.length, claimCount);
  assert.ok(records.filter((r) => r.kind === "claim").every((r) => typeof r.proposition === "number"));
  for (const furniture of ["World", "(Meridian Press)", "PRESS RELEASE"]) assert.ok(!records.some((r) => r.sentence === furniture), furniture);
  assert.ok(!records.some((r) => /^(By|Reporting by) Ana Petrel/.test(r.sentence)), "no byline");
});

test("CSV export parses back to one row per claim, with commas, quotes and line breaks kept inside quoted fields", async () => {
  const out = join(dir, "claims.csv");
  const run = await runCli(["export", "--db", db, "--format", "csv", "--out", out]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "", "--out writes to the file, not stdout");
  const bytes = readFileSync(out);
  assert.ok(bytes.toString("utf8").endsWith("\r\n"), "RFC 4180 line ends");
  // read back the way ingest reads a CSV file
  const [header, ...rows] = parseCsv(decodeText(bytes)).map((r) => r.fields);
  assert.deepEqual(header, ["doc", "date", "outlet", "sentence", "kind", "source", "cue", "certainty", "quantities", "entities", "proposition"]);
  assert.equal(rows.length, claimCount);
  assert.ok(rows.every((r) => r.length === header.length));
  const awkward = rows.find((r) => r[0] === "awkward")!;
  assert.equal(awkward[2], AWKWARD_OUTLET);
  assert.equal(awkward[3], "Police said 14 people, including two guards, were arrested in Lindor on Friday.");
  assert.equal(awkward[5], "Police");
  assert.match(awkward[8], /^14-14 people/);
  assert.match(awkward[10], /^\d+$/);
  assert.ok(rows.some((r) => r[9].includes("; ")), "several entities joined by '; '");
});

test("the Markdown report has the propositions with their status, numbers, timeline and sources", async () => {
  const run = await runCli(["export", "--db", db, "--format", "md"]);
  assert.equal(run.code, 0, run.stderr);
  const md = run.stdout;
  for (const heading of ["# Story report", "## Propositions", "## Numbers by source", "## Timeline", "## Sources", "## Documents"])
    assert.ok(md.includes(`\n${heading}\n`) || md.startsWith(`${heading}\n`), heading);
  const store = await openStore(db);
  const top = (await storyOf(store)).propositions[0];
  await store.close();
  assert.ok(md.includes(`### P${top.id}: `), "the most attested proposition has its own section");
  assert.ok(md.includes(`Status: ${top.status}.`));
  assert.ok(md.includes("The Post, \"Evening\" \\<b\\>Edition\\</b\\> \\| \\*late\\*"), "markup in names is escaped, line breaks folded");
});

test("the HTML report is a complete page with one section per part and every name escaped", async () => {
  const out = join(dir, "report.html");
  const run = await runCli(["export", "--db", db, "--format", "html", "--out", out]);
  assert.equal(run.code, 0, run.stderr);
  const html = readFileSync(out, "utf8");
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<\/main>\n<\/body>\n<\/html>\n$/);
  for (const id of ["propositions", "numbers-by-source", "timeline", "sources", "documents"]) assert.ok(html.includes(`<section id="${id}">`), id);
  assert.equal(html.match(/<section /g)?.length, html.match(/<\/section>/g)?.length);
  assert.equal(html.match(/<table>/g)?.length, html.match(/<\/table>/g)?.length);
  assert.ok(!html.includes("<b>Edition</b>"));
  assert.ok(html.includes("The Post, &quot;Evening&quot;\n&lt;b&gt;Edition&lt;/b&gt;"));
});

test("export without a format, with an unknown one, or to an unwritable file fails and says why", async () => {
  const none = await runCli(["export", "--db", db]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--format: jsonl, csv, md, html/);
  const unknown = await runCli(["export", "--db", db, "--format", "xml"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--format must be one of jsonl, csv, md, html/);
  const unwritable = await runCli(["export", "--db", db, "--format", "csv", "--out", join(dir, "no-such-folder", "x.csv")]);
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.stderr, /cannot write --out .*no-such-folder/);
});
