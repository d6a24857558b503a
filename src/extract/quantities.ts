import type { Doc, Quantity, QuantityKind, Span, Token } from "../doc.ts";
import { spanText } from "../doc.ts";
import { countedThing, parseTokens, thingAfterOf, TIME_UNITS, type NumberMention } from "./numbers/index.ts";
import type { Annotator } from "./pipeline.ts";

/**
 * Quantities: the counts, sums of money, percentages and measures each sentence gives, with the
 * thing counted. Years, dates, ordinals, names and list markers are left out, and so are small counts
 * written as words ("two theories") and durations ("three years"), which are not figures anyone disputes.
 */
export function quantities(): Annotator {
  return {
    name: "quantities",
    requires: ["sentences"],
    provides: ["quantities"],
    run(doc) {
      const out: Quantity[] = [];
      for (const s of doc.sentences) {
        const found: Quantity[] = [];
        for (const m of parseTokens(doc.text, doc.tokens, s.tokenStart, s.tokenEnd)) {
          const q = toQuantity(doc, m, s.index, s.tokenStart, s.tokenEnd);
          if (q) found.push(q);
        }
        shareCountedThing(doc, found);
        for (const q of found) out.push(q); // not push(...found): a long line can give more than the stack holds
      }
      doc.layers.quantities = out;
    },
  };
}

function toQuantity(doc: Doc, m: NumberMention, sentence: number, from: number, to: number): Quantity | undefined {
  if (m.role !== "quantity" || m.kind === "ordinal") return undefined;
  if (m.kind === "count" && (m.max < 1 || (m.spelled && m.max < 100) || isDurationCompound(doc.text, m.end) || isFeetAndInches(doc.text, m) || isAge(doc, m, from, to))) return undefined;
  let ofSpan = thingOf(doc, m, from, to);
  // "a death toll of 312", "the upper end of the 20-to-40 range": the count is of the deaths a toll counts
  if (m.kind === "count" && (!ofSpan || PLACEHOLDERS.has(lastWord(spanText(doc, ofSpan))))) {
    const toll = tollIn(doc, from, to);
    if (toll) ofSpan = undefined;
    if (toll || ofSpan) return withEnd(doc, m, sentence, toll ?? spanText(doc, ofSpan!), ofSpan);
  }
  const of = m.kind === "percent" ? "percent" : ofSpan ? spanText(doc, ofSpan) : (m.unit ?? "");
  if (m.kind === "count" && ofSpan && ofSpan.start - m.end <= 2 && TIME_UNITS.has(lastWord(of))) return undefined;
  return withEnd(doc, m, sentence, of, m.kind !== "percent" ? ofSpan : undefined);
}

/** The quantity a number mention gives, read to the end of the range it names ("the upper end of the 20-to-40 range" is 40). */
function withEnd(doc: Doc, m: NumberMention, sentence: number, of: string, ofSpan: Span | undefined): Quantity {
  const q: Quantity = {
    start: m.start, end: m.end, sentence, annotator: "quantities", evidence: m.evidence,
    min: m.min, max: m.max, kind: m.kind as QuantityKind, approximate: m.approximate, of,
  };
  if (m.bound) q.bound = m.bound;
  if (m.unit) q.unit = m.unit;
  if (ofSpan) q.ofSpan = ofSpan;
  const end = m.min < m.max ? RANGE_END.exec(doc.text.slice(Math.max(0, m.start - 40), m.start)) : null;
  if (end) {
    if (/upper|higher|top/i.test(end[1])) q.min = q.max;
    else q.max = q.min;
    q.evidence = [...q.evidence, { start: m.start - end[0].length, end: m.start - end[0].length + end[1].length + 4 }];
  }
  return q;
}

/** "the upper end of the", "the lower end of its": words before a range that pick one of its ends. */
const RANGE_END = /\b(upper|higher|top|lower|bottom) end of (?:the |its |their |a |an )?$/i;
/** Nouns that stand where a count's noun should be without saying what is counted: "the 20-to-40 range", "its estimate of 400". */
const PLACEHOLDERS = new Set(["range", "estimate", "estimates", "figure", "figures", "total", "tally", "count", "forecast", "projection", "bracket", "band", "toll", ""]);

