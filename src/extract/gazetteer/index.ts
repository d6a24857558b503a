import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Country } from "world-countries";
import type { EntityType, Token } from "../../doc.ts";
import { TriangulateError } from "../../errors.ts";
import { PhraseMatcher } from "../../text/phrases.ts";
import { tokenize } from "../../text/tokens.ts";
import { LETTER, unitClass, UPPER } from "../../text/chars.ts";

// the package's own typings declare its default export in a way TypeScript reads as a namespace
const countries = createRequire(import.meta.url)("world-countries/countries.json") as Country[];

// The gazetteer: every known name for countries (from the world-countries package), their capitals
// and demonyms, plus the curated lists beside this file (organisations, outlets, regions, government
// bodies, titles). It is built once, on first use, into one PhraseMatcher.

/**
 * What a gazetteer phrase is: a `name` of an entity; a `capital` (a city that may stand for its
 * country's government); a government `body` that belongs to the country named before it; a `title`
 * before a person's name; an `ambiguous` demonym that names no single country; or words to `ignore`.
 */
export type GazetteerKind = "name" | "capital" | "body" | "title" | "ambiguous" | "ignore";

export interface GazetteerEntry {
  kind: GazetteerKind;
  canonical: string;
  type: EntityType;
  /** For a capital, the country it stands for. */
  country?: string;
  /** How each of the phrase's words must be written in the text ("US" is not "us"). */
  cases: WordCase[];
}

/** A word of a phrase matches text written in any case, capitalised, or in all caps. */
export type WordCase = "any" | "capitalised" | "caps";

export interface Gazetteer {
  matcher: PhraseMatcher<GazetteerEntry>;
  /** Demonym of each country by canonical name, for naming its bodies ("Russian Defence Ministry"). */
  demonyms: Map<string, string>;
}

const SECTION_KIND: Record<string, [GazetteerKind, EntityType]> = {
  country: ["name", "country"],
  place: ["name", "place"],
  organization: ["name", "organization"],
  body: ["body", "organization"],
  capital: ["capital", "place"],
  ambiguous: ["ambiguous", "group"],
  ignore: ["ignore", "group"],
};

let built: Gazetteer | undefined;

/** The gazetteer, built on first call. */
export function gazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

function buildGazetteer(): Gazetteer {
  const matcher = new PhraseMatcher<GazetteerEntry>();
  const demonyms = new Map<string, string>();
  const add = (phrase: string, entry: Omit<GazetteerEntry, "cases">): void => {
    // titles match in any case ("President Putin", "the president")
    const cases = tokenize(phrase).map((t) => (entry.kind === "title" ? "any" : wordCase(phrase.slice(t.start, t.end))));
    // both apostrophes, since token keys are the words as written ("People's", "People’s")
    for (const spelling of new Set([phrase, phrase.replaceAll("'", "’")])) matcher.add(spelling, { ...entry, cases });
  };

  // Curated lists go first: a phrase added twice keeps its first entry, and the curated lists
  // settle the clashes of the package ("Korean", "Dutch", "Washington").
  const capitalSpellings = new Map<string, string[]>();
  for (const file of ["countries.txt", "organizations.txt", "places.txt"])
    for (const { section, names } of readLists(file)) {
      const [kind, type] = SECTION_KIND[section] ?? fail(file, section);
      if (kind === "capital") capitalSpellings.set(names[0], names);
      else for (const name of names) add(name, { kind, type, canonical: names[0] });
    }
  for (const line of readLines("titles.txt")) add(line, { kind: "title", type: "person", canonical: line });

  for (const c of byStanding()) {
    const canonical = c.name.common;
    const demonym = c.demonyms?.eng?.m;
    if (demonym) demonyms.set(canonical, demonym);
    for (const name of countryNames(c)) add(name, { kind: "name", type: "country", canonical });
    if (!c.unMember) continue;
    // Capitals of UN members only: territories' capitals ("The Valley", "Hamilton") are too often other things.
    for (const raw of c.capital ?? []) {
      const capital = raw.replace(/\s+D\.C\.$/, "");
      for (const spelling of capitalSpellings.get(capital) ?? [capital])
        add(spelling, { kind: "capital", type: "place", canonical: capital, country: canonical });
    }
  }
  for (const [country, demonym] of [["Soviet Union", "Soviet"], ["East Germany", "East German"], ["West Germany", "West German"]])
    demonyms.set(country, demonym);
  return { matcher, demonyms };
}

