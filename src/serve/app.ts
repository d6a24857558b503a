// The HTTP API and the web page over one open Store. JSON everywhere under /api; a bad request gets
// 400 and `{error}` naming what is wrong, an unknown id or route 404, a missing token 401. Lists are
// paged (`limit`, `cursor`); /openapi.json describes every route from the schemas that check it.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { analyze, analyzeDocuments, type AnalyzeResult } from "../analyze.ts";
import { TriangulateError, errorMessage } from "../errors.ts";
import { isStatement } from "../extract/boilerplate.ts";
import { defaultPipeline, type Pipeline } from "../extract/index.ts";
import { recordDocument } from "../ingest/index.ts";
import { LinkSession, propositionsOf, storedSources, storyPage } from "../link/index.ts";
import { storedTimeline } from "../link/timeline.ts";
import type { Store } from "../store/types.ts";
import { requireToken } from "./auth.ts";
import { documentMarks } from "./marks.ts";
import { openApiDocument } from "./openapi.ts";
import { pageFrom, pageOf, pageRequest } from "./paging.ts";
import { badRequest, checkedQuery, claimFilter, postedDocument, type PostedDocument } from "./requests.ts";
import { MAX_LIMIT, claimsQuery, numbersQuery, pageOnlyQuery, propositionsQuery } from "./schemas.ts";
import { NOT_BUILT, PAGE_HEADERS, webFiles } from "./static.ts";
import { filterPropositions, propositionSummary, sampledSeries, storyCache } from "./story-cache.ts";

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  /** When set, every /api request must send it as a bearer token. */
  token?: string;
  /** Where the built page is (default web/dist). */
  webRoot?: string;
}

const notFound = (message: string) => new HTTPException(404, { message });

