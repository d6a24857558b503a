import type { Span, Token } from "../../doc.ts";
import { PhraseMatcher } from "../../text/phrases.ts";
import { tokenize } from "../../text/tokens.ts";
import {
  AMBIGUOUS_CURRENCY, CURRENCY_CODES, CURRENCY_SYMBOLS, ORDINAL_WORDS, SMALL_NUMBERS, CURRENCY_WORDS, DOLLAR_PREFIXES, GLUED_ONLY_UNITS,
  LABEL_BEFORE, MEASURE_UNITS, MINOR_CURRENCIES, MONTHS, PERCENT_WORDS, PLURAL_NOUNS, PLURAL_SCALES, PREFIX_CUES, SCALE_WORDS, SUFFIX_CUES,
  SUFFIX_SCALES, TIME_AFTER, VULGAR_FRACTIONS, YEAR_AFTER, YEAR_BEFORE, type Cue,
} from "./lexicon.ts";
import { readNumeral } from "./numerals.ts";
import { toPieces, type Piece } from "./pieces.ts";
import { readWordNumber, startsWordNumber } from "./words.ts";

export type NumberKind = "count" | "percent" | "money" | "measure" | "ordinal";

/**
 * What a number is doing in the sentence. Only "quantity" numbers are amounts of something; the
 * others are recognised so they can be left out: years, dates, times, ordinals ("3rd", "first"),
 * numbers inside names ("Boeing 737", "COVID-19"), list markers ("1) Russia") and phone numbers.
 * "vague" is an amount named without a number ("thousands of", "a small percent"): its min and max are NaN.
 */
export type NumberRole = "quantity" | "ordinal" | "year" | "date" | "time" | "name" | "list" | "phone" | "vague";

/** A number found in text: a point (min = max), a range, or a bound, with its unit and cue words. */
export interface NumberMention extends Span {
  role: NumberRole;
  kind: NumberKind;
  min: number;
  max: number;
  approximate: boolean;
  bound?: "upper" | "lower";
  /** Said to be exact: "exactly 500", "equal to 20". */
  exact?: boolean;
  /** ISO currency code, measure unit, or "%". */
  unit?: string;
  /** Written in words only ("three thousand"), no digits. */
  spelled: boolean;
  /** The cue words ("about", "more than") and the number words. */
  evidence: Span[];
}

/** Every number in `text` (or in `span` of it). */
export function parseNumbers(text: string, span?: Span): NumberMention[] {
  return parseTokens(text, tokenize(text, span));
}

/** Every number in tokens [from, to) of `text`: what the annotator calls with a sentence's tokens. */
export function parseTokens(text: string, tokens: readonly Token[], from = 0, to = tokens.length): NumberMention[] {
  if (!hasNumberish(tokens, from, to)) return [];
  const pieces = toPieces(text, tokens, from, to);
  const out: NumberMention[] = [];
  for (let i = 0; i < pieces.length; ) {
    if (isWebAddress(pieces, i)) {
      i = gluedRunEnd(pieces, i); // "?q=30%25": the numbers of a web address are parts of a name
      continue;
    }
    const found = readMention(text, pieces, i);
    if (!found) {
      i++;
      continue;
    }
    for (const m of found.mentions) if (!joinBounds(text, out[out.length - 1], m)) out.push(m);
    i = Math.max(found.next, i + 1);
  }
  return out;
}

function isWebAddress(pieces: Piece[], i: number): boolean {
  const p = pieces[i];
  if (p.type !== "word") return false;
  if (p.lower === "http" || p.lower === "https" || p.lower === "ftp") return pieces[i + 1]?.raw === ":" && pieces[i + 1].glued;
  return p.lower.startsWith("www.");
}

/** The first piece after the run of pieces glued to piece `i`. */
function gluedRunEnd(pieces: Piece[], i: number): number {
  let k = i + 1;
  while (k < pieces.length && pieces[k].glued) k++;
  return k;
}

/** "more than 10 and less than 40", "at most 100, at least 20": opposite bounds side by side make `a` a range. */
function joinBounds(text: string, a: NumberMention | undefined, b: NumberMention): boolean {
  if (!a?.bound || !b.bound || a.bound === b.bound || a.role !== "quantity" || b.role !== "quantity" || a.kind !== b.kind) return false;
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  const [lower, upper] = a.bound === "lower" ? [a, b] : [b, a];
  if (!(lower.min < upper.max)) return false;
  let gapStart = a.end, gapEnd = b.start;
  for (const e of a.evidence) gapStart = Math.max(gapStart, e.end);
  for (const e of b.evidence) gapEnd = Math.min(gapEnd, e.start);
  if (gapEnd - gapStart > 8 || !BOUNDS_LINK.test(text.slice(gapStart, gapEnd))) return false;
  a.min = lower.min;
  a.max = upper.max;
  delete a.bound;
  a.start = Math.min(a.start, b.start);
  a.end = Math.max(a.end, b.end);
  a.unit ??= b.unit;
  a.approximate ||= b.approximate;
  a.evidence.push(...b.evidence);
  return true;
}
const BOUNDS_LINK = /^\s*(?:,|,?\s*(?:and|but))\s*$/i;

