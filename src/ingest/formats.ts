// Decoded text of one input → documents, by format. A file holding many records (JSONL, CSV, a feed)
// gives one result per record, so one broken record never costs the others.
import { basename } from "node:path";
import type { DocMeta, SourceDoc } from "../doc.ts";
import { parseCsv } from "./csv.ts";
import { looksLikeFeed, parseFeed } from "./feed.ts";
import { extractHtml } from "./html.ts";
import { dateInName, mergeMeta, metaFromRecord, slug, urlSlug } from "./meta.ts";
import { markdownToText, splitFrontMatter, unwrapPlainText } from "./plaintext.ts";

export type IngestResult = { ok: true; input: string; doc: SourceDoc } | { ok: false; input: string; error: string };

export type Format = "text" | "markdown" | "html" | "feed" | "jsonl" | "csv";

/** The files a folder walk picks up, by extension. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
};

/** Where the text came from: `input` names it in results and in `meta.origin`. */
export interface Source {
  input: string;
  id: string;
  /** The address the text was fetched from, for a URL. */
  url?: string;
}

/** Feed, HTML or plain text, judged from how the text starts. */
export function sniffFormat(text: string): Format {
  if (looksLikeFeed(text)) return "feed";
  const head = text.slice(0, 1024).trimStart();
  if (/^<(!doctype html|html|head|body)\b/i.test(head) || /<(p|div|article|br|h[1-6])[\s>\/]/i.test(head)) return "html";
  return "text";
}

export function documentsFrom(text: string, format: Format, source: Source): IngestResult[] {
  switch (format) {
    case "text": {
      const { body, meta } = splitFrontMatter(text);
      return [documentResult(source, unwrapPlainText(body), meta, source.input)];
    }
    case "markdown": {
      const { body, meta } = splitFrontMatter(text);
      return [documentResult(source, markdownToText(body), meta, source.input)];
    }
    case "html": {
      const { text: main, meta } = extractHtml(text, source.url);
      return [documentResult(source, main, meta, source.input)];
    }
    case "feed":
      return feedDocuments(text, source);
    case "jsonl":
      return jsonlDocuments(text, source);
    case "csv":
      return csvDocuments(text, source);
  }
}

/**
 * One document's result. Without a date in its metadata, it takes the one its address gives
 * ("…/2016/07/12/…") or, for a file that holds one document, its name ("reuters_2016-07-12_troops.txt"):
 * archives and scrapers name articles so, and a dated document resolves "on Tuesday" and sits in the timeline.
 */
function documentResult(source: Source, text: string, meta: DocMeta, file?: string): IngestResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, input: source.input, error: "empty: no text found" };
  const url = meta.url ?? source.url;
  const date = meta.date ?? dateInName(url) ?? (file && !/^https?:/i.test(file) ? dateInName(basename(file)) : undefined);
  const withUrl = { ...meta, ...(url ? { url } : {}), ...(date ? { date } : {}) };
  return { ok: true, input: source.input, doc: { id: source.id, text: trimmed, meta: { ...withUrl, origin: source.input } } };
}

function feedDocuments(xml: string, source: Source): IngestResult[] {
  if (!looksLikeFeed(xml)) return [{ ok: false, input: source.input, error: "not an RSS or Atom feed" }];
  const items = parseFeed(xml);
  if (!items.length) return [{ ok: false, input: source.input, error: "feed has no items" }];
  return items.map((item, i) => {
    const id = (item.key && (/^https?:/i.test(item.key) ? urlSlug(item.key) : slug(item.key))) || `${source.id}-${i + 1}`;
    return documentResult({ input: `${source.input}#${i + 1}`, id }, item.text, item.meta);
  });
}

function jsonlDocuments(text: string, source: Source): IngestResult[] {
  const results: IngestResult[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const input = `${source.input}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      results.push({ ok: false, input, error: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    if (!record || typeof record !== "object" || Array.isArray(record)) {
      results.push({ ok: false, input, error: "line is not a JSON object" });
      return;
    }
    results.push(recordDocument(record as Record<string, unknown>, input, `${source.id}-${i + 1}`));
  });
  return results;
}

function csvDocuments(text: string, source: Source): IngestResult[] {
  const [header, ...rows] = parseCsv(text);
  const columns = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  if (!columns.includes("text") && !columns.includes("html")) {
    return [{ ok: false, input: source.input, error: 'CSV header has no "text" or "html" column' }];
  }
  return rows.map((row) => {
    const record = Object.fromEntries(columns.map((name, i) => [name, row.fields[i] ?? ""]));
    return recordDocument(record, `${source.input}:${row.line}`, `${source.id}-${row.line}`);
  });
}

/** One JSONL object or CSV row: `{id, text|html, title?, url?, date?, outlet?, author?}`. */
/** One record of a JSON Lines or CSV dump (or one posted to the API): its text or HTML, and its metadata. */
export function recordDocument(record: Record<string, unknown>, input: string, fallbackId: string): IngestResult {
  const given = record.id;
  const id = typeof given === "string" && given.trim() ? given.trim() : typeof given === "number" ? String(given) : fallbackId;
  const fields = metaFromRecord(record);
  if (typeof record.text === "string" && record.text.trim()) {
    return documentResult({ input, id }, record.text.replace(/\r\n?/g, "\n"), fields);
  }
  if (typeof record.html === "string" && record.html.trim()) {
    const { text, meta } = extractHtml(record.html, fields.url);
    return documentResult({ input, id }, text, mergeMeta(meta, fields));
  }
  return { ok: false, input, error: 'no "text" or "html" field' };
}
