import type { Span, Token } from "../doc.ts";
import { codePointClass, codePointWidth, isWordChar, LETTER, NUMBER, SPACE } from "./chars.ts";

// A token is an abbreviation with periods ("U.S."), a word or number that keeps inner periods,
// commas and hyphens ("10,000", "3.5", "ten-thousand", "3000-5000") and inner apostrophes other than
// a possessive ("don't", but "Russia" + "'s"), or one character of punctuation. As a regular
// expression, tried in this order at each position:
//
//   (?:\p{L}\.){2,} | [\p{L}\p{N}]+(?:[.,\-][\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)* | ['’][sS]\b | \S
//
// It is read here by hand, character by character, because every annotator waits on it and a
// Unicode regular expression costs several times as much (test/text.test.ts holds the two to the same output).

/** Tokens of `text` between `span.start` and `span.end`, with offsets into `text`. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const out: Token[] = [];
  tokenizeInto(text, span.start, span.end, out);
  return out;
}

/** Appends the tokens of `text` in [start, end) to `out`; nothing past `end` is looked at. */
export function tokenizeInto(text: string, start: number, end: number, out: Token[]): void {
  let i = start;
  while (i < end) {
    const kind = codePointClass(text, i, end);
    if (kind & SPACE) {
      i += codePointWidth(text, i, end);
      continue;
    }
    const tokenEnd = kind & (LETTER | NUMBER) ? wordEnd(text, i, end, kind) : punctuationEnd(text, i, end);
    const raw = text.slice(i, tokenEnd);
    out.push({ start: i, end: tokenEnd, lower: hasNoCapitals(text, i, tokenEnd) ? raw : raw.toLowerCase() });
    i = tokenEnd;
  }
}

/** Whether [i, end) is ASCII without capitals, so lower-casing would give it back unchanged (and costs more than this look). */
function hasNoCapitals(text: string, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** One past the run of code points from `i` whose class has one of the `wanted` bits. */
function runEnd(text: string, i: number, end: number, wanted: number): number {
  while (i < end && codePointClass(text, i, end) & wanted) i += codePointWidth(text, i, end);
  return i;
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019; // ' ’
const isLetterS = (c: number): boolean => c === 115 || c === 83; // s S
/** `['’][sS]\b`: a possessive "'s" at `i`. */
const isPossessive = (text: string, i: number, end: number): boolean =>
  i + 1 < end && isApostrophe(text.charCodeAt(i)) && isLetterS(text.charCodeAt(i + 1)) && (i + 2 >= end || !isWordChar(text, i + 2));

/** The end of the abbreviation or word starting with a letter or digit at `i`. */
function wordEnd(text: string, i: number, end: number, kind: number): number {
  if (kind & LETTER) {
    const abbreviation = abbreviationEnd(text, i, end);
    if (abbreviation > i) return abbreviation;
  }
  let j = runEnd(text, i, end, LETTER | NUMBER);
  while (j < end) {
    const c = text.charCodeAt(j);
    if ((c === 46 || c === 44 || c === 45) && j + 1 < end && codePointClass(text, j + 1, end) & (LETTER | NUMBER)) j = runEnd(text, j + 1, end, LETTER | NUMBER); // . , -
    else if (isApostrophe(c) && !isPossessive(text, j, end) && j + 1 < end && codePointClass(text, j + 1, end) & LETTER) j = runEnd(text, j + 1, end, LETTER);
    else break;
  }
  return j;
}

/** `(?:\p{L}\.){2,}`: the end of "U.S." or "e.g." at `i`, or `i` when there is none. */
function abbreviationEnd(text: string, i: number, end: number): number {
  let j = i;
  let letters = 0;
  while (j < end && codePointClass(text, j, end) & LETTER) {
    const dot = j + codePointWidth(text, j, end);
    if (dot >= end || text.charCodeAt(dot) !== 46) break;
    j = dot + 1;
    letters++;
  }
  return letters >= 2 ? j : i;
}

/** A possessive "'s", or else the one code point at `i`. */
const punctuationEnd = (text: string, i: number, end: number): number => (isPossessive(text, i, end) ? i + 2 : i + codePointWidth(text, i, end));
