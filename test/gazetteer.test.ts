import { test } from "node:test";
import assert from "node:assert/strict";
import { gazetteer, isAllCaps, isCapitalisedAt, isLetterAt, writtenAsPhrase } from "../src/extract/gazetteer/index.ts";
import { tokenize } from "../src/text/index.ts";

/** The entry the gazetteer finds at the start of `text`, if written as the entry demands. */
function lookup(text: string) {
  const tokens = tokenize(text);
  const m = gazetteer().matcher.matchAt(tokens, 0);
  if (!m || m.tokenEnd !== tokens.length || !writtenAsPhrase(text, tokens, 0, m.value)) return undefined;
  return m.value;
}

test("country names, official names and alternative spellings come from world-countries", () => {
  assert.equal(lookup("North Korea")?.canonical, "North Korea");
  assert.equal(lookup("Democratic People's Republic of Korea")?.canonical, "North Korea");
  assert.equal(lookup("DPRK")?.canonical, "North Korea");
  assert.equal(lookup("Russian Federation")?.canonical, "Russia");
});

test("demonyms and their plurals name the country", () => {
  assert.equal(lookup("North Koreans")?.canonical, "North Korea");
  assert.equal(lookup("Russians")?.canonical, "Russia");
  assert.equal(lookup("French")?.canonical, "France");
  assert.equal(lookup("Poles")?.canonical, "Poland");
  assert.equal(lookup("Americans")?.canonical, "United States");
});

test("a capital knows the country it stands for", () => {
  const moscow = lookup("Moscow");
  assert.equal(moscow?.kind, "capital");
  assert.equal(moscow?.country, "Russia");
  assert.equal(lookup("Kiev")?.canonical, "Kyiv");
  assert.equal(lookup("Washington")?.country, "United States");
});

test("short forms and metonyms from the curated lists name their country", () => {
  assert.equal(lookup("U.S.")?.canonical, "United States");
  assert.equal(lookup("Britain")?.canonical, "United Kingdom");
  assert.equal(lookup("Kremlin")?.canonical, "Russia");

});

test("organisations, outlets and regions have one canonical name", () => {
  assert.equal(lookup("White House")?.canonical, "White House");
  assert.equal(lookup("GOP")?.canonical, "Republican Party");
  assert.equal(lookup("U.N.")?.canonical, "United Nations");
  assert.equal(lookup("Associated Press")?.canonical, "Associated Press");
  assert.equal(lookup("Korean Central News Agency")?.canonical, "KCNA");
  assert.equal(lookup("Korean People’s Army")?.canonical, "Korean People's Army");
  assert.equal(lookup("Russia’s Far East")?.canonical, "Russian Far East");
  assert.equal(lookup("Northeast Asia")?.type, "place");
});

test("an acronym matches only in capitals and a name only capitalised", () => {
  assert.equal(lookup("US")?.canonical, "United States");
  assert.equal(lookup("us"), undefined);
  assert.equal(lookup("WHO")?.canonical, "WHO");
  assert.equal(lookup("who"), undefined);
  assert.equal(lookup("turkey"), undefined);
});

test("titles match in any case and government bodies are marked as such", () => {
  assert.equal(lookup("president")?.kind, "title");
  assert.equal(lookup("Press Secretary")?.kind, "title");
  assert.equal(lookup("Ministry of Defence")?.canonical, "Defence Ministry");
  assert.equal(lookup("Foreign Ministry")?.kind, "body");
});

test("capital, letter and all-caps checks agree with the Unicode properties they stand for", () => {
  for (let c = 0; c < 0x10000; c++) {
    const char = String.fromCharCode(c);
    assert.equal(isCapitalisedAt(char, 0), /\p{Lu}/u.test(char), `U+${c.toString(16)}`);
    assert.equal(isLetterAt(char, 0), /\p{L}/u.test(char), `U+${c.toString(16)}`);
  }
  const byRegex = (word: string) => /^[\p{Lu}\p{N}.&+-]*$/u.test(word) && (word.match(/\p{L}/gu)?.length ?? 0) >= 2;
  for (const word of ["US", "U.S.", "DPRK", "AT&T", "G7", "Us", "U", "", "A-B", "A_B", "ÉU", "ÉTATS", "Éu", "ЮНЕСКО", "Юнеско", "𝐀𝐁", "B2B!", "3M"])
    assert.equal(isAllCaps(word), byRegex(word), word);
});
