// A list read a page at a time: the first page when the query changes (an older request is
// cancelled), more on request. The DOM holds only what was asked for, so 100,000 claims stay light.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, type Page } from "../api.ts";
import { markRendered } from "./rendered.ts";

export interface Paged<T> {
  items: T[];
  total: number;
  next?: string;
  loading: boolean;
  error?: string;
  more(): void;
}

/** `view`, when given, is the name the page reports each time the list has been drawn (rendered.ts). */
export function usePaged<T>(path: string, params: Record<string, string | undefined>, limit = 50, view?: string): Paged<T> {
  const [state, setState] = useState<Omit<Paged<T>, "more">>({ items: [], total: 0, loading: true });
  const key = JSON.stringify([path, params, limit]);
  const current = useRef(key);
  useEffect(() => {
    current.current = key;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api<Page<T>>(path, { ...params, limit: String(limit) }, abort.signal)
      .then((page) => current.current === key && setState({ items: page.items, total: page.total, next: page.next, loading: false }))
      .catch((e: Error) => e.name !== "AbortError" && setState({ items: [], total: 0, loading: false, error: e.message }));
    return () => abort.abort();
  }, [key]);
  const more = useCallback(() => {
    if (!state.next || state.loading) return;
    setState((s) => ({ ...s, loading: true }));
    api<Page<T>>(path, { ...params, limit: String(limit), cursor: state.next })
      .then((page) => current.current === key && setState((s) => ({ items: [...s.items, ...page.items], total: page.total, next: page.next, loading: false })))
      .catch((e: Error) => setState((s) => ({ ...s, loading: false, error: e.message })));
  }, [key, state.next, state.loading]);
  useEffect(() => {
    if (view && !state.loading) markRendered(view);
  }, [state.items, state.loading]);
  return { ...state, more };
}
