// The example corpus end to end: `examples/` analysed through the real CLI into a temporary database,
// checked against the expectations of docs/example-story.md for a curated set of its key sentences
// (the design doc's sentence ids are given in each case), each document's metadata, and the
// absence of any HTML boilerplate from the analysed text.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { ClaimRecord } from "../src/extract/claims.ts";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");

let records: ClaimRecord[] = [];
let report = "";

before(async () => {
  const db = join(tempDir(), "examples.db");
  const analysed = await runCli(["analyze", EXAMPLES, "--db", db, "--format", "jsonl"]);
  assert.equal(analysed.code, 0, analysed.stderr);
  records = jsonLines<ClaimRecord>(analysed.stdout);
  const listed = await runCli(["claims", "--db", db, "--format", "text"]);
  assert.equal(listed.code, 0, listed.stderr);
  report = listed.stdout;
});

/** The record of the sentence of `doc` that starts with `opening` (the design doc's words, timestamp aside). */
function sentence(doc: string, opening: string): ClaimRecord {
  const found = records.filter((r) => r.doc === doc && r.sentence.replace(/^\d\d:\d\d\s+/, "").startsWith(opening));
  assert.equal(found.length, 1, `one sentence of ${doc} opens with “${opening}”`);
  return found[0];
}

interface Expected {
  source: string | null;
  cue: string | null;
  certainty: string;
  /** [min, max, of, bound] per quantity, in text order; bound "" when none, "~" appended for approximate. */
  quantities?: [number, number, string, string][];
  entities?: string[];
  dates?: string[];
}

function check(doc: string, opening: string, expected: Expected): void {
  const r = sentence(doc, opening);
  const where = `${doc}: “${opening}”`;
  assert.equal(r.source, expected.source, `${where}: source`);
  assert.equal(r.cue, expected.cue, `${where}: cue`);
  assert.equal(r.certainty, expected.certainty, `${where}: certainty`);
  const quantities = r.quantities.map((q) => [q.min, q.max, q.of, (q.bound ?? "") + (q.approximate ? "~" : "")]);
  assert.deepEqual(quantities, expected.quantities ?? [], `${where}: quantities`);
  for (const name of expected.entities ?? []) assert.ok(r.entities.includes(name), `${where}: entity ${name} among ${r.entities.join(", ")}`);
  if (expected.dates) assert.deepEqual(r.dates, expected.dates, `${where}: dates`);
}

test("the wire report's dateline sentence is the health office's claim with a lower-bound toll and both dates (W1)", () => {
  for (const doc of ["mp-dam-breach", "courier-dam-breach"])
    check(doc, "LINDOR, Norvessa, 10 March (Meridian Press) — At least 46 people were killed", {
      source: "Ormen Valley Regional Health Office", cue: "said", certainty: "asserted",
      quantities: [[46, 46, "people", "lower"]],
      entities: ["Lindor", "Norvessa", "Meridian Press", "Kessar Dam", "Ormen River", "Ormen Valley Regional Health Office"],
      dates: ["2026-03-10", "2026-03-09"],
    });
  check("herald-dam-breach", "LINDOR, Norvessa, 10 March — At least 46 people died", {
    source: "Ormen Valley Regional Health Office", cue: "said", certainty: "asserted",
    quantities: [[46, 46, "people", "lower"]], entities: ["Lindor", "Norvessa", "Kessar Dam", "Ormen River"], dates: ["2026-03-10", "2026-03-09"],
  });
});

test("a sentence-initial capitalised common noun is no entity and the writer's narration has no source (W2)", () => {
  const r = sentence("mp-dam-breach", "Floodwater swept through the town of Lindor");
  check("mp-dam-breach", "Floodwater swept", { source: null, cue: null, certainty: "asserted", entities: ["Lindor"], dates: ["2026-03-10"] });
  assert.ok(!r.entities.includes("Floodwater"));
});

test("an inverted 'said NAME' and the quote that runs on after it (W3)", () => {
  check("mp-dam-breach", "\"We are still pulling people from the mud,\" said Petra Lunde", { source: "Petra Lunde", cue: "said", certainty: "asserted", entities: ["Petra Lunde"] });
  // a quote after the speaker's quoted sentence, in the same paragraph, carries on in their voice
  check("herald-dam-breach", "\"The number will rise.\"", { source: "Petra Lunde", cue: "said", certainty: "predicted" });
});

