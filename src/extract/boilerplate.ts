// Page furniture that survives main-text extraction as a line of its own: a section label ("World"),
// a byline, a sign-up or share line, a photo credit, a dateline or a credit line standing alone. Such a
// line says something about the page, not the world, so no view, link or export treats it as a
// statement. The record keeps it (one record per sentence) with `boilerplate` naming what it is.

import type { ClaimRecord } from "./claims.ts";

export type BoilerplateKind = "section label" | "byline" | "sign-up line" | "share line" | "photo credit" | "dateline" | "credit line";

/** Section names newspapers and broadcasters print above a story. */
const SECTIONS = new Set(
  ("world news politics business economy sport sports opinion analysis europe africa asia americas region regional local national " +
    "international live breaking latest culture science health environment climate weather video home markets technology tech " +
    "middle east uk us press release statement world news top stories").split(" "),
);
const SECTION_PHRASES = new Set(["middle east", "press release", "top stories", "breaking news", "live updates", "latest news", "world news"]);

const words = (line: string): string[] => line.split(/\s+/).filter(Boolean);

function sectionLabel(line: string): boolean {
  if (/[.!?:;"“”]$/.test(line) || /\d/.test(line)) return false;
  const ws = words(line);
  if (ws.length > 3) return false;
  const lower = line.toLowerCase();
  if (SECTION_PHRASES.has(lower) || (ws.length === 1 && SECTIONS.has(lower))) return true;
  // a short line in capitals ("PRESS RELEASE", "WORLD | EUROPE") is a label, not a sentence
  return ws.every((w) => /^[\p{Lu}|/&·-]+$/u.test(w)) && /\p{Lu}{3}/u.test(line);
}

// "By Ana Petrel, Meridian Press", "Reporting by Ana Petrel for Meridian Press": two capitalised words
// at least, so "By Tuesday afternoon, the river…" stays a sentence
const BYLINE = /^(?:by|words by|reporting by|written by|story by|text by)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’.-]*(?:\s*[,;·|–—-]|\s+(?:for|of|at|and|in|with)\s|\.?$)/u;
const ROLE_LINE = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s+is\s+(?:the|a|an|our)\s+[^.]{0,60}\b(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|producer)\.?$/u;
const SIGN_UP = /^(?:sign up|subscribe|get our|join our|register for|download our|get the latest)\b/i;
const SHARE = /^(?:share(?: this| on| via| article| story)?|tweet this|email this|copy link|print this|follow us on)\b/i;
const PHOTO = /^(?:photo|photos|photograph|image|picture|pictured|video|illustration)(?:\s+credit)?s?\s*[:：|]|^(?:photo|image)\s+(?:by|courtesy)\b|^credit\s*:|^©|\b(?:getty images|ap photo|afp via getty|reuters\/|epa-efe)\b/i;
const CREDIT_LINE = /^\((?:\p{Lu}[\p{L}.&'’-]*\s?){1,5}\)$/u;
const DATELINE = /^\p{Lu}[\p{L}'’ -]{1,40},\s*(?:\d{1,2}\s+\p{L}+|\p{L}+\s+\d{1,2}),?\s+\d{4}$/u;

/** What kind of page furniture a sentence is, or undefined when it may say something about the world. */
export function boilerplateOf(sentence: string): BoilerplateKind | undefined {
  const line = sentence.trim().replace(/\s+/g, " ");
  if (!line || line.length > 160) return undefined;
  if (sectionLabel(line)) return "section label";
  if ((BYLINE.test(line[0].toLowerCase() + line.slice(1)) && words(line).length <= 14) || ROLE_LINE.test(line)) return "byline";
  if (SIGN_UP.test(line)) return "sign-up line";
  if (SHARE.test(line) && words(line).length <= 8) return "share line";
  if (PHOTO.test(line) && words(line).length <= 16) return "photo credit";
  if (CREDIT_LINE.test(line)) return "credit line";
  if (DATELINE.test(line)) return "dateline";
  return undefined;
}

/**
 * Whether a record is a statement some view may show: not page furniture. Records stored before the
 * `boilerplate` field existed are judged by their sentence.
 */
export const isStatement = (record: Pick<ClaimRecord, "sentence" | "boilerplate">): boolean =>
  !(record.boilerplate ?? boilerplateOf(record.sentence));