/** Most sentences hold no number: one cheap pass over the tokens says whether to look closer. */
function hasNumberish(tokens: readonly Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const w = tokens[t].lower;
    if (hasDigit(w) || TRIGGERS.has(w)) return true;
    const dash = w.indexOf("-"); // "twenty-six"
    if (dash > 0 && TRIGGERS.has(w.slice(0, dash))) return true;
  }
  return false;
}
/** `/\d/` by hand: this runs on every token of every sentence. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
/** Words that can start or carry a number; "a" is not one, since "a dozen" holds "dozen". */
const TRIGGERS: ReadonlySet<string> = new Set([
  ...SMALL_NUMBERS.keys(), ...SCALE_WORDS.keys(), ...ORDINAL_WORDS.keys(), ...PERCENT_WORDS, ...VULGAR_FRACTIONS.keys(), ...PLURAL_SCALES,
  "per", "minus", "negative",
]);

// ---------------------------------------------------------------------------------------------
// Amounts: one number with its scale ("2 million", "10k") and its unit ("$", "%", "km").

interface Amount {
  value: number;
  first: number; // first piece of the number (after any currency sign)
  next: number; // piece after the number and its unit
  start: number; // text offsets of the number words, currency sign and unit included
  end: number;
  spelled: boolean;
  ordinal: boolean;
  scaled: number; // the multiplier written after the number, 1 if none
  kind: NumberKind;
  unit: string | undefined;
  /** A bare integer without separators, scale or unit: could be a year or a label. */
  bare: boolean;
  digits: number;
  role: NumberRole;
}

const cues = new PhraseMatcher<Cue>(PREFIX_CUES);
const LONGEST_CUE = Math.max(...PREFIX_CUES.map(([phrase]) => tokenize(phrase).length));
const suffixCues = new PhraseMatcher<Cue>(SUFFIX_CUES);
const currencyWords = new PhraseMatcher<string>(CURRENCY_WORDS);
const measureUnits = new PhraseMatcher<string>(MEASURE_UNITS);
const percentWords = new PhraseMatcher<true>([...PERCENT_WORDS].map((w): [string, true] => [w, true]));

const DATE = /\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?!\d)|\d{4}-\d{2}(?!\d)/y;
const TIME = /\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|gmt|utc|h\b)?|\d{1,2}:\d{2}/iy;
const PHONE = /\+\d[\d\s().\/-]{6,}\d|\(\d{2,4}\)\s?\d{3}[-\s]\d{4}|\d{3}-\d{3,4}-\d{4}/y;

function readMention(text: string, pieces: Piece[], i: number): { mentions: NumberMention[]; next: number } | undefined {
  const a = readAmount(text, pieces, i) ?? percentOf(text, pieces, i);
  if (!a) return readVague(pieces, i);
  if (a.role !== "quantity") return { mentions: [mention(a, a, [], a.role)], next: a.next };
  // ranges: "10,000 to 12,000", "3,000–5,000", "between 100 and 300", "10 to 12 million"
  const link = pieces[a.next];
  const opener = openerBefore(pieces, a);
  let b: Amount | undefined;
  if (link && isRangeLink(link, opener)) {
    // "the 20-to-40 range": a hyphenated "to" links as the bare one does
    const hyphenatedTo = link.lower === "-" && pieces[a.next + 1]?.lower === "to" && pieces[a.next + 2]?.lower === "-";
    // "between $30,000 and $60,000": the second figure may carry its own currency sign
    const at = a.next + (hyphenatedTo ? 3 : 1);
    b = readAmount(text, pieces, at) ?? (pieces[at] && CURRENCY_SYMBOLS.has(pieces[at].raw) ? readAmount(text, pieces, at + 1) : undefined);
    if (b && !joinRange(a, b)) b = undefined;
  }
  const last = b ?? a;
  const firstPiece = leadingPiece(pieces, a);
  const evidence: Span[] = [];
  const cue = prefixCue(pieces, opener ? opener.index : firstPiece, evidence);
  const after = suffixCue(pieces, last.next, evidence);
  const role = yearLike(pieces, a, b, firstPiece, cue) ? "year" : labelLike(pieces, a, b, firstPiece, cue) ?? "quantity";
  const m = mention(a, last, evidence, role);
  if (cue.bound ?? after.bound) m.bound = cue.bound ?? after.bound;
  else if (cue.exact || after.exact) m.exact = true;
  m.approximate = Boolean(cue.approximate || after.approximate);
  return { mentions: [m], next: after.next };
}

/** "thousands of", "hundreds of thousands", "a small percent", "the % of": an amount with no number given. */
function readVague(pieces: Piece[], i: number): { mentions: NumberMention[]; next: number } | undefined {
  const percent = percentWords.matchAt(pieces, i);
  let next = i + 1;
  if (percent) next = percent.tokenEnd;
  else if (!PLURAL_SCALES.has(pieces[i].lower)) return undefined;
  else if (pieces[next]?.lower === "of" && PLURAL_SCALES.has(pieces[next + 1]?.lower)) next += 2;
  const start = pieces[i].start, end = pieces[next - 1].end;
  const m: NumberMention = {
    start, end, role: "vague", kind: "count", min: NaN, max: NaN, approximate: true, spelled: true, evidence: [{ start, end }],
  };
  if (percent) {
    m.kind = "percent";
    m.unit = "%";
  }
  return { mentions: [m], next };
}