test("'according to' keeps the whole name of the body, and its acronym resolves to it (W4)", () => {
  check("mp-dam-breach", "Up to 15,000 people have been evacuated", {
    source: "State Civil Protection Service", cue: "according to", certainty: "asserted",
    quantities: [[15000, 15000, "people", "upper"]], entities: ["State Civil Protection Service"],
  });
  check("courier-dam-breach", "The SCPS said rescue teams had reached 14 villages", {
    source: "State Civil Protection Service", cue: "said", certainty: "asserted",
    quantities: [[14, 14, "villages", ""]], entities: ["State Civil Protection Service"], dates: ["2026-03-10"],
  });
});

test("a name before its apposed role, and a surname later (W5)", () => {
  check("herald-dam-breach", "Tomas Reyl, the mayor of Lindor, told Meridian Press", {
    source: "Tomas Reyl", cue: "told", certainty: "asserted", quantities: [[200, 200, "residents", "lower"]], entities: ["Tomas Reyl", "Lindor", "Meridian Press"],
  });
  check("mp-dam-breach", "\"Whole streets near the river are gone,\" Reyl said.", { source: "Tomas Reyl", cue: "said", certainty: "asserted", entities: ["Tomas Reyl"] });
});

test("a range, and a hospital named with a title word inside its name (W6)", () => {
  check("mp-dam-breach", "Between 80 and 120 people were being treated", {
    source: "hospital staff", cue: "said", certainty: "asserted", quantities: [[80, 120, "people", ""]], entities: ["Lindor General Hospital"],
  });
});

test("'reportedly' hedges the writer's own claim and names no source (W7a)", () => {
  check("mp-dam-breach", "Engineers had reportedly warned Kessar Hydro", { source: null, cue: null, certainty: "hedged", entities: ["Kessar Hydro"], dates: [] });
});

test("a conditional warning by a titled official, and an open question (W8, W9)", () => {
  check("courier-dam-breach", "If the remaining section of the dam gives way", {
    source: "Miroslav Kade", cue: "warned", certainty: "conditional", entities: ["Haldry", "Miroslav Kade"],
  });
  check("mp-dam-breach", "It is unclear whether authorities in neighbouring Tarvonia", { source: null, cue: null, certainty: "questioned", entities: ["Tarvonia"] });
});

test("an official statement: its confirmation, a passive 'are confirmed', money, a pronoun speaker, and a prediction (M1–M9)", () => {
  const doc = "interior-ministry-statement";
  check(doc, "The Ministry of the Interior confirms that 38 people have died", {
    source: "Ministry of the Interior", cue: "confirms", certainty: "asserted", quantities: [[38, 38, "people", ""]], entities: ["Ministry of the Interior", "Kessar Dam"],
  });
  check(doc, "Deaths are confirmed only when", { source: null, cue: null, certainty: "asserted" });
  check(doc, "A total of 12,000 residents", { source: null, cue: null, certainty: "asserted", quantities: [[12000, 12000, "residents", ""]], entities: ["Lindor"] });
  const fund = sentence(doc, "Interior Minister Katrin Voss has announced");
  assert.deepEqual([fund.source, fund.cue, fund.entities], ["Katrin Voss", "announced", ["Katrin Voss"]]);
  assert.deepEqual(fund.quantities.map((q) => [q.min, q.kind, q.unit]), [[2500000, "money", "USD"]]);
  check(doc, "She said the ministry had informed", { source: "Katrin Voss", cue: "said", certainty: "asserted" });
  check(doc, "Officials expect the water level", { source: "Officials", cue: "expect", certainty: "predicted", entities: ["Lindor"], dates: ["2026-03-13"] });
});

test("a denial with its own number, a time adjunct before the verb, and a role before the name (D1, D3a, D5b)", () => {
  const doc = "post-ministry-denial";
  check(doc, "The Interior Ministry on Wednesday denied reports", {
    source: "Interior Ministry", cue: "denied", certainty: "denied",
    quantities: [[200, 200, "people", "lower"], [64, 64, "people", ""]], entities: ["Interior Ministry", "Kessar Dam"], dates: ["2026-03-11"],
  });
  check(doc, "\"The mayor's number is not based on any register,\"", { source: "Katrin Voss", cue: "told reporters", certainty: "denied", entities: ["Katrin Voss"] });
  check(doc, "He said many of the missing", { source: "Tomas Reyl", cue: "said", certainty: "asserted" });
  check(doc, "Its chief executive, Jonas Brell, said", { source: "Jonas Brell", cue: "said", certainty: "asserted", entities: ["Jonas Brell"] });
  check(doc, "Repairs to the spillway were allegedly postponed", { source: "two engineers", cue: "according to", certainty: "hedged", entities: ["Northern Post"] });
});

