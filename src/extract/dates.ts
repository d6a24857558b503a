import * as chrono from "chrono-node";
import type { DateMention, Doc, Sentence, Span } from "../doc.ts";
import type { Annotator } from "./pipeline.ts";

// Dates: every date expression in a sentence ("on Friday", "24 October", "last week", "in 1953"),
// resolved to a calendar day against the document's date with chrono-node. News speaks of the past,
// so a bare weekday or month is the one on or before the document's date (forwardDate: false).

/** Words that may start a date; chrono is slow, so only sentences holding one are given to it. */
const DATE_HINT = new RegExp(
  [
    "\\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\b",
    "\\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\b",
    "\\b(?:yesterday|today|tonight|tomorrow|ago|last|next)\\b",
    "\\d[/.-]\\d",
    "\\b(?:1[89]|20)\\d\\d\\b",
  ].join("|"),
  "i",
);

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
    if (!DATE_HINT.test(text)) continue;
    // with no year given, chrono takes the nearest past one
    const full = chrono.en.casual.parse(text, new Date(), { forwardDate: false }).find((r) => !isRelative(r) && r.start.isCertain("day") && r.start.isCertain("month"));
    if (!full) continue;
    const date = full.start.date();
    doc.meta.date = isoDay(date);
    return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 12);
  }
  return undefined;
}

function sentenceDates(doc: Doc, s: Sentence, ref: Date | undefined): DateMention[] {
  const text = doc.text.slice(s.start, s.end);
  if (!DATE_HINT.test(text)) return [];
  const out: DateMention[] = [];
  const mention = (span: Span, date: string): void => {
    out.push({ ...span, sentence: s.index, annotator: "dates", evidence: [span], date });
  };
  for (const r of chrono.en.casual.parse(text, ref ?? new Date(), { forwardDate: false })) {
    if (!DATE_PARTS.some((part) => r.start.isCertain(part))) continue; // a bare time: "at 20" in "at 20%"
    // with no document date, "on Friday" or "last week" has nothing to count from
    if (!ref && (isRelative(r) || !r.start.isCertain("month"))) continue;
    const start = s.start + r.index;
    mention({ start, end: start + r.text.trimEnd().length }, isoDay(r.start.date()));
  }
  for (const m of text.matchAll(YEAR)) {
    const start = s.start + m.index + m[0].length - m[1].length;
    if (!out.some((d) => d.start <= start && start < d.end)) mention({ start, end: start + 4 }, `${m[1]}-01-01`);
  }
  return out.sort((a, b) => a.start - b.start);
}

const DATE_PARTS = ["day", "weekday", "month", "year"] as const;
const isRelative = (r: chrono.ParsedResult): boolean => [...r.tags()].some((t) => t === "result/relativeDate" || t.startsWith("casualReference"));

const isoDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const pad = (n: number): string => String(n).padStart(2, "0");