/** UN members first, then other states, then territories, so "French" names France, not its territories. */
function byStanding(): Country[] {
  const rank = (c: Country): number => (c.unMember ? 0 : c.independent ? 1 : 2);
  return [...countries].sort((a, b) => rank(a) - rank(b));
}

/** Common and official names, alternative spellings that are words, demonyms and their plurals. */
function countryNames(c: Country): string[] {
  const names = [c.name.common, c.name.official];
  // altSpellings hold ISO codes ("IN", "IT") and native scripts: keep Latin-script words of 3+ letters
  for (const alt of c.altSpellings) if (/^\p{Script=Latin}[\p{Script=Latin} .'’-]{2,}$/u.test(alt) && !alt.includes(",")) names.push(alt);
  for (const demonym of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f]))
    for (const d of demonym?.split(/,\s*/) ?? []) if (d) names.push(d, ...plural(d));
  return names;
}

/** "Russian" → "Russians", "Iraqi" → "Iraqis"; "Chinese", "British", "French" have no plural form. */
const plural = (demonym: string): string[] => (/(ese|sh|ch|ss|x|z)$/.test(demonym) ? [] : [`${demonym}s`]);

interface List {
  section: string;
  names: string[];
}

/** The `Canonical | alias | alias` lines of a list file, each under its `[section]`. */
function readLists(file: string): List[] {
  const out: List[] = [];
  let section = "";
  for (const line of readLines(file)) {
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) section = header[1];
    else out.push({ section, names: line.split("|").map((s) => s.trim()).filter(Boolean) });
  }
  return out;
}

function readLines(file: string): string[] {
  return readFileSync(join(import.meta.dirname, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

function fail(file: string, section: string): never {
  throw new TriangulateError("BAD_INPUT", `gazetteer ${file}: unknown section [${section}]`, `known: ${Object.keys(SECTION_KIND).join(", ")}`);
}

const wordCase = (word: string): WordCase => (isAllCaps(word) ? "caps" : isCapitalised(word) ? "capitalised" : "any");

/** Whether the text's tokens from `start` on are written as the entry's phrase demands. */
export function writtenAsPhrase(text: string, tokens: readonly Token[], start: number, entry: GazetteerEntry): boolean {
  return entry.cases.every((c, k) => {
    const t = tokens[start + k];
    if (c === "any") return true;
    if (c === "capitalised") return isCapitalisedAt(text, t.start);
    return isAllCaps(text.slice(t.start, t.end));
  });
}

/** Whether the code unit at `i` is an upper-case letter (`\p{Lu}`). */
export const isCapitalisedAt = (text: string, i: number): boolean => (unitClass(text, i) & UPPER) !== 0;

/** Whether the code unit at `i` is a letter (`\p{L}`). */
export const isLetterAt = (text: string, i: number): boolean => (unitClass(text, i) & LETTER) !== 0;

export const isCapitalised = (word: string): boolean => isCapitalisedAt(word, 0);
/** Two or more letters, none lower-case ("US", "U.S.", "DPRK"); ASCII words are read without a regular expression. */
export function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return NO_LOWER_CASE.test(word) && (word.match(LETTERS)?.length ?? 0) >= 2;
    if (c >= 65 && c <= 90) letters++;
    else if (!((c >= 48 && c <= 57) || c === 46 || c === 38 || c === 43 || c === 45)) return false; // digits . & + -
  }
  return letters >= 2;
}
// outside the function: tsx compiles a Unicode-property pattern written inside one into a new RegExp per call
const NO_LOWER_CASE = /^[\p{Lu}\p{N}.&+-]*$/u;
const LETTERS = /\p{L}/gu;