test("a live blog: the word after an entry's time, approximate figures, a pronoun speaker with money, and 'a dozen' (ormen-live-blog)", () => {
  const doc = "ormen-live-blog";
  check(doc, "Kolvany says between 3,000 and 4,000 people", { source: "Kolvany", cue: "says", certainty: "asserted", quantities: [[3000, 4000, "people", ""]], entities: ["Haldry"] });
  check(doc, "The death toll has risen to 71, the regional health office says.", {
    source: "Ormen Valley Regional Health Office", cue: "says", certainty: "asserted", quantities: [[71, 71, "deaths", ""]], entities: [],
  });
  check(doc, "About 40 people are still missing in Lindor, the SCPS says.", { source: "SCPS", cue: "says", certainty: "asserted", quantities: [[40, 40, "people", "~"]], entities: ["Lindor"] });
  check(doc, "Rescuers found 24 people alive", {
    source: "Miroslav Kade", cue: "said", certainty: "asserted", quantities: [[24, 24, "people", ""]], entities: ["Miroslav Kade"], dates: ["2026-03-11"],
  });
  check(doc, "She said the $2.5 million emergency fund", { source: "Katrin Voss", cue: "said", certainty: "predicted", quantities: [[2500000, 2500000, "USD", ""]] });
  check(doc, "A dozen army boats", { source: null, cue: null, certainty: "asserted" });
  check(doc, "Our reporter in Lindor says", { source: "Our reporter in Lindor", cue: "says", certainty: "asserted", entities: ["Lindor"] });
  for (const r of records.filter((x) => x.doc === doc)) for (const word of ["The", "About", "Our", "Welcome", "Looters"]) assert.ok(!r.entities.includes(word), `${word} is no entity`);
});

test("an opinion column: a question, a coordinated verb, a conditional and a named outlet's report (review-opinion)", () => {
  const doc = "review-opinion";
  check(doc, "Interior Minister Katrin Voss still speaks of 38 confirmed deaths.", { source: "Katrin Voss", cue: "speaks of", certainty: "asserted", quantities: [[38, 38, "confirmed deaths", ""]] });
  check(doc, "Which of these numbers", { source: null, cue: null, certainty: "questioned", entities: ["Lindor"] });
  check(doc, "The mayor, Tomas Reyl, says more than 200 people are missing.", { source: "Tomas Reyl", cue: "says", certainty: "asserted", quantities: [[200, 200, "people", "lower"]] });
  check(doc, "Kolvany says 11 of its citizens died in Haldry", { source: "Kolvany", cue: "says", certainty: "asserted", quantities: [[11, 11, "citizens", ""]], entities: ["Haldry"] });
  check(doc, "If that is true, it is a disgrace.", { source: null, cue: null, certainty: "conditional" });
  check(doc, "The Northern Post reported that repairs", { source: "Northern Post", cue: "reported", certainty: "hedged", entities: ["Northern Post"] });
  check(doc, "Kessar Hydro denies it.", { source: "Kessar Hydro", cue: "denies", certainty: "denied" });
});

