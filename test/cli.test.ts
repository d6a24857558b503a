import { test } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { writeFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import iconv from "iconv-lite";
import { SqliteStore } from "../src/store/sqlite.ts";
import { analyze } from "../src/analyze.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";

const GOOD = "Rescue teams reached the village of Vask on Tuesday, the interior ministry said. Officials said more than 300 people had been evacuated.";
const FRENCH = "Le barrage a cédé mardi soir et plus de trois cents personnes ont été évacuées, selon le ministère de l'Intérieur, qui a précisé que les secours travaillaient toute la nuit.";

function badFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "batch"));
  const at = (name: string) => join(dir, "batch", name);
  writeFileSync(at("good.txt"), GOOD);
  writeFileSync(at("empty.txt"), "");
  writeFileSync(at("binary.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0, 0, 3, 0xff, 0, 0, 9]));
  writeFileSync(at("big.txt"), Buffer.alloc(50 * 1024 * 1024, "word "));
  writeFileSync(at("cp1252.txt"), iconv.encode("The minister’s office said “about 40” people were missing in Vásk.", "win1252"));
  writeFileSync(at("utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Officials said 12 people died in the flood on Monday.", "utf16le")]));
  writeFileSync(at("truncated.html"), "<html><head><title>Dam</title></head><body><article><p>The Orlen dam gave way on Monday, officials said. More than 200 homes were flooded, the mayor told reporters.</p><p>Rescue te");
  writeFileSync(at("mixed.jsonl"), [JSON.stringify({ id: "line-1", text: GOOD }), "{not json", JSON.stringify({ id: "line-3", text: "Police said 14 people were arrested." }), '{"id": "no-text"}'].join("\n"));
  writeFileSync(at("french.txt"), FRENCH);
  return dir;
}

test("a batch with every kind of bad input stores the good ones, names each failure and exits 1", async () => {
  const dir = badFolder();
  const db = join(dir, "t.db");
  const run = await runCli(["analyze", join(dir, "batch"), join(dir, "does-not-exist.txt"), "--db", db, "--format", "jsonl"]);
  assert.equal(run.code, 1);
  for (const [input, reason] of [
    ["empty.txt", /empty/i],
    ["binary.txt", /binary/i],
    ["big.txt", /MB|MiB|limit|large/i],
    ["mixed.jsonl:2", /JSON/i],
    ["mixed.jsonl:4", /text|html/i],
    ["does-not-exist.txt", /no such file/i],
  ] as const) {
    const line = run.stderr.split("\n").find((l) => l.startsWith("error:") && l.includes(input));
    assert.ok(line, `stderr names ${input}:\n${run.stderr}`);
    assert.match(line, reason);
  }
  assert.match(run.stderr, /skipped: .*french\.txt: language is "fr"/);
  const store = new SqliteStore(db);
  const docs = new Map((await store.documents()).map((d) => [d.id, d]));
  for (const id of ["good", "cp1252", "utf16", "truncated", "line-1", "line-3"]) assert.equal(docs.get(id)?.status, "analysed", `${id} stored`);
  assert.equal(docs.get("french")?.status, "skipped");
  assert.ok((await store.claims({ doc: "cp1252" }))[0].sentence.includes("Vásk"), "Windows-1252 decoded");
  assert.ok((await store.claims({ doc: "cp1252" }))[0].sentence.includes("“about 40”"));
  assert.match((await store.claims({ doc: "utf16" }))[0].sentence, /^Officials said 12 people died/);
  assert.ok((await store.claims({ doc: "truncated" })).length >= 2, "truncated HTML still gives text");
  await store.close();
  const records = jsonLines<{ doc: string }>(run.stdout);
  assert.ok(records.some((r) => r.doc === "line-3"));
});

test("analysing the same folder twice stores nothing twice", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "a.txt"), GOOD);
  const db = join(dir, "t.db");
  assert.equal((await runCli(["analyze", dir, "--db", db])).code, 0);
  const again = await runCli(["analyze", dir, "--db", db]);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /0 new, 0 updated, 1 unchanged/);
  const store = new SqliteStore(db);
  assert.equal((await store.documents()).length, 1);
  assert.equal((await store.claims()).length, 2);
  await store.close();
});

