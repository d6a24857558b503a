// Small text helpers the views share.
export const day = (date: string | undefined): string => date?.slice(0, 10) ?? "undated";

const num = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** "38", "80–120", "at least 46", "up to 15,000". */
export function figure(v: { min: number; max: number; bound?: string; approximate?: boolean }): string {
  const value = v.min === v.max ? num(v.min) : `${num(v.min)}–${num(v.max)}`;
  return `${v.bound === "lower" ? "at least " : v.bound === "upper" ? "up to " : v.approximate ? "about " : ""}${value}`;
}

/** A web address from a document's metadata, only when it is http(s): a `javascript:` one is shown as text. */
export const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

export const plural = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