export function createApp(store: Store, options: AppOptions = {}): Hono {
  // One linking session for the server's life: each posted document is linked by index lookups.
  const links = new LinkSession(store);
  // what the store holds is linked before the story is first read; later links wait their turn
  let linked = links.linkNew();
  const pipeline = defaultPipeline(); // built once: its lexicons and models load in the first call
  const story = storyCache(store, () => linked);
  const web = webFiles(options.webRoot);
  const openapi = JSON.stringify(openApiDocument());
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    if (err instanceof TriangulateError && (err.code === "BAD_OPTION" || err.code === "BAD_INPUT")) return c.json({ error: err.message }, 400);
    console.error(err);
    return c.json({ error: `internal error: ${errorMessage(err)}` }, 500);
  });
  app.notFound((c) => {
    const file = c.req.method === "GET" && !c.req.path.startsWith("/api/") ? web.get(c.req.path) : undefined;
    if (file) return c.body(file.body as Uint8Array<ArrayBuffer>, 200, file.headers);
    return c.json({ error: `no such route: ${c.req.method} ${c.req.path}` }, 404);
  });

  app.get("/", (c) => {
    const index = web.get("/");
    return index ? c.body(index.body as Uint8Array<ArrayBuffer>, 200, index.headers) : c.html(NOT_BUILT, 503, PAGE_HEADERS);
  });
  app.get("/favicon.ico", (c) => c.body(null, 204)); // browsers ask; there is none
  app.get("/openapi.json", (c) => c.body(openapi, 200, { "Content-Type": "application/json; charset=UTF-8" }));
  if (options.token) app.use("/api/*", requireToken(options.token));

  app.get("/api/propositions", async (c) => {
    const query = checkedQuery(propositionsQuery, c.req.query());
    const request = pageRequest(query, MAX_LIMIT);
    // by status alone, a page of the stored summaries; the text filters read the whole story's digests
    if (!query.source && !query.entity && !query.from && !query.to && !query.q) {
      await linked;
      const page = await storyPage(store, { offset: request.offset, limit: request.limit, ...(query.status ? { status: query.status } : {}) });
      return c.json(pageFrom(page.propositions.map(propositionSummary), page.total, request));
    }
    const page = pageOf(filterPropositions(await story.current(), query), request);
    return c.json({ ...page, items: page.items.map(propositionSummary) });
  });
  app.get("/api/propositions/:id", async (c) => {
    const id = c.req.param("id");
    await linked;
    const [found] = /^\d{1,9}$/.test(id) ? await propositionsOf(store, [Number(id)]) : [];
    if (!found) throw notFound(`no proposition with id "${id}"`);
    return c.json(found);
  });
  app.get("/api/claims", async (c) => {
    const query = checkedQuery(claimsQuery, c.req.query());
    const claims = (await store.claims(claimFilter(query))).filter(isStatement);
    return c.json(pageOf(claims, pageRequest(query, MAX_LIMIT)));
  });
  app.get("/api/documents", async (c) => {
    const query = checkedQuery(pageOnlyQuery, c.req.query());
    return c.json(pageOf(await store.documents(), pageRequest(query, MAX_LIMIT)));
  });
  app.get("/api/documents/:id", async (c) => {
    const id = c.req.param("id");
    const [meta] = await store.documents([id]);
    if (!meta) throw notFound(`no document with id "${id}"`);
    const claims = (await store.claims({ doc: id })).filter(isStatement);
    return c.json({ ...meta, text: (await store.documentText(id)) ?? "", claims, marks: documentMarks(claims) });
  });
  app.get("/api/numbers", async (c) => {
    const query = checkedQuery(numbersQuery, c.req.query());
    const page = pageOf((await story.current()).numbers, pageRequest(query, MAX_LIMIT));
    return c.json({ ...page, items: page.items.map((s) => sampledSeries(s, Number(query.values ?? 200))) });
  });
  app.get("/api/sources", async (c) => {
    const request = pageRequest(checkedQuery(pageOnlyQuery, c.req.query()), MAX_LIMIT);
    await linked;
    const { total, sources } = await storedSources(store, request);
    return c.json(pageFrom(sources, total, request));
  });
  app.get("/api/timeline", async (c) => {
    const request = pageRequest(checkedQuery(pageOnlyQuery, c.req.query()), MAX_LIMIT);
    await linked;
    const { total, events } = await storedTimeline(store, request);
    return c.json(pageFrom(events, total, request));
  });
  // a page of the story's propositions with all their claims, and every source
  app.get("/api/story", async (c) => {
    const request = pageRequest(checkedQuery(pageOnlyQuery, c.req.query()), MAX_LIMIT);
    await linked;
    const { total, propositions } = await storyPage(store, request);
    const { next } = pageFrom([], total, request);
    return c.json({ propositions, sources: (await storedSources(store)).sources, total, ...(next ? { next } : {}) });
  });

  app.post(
    "/api/analyze",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413) }),
    async (c) => {
      const posted = postedDocument(await jsonBody(c));
      const results = await analyzePosted(store, posted, pipeline);
      linked = linked.then(() => links.linkNew());
      await linked;
      story.invalidate();
      return c.json(analysisResponse(results));
    },
  );
  return app;
}

/** The request body as JSON. Requiring the JSON type also keeps other sites' plain form posts out. */
async function jsonBody(c: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? ""))
    throw new HTTPException(415, { message: "send the body as JSON with Content-Type: application/json" });
  try {
    return await c.req.json();
  } catch (e) {
    throw badRequest(`the body is not valid JSON: ${errorMessage(e)}`);
  }
}

/** Runs the posted document through the same analysis as the CLI: a URL fetched, a text or HTML as one record. */
async function analyzePosted(store: Store, posted: PostedDocument, pipeline: Pipeline): Promise<AnalyzeResult[]> {
  if ("url" in posted) return collect(analyze([posted.url], store, { pipeline }));
  return collect(analyzeDocuments([recordDocument(posted.record, POSTED, posted.record.id)], store, { pipeline }));
}
/** Where a posted text came from, as its results and its `origin` say. */
const POSTED = "POST /api/analyze";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What was stored and the claim records found; 400 when nothing could be read at all. */
function analysisResponse(results: AnalyzeResult[]) {
  const documents = [];
  const claims = [];
  const failures = [];
  for (const r of results) {
    if (r.status === "failed") failures.push({ input: r.input, error: r.error });
    else if (r.status === "skipped") documents.push({ id: r.doc.id, status: r.status, reason: r.reason, ...r.doc.meta });
    else {
      documents.push({ id: r.doc.id, status: r.status, claims: r.records.length, ...r.doc.meta });
      claims.push(...r.records);
    }
  }
  if (!documents.length) throw badRequest(failures.map((f) => f.error).join("; ") || "no document found");
  return { documents, claims, ...(failures.length ? { failures } : {}) };
}

