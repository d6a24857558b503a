// The API as the page reads it: typed by the server's own schemas, with the token (when the server
// has one) sent as a bearer header.
import type { z } from "zod";
import type * as s from "../../src/serve/schemas.ts";

export type Proposition = z.infer<typeof s.proposition>;
export type PropositionSummary = z.infer<typeof s.propositionSummary>;
export type ListedClaim = PropositionSummary["claims"][number];
export type StoredClaim = z.infer<typeof s.storedClaim>;
export type StoredDocument = z.infer<typeof s.storedDocument>;
export type DocumentWithMarks = z.infer<typeof s.documentWithMarks>;
export type Mark = DocumentWithMarks["marks"][number];
export type NumberSeries = z.infer<typeof s.numberSeries>;
export type NumberValue = NumberSeries["values"][number];
export type SourceSummary = z.infer<typeof s.sourceSummary>;
export type TimelineEvent = z.infer<typeof s.timelineEvent>;
export interface Page<T> {
  items: T[];
  total: number;
  next?: string;
}

const TOKEN_KEY = "triangulate-token";

/** A token handed over in the address (`#token=…`) is kept for the tab and taken out of the address. */
export function adoptToken(): boolean {
  const match = /^#token=([\w-]+)/.exec(location.hash);
  if (!match) return false;
  sessionStorage.setItem(TOKEN_KEY, match[1]);
  history.replaceState(null, "", `${location.pathname}#/story`);
  return true;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, params: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(`/api/${path}${query.size ? `?${query}` : ""}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal,
  });
  const body = (await response.json()) as T | { error: string };
  if (!response.ok) throw new ApiError(response.status, (body as { error: string }).error ?? response.statusText);
  return body as T;
}
