// The page says when a list has been drawn, for the browser tests and the page bench to wait on:
// `data-rendered` on <body> counts the renders, `window.__rendered` holds the last one's time.
declare global {
  interface Window {
    __rendered?: { view: string; at: number; count: number };
  }
}

export function markRendered(view: string): void {
  const count = (window.__rendered?.count ?? 0) + 1;
  window.__rendered = { view, at: performance.now(), count };
  document.body.dataset.rendered = `${view}:${count}`;
}