function mention(a: Amount, b: Amount, cueSpans: Span[], role: NumberRole): NumberMention {
  const start = Math.min(a.start, b.start), end = Math.max(a.end, b.end);
  cueSpans.push({ start, end });
  const m: NumberMention = {
    start, end, role, kind: a.ordinal ? "ordinal" : a.kind, min: a.value, max: b.value, approximate: false,
    spelled: a.spelled && b.spelled, evidence: cueSpans,
  };
  if (a.unit) m.unit = a.unit;
  return m;
}

/** The first piece of an amount, its currency sign included. */
function leadingPiece(pieces: Piece[], a: Amount): number {
  let k = a.first;
  while (k > 0 && pieces[k - 1].start >= a.start) k--;
  return k;
}

/** "between" or "from" just before a number opens a range. */
function openerBefore(pieces: Piece[], a: Amount): { word: string; index: number } | undefined {
  const k = leadingPiece(pieces, a) - 1;
  const w = pieces[k]?.lower;
  return w === "between" || w === "from" ? { word: w, index: k } : undefined;
}

function isRangeLink(link: Piece, opener: { word: string } | undefined): boolean {
  const w = link.lower;
  if (w === "-" || w === "–" || w === "—" || w === "~" || w === "to" || w === "through" || w === "thru") return true;
  return w === "and" && opener?.word === "between";
}

/** Makes `a` and `b` one range when they can be: shares the scale and unit, and wants min < max. */
function joinRange(a: Amount, b: Amount): boolean {
  if (a.role !== "quantity" || b.role !== "quantity" || a.ordinal || b.ordinal) return false;
  if (a.scaled === 1 && b.scaled > 1 && a.value * b.scaled <= b.value) {
    a.value *= b.scaled;
    a.bare = false;
  }
  if (a.unit && !b.unit) {
    b.unit = a.unit;
    b.kind = a.kind;
  } else if (b.unit && !a.unit) {
    a.unit = b.unit;
    a.kind = b.kind;
  } else if (a.unit !== b.unit) return false;
  return a.value < b.value;
}

function prefixCue(pieces: Piece[], at: number, evidence: Span[]): Cue {
  const cue: Cue = {};
  // cues can stack: "up to about", "an estimated", "more than an estimated"
  for (let end = at, rounds = 0; rounds < 2; rounds++) {
    let hit: { value: Cue; tokenStart: number; tokenEnd: number } | undefined;
    for (let s = Math.max(0, end - LONGEST_CUE); s < end && !hit; s++) {
      const m = cues.matchAt(pieces, s, end);
      if (m && m.tokenEnd === end) hit = m;
    }
    if (!hit || isSymbolTangle(pieces, hit.tokenStart)) break;
    evidence.unshift({ start: pieces[hit.tokenStart].start, end: pieces[hit.tokenEnd - 1].end });
    cue.bound ??= hit.value.bound;
    cue.approximate ||= hit.value.approximate;
    cue.exact ||= hit.value.exact;
    end = hit.tokenStart;
  }
  return cue;
}

const startsNumber = (p: Piece | undefined): boolean => !!p && (p.type === "num" || startsWordNumber(p));

/** "=<30", "<>30": a comparison sign glued to another sign is not one we can read. */
const isSymbolTangle = (pieces: Piece[], k: number): boolean => pieces[k].type === "sym" && pieces[k].glued && pieces[k - 1]?.type === "sym";

function suffixCue(pieces: Piece[], at: number, evidence: Span[]): Cue & { next: number } {
  let k = at;
  if (pieces[k]?.lower === "-" && pieces[k].glued) k++; // "20-odd", "10,000-plus"
  const m = suffixCues.matchAt(pieces, k);
  if (!m || (m.value.approximate && k === at && pieces[k].lower === "odd")) return { next: at };
  // "200 or greater than 190", "20 and less or equal than 35": the comparison is the next number's
  const next = m.tokenEnd - m.tokenStart > 1 ? cues.matchAt(pieces, m.tokenStart + 1) : undefined;
  if (next && startsNumber(pieces[next.tokenEnd])) return { next: at };
  evidence.push({ start: pieces[m.tokenStart].start, end: pieces[m.tokenEnd - 1].end });
  return { ...m.value, next: m.tokenEnd };
}

// ---------------------------------------------------------------------------------------------

/** "percent of 10", "per cent of twenty-two": a percentage named before its number, heading a phrase. */
function percentOf(text: string, pieces: Piece[], i: number): Amount | undefined {
  const prev = pieces[i - 1];
  if (prev && prev.type !== "sym") return undefined;
  const word = percentWords.matchAt(pieces, i);
  if (!word || pieces[word.tokenEnd]?.lower !== "of") return undefined;
  const a = readAmount(text, pieces, word.tokenEnd + 1);
  if (!a || a.kind !== "count" || a.role !== "quantity") return undefined;
  a.kind = "percent";
  a.unit = "%";
  a.start = pieces[i].start;
  return a;
}

