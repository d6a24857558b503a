// Lists come a page at a time: `limit` items from an opaque cursor, which is the offset the previous
// page stopped at. An offset, not a key: every list is a snapshot of one story version, and a cursor
// from a changed story still lands on a page, the same way a paged index reads.
import { badRequest } from "./requests.ts";

export const DEFAULT_LIMIT = 50;

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  next?: string;
}

const encode = (offset: number): string => Buffer.from(`o${offset}`).toString("base64url");

function decode(cursor: string): number {
  const match = /^o(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badRequest(`cursor must be a cursor the previous page gave as next, not "${cursor}"`);
  return Number(match[1]);
}

/** The page a checked query asks for. */
export const pageRequest = (query: { limit?: string; cursor?: string }, max: number): PageRequest => ({
  offset: query.cursor ? decode(query.cursor) : 0,
  limit: Math.min(query.limit ? Number(query.limit) : DEFAULT_LIMIT, max),
});

/** One page of a list held whole. */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  return pageFrom(items.slice(request.offset, request.offset + request.limit), items.length, request);
}

/** A page the store read itself (`items` are the page), of a list of `total`. */
export function pageFrom<T>(items: T[], total: number, request: PageRequest): Page<T> {
  const end = request.offset + request.limit;
  return { items, total, ...(end < total ? { next: encode(end) } : {}) };
}