/** What a toll named in the sentence counts: a "death toll" or a bare "toll" counts deaths, a "casualty toll" casualties. */
function tollIn(doc: Doc, from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) {
    if (doc.tokens[i].lower !== "toll") continue;
    const before = i > from ? doc.tokens[i - 1].lower : "";
    return before === "casualty" ? "casualties" : before === "injury" ? "injuries" : "deaths";
  }
  return undefined;
}

/**
 * "Keith Lamont Scott, 43, was killed", "Crutcher, 40 ― a father": a number set off by commas or a
 * dash right after a name is the person's age, not a figure in dispute.
 */
function isAge(doc: Doc, m: NumberMention, from: number, to: number): boolean {
  if (m.min !== m.max || m.max > 120 || !Number.isInteger(m.max) || m.unit) return false;
  const at = firstTokenFrom(doc.tokens, m.start, from, to);
  if (at - 2 < from || doc.tokens[at - 1].lower !== ",") return false;
  const name = doc.tokens[at - 2];
  if (!CAPITAL.test(doc.text.slice(name.start, name.end))) return false;
  const next = at + 1 < to ? doc.tokens[at + 1].lower : "";
  return next === "" || AGE_FOLLOWERS.has(next);
}
const AGE_FOLLOWERS = new Set([",", "―", "—", "–", "-", ")", ";", "."]);
const CAPITAL = /^\p{Lu}/u;

/** "6'3\"", "5′11″": a height in feet and inches, a measurement rather than a count. */
function isFeetAndInches(text: string, m: NumberMention): boolean {
  const feet = /^['’′]\d/.test(text.slice(m.end, m.end + 2));
  const inches = /\d['’′]$/.test(text.slice(Math.max(0, m.start - 2), m.start)) && /^["”″]/.test(text[m.end] ?? "");
  return feet || inches;
}

/** "a 10-year-old", "a 12-month ban": the number is part of an adjective of time. */
function isDurationCompound(text: string, end: number): boolean {
  if (text[end] !== "-") return false;
  const word = /^-([\p{L}]+)/u.exec(text.slice(end, end + 12));
  return !!word && TIME_UNITS.has(word[1].toLowerCase());
}

function thingOf(doc: Doc, m: NumberMention, from: number, to: number): Span | undefined {
  if (m.kind === "percent") return undefined;
  // the thing comes after the number and any cue that follows it ("500 or so tanks")
  const end = Math.max(...m.evidence.map((e) => e.end));
  const after = firstTokenFrom(doc.tokens, end, from, to);
  if (m.kind !== "count") return thingAfterOf(doc.tokens, after, to);
  let first = after;
  while (first > from && doc.tokens[first - 1].end > m.start) first--; // a few tokens at most: the number's own
  return countedThing(doc.tokens, first, after, from, to);
}

/** Index of the first token in [from, to) starting at or after `offset`, by binary search: long sentences stay linear. */
function firstTokenFrom(tokens: readonly Token[], offset: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "Three thousand or even ten thousand North Koreans": a number with no noun shares the next one's. */
function shareCountedThing(doc: Doc, found: Quantity[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const q = found[i], next = found[i + 1];
    if (q.ofSpan || !next.ofSpan || q.kind !== next.kind || q.kind !== "count") continue;
    if (!LINKED.test(doc.text.slice(q.end, next.start))) continue;
    q.ofSpan = next.ofSpan;
    q.of = next.of;
  }
}
const LINKED = /^\s*,?\s*(?:or|and|to|nor|if not)\s+(?:even\s+|perhaps\s+|maybe\s+|possibly\s+|as many as\s+|up to\s+|about\s+|nearly\s+)?$/;

const lastWord = (phrase: string): string => phrase.slice(phrase.lastIndexOf(" ") + 1).toLowerCase();