/**
 * One number at piece `i` with its scale and unit, or undefined when none starts there. `tail` reads
 * on past a numeral's scale word ("3 hundred and 21"); the tail's own parts are read without it.
 */
function readAmount(text: string, pieces: Piece[], i: number, tail = true): Amount | undefined {
  const p = pieces[i];
  if (!p) return undefined;
  let sign = 1;
  let k = i;
  if (p.type === "word" && (p.lower === "minus" || p.lower === "negative") && pieces[k + 1]) {
    sign = -1;
    k++;
  } else if (isSign(pieces, i)) {
    if (p.raw !== "+") sign = -1;
    k++;
  }
  const currency = currencyBefore(pieces, k);
  const q = pieces[k];
  if (!q) return undefined;
  let a: Amount | undefined;
  if (q.type === "num" || (q.raw === "." && pieces[k + 1]?.type === "num" && pieces[k + 1].glued && pieces[k - 1]?.type !== "num")) a = readDigits(text, pieces, k);
  else if (startsWordNumber(q)) {
    const w = readWordNumber(pieces, k);
    const pronoun = w && w.end === k + 1 && q.lower === "one" && ONE_AS_PRONOUN_AFTER.has(pieces[k - 1]?.lower) && pieces[k + 1]?.lower !== "of";
    if (w && !pronoun) a = newAmount(w.value, k, w.end, pieces[k].start, pieces[w.end - 1].end, w.ordinal ? "ordinal" : "quantity", true);
  } else if (VULGAR_FRACTIONS.has(q.raw)) a = newAmount(VULGAR_FRACTIONS.get(q.raw)!, k, k + 1, q.start, q.end, "quantity");
  if (!a) return undefined;
  a.value *= sign;
  if (sign < 0) a.start = pieces[i].start;
  if (a.role !== "quantity") return a;
  readScale(pieces, a, Boolean(currency));
  if (tail) readScaleTail(text, pieces, a);
  if (!currency && a.scaled === 1) readMillionM(pieces, a);
  if (currency) {
    if (currency.scale > 1) scaleBy(a, currency.scale, a.end);
    a.kind = "money";
    a.unit = currency.code;
    a.start = Math.min(a.start, currency.start);
    a.bare = false;
  }
  readUnit(text, pieces, a);
  readFractionTail(text, pieces, a);
  return a;
}

/** "the one you mentioned", "which one", "no one": "one" standing for a noun, not a count (but "that one of them" is). */
const ONE_AS_PRONOUN_AFTER: ReadonlySet<string | undefined> = new Set([
  "the", "this", "that", "which", "each", "every", "any", "another", "no", "either", "neither", "other", "same", "last", "next",
]);

/** A sign glued to digits, with space, a bracket or a comparison before it ("<-30"); "3000-5000" and "SCP-173" are not negative. */
function isSign(pieces: Piece[], i: number): boolean {
  const p = pieces[i];
  if ((p.raw !== "-" && p.raw !== "+" && p.raw !== "−") || pieces[i + 1]?.type !== "num" || !pieces[i + 1].glued) return false;
  return !p.glued || i === 0 || OPEN_BEFORE_SIGN.has(pieces[i - 1].raw);
}
const OPEN_BEFORE_SIGN: ReadonlySet<string> = new Set(["(", "[", "<", ">", "=", "≤", "≥"]);

/** Every amount has the same fields in the same order, which keeps property access fast. */
function newAmount(value: number, first: number, next: number, start: number, end: number, role: NumberRole, spelled = false, bare = false, digits = 0): Amount {
  return { value, first, next, start, end, spelled, ordinal: role === "ordinal", scaled: 1, kind: "count", unit: undefined, bare, digits, role };
}

