// What the API accepts, checked before anything is read or written: every problem becomes an
// HTTPException whose message names the parameter or field at fault.
import { createHash } from "node:crypto";
import { HTTPException } from "hono/http-exception";
import { CERTAINTY_LABELS } from "../doc.ts";
import { slug } from "../ingest/meta.ts";
import type { ClaimFilter } from "../store/sqlite.ts";

export const badRequest = (message: string): HTTPException => new HTTPException(400, { message });

const CLAIM_PARAMS = ["source", "entity", "certainty", "kind", "search", "doc", "limit"] as const;
const KINDS = ["claim", "opinion"];

/** `/api/claims` query parameters → the store's claim filter, the same one the CLI builds. */
export function claimFilter(query: Record<string, string>): ClaimFilter {
  for (const name of Object.keys(query))
    if (!(CLAIM_PARAMS as readonly string[]).includes(name)) throw badRequest(`unknown parameter "${name}"; use ${CLAIM_PARAMS.join(", ")}`);
  const given = (name: (typeof CLAIM_PARAMS)[number]): string | undefined => query[name]?.trim() || undefined;
  const oneOf = (name: "certainty" | "kind", allowed: readonly string[]): string | undefined => {
    const value = given(name);
    if (value !== undefined && !allowed.includes(value)) throw badRequest(`${name} must be one of ${allowed.join(", ")}, not "${value}"`);
    return value;
  };
  const limit = given("limit");
  if (limit !== undefined && !/^[1-9]\d{0,8}$/.test(limit)) throw badRequest(`limit must be a positive whole number, not "${limit}"`);
  return {
    source: given("source"),
    entity: given("entity"),
    certainty: oneOf("certainty", CERTAINTY_LABELS),
    kind: oneOf("kind", KINDS),
    search: given("search"),
    doc: given("doc"),
    limit: limit === undefined ? undefined : Number(limit),
  };
}

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
