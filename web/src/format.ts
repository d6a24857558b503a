// Small text helpers the views share; the figure and day formats are the charts' own.
export { day, figure } from "../../src/charts/numbers.ts";

/** A web address from a document's metadata, only when it is http(s): a `javascript:` one is shown as text. */
export const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

export const plural = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
