import { test } from "node:test";
import assert from "node:assert/strict";
import { boilerplateOf, isStatement } from "../src/extract/boilerplate.ts";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline, toClaimRecords } from "../src/extract/index.ts";

test("section labels, bylines, sign-up and share lines, photo credits, datelines and credit lines are page furniture", () => {
  for (const [line, kind] of [
    ["World", "section label"],
    ["PRESS RELEASE", "section label"],
    ["By Ana Petrel, Meridian Press · 10 March 2026", "byline"],
    ["Reporting by Ana Petrel for Meridian Press.", "byline"],
    ["Reporting by Ana Petrel; editing by Simon Hale", "byline"],
    ["Jakob Merin is the Northern Post's regional correspondent.", "byline"],
    ["Sign up for our morning briefing.", "sign-up line"],
    ["Share this article", "share line"],
    ["Photo: Lena Ost/Reuters", "photo credit"],
    ["Belgrast, 11 March 2026", "dateline"],
    ["(Meridian Press)", "credit line"],
  ] as const)
    assert.equal(boilerplateOf(line), kind, line);
});

test("sentences that say something about the world are not furniture, even when they open like a byline", () => {
  for (const line of [
    "By Tuesday afternoon, the river rose.",
    "By Friday, 200 people had left.",
    "Reyl stood by his estimate.",
    "A total of 64 people remain unaccounted for.",
    "Kessar Hydro denies it.",
    "How many are missing?",
    "LINDOR, Norvessa, 10 March (Meridian Press) — At least 46 people were killed",
  ])
    assert.equal(boilerplateOf(line), undefined, line);
});

test("claim records mark furniture where they are made, and isStatement judges old records by their sentence", () => {
  const doc = defaultPipeline().run(createDoc({ id: "d", text: "World\n\nBy Ana Petrel, Meridian Press\n\nPolice said 14 people were arrested.", meta: {} }));
  const records = toClaimRecords(doc);
  assert.deepEqual(records.map((r) => r.boilerplate), ["section label", "byline", undefined]);
  assert.deepEqual(records.filter(isStatement).map((r) => r.sentence), ["Police said 14 people were arrested."]);
  assert.equal(isStatement({ sentence: "Share this article" }), false);
});
