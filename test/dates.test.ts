import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type DocMeta } from "../src/doc.ts";
import { Pipeline } from "../src/extract/pipeline.ts";
import { segmenter } from "../src/extract/segmenter.ts";
import { dates } from "../src/extract/dates.ts";

const pipeline = new Pipeline([segmenter(), dates()]);

function read(text: string, meta: DocMeta = {}) {
  const doc = pipeline.run(createDoc({ id: "t", text, meta }));
  return { doc, found: (doc.layers.dates ?? []).map((d) => [spanText(doc, d), d.date]) };
}

test("a weekday resolves to the one on or before the document's date", () => {
  const { found } = read("KCNA asked the question on Friday. The minister spoke on Wednesday.", { date: "2024-10-25" });
  assert.deepEqual(found, [["on Friday", "2024-10-25"], ["on Wednesday", "2024-10-23"]]);
});

test("relative expressions count back from the document's date", () => {
  const { found } = read("It was reported just today that ratings fell, after talks last week and 3 days ago.", { date: "2024-10-25" });
  assert.deepEqual(found, [["today", "2024-10-25"], ["last week", "2024-10-18"], ["3 days ago", "2024-10-22"]]);
});

test("a full date and a year after a preposition are dates", () => {
  const { found } = read("The armistice of July 27, 1953 ended the fighting in 1953, and the pact was signed in June 2024.", { date: "2024-10-25" });
  assert.deepEqual(found, [["July 27, 1953", "1953-07-27"], ["1953", "1953-01-01"], ["June 2024", "2024-06-01"]]);
});

test("numbers that are not dates are left alone", () => {
  const { found } = read("His approval rating is at 20% and 3000-5000 soldiers went from 2000 to 3000 posts.", { date: "2024-10-25" });
  assert.deepEqual(found, []);
});

test("a dateline gives the document's date when the metadata has none, and fills it in", () => {
  const { doc, found } = read("Pyongyang, October 25, 2024 (KCNA) – Kim Jong Gyu answered a question raised on Friday.\nMore text follows.");
  assert.equal(doc.meta.date, "2024-10-25");
  assert.deepEqual(found[0], ["October 25, 2024", "2024-10-25"]);
  assert.deepEqual(found[1], ["on Friday", "2024-10-25"]); // that day was a Friday
});

test("a dateline without a year takes one only from the text; with none a date keeps its year unknown", () => {
  const dated = read("MOSCOW, 24 October — Putin spoke. The treaty was signed on June 19, 2024.");
  assert.equal(dated.doc.meta.date, "2024-10-24");
  const undated = read("Pyongyang, October 25 (KCNA) – Kim Jong Gyu answered a question raised on Friday.");
  assert.equal(undated.doc.meta.date, undefined);
  assert.deepEqual(undated.found, [["October 25", "--10-25"]]);
});

test("a month and day without a year is the one before the document's date unless the sentence looks ahead", () => {
  const { found } = read("Troops left on March 3. They will return on January 9.", { date: "2024-10-05" });
  assert.deepEqual(found, [["March 3", "2024-03-03"], ["January 9", "2025-01-09"]]);
});

test("the metadata's date wins over a dateline", () => {
  const { doc, found } = read("MOSCOW, 24 October — RIA Novosti reported it yesterday.", { date: "2024-10-25" });
  assert.equal(doc.meta.date, "2024-10-25");
  assert.deepEqual(found, [["24 October", "2024-10-24"], ["yesterday", "2024-10-24"]]);
});

test("with no document date, only dates that name their month are given", () => {
  const { doc, found } = read("Nothing happened. The officials met on Friday, as they did last week.\nThey talked. They waited.\nThen on 12 March 2023 they signed.");
  assert.equal(doc.meta.date, undefined);
  assert.deepEqual(found, [["on 12 March 2023", "2023-03-12"]]);
});

test("a bare weekday is in the past of the document unless the sentence looks ahead", () => {
  const { found } = read("The bridge collapsed on Monday night. Officials expect the road will reopen by Monday.", { date: "2026-03-13" });
  assert.deepEqual(found, [["on Monday night", "2026-03-09"], ["Monday", "2026-03-16"]]);
});

test("last year and next month name no day", () => {
  const { found } = read("Engineers warned the firm last year, and repairs start next month.", { date: "2026-03-13" });
  assert.deepEqual(found, []);
});
