import { test } from "node:test";
import assert from "node:assert/strict";
import { PhraseMatcher, splitSentences, tokenize } from "../src/text/index.ts";
import { looksRegularPast } from "../src/text/wordforms.ts";

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test("sentences end at final punctuation before a capital, and at every line break", () => {
  assert.deepEqual(sentences("The dam broke. Rescuers came!\nHEADLINE WITHOUT A STOP\n\n“Is it safe?” she asked. Nobody knew."), [
    "The dam broke.",
    "Rescuers came!",
    "HEADLINE WITHOUT A STOP",
    "“Is it safe?” she asked.",
    "Nobody knew.",
  ]);
});

test("abbreviations, initials and decimals do not end a sentence", () => {
  assert.deepEqual(sentences("Gen. Ivo Kade met U.S. officials and John F. Kennedy Jr. at 3.5 p.m. on Monday. Then he left."), [
    "Gen. Ivo Kade met U.S. officials and John F. Kennedy Jr. at 3.5 p.m. on Monday.",
    "Then he left.",
  ]);
  assert.deepEqual(sentences("It cited Plessy v. Ferguson. Rep. G.K. Butterfield spoke."), ["It cited Plessy v. Ferguson.", "Rep. G.K. Butterfield spoke."]);
});

test("a sentence ends before a number or a URL, and an ellipsis inside a quote does not end it", () => {
  assert.deepEqual(sentences("Officials gave a figure. 500 were evacuated. See https://example.org/a for more."), [
    "Officials gave a figure.",
    "500 were evacuated.",
    "See https://example.org/a for more.",
  ]);
  assert.equal(sentences("He said “we will win ... Nobody doubts it” and left.").length, 1);
});

test("tokens keep numbers with separators, abbreviations and inner hyphens whole, and split possessives", () => {
  const text = "The U.S. said Russia's 10,000 to 12,000 troops (3000-5000) don't — “ten-thousand” 3.5%";
  assert.deepEqual(
    tokenize(text).map((t) => text.slice(t.start, t.end)),
    ["The", "U.S.", "said", "Russia", "'s", "10,000", "to", "12,000", "troops", "(", "3000-5000", ")", "don't", "—", "“", "ten-thousand", "”", "3.5", "%"],
  );
});

test("the phrase matcher finds the longest entry at each token, case-insensitively", () => {
  const m = new PhraseMatcher<string>([["according to", "prep"], ["said", "verb"], ["told reporters", "verb"], ["told", "verb-short"]]);
  const text = "According to police, he told reporters he said nothing.";
  const tokens = tokenize(text);
  const found = m.findAll(tokens).map((x) => [text.slice(tokens[x.tokenStart].start, tokens[x.tokenEnd - 1].end), x.value]);
  assert.deepEqual(found, [["According to", "prep"], ["told reporters", "verb"], ["said", "verb"]]);
});

test("a 200,000-word line is split and tokenized without blowing up", () => {
  const line = "troops said 3,000 ".repeat(66_000);
  assert.equal(splitSentences(line).length, 1);
  assert.equal(tokenize(line).length, 198_000);
});

test("the hand-read tokenizer gives what its regular expression would, on mixed scripts, emoji and punctuation", () => {
  // the definition the tokenizer reads by hand, applied the way it used to be
  const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[.,\-][\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)*|['’][sS]\b|\S/gu;
  const byRegex = (text: string, start: number, end: number) => {
    const out = [];
    const slice = text.slice(0, end);
    TOKEN.lastIndex = start;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
    return out;
  };
  const pieces = ["a", "S", "s", "U", ".", ",", "-", "'", "’", " ", "\n", "1", "9", "é", "Ж", "士", "😀", "𝐀", "_", "\u00a0", "٣", "½", "(", "”", "Ⅻ", "\u2028"];
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let k = 0; k < 20_000; k++) {
    let text = "";
    for (let n = 1 + next(24); n > 0; n--) text += pieces[next(pieces.length)];
    const end = Math.max(0, text.length - next(3));
    assert.deepEqual(tokenize(text, { start: 0, end }), byRegex(text, 0, end), JSON.stringify(text));
  }
});

test("a regular past form is told from words that only end in -ed", () => {
  for (const w of ["moved", "deployed", "confirmed"]) assert.ok(looksRegularPast(w), w);
  for (const w of ["indeed", "speed", "hundred", "red", "need"]) assert.ok(!looksRegularPast(w), w);
});

test("a full stop written against the next sentence ends it; a quoted question its speaker follows goes on", () => {
  assert.deepEqual(sentences("The strike began on Friday.In a statement, the agency said 3 died. See www.Example.Org now."), [
    "The strike began on Friday.",
    "In a statement, the agency said 3 died.",
    "See www.Example.Org now.",
  ]);
  assert.deepEqual(sentences("“How many times must we see this?” Clinton said. “Why?” asked the minister. “Go!” The crowd ran."), [
    "“How many times must we see this?” Clinton said.",
    "“Why?” asked the minister.",
    "“Go!”",
    "The crowd ran.",
  ]);
  assert.deepEqual(sentences("where did you grow up? india? yes."), ["where did you grow up?", "india?", "yes."]);
});
