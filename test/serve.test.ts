import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Hono } from "hono";
import { storyOf } from "../src/link/index.ts";
import { timeline } from "../src/link/timeline.ts";
import { isStatement } from "../src/extract/boilerplate.ts";
import { createApp, startServer } from "../src/serve/index.ts";
import * as schemas from "../src/serve/schemas.ts";
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

interface Page<T> {
  items: T[];
  total: number;
  next?: string;
}

/** Every item of a paged list, following each page's next cursor. */
async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for (let cursor: string | undefined, pages = 0; pages < 1000; pages++) {
    const page = await get<Page<T>>(`${path}${path.includes("?") ? "&" : "?"}limit=20${cursor ? `&cursor=${cursor}` : ""}`);
    out.push(...page.items);
    if (!page.next) break;
    cursor = page.next;
  }
  return out;
}

const post = (body: string, contentType = "application/json") =>
  app.request("/api/analyze", { method: "POST", body, headers: { "content-type": contentType } });

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

test("the documents endpoint lists every analysed document with its metadata and claim count", async () => {
  const documents = await all<{ id: string; title?: string; claims: number }>("/api/documents");
  assert.equal(documents.length, (await store.documents()).length);
  assert.ok(documents.length >= 9);
  assert.ok(documents.every((d) => d.title && d.claims > 0));
});

test("the claims endpoint applies each filter the CLI has, a page at a time, without page furniture", async () => {
  const claims = await all<StoredClaim>("/api/claims");
  assert.equal(claims.length, (await store.claims()).filter(isStatement).length);
  assert.ok(!claims.some((c) => c.sentence === "World" || /^By Ana Petrel/.test(c.sentence)), "no section label or byline");
  const first = await get<Page<StoredClaim>>("/api/claims?limit=5");
  assert.equal(first.items.length, 5);
  assert.equal(first.total, claims.length);
  const second = await get<Page<StoredClaim>>(`/api/claims?limit=5&cursor=${first.next}`);
  assert.deepEqual(second.items, claims.slice(5, 10));
  const denied = await all<StoredClaim>("/api/claims?certainty=denied");
  assert.ok(denied.length > 0 && denied.every((c) => c.certainty === "denied"));
  const opinions = await all<StoredClaim>("/api/claims?kind=opinion");
  assert.ok(opinions.every((c) => c.kind === "opinion"));
  const reyl = await all<StoredClaim>("/api/claims?source=reyl");
  assert.ok(reyl.length > 0 && reyl.every((c) => /reyl/i.test(c.source ?? "")));
  const entity = claims.find((c) => c.entities.length)!.entities[0];
  const mentioning = await all<StoredClaim>(`/api/claims?entity=${encodeURIComponent(entity)}`);
  assert.ok(mentioning.length > 0 && mentioning.every((c) => c.entities.some((e) => e.toLowerCase() === entity.toLowerCase())));
  const searched = await all<StoredClaim>("/api/claims?search=evacuated");
  assert.ok(searched.length > 0 && searched.every((c) => /evacuat/i.test(c.sentence)));
  const oneDoc = (await get<Page<StoredClaim>>(`/api/claims?doc=${claims[0].doc}&limit=3`)).items;
  assert.equal(oneDoc.length, 3);
  assert.ok(oneDoc.every((c) => c.doc === claims[0].doc));
});

