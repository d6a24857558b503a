// JSON Feed (https://jsonfeed.org, versions 1 and 1.1) → one record per item, read like a JSONL record.
import { recordDocument, type IngestResult } from "./formats.ts";

/** The feed's documents, or undefined when `text` is not a JSON Feed. */
export function jsonFeedDocuments(text: string, input: string, idPrefix: string): IngestResult[] | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  let feed: { version?: unknown; title?: unknown; items?: unknown };
  try {
    feed = JSON.parse(text) as typeof feed;
  } catch {
    return undefined;
  }
  if (typeof feed.version !== "string" || !feed.version.includes("jsonfeed.org") || !Array.isArray(feed.items)) return undefined;
  return feed.items.map((raw: unknown, i: number) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const author = Array.isArray(item.authors) ? (item.authors[0] as { name?: unknown } | undefined)?.name : (item.author as { name?: unknown } | undefined)?.name;
    const record = {
      id: item.id ?? item.url,
      text: item.content_text,
      html: item.content_html,
      title: item.title,
      url: item.url,
      date: item.date_published,
      outlet: feed.title,
      author,
    };
    return recordDocument(record, `${input}#${i + 1}`, `${idPrefix}-${i + 1}`);
  });
}
