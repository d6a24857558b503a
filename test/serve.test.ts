import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Hono } from "hono";
import { storyOf } from "../src/link/index.ts";
import { timeline } from "../src/link/timeline.ts";
import { createApp, startServer } from "../src/serve/index.ts";
import { openStore, type Store, type StoredClaim } from "../src/store/index.ts";
import { runCli, tempDir } from "./support/cli.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");
let store: Store;
let app: Hono;

before(async () => {
  const db = join(tempDir(), "story.db");
  const run = await runCli(["analyze", EXAMPLES, "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  store = await openStore(db);
  app = createApp(store);
});
after(() => store.close());

const get = async <T = unknown>(path: string, status = 200): Promise<T> => {
  const response = await app.request(path);
  assert.equal(response.status, status, `${path}: ${response.status}`);
  assert.match(response.headers.get("content-type") ?? "", /application\/json/);
  return (await response.json()) as T;
};

const post = (body: string, contentType = "application/json") =>
  app.request("/api/analyze", { method: "POST", body, headers: { "content-type": contentType } });

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

test("the documents endpoint lists every analysed document with its metadata and claim count", async () => {
  const documents = await get<{ id: string; title?: string; claims: number }[]>("/api/documents");
  assert.equal(documents.length, (await store.documents()).length);
  assert.ok(documents.length >= 9);
  assert.ok(documents.every((d) => d.title && d.claims > 0));
});

test("the claims endpoint applies each filter the CLI has", async () => {
  const all = await get<StoredClaim[]>("/api/claims");
  assert.equal(all.length, (await store.claims()).length);
  const denied = await get<StoredClaim[]>("/api/claims?certainty=denied");
  assert.ok(denied.length > 0 && denied.every((c) => c.certainty === "denied"));
  const opinions = await get<StoredClaim[]>("/api/claims?kind=opinion");
  assert.ok(opinions.every((c) => c.kind === "opinion"));
  const reyl = await get<StoredClaim[]>("/api/claims?source=reyl");
  assert.ok(reyl.length > 0 && reyl.every((c) => /reyl/i.test(c.source ?? "")));
  const entity = all.find((c) => c.entities.length)!.entities[0];
  const mentioning = await get<StoredClaim[]>(`/api/claims?entity=${encodeURIComponent(entity)}`);
  assert.ok(mentioning.length > 0 && mentioning.every((c) => c.entities.some((e) => e.toLowerCase() === entity.toLowerCase())));
  const searched = await get<StoredClaim[]>("/api/claims?search=evacuated");
  assert.ok(searched.length > 0 && searched.every((c) => /evacuat/i.test(c.sentence)));
  const oneDoc = await get<StoredClaim[]>(`/api/claims?doc=${all[0].doc}&limit=3`);
  assert.equal(oneDoc.length, 3);
  assert.ok(oneDoc.every((c) => c.doc === all[0].doc));
});

test("a bad filter value gets 400 with an error naming the parameter", async () => {
  for (const [query, named] of [
    ["certainty=sure", /certainty must be one of asserted/],
    ["kind=rumour", /kind must be one of claim, opinion/],
    ["limit=0", /limit must be a positive whole number/],
    ["limit=ten", /limit/],
    ["colour=red", /unknown parameter "colour"/],
    ["search=%22dam", /not a valid search/],
  ] as const) {
    const response = await app.request(`/api/claims?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(await errorOf(response), named);
  }
});

test("the story, sources and timeline endpoints serve the same views as the CLI", async () => {
  const story = JSON.parse(JSON.stringify(await storyOf(store)));
  assert.deepEqual(await get("/api/story"), story);
  assert.deepEqual(await get("/api/sources"), story.sources);
  assert.deepEqual(await get("/api/timeline"), JSON.parse(JSON.stringify(timeline(await storyOf(store)))));
  assert.ok(story.propositions.length > 0 && story.sources.length > 0);
});

test("one document comes with its text and its claims, whose offsets point at their sentences", async () => {
  const id = (await store.documents())[0].id;
  const doc = await get<{ id: string; title: string; text: string; claims: StoredClaim[] }>(`/api/documents/${id}`);
  assert.equal(doc.id, id);
  assert.ok(doc.title);
  assert.ok(doc.claims.length > 0);
  for (const c of doc.claims) assert.equal(doc.text.slice(c.start, c.end), c.sentence);
});

test("an unknown document or route gets 404 with a JSON error", async () => {
  assert.match((await get<{ error: string }>("/api/documents/no-such-doc", 404)).error, /no document with id "no-such-doc"/);
  assert.match((await get<{ error: string }>("/api/nothing-here", 404)).error, /no such route/);
});

test("the page is one self-contained HTML document whose script and style the CSP allows by hash", async () => {
  const response = await app.request("/");
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /^<!doctype html>/);
  for (const view of ["#claims", "#sources", "#numbers", "#timeline"]) assert.ok(html.includes(`href="${view}"`), view);
  assert.doesNotMatch(html, /\bsrc=|<link\b|innerHTML/, "no external assets, no raw markup insertion");
  const csp = response.headers.get("content-security-policy") ?? "";
  for (const tag of ["script", "style"]) {
    const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1];
    assert.ok(csp.includes(`'sha256-${createHash("sha256").update(body).digest("base64")}'`), `${tag} hash in CSP`);
  }
  assert.match(csp, /default-src 'none'/);
});

test("a posted text is analysed, stored, linked and its claim records returned", async () => {
  const text = "Police said 14 people were arrested in Lindor on Friday. The mayor may resign, officials said.";
  const response = await post(JSON.stringify({ id: "api-arrests", text, title: "Arrests in Lindor", outlet: "Test Wire", date: "2026-03-14" }));
  assert.equal(response.status, 200);
  const body = (await response.json()) as { documents: { id: string; status: string }[]; claims: StoredClaim[] };
  assert.deepEqual(body.documents.map((d) => [d.id, d.status]), [["api-arrests", "added"]]);
  assert.equal(body.claims.length, 2);
  assert.equal(body.claims[0].source, "Police");
  assert.equal(body.claims[0].quantities[0]?.min, 14);
  const stored = await get<{ outlet: string; origin: string; claims: StoredClaim[] }>("/api/documents/api-arrests");
  assert.equal(stored.outlet, "Test Wire");
  assert.equal(stored.origin, "POST /api/analyze", "the origin says how it came, not a temporary file");
  assert.ok((await store.linkedRecords()).some((l) => l.record.doc === "api-arrests"), "linked into propositions");
  const story = await get<{ sources: { documents: string[] }[] }>("/api/story");
  assert.ok(story.sources.some((s) => s.documents.includes("api-arrests")), "the story view sees the new document");
  const again = await post(JSON.stringify({ id: "api-arrests", text }));
  assert.equal(((await again.json()) as { documents: { status: string }[] }).documents[0].status, "unchanged");
});

test("posted HTML is read like a fetched page, and a document without an id gets one", async () => {
  const html = "<html><body><article><p>Rescuers said 30 families were stranded near the river.</p></article></body></html>";
  const response = await post(JSON.stringify({ html }));
  assert.equal(response.status, 200);
  const body = (await response.json()) as { documents: { id: string }[]; claims: StoredClaim[] };
  assert.match(body.documents[0].id, /^posted-[0-9a-f]{12}$/);
  assert.equal(body.claims[0].sentence, "Rescuers said 30 families were stranded near the river.");
});

test("a bad analyse request gets 400 (or 415) with an error naming the problem", async () => {
  for (const [body, status, named] of [
    ["{not json", 400, /not valid JSON/],
    ["[1, 2]", 400, /must be a JSON object/],
    ['{"txt": "hello"}', 400, /unknown field "txt"/],
    ['{"text": 42}', 400, /field "text" must be a string/],
    ['{"text": "a", "html": "<p>b</p>"}', 400, /not both/],
    ['{"text": "   "}', 400, /"text" is empty/],
    ['{"title": "Only a title"}', 400, /give the document as "text" or "html", or a "url"/],
    ['{"url": "file:///etc/passwd"}', 400, /"url" must be an http or https address/],
    ['{"url": "http://127.0.0.1:1/x", "title": "T"}', 400, /title go with "text" or "html"/],
    ['{"html": "<p></p>"}', 400, /empty/],
    ['{"url": "http://127.0.0.1:1/page"}', 400, /loopback/],
  ] as const) {
    const response = await post(body);
    assert.equal(response.status, status, body);
    assert.match(await errorOf(response), named, body);
  }
  const plain = await post('{"text": "Officials said 3 bridges fell."}', "text/plain");
  assert.equal(plain.status, 415);
  assert.match(await errorOf(plain), /Content-Type: application\/json/);
});

test("the real server on a loopback port serves the page and the story", async () => {
  const server = await startServer(store, { host: "127.0.0.1", port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Triangulate<\/title>/);
    const story = (await (await fetch(new URL("api/story", server.url))).json()) as { propositions: unknown[] };
    assert.ok(story.propositions.length > 0);
  } finally {
    await server.close();
  }
});

test("serve refuses a port that is not a number from 0 to 65535", async () => {
  for (const port of ["http", "70000", "1.5"]) {
    const run = await runCli(["serve", "--db", join(tempDir(), "x.db"), "--port", port]);
    assert.equal(run.code, 2, port);
    assert.match(run.stderr, /--port takes a number from 0 to 65535/);
  }
});