test("nested chains: 'reported, citing' and 'according to … has said' put the original speaker first (K1, K2)", () => {
  const doc = "kolvany-today-toll";
  const k1 = sentence(doc, "KOLVANY, 13 March — Radio Ormen reported, citing");
  assert.deepEqual(k1.chain.map((l) => l.source), ["Ormen Valley Regional Health Office", "Radio Ormen"]);
  check(doc, "KOLVANY, 13 March", {
    source: "Ormen Valley Regional Health Office", cue: "citing", certainty: "asserted", quantities: [[71, 71, "people", ""]],
    entities: ["Radio Ormen", "Ormen Valley Regional Health Office", "Norvessa", "Kessar Dam"], dates: ["2026-03-13", "2026-03-09"],
  });
  const k2 = sentence(doc, "According to the Daily Courier, Lindor's mayor, Tomas Reyl, has said");
  assert.deepEqual(k2.chain.map((l) => l.source), ["Tomas Reyl", "Daily Courier"]);
  assert.deepEqual(k2.quantities.map((q) => [q.min, q.of, q.bound]), [[200, "people", "lower"]]);
  check(doc, "In Tarvonia, 11 people have died", {
    source: "Foreign Ministry", cue: "said", certainty: "asserted", quantities: [[11, 11, "people", ""], [3000, 4000, "people", ""]],
    entities: ["Tarvonia", "Haldry", "Foreign Ministry"], dates: ["2026-03-12"],
  });
  check(doc, "About 15% of the farmland in the district is under water, the ministry said.", { source: "Foreign Ministry", cue: "said", certainty: "asserted", quantities: [[15, 15, "percent", "~"]] });
  check(doc, "Antal said Tarvonia would seek compensation", { source: "Lev Antal", cue: "said", certainty: "predicted", entities: ["Lev Antal", "Tarvonia", "Ormen River"] });
  check(doc, "Norvessa's Interior Minister, Katrin Voss, has said", { source: "Katrin Voss", cue: "said", certainty: "asserted", entities: ["Norvessa", "Katrin Voss"] });
  check(doc, "It is unclear whether the two governments", { source: null, cue: null, certainty: "questioned" });
});

test("a foreign ministry's statement: its report, a percent and a capitalised 'the Ministry' (tarvonia-foreign-ministry)", () => {
  const doc = "tarvonia-foreign-ministry";
  check(doc, "The Ministry of Foreign Affairs of Tarvonia reports", {
    source: "Foreign Ministry", cue: "reports", certainty: "asserted", quantities: [[11, 11, "Tarvonian citizens", ""]], entities: ["Foreign Ministry", "Tarvonia", "Kessar Dam", "Norvessa"],
  });
  check(doc, "Between 3,000 and 4,000 residents", { source: null, cue: null, certainty: "asserted", quantities: [[3000, 4000, "residents", ""]], entities: ["Haldry"] });
  check(doc, "About 15% of the farmland in the Haldry district", { source: null, cue: null, certainty: "asserted", quantities: [[15, 15, "percent", "~"]], entities: ["Haldry"] });
  check(doc, "The Ministry notes that", { source: "Foreign Ministry", cue: "notes", certainty: "asserted", entities: ["Tarvonia"] });
  check(doc, "\"Our citizens deserved a warning", { source: "Lev Antal", cue: "said", certainty: "denied", entities: ["Lev Antal"] });
});

test("a wire follow-up: a definite 'the ministry' resolves to the ministry named before, a country as speaker (mp-toll-rises)", () => {
  const doc = "mp-toll-rises";
  check(doc, "The ministry denied on Wednesday that more than 200 people were missing", {
    source: "Interior Ministry", cue: "denied", certainty: "denied", quantities: [[200, 200, "people", "lower"], [64, 64, "people", ""]], entities: ["Lindor"], dates: ["2026-03-11"],
  });
  check(doc, "On Thursday the State Civil Protection Service said about 40 people", {
    source: "State Civil Protection Service", cue: "said", certainty: "asserted", quantities: [[40, 40, "people", "~"]], dates: ["2026-03-12"],
  });
  check(doc, "Neighbouring Tarvonia said 11 of its citizens", {
    source: "Tarvonia", cue: "said", certainty: "asserted", quantities: [[11, 11, "citizens", ""], [3000, 4000, "people", ""]], entities: ["Tarvonia"],
  });
  check(doc, "Tarvonian Foreign Minister Lev Antal accused Belgrast", { source: "Lev Antal", cue: "accused", certainty: "asserted", entities: ["Lev Antal"] });
  check(doc, "Interior Minister Katrin Voss has said", { source: "Katrin Voss", cue: "said", certainty: "asserted", entities: ["Katrin Voss"] });
});