/** A numeral at piece `k` and what it is when it is not an amount (date, time, phone, ordinal). */
function readDigits(text: string, pieces: Piece[], k: number): Amount | undefined {
  const at = pieces[k].start;
  // "192.168.1.2", "nrs. 22,24,26": past a number that stopped at a separator, each part is a number of its own
  const sep = pieces[k - 1];
  if (pieces[k].glued && sep?.glued && (sep.raw === "." || sep.raw === ",") && pieces[k - 2]?.type === "num")
    return newAmount(Number(pieces[k].raw), k, k + 1, at, pieces[k].end, "quantity", false, true, pieces[k].raw.length);
  if (pieces[k].type === "num") {
    for (const [re, role] of [[PHONE, "phone"], [DATE, "date"], [TIME, "time"]] as const) {
      re.lastIndex = role === "phone" && text[at - 1] === "+" ? at - 1 : at; // "+1-202-555-0143"
      const m = re.exec(text);
      if (m && (role !== "time" || /[:]|[ap]\.?m|gmt|utc/i.test(m[0]))) return skipped(pieces, k, re.lastIndex, role);
    }
  }
  const n = readNumeral(text, at);
  if (!n) return undefined;
  const next = pieceAfter(pieces, k, n.end);
  const after = pieces[next];
  // "3rd", "21st": ordinals; "1980s": a decade
  if (after?.glued && after.type === "word") {
    if (/^(st|nd|rd|th)$/.test(after.lower) && n.integer) return skipped(pieces, k, after.end, "ordinal", n.value);
    if (after.lower === "s" && n.integer) return skipped(pieces, k, after.end, "year");
    if (!knownSuffix(after, n.digits)) return skipped(pieces, k, after.end, "name", n.value); // "5G", "3D", "737MAX"
  }
  if (after && TIME_AFTER.has(after.lower) && n.value <= 24) return skipped(pieces, k, after.end, "time");
  // "G7", "COVID-19", "Catch-22", "A320": digits glued to a word are part of a name; "/2024/" of a path
  const before = pieces[k - 1];
  if (pieces[k].glued && before?.raw === "/") return skipped(pieces, k, n.end, "name", n.value);
  const g = before?.raw === "-" && before.glued ? k - 2 : k - 1;
  const glue = pieces[g];
  const glueEndsNumber = glue !== before && glue?.glued && pieces[g - 1]?.type === "num"; // "5k-20k": the "k" is the first number's
  const currencyGlue = glue && (CURRENCY_WORDS.has(glue.lower) || DOLLAR_PREFIXES.has(glue.lower));
  const rangeGlue = glue?.lower === "to" && pieces[g - 1]?.raw === "-" && pieces[g - 2]?.type === "num"; // "20-to-40"
  if (pieces[k].glued && glue?.type === "word" && (glue === before || before.glued) && !glueEndsNumber && !currencyGlue && !rangeGlue) return skipped(pieces, k, n.end, "name", n.value);
  return newAmount(n.value, k, next, at, n.end, "quantity", false, !n.formatted && n.integer, n.digits);
}

/** A numeral at piece `k` read as something other than an amount (a date, an ordinal, a name), ending at `end`. */
function skipped(pieces: Piece[], k: number, end: number, role: NumberRole, value = 0): Amount {
  return newAmount(value, k, pieceAfter(pieces, k, end), pieces[k].start, end, role);
}

/** Letters that may follow a numeral without a space: a scale, a unit, a currency, a time of day. */
function knownSuffix(p: Piece, digits: number): boolean {
  if (p.raw.length === 1 && p.raw !== p.lower && digits < 2 && p.raw !== "K" && p.raw !== "M" && p.raw !== "B") return false;
  const w = p.lower;
  return SUFFIX_SCALES.has(p.raw) || SUFFIX_SCALES.has(w) || MEASURE_UNITS.has(w) || CURRENCY_WORDS.has(w) || CURRENCY_SYMBOLS.has(p.raw) || TIME_AFTER.has(w) || SCALE_WORDS.has(w) || PERCENT_WORDS.has(w) || w === "e";
}

/** The first piece that starts at or after `end`. */
function pieceAfter(pieces: Piece[], k: number, end: number): number {
  while (k < pieces.length && pieces[k].start < end) k++;
  return k;
}

/** "$", "US$", "C $", "€", "USD", "sen" just before a number. */
function currencyBefore(pieces: Piece[], k: number): { code: string; start: number; scale: number } | undefined {
  const p = pieces[k - 1];
  if (!p) return undefined;
  const symbol = CURRENCY_SYMBOLS.get(p.raw);
  if (symbol) {
    const prefix = pieces[k - 2];
    const code = symbol === "USD" && prefix?.type === "word" && p.start - prefix.end <= 1 && DOLLAR_PREFIXES.get(prefix.lower);
    return code ? { code, start: prefix.start, scale: 1 } : { code: symbol, start: p.start, scale: 1 };
  }
  const code = p.lower === "sen" ? { code: "SEN", scale: 1 } : currencyCode(p);
  return code && { ...code, start: p.start };
}

/** "USD", "rmb", "MUSD" (millions of dollars), "kEUR": a currency code, with the scale its first letter gives. */
function currencyCode(p: Piece): { code: string; scale: number } | undefined {
  const w = p.lower;
  if (p.type !== "word" || w.length < 3 || w.length > 4) return undefined;
  if (w.length === 3) {
    const code = CURRENCY_WORDS.get(w);
    const caps = p.raw === p.raw.toUpperCase();
    return code && (caps || (CURRENCY_CODES.has(w) && !AMBIGUOUS_CURRENCY.has(w))) ? { code, scale: 1 } : undefined;
  }
  const scale = p.raw[0] === "M" ? 1e6 : p.raw[0] === "K" || p.raw[0] === "k" ? 1e3 : 0;
  const rest = p.raw.slice(1);
  return scale && rest === rest.toUpperCase() && CURRENCY_CODES.has(w.slice(1)) ? { code: rest, scale } : undefined;
}