test("a document whose analysis throws is reported and leaves nothing half-written", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "a.txt"), GOOD);
  writeFileSync(join(dir, "b.txt"), "Officials said the bridge at Vask was closed.");
  const store = new SqliteStore(join(dir, "t.db"));
  const pipeline = defaultPipeline().replace("kind", {
    name: "kind",
    requires: ["sentences"],
    provides: ["kind"],
    run(doc) {
      if (doc.id === "b") throw new Error("annotator crashed");
      doc.layers.kind = [];
    },
  });
  const results = [];
  for await (const r of analyze([dir], store, { pipeline, detectLanguage: false })) results.push(r);
  assert.deepEqual(results.map((r) => r.status), ["added", "failed"]);
  assert.match(results[1].status === "failed" ? results[1].error : "", /b: annotator crashed/);
  assert.deepEqual((await store.documents()).map((d) => d.id), ["a"]);
  const orphans = store.db.prepare("SELECT count(*) AS n FROM sentences WHERE doc NOT IN (SELECT id FROM documents)").get() as { n: number };
  assert.equal(orphans.n, 0);
  await store.close();
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test("URLs: a page on loopback is refused by default, read with --allow-private, and a silent server times out", async () => {
  const page = `<html><head><title>Flood</title><meta property="og:site_name" content="Loopback News"></head><body><article><h1>Flood</h1><p>${GOOD}</p></article></body></html>`;
  const { server, url } = await serve((req, res) => {
    if (req.url === "/silent") return; // never answers
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  try {
    const dir = tempDir();
    const db = join(dir, "t.db");
    const refused = await runCli(["analyze", `${url}/story`, "--db", db]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error: http:\/\/127\.0\.0\.1:\d+\/story: .*--allow-private/);
    const read = await runCli(["analyze", `${url}/story`, `${url}/silent`, "--allow-private", "--timeout", "300", "--db", db, "--format", "jsonl"]);
    assert.equal(read.code, 1);
    assert.match(read.stderr, /error: http:\/\/127\.0\.0\.1:\d+\/silent: .*(time|timed)/i);
    assert.ok(jsonLines(read.stdout).length >= 2, "the page that answered is analysed");
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("extract prints a page's main text without the boilerplate, and its metadata as JSON", async () => {
  const dir = tempDir();
  const file = join(dir, "page.html");
  writeFileSync(
    file,
    `<html><head><title>Dam gives way</title><meta name="author" content="Ana Petrel"><meta property="article:published_time" content="2026-03-10T08:00:00Z"></head>
     <body><nav>Home | World | Sport</nav><div class="ad">Buy now!</div><article><h1>Dam gives way</h1><p>${GOOD}</p><p>Rescue teams worked through the night near the river.</p></article><footer>© 2026 Example News</footer></body></html>`,
  );
  const text = await runCli(["extract", file]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /Rescue teams reached the village of Vask/);
  assert.doesNotMatch(text.stdout, /Buy now|Home \| World/);
  const json = JSON.parse((await runCli(["extract", file, "--format", "json"])).stdout);
  assert.equal(json.author, "Ana Petrel");
  assert.equal(json.date, "2026-03-10");
});

test("stdin is read with -, and every command answers --help", async () => {
  const dir = tempDir();
  const run = await runCli(["analyze", "-", "--db", join(dir, "t.db"), "--format", "jsonl"], GOOD);
  assert.equal(run.code, 0);
  assert.equal(jsonLines<{ doc: string }>(run.stdout)[0].doc, "stdin");
  for (const command of ["analyze", "claims", "story", "sources", "timeline", "extract"]) {
    const help = await runCli([command, "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, new RegExp(`Usage: triangulate ${command}`));
  }
  const bad = await runCli(["claims", "--certainty", "sure"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--certainty must be one of asserted/);
});
