// What the API accepts, checked before anything is read or written: every problem becomes an
// HTTPException whose message names the parameter or field at fault. Queries are checked by their
// zod schemas (`schemas.ts`), the same ones /openapi.json documents.
import { createHash } from "node:crypto";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { slug } from "../ingest/meta.ts";
import type { ClaimFilter } from "../store/sqlite.ts";
import type { claimsQuery } from "./schemas.ts";

export const badRequest = (message: string): HTTPException => new HTTPException(400, { message });

/** A query checked against its schema; the first problem becomes a 400 naming the parameter. */
export function checkedQuery<S extends z.ZodObject>(schema: S, query: Record<string, string>): z.infer<S> {
  const trimmed = Object.fromEntries(Object.entries(query).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));
  const result = schema.safeParse(trimmed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const known = Object.keys(schema.shape).join(", ");
  if (issue.code === "unrecognized_keys") throw badRequest(`unknown parameter "${issue.keys[0]}"; use ${known}`);
  const name = String(issue.path[0] ?? "query");
  const given = trimmed[name];
  const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  throw badRequest(given === undefined ? message : `${message}, not "${given}"`);
}

/** `/api/claims` query parameters → the store's claim filter, the same one the CLI builds. */
export const claimFilter = (query: z.infer<typeof claimsQuery>): ClaimFilter => ({
  source: query.source,
  entity: query.entity,
  certainty: query.certainty,
  kind: query.kind,
  search: query.search,
  doc: query.doc,
});

const POST_FIELDS = ["id", "text", "html", "url", "title", "outlet", "date"] as const;
type PostField = (typeof POST_FIELDS)[number];

/** A document posted to `/api/analyze`: its own text or HTML with metadata, or a URL to fetch. */
export type PostedDocument =
  | { record: { id: string; text?: string; html?: string; url?: string; title?: string; outlet?: string; date?: string } }
  | { url: string };

/** Checks a parsed JSON body: known string fields, one of text/html/url, a web address for url. */
export function postedDocument(body: unknown): PostedDocument {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("the body must be a JSON object such as {\"text\": \"…\"}");
  const fields: Partial<Record<PostField, string>> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(POST_FIELDS as readonly string[]).includes(name)) throw badRequest(`unknown field "${name}"; use ${POST_FIELDS.join(", ")}`);
    if (value === null || value === undefined) continue;
    if (typeof value !== "string") throw badRequest(`field "${name}" must be a string`);
    fields[name as PostField] = value;
  }
  const { text, html, url } = fields;
  if (text !== undefined && html !== undefined) throw badRequest('give "text" or "html", not both');
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) throw badRequest(`"url" must be an http or https address, not "${url}"`);
  if (text === undefined && html === undefined) {
    if (url === undefined) throw badRequest('give the document as "text" or "html", or a "url" to fetch');
    const extra = POST_FIELDS.filter((f) => f !== "url" && fields[f] !== undefined);
    if (extra.length) throw badRequest(`${extra.join(", ")} go with "text" or "html"; a fetched url takes them from the page`);
    return { url };
  }
  const content = text ?? html ?? "";
  if (!content.trim()) throw badRequest(`"${text !== undefined ? "text" : "html"}" is empty`);
  const id = fields.id?.trim() || documentId(fields.title, content);
  return { record: { ...fields, id } };
}

/** An id for a posted document without one: from its title, else from its content, so a repost is recognised. */
const documentId = (title: string | undefined, content: string): string =>
  (title && slug(title)) || `posted-${createHash("sha256").update(content).digest("hex").slice(0, 12)}`;
