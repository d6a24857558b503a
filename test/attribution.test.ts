import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type Doc } from "../src/doc.ts";
import { segment } from "../src/text/index.ts";
import { attribution } from "../src/extract/attribution.ts";
import { toClaimRecords } from "../src/extract/claims.ts";

function analyse(text: string): Doc {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  doc.layers.entities = [];
  attribution().run(doc);
  return doc;
}

/** The record's source and cue for each sentence, as the claim record shows them. */
const sources = (text: string) => toClaimRecords(analyse(text)).map((r) => [r.source, r.cue]);

test("a source before its verb is the speaker", () => {
  assert.deepEqual(sources("The Pentagon said the troops had arrived."), [["The Pentagon", "said"]]);
});

test("a source after the verb or after a closing quote is found", () => {
  assert.deepEqual(sources("The talks will resume on Monday, said Lopez."), [["Lopez", "said"]]);
  assert.deepEqual(sources("“We are ready,” the ministry said."), [["the ministry", "said"]]);
});

test("according to names the source that follows it", () => {
  assert.deepEqual(sources("According to Western intelligence, the units moved east."), [["Western intelligence", "According to"]]);
});

test("a role before a name resolves to the name, and a later pronoun or surname to the same person", () => {
  const text = "Deputy Defence Ministry spokeswoman Maria Lopez said the border was closed. She added that talks continue. Lopez told reporters nothing else.";
  assert.deepEqual(sources(text).map(([s]) => s), ["Maria Lopez", "Maria Lopez", "Maria Lopez"]);
});

test("the writer's own reasoning is not attributed", () => {
  assert.deepEqual(sources("I think the deal will fail."), [[null, null]]);
});

test("suggests needs a document or a party as its subject", () => {
  assert.deepEqual(sources("The geopolitical landscape suggests that peace is far off.")[0], [null, null]);
  assert.deepEqual(sources("The report from Zero Hedge suggests that the troops arrived.")[0], ["Zero Hedge", "suggests"]);
});

test("an apposition between name and verb is skipped", () => {
  assert.deepEqual(sources("Kim Jong Gyu, vice foreign minister of the DPRK, gave the following answer:")[0], ["Kim Jong Gyu", "gave the following answer"]);
});

test("a quote that runs on takes the speaker of the sentence that closes it", () => {
  const doc = analyse("“The images are serious. If there are images, they reflect something,” the head of state said.");
  const found = doc.layers.attribution!;
  assert.equal(found.length, 2);
  assert.equal(spanText(doc, found[0].chain[0].source), "the head of state");
  assert.equal(found[0].direct, true);
});

test("a nested report builds a chain from the original speaker to the reporter", () => {
  const doc = analyse("The Courier reports, citing AP, that the minister said the border was closed.");
  const chain = doc.layers.attribution![0].chain.map((l) => spanText(doc, l.source));
  assert.deepEqual(chain, ["the minister", "AP", "The Courier"]);
});

test("a one-line document of thousands of words is annotated in linear time", () => {
  const text = "Officials said that the army moved and analysts argue it did not ".repeat(5000);
  const t0 = performance.now();
  analyse(text);
  assert.ok(performance.now() - t0 < 2000);
});
