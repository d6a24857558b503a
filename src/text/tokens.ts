import type { Span, Token } from "../doc.ts";

// A token is an abbreviation with periods ("U.S."), a word or number that keeps inner periods,
// commas and hyphens ("10,000", "3.5", "ten-thousand", "3000-5000") and inner apostrophes other than
// a possessive ("don't", but "Russia" + "'s"), or one character of punctuation.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[.,\-][\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)*|['’][sS]\b|\S/gu;

/** Tokens of `text` between `span.start` and `span.end`, with offsets into `text`. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const out: Token[] = [];
  const slice = span.end === text.length ? text : text.slice(0, span.end);
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  }
  return out;
}
