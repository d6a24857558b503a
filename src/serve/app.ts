// The HTTP API and the web page over one open Store. JSON everywhere under /api; a bad request gets
// 400 and `{error}` naming what is wrong, an unknown id or route 404.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { analyze, analyzeDocuments, type AnalyzeResult } from "../analyze.ts";
import { TriangulateError, errorMessage } from "../errors.ts";
import { defaultPipeline, type Pipeline } from "../extract/index.ts";
import { recordDocument } from "../ingest/index.ts";
import { LinkSession, storyOf, type Story } from "../link/index.ts";
import { timeline } from "../link/timeline.ts";
import type { Store } from "../store/types.ts";
import { badRequest, claimFilter, postedDocument, type PostedDocument } from "./requests.ts";

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function createApp(store: Store): Hono {
  // One linking session for the server's life: each posted document is linked by index lookups.
  const links = new LinkSession(store);
  // what the store holds is linked before the story is first read; later links wait their turn
  let linked = links.linkNew();
  const pipeline = defaultPipeline(); // built once: its lexicons and models load in the first call
  const story = storyCache(store, () => linked);
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    if (err instanceof TriangulateError && (err.code === "BAD_OPTION" || err.code === "BAD_INPUT")) return c.json({ error: err.message }, 400);
    console.error(err);
    return c.json({ error: `internal error: ${errorMessage(err)}` }, 500);
  });
  app.notFound((c) => c.json({ error: `no such route: ${c.req.method} ${c.req.path}` }, 404));

  app.get("/", (c) => c.html(PAGE.html, 200, PAGE.headers));

  app.get("/api/documents", async (c) => c.json(await store.documents()));
  app.get("/api/documents/:id", async (c) => {
    const id = c.req.param("id");
    const [meta] = await store.documents([id]);
    if (!meta) throw new HTTPException(404, { message: `no document with id "${id}"` });
    return c.json({ ...meta, text: await store.documentText(id), claims: await store.claims({ doc: id }) });
  });
  app.get("/api/claims", async (c) => c.json(await store.claims(claimFilter(c.req.query()))));
  app.get("/api/story", async (c) => c.body(await story.json(), 200, { "Content-Type": "application/json; charset=UTF-8" }));
  app.get("/api/sources", async (c) => c.json((await story.current()).sources));
  app.get("/api/timeline", async (c) => c.json(timeline(await story.current())));

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

/**
 * The story, rebuilt only when the database changed: the store's change stamp moves when any
 * connection (a CLI `analyze` beside the server) commits, `invalidate` when this server writes.
 */
function storyCache(store: Store, linked: () => Promise<unknown>) {
  let cached: { key: string; story: Story; json?: string } | undefined;
  let writes = 0;
  const fresh = async () => {
    await linked();
    const key = `${await store.changeStamp()}:${writes}`;
    if (cached?.key !== key) cached = { key, story: await storyOf(store) };
    return cached;
  };
  return {
    current: async (): Promise<Story> => (await fresh()).story,
    /** The story as JSON text, serialised once per version: it is the largest response. */
    async json(): Promise<string> {
      const entry = await fresh();
      return (entry.json ??= JSON.stringify(entry.story));
    },
    invalidate: () => void writes++,
  };
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

/** The page, read once, with a Content-Security-Policy that allows exactly its inline script and style. */
const PAGE = (() => {
  const html = readFileSync(new URL("./page.html", import.meta.url), "utf8");
  const hash = (tag: string): string => {
    const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? "";
    return `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
  };
  const csp = [
    "default-src 'none'",
    `script-src ${hash("script")}`,
    `style-src ${hash("style")}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, headers: { "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" } };
})();