/** "2 million", "10k", "$2bn", "15-hundred", "three lakh crore": multiplies the amount. */
function readScale(pieces: Piece[], a: Amount, money: boolean): void {
  let k = a.next;
  for (;;) {
    let p = pieces[k];
    if (p?.raw === "-" && p.glued && pieces[k + 1] && SCALE_WORDS.has(pieces[k + 1].lower)) p = pieces[++k];
    if (!p) break;
    const word = SCALE_WORDS.get(p.lower) ?? (PLURAL_SCALES.has(p.lower) && !a.spelled ? SCALE_WORDS.get(p.lower.slice(0, -1)) : undefined);
    const suffix = suffixScale(p, a, money);
    const scale = a.spelled ? undefined : word ?? suffix; // spelled numbers read their own scale words
    if (!scale) break;
    a.value = round(a.value * scale);
    a.scaled *= scale;
    a.bare = false;
    a.end = p.end;
    k++;
    a.next = k;
  }
}

/** "1.2m voters": a glued "m" before a plural noun is a million, not metres. */
function readMillionM(pieces: Piece[], a: Amount): void {
  const m = pieces[a.next];
  if (m?.raw !== "m" || !m.glued || !isPluralNoun(pieces[a.next + 1]?.lower)) return;
  a.value = round(a.value * 1e6);
  a.scaled = 1e6;
  a.bare = false;
  a.end = m.end;
  a.next++;
}

function scaleBy(a: Amount, scale: number, end: number): void {
  a.value = round(a.value * scale);
  a.scaled *= scale;
  a.bare = false;
  a.end = end;
}

/** A currency sign at piece `k`; "ரூ" is two pieces, a letter and a vowel sign. */
function symbolAt(pieces: Piece[], k: number): { code: string; next: number } | undefined {
  const code = CURRENCY_SYMBOLS.get(pieces[k].raw);
  if (code) return { code, next: k + 1 };
  const two = pieces[k + 1]?.glued && CURRENCY_SYMBOLS.get(pieces[k].raw + pieces[k + 1].raw);
  return two ? { code: two, next: k + 2 } : undefined;
}

/** Drops the float noise of scaling: 16.4 × 1e6 is 16400000, not 16399999.999999998. */
const round = (n: number): number => Number(n.toPrecision(15));

/**
 * "4 thousand 3 hundred and 21", "6 crore and two hundred", "3 million and a half": after a numeral and
 * its scale word the number goes on as spelled numbers do, each part below the scale before it. Without
 * "and" a part needs its own scale ("4 thousand 3 hundred"); after "and" it is below a thousand, as
 * "$2 billion and 500 million" is more often two sums than one.
 */
function readScaleTail(text: string, pieces: Piece[], a: Amount): void {
  if (a.spelled || !Number.isInteger(a.value / a.scaled)) return; // "3.4 billion and 2 million" are two
  let limit = a.scaled;
  while (limit >= 100) {
    const and = pieces[a.next]?.lower === "and";
    const k = and ? a.next + 1 : a.next;
    const p = pieces[k];
    if (!p || (p.type !== "num" && !startsWordNumber(p))) return;
    const part = readAmount(text, pieces, k, false);
    if (!part || part.role !== "quantity" || part.ordinal || part.value <= 0) return;
    const scaled = part.scaled > 1 || (part.spelled && part.value >= 100);
    if (and && part.spelled && part.value < 1) a.value += part.value * (limit >= 1000 ? limit : 1); // "and a half"
    else if (part.value < limit && Number.isInteger(part.value) && (and ? part.value < 1000 : scaled)) a.value += part.value;
    else return;
    a.next = part.next;
    a.end = part.end;
    a.bare = false;
    if (part.unit && !a.unit) {
      a.unit = part.unit;
      a.kind = part.kind;
    }
    limit = part.spelled ? 0 : part.scaled; // spelled numbers read their own parts
  }
}

/** "k", "bn", "M" after a numeral; "m" means million only with money ("$1.5m"), else metres. */
function suffixScale(p: Piece, a: Amount, money: boolean): number | undefined {
  if (p.type !== "word") return undefined;
  const scale = SUFFIX_SCALES.get(p.raw) ?? SUFFIX_SCALES.get(p.lower);
  if (!scale) return undefined;
  if (p.glued) {
    if (p.raw === "m" && !money) return undefined;
    if ((p.lower === "g" || p.lower === "t") && a.digits < 2) return undefined; // "5G", "4T" are names
    if (p.raw === "g" && !money) return undefined;
    return scale;
  }
  return SPACED_SCALES.has(p.raw) ? scale : undefined;
}
const SPACED_SCALES: ReadonlySet<string> = new Set(["k", "K", "M", "G", "bn", "bln", "mn", "mln", "tn", "tln", "trn", "mil", "MM", "B"]);