test("an explainer: question headings, a role then the name, and a bare weekday in the past (post-what-we-know)", () => {
  const doc = "post-what-we-know";
  check(doc, "Part of the Kessar Dam on the Ormen River gave way late on Monday", {
    source: null, cue: null, certainty: "asserted", entities: ["Kessar Dam", "Ormen River", "Norvessa", "Lindor", "Tarvonia"], dates: ["2026-03-09"],
  });
  for (const heading of ["How many people have died?", "How many are missing?", "Why did the dam fail?", "What happens next?"])
    check(doc, heading, { source: null, cue: null, certainty: "questioned" });
  check(doc, "The Ministry of the Interior, which counts only identified victims, says 38.", {
    source: "Ministry of the Interior", cue: "says", certainty: "asserted", quantities: [[38, 38, "identified victims", ""]],
  });
  check(doc, "On Tuesday the mayor of Lindor, Tomas Reyl, said", {
    source: "Tomas Reyl", cue: "said", certainty: "asserted", quantities: [[200, 200, "people", "lower"]], entities: ["Lindor", "Tomas Reyl"], dates: ["2026-03-10"],
  });
  check(doc, "Two engineers told the Northern Post", { source: "Two engineers", cue: "told", certainty: "asserted", quantities: [], entities: ["Northern Post"] });
  check(doc, "Kessar Hydro denies that it ignored any warnings.", { source: "Kessar Hydro", cue: "denies", certainty: "denied", entities: ["Kessar Hydro"] });
  check(doc, "Officials expect the water in Lindor will fall below the flood mark today.", { source: "Officials", cue: "expect", certainty: "predicted", dates: ["2026-03-13"] });
});

test("every document comes with its title, outlet and date", () => {
  const expected: [string, string, string, string][] = [
    ["mp-dam-breach", "Dozens dead as Norvessa dam gives way, thousands flee floodwater", "Meridian Press", "2026-03-10"],
    ["courier-dam-breach", "Kessar Dam collapse: at least 46 dead in Lindor", "The Daily Courier", "2026-03-10"],
    ["herald-dam-breach", "", "Valley Herald", "2026-03-10"],
    ["interior-ministry-statement", "", "Ministry of the Interior of Norvessa", "2026-03-11"],
    ["post-ministry-denial", "", "The Northern Post", "2026-03-11"],
    ["ormen-live-blog", "Kessar Dam collapse: live updates", "Radio Ormen", "2026-03-12"],
    ["review-opinion", "", "The Belgrast Review", "2026-03-13"],
    ["kolvany-today-toll", "Norvessan toll climbs to 71 as Kolvany demands answers", "Kolvany Today", "2026-03-13"],
    ["tarvonia-foreign-ministry", "Statement of the Ministry of Foreign Affairs on the floods in the Haldry district", "Ministry of Foreign Affairs of Tarvonia", "2026-03-12"],
    ["mp-toll-rises", "Norvessa dam death toll rises to 71, neighbours trade blame over warning", "Meridian Press", "2026-03-12"],
    ["post-what-we-know", "Kessar Dam collapse: what we know so far", "The Northern Post", "2026-03-13"],
  ];
  const headings = report.split("\n").filter((l) => l.startsWith("── "));
  assert.equal(headings.length, expected.length, "one report heading per document");
  for (const [id, title, outlet, date] of expected) {
    const heading = headings.find((h) => h.startsWith(`── ${id} · `));
    assert.ok(heading, `${id} has a heading`);
    if (title) assert.ok(heading.includes(`“${title}”`), `${id}: title in ${heading}`);
    assert.ok(heading.includes(` · ${outlet} · ${date}`), `${id}: outlet and date in ${heading}`);
    assert.ok(records.some((r) => r.doc === id && r.date?.startsWith(date)), `${id}: records carry the date`);
  }
});

test("the text report gives a lower bound as 'at least' and an upper one as 'up to'", () => {
  assert.match(report, /numbers: at least 46 people/);
  assert.match(report, /numbers: up to 15,000 people/);
  assert.doesNotMatch(report, /more than 46/);
});

test("no sentence comes from the HTML pages' cookie banner, navigation, ads, related links or footer", () => {
  const boilerplate = [
    "cookies", "Accept all", "Reject non-essential", "Subscribe", "Advertisement", "Related", "Rain warning extended", "tram line",
    "energy prices", "About us", "Privacy", "Terms of use", "All rights reserved", "©", "Listen live", "Podcast", "Traffic and travel",
    "More on this story", "How you can help", "Road closures", "public regional broadcaster", "Contact the newsroom", "Accessibility",
  ];
  for (const r of records.filter((x) => x.doc === "courier-dam-breach" || x.doc === "ormen-live-blog" || x.doc === "post-what-we-know"))
    for (const words of boilerplate) assert.ok(!r.sentence.includes(words), `${r.doc}: “${r.sentence}” holds boilerplate “${words}”`);
});
