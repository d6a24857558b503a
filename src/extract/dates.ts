import * as chrono from "chrono-node";
import type { DateMention, Doc, Sentence, Span } from "../doc.ts";
import type { Annotator } from "./pipeline.ts";

// Dates: every date expression in a sentence ("on Friday", "24 October", "last week", "in 1953"),
// resolved to a calendar day against the document's date with chrono-node. News speaks of the past,
// so a bare weekday or month is the one on or before the document's date (forwardDate: false).

/**
 * Words that may belong to a date; chrono is slow, so it only reads windows around them. Month and
 * weekday names count when capitalised, so the modal "may" and "a march" do not wake it.
 */
const DATE_HINT = new RegExp(
  [
    "\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b",
    "\\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\b",
    "\\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago)\\b",
    "\\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier|[Ll]ater) (?:week|month|year|weekend|morning|afternoon|evening|night)\\b",
    "\\b\\d{1,4}[/-]\\d{1,2}[/-]\\d{1,4}\\b",
    "\\b(?:1[89]|20)\\d\\d\\b",
  ].join("|"),
  "g",
);

/** Characters of context chrono gets on each side of a hint: enough for "on the morning of Friday 24 October 2024". */
const WINDOW_BEFORE = 14;
const WINDOW_AFTER = 26;

/** Stretches of `text` around date hints, merged where they overlap, as [start, end) offsets. */
function hintWindows(text: string): Span[] {
  const windows: Span[] = [];
  DATE_HINT.lastIndex = 0;
  for (let m = DATE_HINT.exec(text); m; m = DATE_HINT.exec(text)) {
    let start = Math.max(0, m.index - WINDOW_BEFORE);
    let end = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    // widen to word boundaries so chrono never sees half a word
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    while (end < text.length && /\S/.test(text[end])) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** A year after a preposition ("in 1953", "since 2014"), which chrono leaves alone; not "from 2000 to 3000". */
const YEAR = /\b(?:in|since|by|until|till|before|after|from|during|through|of)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:[-–]|to\b|and\b|or\b|\d|%|percent))/gi;

/** How far into the text a dateline or first date may stand for the document's date. */
const DATELINE_SENTENCES = 3;

export function dates(): Annotator {
  return {
    name: "dates",
    requires: ["sentences"],
    provides: ["dates"],
    run(doc) {
      const ref = documentDate(doc);
      const found: DateMention[] = [];
      for (const s of doc.sentences) for (const d of sentenceDates(doc, s, ref)) found.push(d);
      doc.layers.dates = found;
    },
  };
}

/**
 * The document's date as a local-noon Date: `doc.meta.date`, or else the first full date in the first
 * sentences (a dateline: "MOSCOW, 24 October —", "Pyongyang, October 25 (KCNA) –"). This annotator
 * is the one place that fills `doc.meta.date` from the text, so later stages and claim records see it.
 */
function documentDate(doc: Doc): Date | undefined {
  const fromMeta = doc.meta.date && /^(\d{4})-(\d\d)-(\d\d)/.exec(doc.meta.date);
  if (fromMeta) return new Date(Number(fromMeta[1]), Number(fromMeta[2]) - 1, Number(fromMeta[3]), 12);
  for (const s of doc.sentences.slice(0, DATELINE_SENTENCES)) {
    const text = doc.text.slice(s.start, s.end);
    if (!hintWindows(text).length) continue;
    const full = chrono.en.casual.parse(text, new Date(), { forwardDate: false }).find((r) => !isRelative(r) && r.start.isCertain("day") && r.start.isCertain("month"));
    if (!full) continue;
    // "MOSCOW, 24 October": the year comes from the dateline, else from a date elsewhere in the text that
    // gives one; with neither the document stays undated rather than take a year the text does not say
    const year = full.start.isCertain("year") ? full.start.get("year")! : yearInText(doc.text);
    if (year === undefined) return undefined;
    const date = new Date(year, full.start.get("month")! - 1, full.start.get("day")!, 12);
    doc.meta.date = isoDay(date);
    return date;
  }
  return undefined;
}

/** How many date hints a yearless dateline may look through for its year: chrono reads each. */
const MAX_YEAR_WINDOWS = 40;
/** The year of the first date in the text that says its year ("24 October 2024", "2024-10-24"). */
function yearInText(text: string): number | undefined {
  for (const w of hintWindows(text).slice(0, MAX_YEAR_WINDOWS)) {
    const dated = chrono.en.casual.parse(text.slice(w.start, w.end), new Date(), { forwardDate: false }).find((r) => r.start.isCertain("year") && r.start.isCertain("month"));
    if (dated) return dated.start.get("year")!;
  }
  return undefined;
}