/** The unit written after the amount: percent, a currency word or code, or a measure unit. */
function readUnit(text: string, pieces: Piece[], a: Amount): void {
  let k = a.next;
  // "12-cent-a-share", "one-yen": a unit joined by a hyphen
  if (pieces[k]?.raw === "-" && pieces[k].glued && pieces[k + 1]?.glued && pieces[k + 1].type === "word") k++;
  const p = pieces[k];
  if (!p) return;
  // "100 €", "100元", "100,000 ரூ"; but in "1 $10" the sign is the next number's
  const symbol = a.kind !== "money" && symbolAt(pieces, k);
  if (symbol && !(pieces[symbol.next]?.glued && pieces[symbol.next].type === "num")) return setUnit(pieces, a, "money", symbol.code, symbol.next);
  const percent = percentWords.matchAt(pieces, k);
  if (percent) return setUnit(pieces, a, "percent", "%", percent.tokenEnd);
  if (a.kind !== "money") {
    const code = currencyCode(p);
    const currency = code ? { value: code.code, tokenEnd: k + 1 } : currencyWords.matchAt(pieces, k);
    const after = currency && pieces[currency.tokenEnd];
    const nextNumbers = after && after.glued && after.type === "num"; // "3 USD50": the code is the next number's
    // "weighs 236 pounds": a weight, not a sum of money
    if ((p.lower === "pounds" || p.lower === "pound") && weighingBefore(pieces, a.first)) return setUnit(pieces, a, "measure", "lb", k + 1);
    if (currency && !nextNumbers && !isAmbiguousCurrency(pieces, k, currency.tokenEnd)) {
      const minor = MINOR_CURRENCIES.has(pieces[currency.tokenEnd - 1].lower);
      if (code && code.scale > 1) scaleBy(a, code.scale, a.end); // "30 MUSD"
      setUnit(pieces, a, "money", currency.value, currency.tokenEnd);
      if (code && !a.spelled) readScale(pieces, a, true); // "75 USD million"
      if (!minor && a.scaled === 1) readCents(text, pieces, a);
      return;
    }
  } else if (currencyWords.matchAt(pieces, k)?.value === a.unit) {
    a.next = currencyWords.matchAt(pieces, k)!.tokenEnd; // "$ 10 dollars"
    return;
  }
  if (a.kind === "money") return;
  const unit = measureUnits.matchAt(pieces, k);
  if (unit && (p.glued || !GLUED_ONLY_UNITS.has(p.lower)) && !(p.lower === "pounds")) {
    const after = pieces[unit.tokenEnd];
    if (after?.glued && after.type !== "sym") return; // "29kmh": not a unit we know
    setUnit(pieces, a, "measure", unit.value, unit.tokenEnd);
  }
}

/** Whether a word of weighing ("weighs", "weighed", "weight") stands among the four pieces before `first`. */
function weighingBefore(pieces: Piece[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) if (pieces[k].lower.startsWith("weigh")) return true;
  return false;
}

/** Currency words that are also ordinary words ("real", "mark", "p") count only in their code form or glued. */
function isAmbiguousCurrency(pieces: Piece[], k: number, end: number): boolean {
  const p = pieces[k];
  if (!AMBIGUOUS_CURRENCY.has(p.lower) || end - k > 1) return false;
  return p.lower === "p" || p.lower === "sen" ? !p.glued : p.lower !== "won" && p.raw !== p.raw.toUpperCase();
}

function setUnit(pieces: Piece[], a: Amount, kind: NumberKind, unit: string, next: number): void {
  a.kind = kind;
  a.unit = unit;
  a.bare = false;
  a.end = pieces[next - 1].end;
  a.next = next;
}

/** "3 dollars 50 cents", "thirteen dollars and forty-five cents": adds the cents. */
function readCents(text: string, pieces: Piece[], a: Amount): void {
  let k = a.next;
  if (pieces[k]?.lower === "and") k++;
  const c = pieces[k] && (pieces[k].type === "num" || startsWordNumber(pieces[k])) ? readPlain(text, pieces, k) : undefined;
  if (!c || c.value >= 100 || c.value <= 0) return;
  const unit = pieces[c.next];
  const cents = unit && MINOR_CURRENCIES.has(unit.lower);
  if (!cents && unit && unit.type !== "sym") return;
  a.value += c.value / 100;
  a.next = cents ? c.next + 1 : c.next;
  a.end = pieces[a.next - 1].end;
}

/** A number without unit or scale at piece `k`. */
function readPlain(text: string, pieces: Piece[], k: number): { value: number; next: number } | undefined {
  if (pieces[k].type === "num") {
    const n = readNumeral(text, pieces[k].start);
    return n && { value: n.value, next: pieceAfter(pieces, k, n.end) };
  }
  const w = readWordNumber(pieces, k);
  return w && !w.ordinal ? { value: w.value, next: w.end } : undefined;
}

