// Every view has an address: `#/story?status=disputed&source=reyl`, `#/document/ID?s=4`, `#/numbers`,
// `#/sources`, `#/timeline`. The hash is the state; views read it and write it back.
import { useEffect, useState } from "preact/hooks";
import { adoptToken } from "./api.ts";

export const VIEWS = ["story", "documents", "numbers", "sources", "timeline"] as const;
export type ViewName = (typeof VIEWS)[number] | "document";

export interface Route {
  view: ViewName;
  id?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?", 2);
  const [view, ...rest] = path.split("/");
  const params = new URLSearchParams(query);
  if (view === "document" && rest.length) return { view, id: decodeURIComponent(rest.join("/")), params };
  return { view: (VIEWS as readonly string[]).includes(view) ? (view as ViewName) : "story", params };
}

export function href(view: ViewName, params: Record<string, string | number | undefined> = {}, id?: string): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, String(v));
  return `#/${view}${id !== undefined ? `/${encodeURIComponent(id)}` : ""}${query.size ? `?${query}` : ""}`;
}

/** Replaces the address without a new history entry: typing in a filter is not navigation. */
export const replaceRoute = (to: string): void => history.replaceState(null, "", to);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    // a token pasted into an open tab: keep it, then start again with it
    const update = () => (adoptToken() ? location.reload() : setRoute(parseRoute(location.hash)));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}