function sentenceDates(doc: Doc, s: Sentence, ref: Date | undefined): DateMention[] {
  const text = doc.text.slice(s.start, s.end);
  const windows = hintWindows(text);
  if (!windows.length) return [];
  const out: DateMention[] = [];
  for (const w of windows) {
    const window = text.slice(w.start, w.end);
    if (ref && !NEEDS_CHRONO.test(window)) {
      for (const d of dayWords(window, text, w.start, ref)) out.push(mention(s, s.start + d.start, s.start + d.end, isoDay(d.date)));
      continue;
    }
    for (const r of chrono.en.casual.parse(window, ref ?? new Date(), { forwardDate: false })) {
      if (!DATE_PARTS.some((part) => r.start.isCertain(part))) continue; // a bare time: "at 20" in "at 20%"
      // with no document date, "on Friday" or "last week" has nothing to count from
      if (!ref && (isRelative(r) || !r.start.isCertain("month"))) continue;
      // "last year", "next month" name no day
      if (isRelative(r) && COARSE_UNIT.test(r.text)) continue;
      const start = s.start + w.start + r.index;
      const date = weekdayInTense(r, text, text.slice(0, w.start + r.index), ref);
      // with no document date, "March 10" keeps its year unknown (ISO 8601's "--03-10") rather than take one
      const day = !ref && !r.start.isCertain("year") ? `--${pad(date.getMonth() + 1)}-${pad(date.getDate())}` : isoDay(date);
      out.push(mention(s, start, start + r.text.trimEnd().length, day));
    }
  }
  for (const m of text.matchAll(YEAR)) {
    const start = s.start + m.index + m[0].length - m[1].length;
    if (!out.some((d) => d.start <= start && start < d.end)) out.push(mention(s, start, start + 4, `${m[1]}-01-01`));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A date found in sentence `s` at [start, end), its own evidence. */
function mention(s: Sentence, start: number, end: number, date: string): DateMention {
  return { start, end, sentence: s.index, annotator: "dates", evidence: [{ start, end }], date };
}

const DATE_PARTS = ["day", "weekday", "month", "year"] as const;

// The commonest dates in news are a bare weekday or "yesterday", whose day follows from the
// document's date alone; those windows skip chrono (tens of microseconds a call). Anything with a
// month, a digit or a unit of time goes to chrono.
const NEEDS_CHRONO = /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|week|month|year|weekend|morning|afternoon|evening|night|ago)\b/i;
const DAY_WORD = /\b(?:([Oo]n|[Ll]ast|[Nn]ext|[Tt]his) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b/g;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const OFFSETS: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };

/** Bare weekdays and yesterday/today/tomorrow in a window, resolved against `ref` as chrono would, in the tense of the sentence. */
function dayWords(window: string, sentence: string, offset: number, ref: Date): { start: number; end: number; date: Date }[] {
  const out: { start: number; end: number; date: Date }[] = [];
  const day = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), 12);
  DAY_WORD.lastIndex = 0;
  for (let m = DAY_WORD.exec(window); m; m = DAY_WORD.exec(window)) {
    const word = m[2].toLowerCase();
    const start = offset + m.index;
    const end = start + m[0].length;
    if (word in OFFSETS) {
      out.push({ start, end, date: new Date(day.getTime() + OFFSETS[word] * DAY_MS) });
      continue;
    }
    const diff = WEEKDAYS.indexOf(word) - day.getDay(); // -6 … 6
    const placed = m[1]?.toLowerCase();
    let days: number;
    if (placed === "last") days = diff < 0 ? diff : diff - 7;
    else if (placed === "next") days = diff > 0 ? diff : diff + 7;
    else if (placed === "this") days = diff;
    else {
      // a bare weekday: on or before the document's date, unless the sentence looks ahead
      const ahead = looksAhead(sentence, sentence.slice(0, start));
      days = ahead ? (diff >= 0 ? diff : diff + 7) : diff <= 0 ? diff : diff - 7;
    }
    out.push({ start, end, date: new Date(day.getTime() + days * DAY_MS) });
  }
  return out;
}
const COARSE_UNIT = /\b(?:years?|months?)\b/i;
/** Words that point a bare weekday forward: "will reopen", "officials expect"; and right before it, "by Friday". */
const FUTURE = /\b(?:will|shall|expects?|expected|going to|scheduled|plans?)\b/i;
const FUTURE_BEFORE = /\b(?:by|until|till|before)\s+$/i;
/** Whether a sentence speaks of what is to come, or the words right before a weekday point ahead. */
const looksAhead = (sentence: string, before: string): boolean => FUTURE.test(sentence) || FUTURE_BEFORE.test(before);
/** A weekday the text places itself: "last Monday", "next Friday", "this Tuesday". */
const PLACED = /\b(?:last|next|this|coming|past)\b/i;
const DAY_MS = 86_400_000;

/**
 * A bare weekday ("on Monday") or a month and day ("on March 3") is the one on or before the document's date, as news reports the past,
 * unless the sentence looks ahead ("will", "expect", "by Friday"), when it is the one on or after it.
 * chrono takes the nearest, which a Friday report's "collapsed on Monday" sends three days ahead.
 */
function weekdayInTense(r: chrono.ParsedResult, sentence: string, before: string, ref: Date | undefined): Date {
  const date = r.start.date();
  // "on March 3" with no year: chrono takes the nearest one, which in an October report is next March
  if (ref && r.start.isCertain("month") && r.start.isCertain("day") && !r.start.isCertain("year")) return dayInTense(date, ref, looksAhead(sentence, before));
  if (!ref || !r.start.isCertain("weekday") || r.start.isCertain("day") || PLACED.test(r.text) || PLACED.test(before.slice(-6))) return date;
  const ahead = looksAhead(sentence, before);
  const refDay = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate()).getTime();
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  if (!ahead && day > refDay) return new Date(date.getTime() - 7 * DAY_MS);
  if (ahead && day < refDay) return new Date(date.getTime() + 7 * DAY_MS);
  return date;
}
/** A month and day placed in the year that puts it on or before `ref` (on or after it when the sentence looks ahead). */
function dayInTense(date: Date, ref: Date, ahead: boolean): Date {
  const refDay = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate()).getTime();
  const placed = new Date(ref.getFullYear(), date.getMonth(), date.getDate(), 12);
  if (!ahead && placed.getTime() > refDay + DAY_MS) placed.setFullYear(ref.getFullYear() - 1);
  if (ahead && placed.getTime() < refDay) placed.setFullYear(ref.getFullYear() + 1);
  return placed;
}
const isRelative = (r: chrono.ParsedResult): boolean => [...r.tags()].some((t) => t === "result/relativeDate" || t.startsWith("casualReference"));

const isoDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const pad = (n: number): string => String(n).padStart(2, "0");
