// Small helpers shared by every input format: dates, ids, and metadata records.
import type { DocMeta } from "../doc.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A publication date as `YYYY-MM-DD`, or undefined when it cannot be read. The calendar day is
 * the one the writer wrote ("Fri, 18 Oct 2024 23:00 -0500" stays the 18th), not the UTC day.
 */
export function normaliseDate(raw: string | null | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (iso) return ymd(+iso[1], +iso[2], +iso[3]);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(value);
  const monthFirst = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(value);
  const written =
    (dayFirst && ymd(+dayFirst[3], monthNumber(dayFirst[2]), +dayFirst[1])) ||
    (monthFirst && ymd(+monthFirst[3], monthNumber(monthFirst[1]), +monthFirst[2]));
  if (written) return written;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return undefined;
  return ymd(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
}

/**
 * The date an address or a file name holds ("/2016/07/12/", "2016-07-12_", "_20160712."): four digits
 * of a year, a month and a day, alone between separators. Undefined without one: a bare number is more
 * often an id than a date.
 */
export function dateInName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const path = /^https?:\/\/[^/]+(\/[^?#]*)/i.exec(name)?.[1] ?? name;
  const m = /(?:^|[^\d])((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])/.exec(path);
  if (!m || (!m[2] && !/(?:^|[^\p{L}\d])\d{8}(?:[^\p{L}\d]|$)/u.test(path))) return undefined;
  return ymd(+m[1], +m[3], +m[4]);
}

const monthNumber = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;

function ymd(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Lower-case words joined by hyphens, for ids made from names, URLs and titles. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** Id for a URL: the last path segment without its extension, or the host when the path is bare. */
export function urlSlug(url: string): string {
  try {
    const parsed = new URL(url);
    const segments = parsed.pathname.split("/").filter(Boolean);
    const last = (segments.at(-1) ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
    return slug(last && !/^index$/i.test(last) ? last : segments.at(-2) ?? parsed.hostname) || slug(parsed.hostname);
  } catch {
    return slug(url);
  }
}

/** The metadata fields a record (front matter, JSONL object, CSV row) may carry, cleaned. */
export function metaFromRecord(record: Record<string, unknown>): DocMeta {
  const meta: DocMeta = {};
  const field = (key: string): string | undefined => {
    const value = record[key];
    return typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : undefined;
  };
  const title = field("title");
  const outlet = field("outlet");
  const author = field("author");
  const url = field("url");
  const date = normaliseDate(field("date"));
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet;
  if (author) meta.author = author;
  if (date) meta.date = date;
  if (url) meta.url = url;
  return meta;
}

/** `base` with every field of `over` that is set. */
export function mergeMeta(base: DocMeta, over: DocMeta): DocMeta {
  const out: DocMeta = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof DocMeta, string | undefined][]) {
    if (value) out[key] = value;
  }
  return out;
}