/** "3/4", "2 1/4", "one over three", "one out of three": a numeral or words divided by another. */
function readFractionTail(text: string, pieces: Piece[], a: Amount): void {
  const p = pieces[a.next];
  if (!p || a.kind !== "count" || a.scaled !== 1) return;
  const vulgar = VULGAR_FRACTIONS.get(p.raw);
  if (vulgar && a.bare) {
    a.value += Math.sign(a.value || 1) * vulgar; // "2½", "5 ½"
    a.next++;
    a.end = p.end;
    a.bare = false;
    return;
  }
  if (p.raw === "/" && p.glued && pieces[a.next + 1]?.type === "num" && pieces[a.next + 1].glued) {
    const d = readNumeral(text, pieces[a.next + 1].start);
    if (d && d.value) {
      a.value /= d.value;
      a.next = pieceAfter(pieces, a.next + 1, d.end);
      a.end = d.end;
      a.bare = false;
    }
    return;
  }
  // "2  1/4": a whole number then a fraction
  if (p.type === "num" && a.bare && /^\s+\d+\/\d+(?![\d/])/.test(text.slice(a.end, a.end + 16))) {
    const m = /^\s+(\d+)\/(\d+)/.exec(text.slice(a.end, a.end + 16))!;
    if (Number(m[1]) < Number(m[2])) {
      a.value += Math.sign(a.value || 1) * (Number(m[1]) / Number(m[2]));
      a.end += m[0].length;
      a.next = pieceAfter(pieces, a.next, a.end);
      a.bare = false;
    }
    return;
  }
  const over = p.lower === "over" ? 1 : p.lower === "out" && pieces[a.next + 1]?.lower === "of" ? 2 : 0;
  if (!over) return;
  const d = pieces[a.next + over] && readPlain(text, pieces, a.next + over);
  const follow = d && pieces[d.next];
  if (!d || !d.value || (follow && follow.type !== "sym") || (over === 2 && a.value > d.value)) return; // "12 out of 10" are two
  a.value /= d.value;
  a.next = d.next;
  a.end = pieces[d.next - 1].end;
  a.bare = false;
}

// ---------------------------------------------------------------------------------------------
// Roles: years and names look like bare integers; the words around them tell.

const isPluralNoun = (w: string | undefined): boolean =>
  !!w && ((w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("'s") && !w.endsWith("’s")) || PLURAL_NOUNS.has(w));

const isYearShaped = (x: Amount): boolean => x.bare && x.digits === 4 && x.value >= 1500 && x.value <= 2100;

/** A four-digit 1500–2100 integer is a year unless the words around it make it a count. */
function yearLike(pieces: Piece[], a: Amount, b: Amount | undefined, first: number, cue: Cue): boolean {
  if (!isYearShaped(a) || (b && !isYearShaped(b) && !(b.bare && b.digits === 2))) return false;
  if (cue.bound || cue.approximate || cue.exact) return false;
  const prev = pieces[first - 1]?.lower;
  const next = pieces[(b ?? a).next]?.lower;
  if (prev && (YEAR_BEFORE.has(prev) || MONTHS.has(prev))) return true;
  if (next && YEAR_AFTER.has(next)) return true;
  return !isPluralNoun(next);
}

/** "October 25", "Boeing 737", "Article 5", "No. 10", "1) Russia": a number that labels rather than counts. */
function labelLike(pieces: Piece[], a: Amount, b: Amount | undefined, first: number, cue: Cue): NumberRole | undefined {
  if (!a.bare) return undefined;
  const date = dateLike(pieces, a, first, b);
  if (b) return date;
  if (date || cue.bound || cue.approximate || cue.exact) return date;
  const next = pieces[a.next];
  const prev = pieces[first - 1];
  if (next?.raw === ")" && next.glued && a.digits <= 2) return "list";
  if (next?.raw === "." && next.glued && first === 0 && a.digits <= 2 && pieces[a.next + 1] && !pieces[a.next + 1].glued) return "list";
  if (!prev) return undefined;
  if (LABEL_BEFORE.has(prev.lower)) return "name";
  // markup left in the text: timestamp="1474387200", id='77825'
  if ((prev.raw === '"' || prev.raw === "'") && pieces[first - 2]?.raw === "=" && prev.glued) return "name";
  // a capitalised word right before a bare number, not at the start of the sentence: "Boeing 737"
  const capitalised = prev.type === "word" && prev.raw[0] !== prev.raw[0].toLowerCase();
  const sentenceStart = first - 1 === 0 || /["“'‘(]/.test(pieces[first - 2]?.raw ?? "");
  if (capitalised && !sentenceStart && !MONTHS.has(prev.lower) && !CURRENCY_WORDS.has(prev.lower) && !isPluralNoun(next?.lower)) return "name";
  return undefined;
}

/** A month's name, capitalised or long enough not to be a common word ("may", "mar"). */
const isMonthName = (x: Piece | undefined): boolean => !!x && MONTHS.has(x.lower) && (x.raw[0] !== x.raw[0].toLowerCase() || x.lower.length > 5);

/** A day number beside a month name: "October 25", "25 October", "Oct. 25". */
function dateLike(pieces: Piece[], a: Amount, first: number, b?: Amount): NumberRole | undefined {
  if (a.value < 1 || a.value > 31 || !Number.isInteger(a.value) || (b && b.value > 31)) return undefined;
  let p = first - 1;
  if (pieces[p]?.raw === ".") p--;
  if (isMonthName(pieces[p])) return "date";
  const end = (b ?? a).next;
  const next = pieces[end]?.lower === "of" ? pieces[end + 1] : pieces[end];
  return isMonthName(next) ? "date" : undefined;
}
