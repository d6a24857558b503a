import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type Doc } from "../src/doc.ts";
import { segment } from "../src/text/index.ts";
import { quantities } from "../src/extract/quantities.ts";
import { defaultPipeline } from "../src/extract/index.ts";

function annotate(text: string): Doc {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  quantities().run(doc);
  return doc;
}

/** Each quantity as "min[-max] of" with its bound and "~" when approximate. */
function found(text: string): string[] {
  return annotate(text).layers.quantities!.map((q) => {
    const value = q.min === q.max ? `${q.min}` : `${q.min}-${q.max}`;
    return [value, q.of, q.bound ?? "", q.approximate ? "~" : ""].filter(Boolean).join(" ");
  });
}

test("the annotator declares its layer and needs only sentences", () => {
  const a = quantities();
  assert.equal(a.name, "quantities");
  assert.deepEqual(a.requires, ["sentences"]);
  assert.deepEqual(a.provides, ["quantities"]);
});

test("a count takes the noun phrase after it, modifiers included", () => {
  assert.deepEqual(found("The Pentagon said about 10,000 North Korean troops had been sent to the Kursk region."), ["10000 North Korean troops ~"]);
  assert.deepEqual(found("Moscow now fields 8,000 armoured vehicles and 2,500 Belarusian border guards along the line."), ["8000 armoured vehicles", "2500 Belarusian border guards"]);
  assert.deepEqual(found("Rebels freed some 1,400 prisoners from the jail."), ["1400 prisoners ~"]);
});

test("a number with no noun after it takes the nearest plural noun before it", () => {
  assert.deepEqual(found("Foreign fighters, numbering between 2,000 to 3,500 by one count, have crossed the border."), ["2000-3500 Foreign fighters"]);
});

test("'of the' phrasing counts the noun after it", () => {
  assert.deepEqual(found("Officials said 3,000 of the refugees had returned home."), ["3000 refugees"]);
});

test("'X or Y' gives two quantities that share the noun", () => {
  assert.deepEqual(found("Five thousand or perhaps twenty thousand volunteers could enlist."), ["5000 volunteers", "20000 volunteers"]);
});

test("percentages count percent and money counts its currency", () => {
  assert.deepEqual(found("Support for the government fell to 31% while 54 per cent backed talks."), ["31 percent", "54 percent"]);
  assert.deepEqual(found("Brussels pledged €3.4 billion and Washington $61bn in military aid."), ["3400000000 EUR", "61000000000 USD"]);
  assert.deepEqual(found("The fund bought $2m worth of drones."), ["2000000 drones"]);
});

test("bounds and approximations travel with the quantity", () => {
  assert.deepEqual(found("At least 25 people died and up to 300 were wounded, while nearly 1,000 homes were damaged."), [
    "25 people lower", "300 people upper", "1000 homes ~",
  ]);
});

test("years, dates, ordinals, names and list markers are not quantities", () => {
  assert.deepEqual(found("In 2023, the 3rd Assault Brigade fought near Bakhmut on October 12 during World War III drills."), []);
  assert.deepEqual(found("The summit, held since 1953, covered 1) energy and 2) security under Article 5."), []);
  assert.deepEqual(found("A Boeing 737 carried COVID-19 vaccines to the G20 meeting."), []);
});

test("small counts in words, vague amounts and durations are skipped", () => {
  assert.deepEqual(found("Two brigades and one regiment moved, thousands of people fled, and dozens of tanks burned."), []);
  assert.deepEqual(found("He served 15 years in prison and a 30-day ban, then left for three months."), []);
  assert.deepEqual(found("One hundred and twenty delegates attended."), ["120 delegates"]);
});

test("a quantity's evidence holds its cue words and its number words", () => {
  const doc = annotate("Kyiv says more than 500 drones were launched overnight.");
  const q = doc.layers.quantities![0];
  assert.deepEqual(q.evidence.map((e) => spanText(doc, e)), ["more than", "500"]);
  assert.equal(spanText(doc, q), "500");
  assert.equal(spanText(doc, q.ofSpan!), "drones");
  assert.equal(q.sentence, 0);
  assert.equal(q.annotator, "quantities");
});

test("quantities are given sentence by sentence", () => {
  const doc = annotate("Russia sent 1,000 troops. Ukraine said 40 tanks were lost.");
  assert.deepEqual(doc.layers.quantities!.map((q) => [q.sentence, q.of]), [[0, "troops"], [1, "tanks"]]);
});

test("a number set off by commas after a name is an age, not a figure", () => {
  assert.deepEqual(found("Keith Lamont Scott, 43, was killed by police."), []);
  assert.deepEqual(found("Crutcher, 40 ― a father and student ― was shot."), []);
  assert.deepEqual(found("In Kursk, 40 soldiers died."), ["40 soldiers"]);
});

test("a height in feet and inches is a measurement, not two counts", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: `Trump is 6'3" tall and weighs 236 pounds, the letter said.`, meta: {} }));
  assert.deepEqual((doc.layers.quantities ?? []).map((q) => [q.min, q.unit ?? q.of]), [[236, "lb"]]);
});

test("a toll's figures count deaths, a revised estimate keeps the toll's noun, and the upper end of a range is its top", () => {
  const read = (text: string) => (defaultPipeline().run(createDoc({ id: "t", text, meta: {} })).layers.quantities ?? []).map((q) => [q.min, q.max, q.of]);
  assert.deepEqual(read("The death toll of 312 was confirmed."), [[312, 312, "deaths"]]);
  assert.deepEqual(read("The agency put the death toll at 450, up from its estimate of 400 last week."), [[450, 450, "deaths"], [400, 400, "deaths"]]);
  assert.deepEqual(read("Officials put the toll at the upper end of the 20-to-40 range."), [[40, 40, "deaths"]]);
  assert.deepEqual(read("Between 20 and 40 people were hurt."), [[20, 40, "people"]]);
});