test("a bad filter value gets 400 with an error naming the parameter", async () => {
  for (const [query, named] of [
    ["certainty=sure", /certainty must be one of asserted/],
    ["kind=rumour", /kind must be one of claim, opinion/],
    ["limit=0", /limit must be a positive whole number/],
    ["limit=ten", /limit/],
    ["colour=red", /unknown parameter "colour"/],
    ["cursor=zzz", /cursor must be a cursor the previous page gave/],
    ["limit=5&cursor=!!", /cursor/],
    ["search=%22dam", /not a valid search/],
  ] as const) {
    const response = await app.request(`/api/claims?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(await errorOf(response), named);
  }
});

test("the story, sources and timeline endpoints serve the same views as the CLI", async () => {
  const story = JSON.parse(JSON.stringify(await storyOf(store)));
  // /api/story pages its propositions like every list (limit, cursor), and gives every source on each page
  type StoryPage = { propositions: unknown[]; sources: unknown[]; total: number; next?: string };
  const pages: StoryPage[] = [];
  for (let cursor: string | undefined; pages.length < 100; ) {
    const page: StoryPage = await get<StoryPage>(`/api/story?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    pages.push(page);
    if (!(cursor = page.next)) break;
  }
  assert.ok(pages.length > 1, "the example story takes more than one page of 7");
  assert.deepEqual(pages.flatMap((p) => p.propositions), story.propositions);
  for (const p of pages) (assert.deepEqual(p.sources, story.sources), assert.equal(p.total, story.propositions.length));
  const first = await get<StoryPage>("/api/story");
  assert.deepEqual(first.propositions, story.propositions.slice(0, 50), "50 by default");
  assert.deepEqual(await all("/api/sources"), story.sources);
  assert.deepEqual(await all("/api/timeline"), JSON.parse(JSON.stringify(timeline(await storyOf(store)).events)));
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

test("the built page's files are served by exact name with a CSP that allows only this server's scripts", async () => {
  const root = tempDir();
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), '<!doctype html><title>Triangulate</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(root, "assets", "app.js"), "console.log(1)");
  const web = createApp(store, { webRoot: root });
  const page = await web.request("/");
  assert.equal(page.status, 200);
  assert.match(await page.text(), /^<!doctype html>/);
  const csp = page.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/, "no inline or remote scripts");
  const script = await web.request("/assets/app.js");
  assert.equal(script.status, 200);
  assert.match(script.headers.get("content-type") ?? "", /text\/javascript/);
  for (const path of ["/assets/missing.js", "/../package.json", "/assets/../index.html", "/%2e%2e/package.json"]) assert.equal((await web.request(path)).status, 404, path);
  const unbuilt = await createApp(store, { webRoot: join(root, "nothing") }).request("/");
  assert.equal(unbuilt.status, 503);
  assert.match(await unbuilt.text(), /npm run build:web/);
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
    assert.ok([200, 503].includes(page.status), "the built page, or the note to build it (the browser tests need it built)");
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

test("propositions come most independent origins first, and each filter narrows them", async () => {
  const props = await all<schemas.z.infer<typeof schemas.propositionSummary>>("/api/propositions");
  const story = await storyOf(store);
  assert.equal(props.length, story.propositions.length);
  for (let i = 1; i < props.length; i++) assert.ok(props[i - 1].independentSources >= props[i].independentSources);
  for (const p of props) schemas.propositionSummary.parse(p);
  const full = new Map(story.propositions.map((p) => [p.id, p]));
  for (const p of props) {
    assert.equal(p.claimCount, full.get(p.id)!.claims.length);
    assert.ok(p.claims.length <= schemas.LISTED_CLAIMS);
    assert.deepEqual(p.stances.denies, [...new Set(full.get(p.id)!.claims.filter((c) => c.stance === "denies").map((c) => c.source ?? c.origin))]);
  }
  const disputed = await all<{ status: string }>("/api/propositions?status=disputed");
  assert.ok(disputed.length > 0 && disputed.every((p) => p.status === "disputed"));
  const reyl = await all<{ claims: { source: string | null; origin: string }[] }>("/api/propositions?source=reyl");
  assert.ok(reyl.length > 0 && reyl.every((p) => p.claims.some((c) => /reyl/i.test(`${c.source} ${c.origin}`))));
  const tarvonia = await all<{ id: number }>("/api/propositions?entity=tarvonia");
  assert.ok(tarvonia.length > 0 && tarvonia.every((p) => full.get(p.id)!.claims.some((c) => c.entities.some((e) => /tarvonia/i.test(e)))));
  const searched = await all<{ claims: { sentence: string }[] }>("/api/propositions?q=unaccounted");
  assert.ok(searched.length > 0 && searched.every((p) => p.claims.some((c) => /unaccounted/i.test(c.sentence))));
  const late = await all<{ claims: { date?: string }[] }>("/api/propositions?from=2026-03-13");
  assert.ok(late.length > 0 && late.length < props.length && late.every((p) => p.claims.some((c) => (c.date ?? "") >= "2026-03-13")));
  assert.equal((await all("/api/propositions?to=2026-01-01")).length, 0);
  for (const [query, named] of [["status=true", /status must be one of agreed, disputed, single-source/], ["from=yesterday", /from must be a date/], ["who=me", /unknown parameter "who"/]] as const) {
    const response = await app.request(`/api/propositions?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(await errorOf(response), named);
  }
  const one = schemas.proposition.parse(await get(`/api/propositions/${props[0].id}`));
  assert.equal(one.claims.length, props[0].claimCount);
  assert.match((await get<{ error: string }>("/api/propositions/999999", 404)).error, /no proposition with id "999999"/);
});

test("numbers are grouped by what they count and its state, with the denied figures marked", async () => {
  const series = await all<schemas.z.infer<typeof schemas.numberSeries>>("/api/numbers");
  for (const s of series) schemas.numberSeries.parse(s);
  const dead = series.find((s) => s.label === "people · dead");
  const missing = series.find((s) => s.label === "people · missing");
  assert.ok(dead && missing, series.map((s) => s.label).join(", "));
  assert.ok(dead.values.some((v) => v.min === 38) && dead.values.some((v) => v.min === 71), "the disputed death toll: 38 and 71");
  assert.ok(missing.values.some((v) => v.min === 64) && !missing.values.some((v) => v.min === 38), "unaccounted for is not dead");
  assert.ok(series.some((s) => s.values.some((v) => v.denied)), "a denied figure is marked");
  assert.ok(series.some((s) => s.values.some((v) => v.min !== v.max)), "a range stays a range");
});

test("a document comes with marks for its claims, sources, cues, certainty, numbers and entities, inside their sentences", async () => {
  const id = "interior-ministry-statement";
  const doc = schemas.documentWithMarks.parse(await get(`/api/documents/${id}`));
  const types = new Set(doc.marks.map((m) => m.type));
  for (const type of ["claim", "quantity", "entity"]) assert.ok(types.has(type as never), type);
  const claims = new Map(doc.claims.map((c) => [c.index, c]));
  for (const m of doc.marks) {
    const c = claims.get(m.sentence)!;
    assert.ok(m.start >= c.start && m.end <= c.end && m.start < m.end, `${m.type} inside its sentence`);
  }
  const inner = doc.marks.filter((m) => m.type !== "claim");
  for (let i = 1; i < inner.length; i++) if (inner[i].sentence === inner[i - 1].sentence) assert.ok(inner[i].start >= inner[i - 1].end, "inner marks do not overlap");
  const figure = doc.marks.find((m) => m.type === "quantity" && doc.text.slice(m.start, m.end) === "64");
  assert.ok(figure, "the 64 is marked");
  assert.match(figure.label, /64 people/);
  const withSource = await get<{ text: string; marks: { type: string; start: number; end: number; evidence: string[] }[] }>("/api/documents/post-ministry-denial");
  const source = withSource.marks.find((m) => m.type === "source");
  const cue = withSource.marks.find((m) => m.type === "cue");
  assert.ok(source && cue, "a source and its cue are marked");
  assert.ok(!doc.claims.some((c) => c.sentence === "PRESS RELEASE"), "page furniture is no claim of the document");
});

test("/openapi.json documents every route with its query parameters, generated from the schemas", async () => {
  const doc = await get<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; schema: { enum?: string[] } }[] }>> }>("/openapi.json");
  assert.match(doc.openapi, /^3\./);
  for (const path of ["/api/propositions", "/api/claims", "/api/documents", "/api/documents/{id}", "/api/numbers", "/api/sources", "/api/timeline", "/api/analyze"])
    assert.ok(doc.paths[path], path);
  const params = doc.paths["/api/propositions"].get.parameters!;
  assert.deepEqual(params.map((p) => p.name).sort(), ["cursor", "entity", "from", "limit", "q", "source", "status", "to"]);
  assert.deepEqual(params.find((p) => p.name === "status")!.schema.enum, ["agreed", "disputed", "single-source"]);
  assert.ok(doc.paths["/api/analyze"].post);
});

test("with a token every API request needs it as a bearer header; the page's files do not", async () => {
  const token = "a-test-token-of-some-length";
  const guarded = createApp(store, { token });
  for (const path of ["/api/propositions", "/api/claims", "/api/story"]) {
    const bare = await guarded.request(path);
    assert.equal(bare.status, 401, path);
    assert.match(await errorOf(bare), /authorization/);
    assert.equal((await guarded.request(path, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status, 401);
    assert.equal((await guarded.request(path, { headers: { authorization: `Bearer ${token}` } })).status, 200);
  }
  const write = await guarded.request("/api/analyze", { method: "POST", body: '{"text": "Police said 3 bridges fell."}', headers: { "content-type": "application/json" } });
  assert.equal(write.status, 401, "writing needs the token");
  assert.notEqual((await guarded.request("/")).status, 401);
  assert.equal((await guarded.request("/openapi.json")).status, 200);
});

test("serve refuses to listen beyond loopback without a token, and a short token", async () => {
  const db = join(tempDir(), "x.db");
  const open = await runCli(["serve", "--db", db, "--host", "0.0.0.0", "--port", "0"]);
  assert.equal(open.code, 2);
  assert.match(open.stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
  const short = await runCli(["serve", "--db", db, "--host", "0.0.0.0", "--token", "abc"]);
  assert.equal(short.code, 2);
  assert.match(short.stderr, /--token must be at least 16 characters/);
});

test("a real server beyond loopback answers 401 without the token and 200 with it", async () => {
  const token = "another-test-token-0123456789";
  const server = await startServer(store, { host: "0.0.0.0", port: 0, token });
  try {
    const port = new URL(server.url).port;
    const url = `http://127.0.0.1:${port}/api/propositions?limit=1`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status, 200);
  } finally {
    await server.close();
  }
});

test("a bare serve in a folder with only the demo's database serves that, saying so", async () => {
  const dir = tempDir();
  const demo = await runCli(["analyze", join(EXAMPLES, "interior-ministry-statement.txt"), "--db", join(dir, ".demo.db")]);
  assert.equal(demo.code, 0, demo.stderr);
  const { spawn } = await import("node:child_process");
  const env = { ...process.env };
  delete env.TRIANGULATE_DB;
  const child = spawn(process.execPath, [resolve(import.meta.dirname, "../bin/triangulate.js"), "serve", "--port", "0"], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  await new Promise<void>((done, fail) => {
    child.stderr.on("data", (c: Buffer) => ((stderr += c), /serving .* at http/.test(stderr) && done()));
    child.on("exit", () => fail(new Error(stderr)));
  });
  child.kill("SIGTERM");
  assert.match(stderr, /no triangulate\.db here yet; serving the demo's \.demo\.db/);
  assert.match(stderr, /serving \.demo\.db at http:\/\/127\.0\.0\.1:\d+\//);
});

test("numbers: a denier's own figure is not denied, and a source goes by the story's one name for it", async () => {
  const series = await all<schemas.z.infer<typeof schemas.numberSeries>>("/api/numbers");
  const missing = series.find((s) => s.label === "people · missing")!;
  const ministry = missing.values.filter((v) => v.source === "Ministry of the Interior of Norvessa");
  assert.ok(ministry.some((v) => v.min === 200 && v.denied), "the 200 it denies");
  assert.ok(ministry.some((v) => v.min === 64 && !v.denied), "the 64 it gives, 'saying 64 people were unaccounted for'");
  assert.ok(!series.some((s) => s.values.some((v) => v.source === "SCPS")), "SCPS is the State Civil Protection Service");
});
