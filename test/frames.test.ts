import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { toClaimRecords, type ClaimRecord } from "../src/extract/claims.ts";
import { baseOf } from "../src/extract/frames.ts";
import { predicateClass } from "../src/extract/lexicons/predicates.ts";

const pipeline = defaultPipeline();
const recordOf = (text: string): ClaimRecord => toClaimRecords(pipeline.run(createDoc({ id: "t", text, meta: {} })))[0];

test("a claim's frame gives its actor, predicate class, theme and counted thing from the parse", () => {
  const { frame } = recordOf("North Korea has sent 10,000 troops to Russia, the Pentagon said.");
  assert.ok(frame);
  assert.equal(frame.actor, "North Korea");
  assert.equal(frame.predicate, "send");
  assert.equal(frame.predicateClass, "send");
  assert.deepEqual(frame.quantities.map((q) => q.min), [10000]);
  // the speaker and the cue are not what is said
  assert.ok(!frame.lemmas.includes("pentagon") && !frame.lemmas.includes("say"), frame.lemmas.join(" "));
});

test("a verb and its particle are one predicate when the two make a class of their own", () => {
  // linking-dev: "stepped down" was "step", a deed "resigned" does not say
  const frame = recordOf("Wasserman Schultz stepped down as DNC chair on July 24.").frame!;
  assert.equal(frame.predicate, "step-down");
  assert.equal(frame.predicateClass, recordOf("Debbie Wasserman Schultz resigned on Sunday.").frame!.predicateClass);
  // "gave up" makes no class: the verb stays itself
  assert.equal(recordOf("The company gave up its plan for a new factory.").frame!.predicate, "give");
});

test("another outlet's wording of the same deed has the same predicate class and actor", () => {
  const a = recordOf("North Korea has sent 10,000 troops to Russia, the Pentagon said.").frame!;
  const b = recordOf("Pyongyang dispatched about 10,000 soldiers to Russia.").frame!;
  assert.equal(b.predicate, "dispatch");
  assert.equal(b.predicateClass, a.predicateClass);
  assert.equal(b.actor, a.actor);
});

test("in a passive clause the by-phrase is the actor and the subject the theme", () => {
  const { frame } = recordOf("The bridge in Vask was shelled by Russian forces on Tuesday.");
  assert.equal(frame?.actor, "Russia");
  assert.equal(frame?.theme, "bridge");
  assert.equal(frame?.place, "Vask");
});

test("the frame of an attributed claim is read from what is said, not from the reporting clause", () => {
  const { frame, source } = recordOf("The FBI concluded that Clinton had been extremely careless.");
  assert.equal(source, "FBI");
  assert.equal(frame?.predicate, "careless");
  assert.equal(frame?.actor, "Clinton");
});

test("a saying, a finding or a seeming inside what is said gives way to the clause it embeds", () => {
  assert.equal(recordOf("“The FBI director said she exercised extreme carelessness,” McCaul said.").frame?.predicate, "exercise");
  assert.equal(recordOf("The outcome showed Clinton had received 49.84 percent.").frame?.predicate, "receive");
  assert.equal(recordOf("The FBI concluded this month that Clinton had been extremely careless.").frame?.predicate, "careless");
});

test("near-synonyms share a class and derived words their base", () => {
  assert.equal(predicateClass("kill"), "kill");
  assert.equal(predicateClass("death"), "kill");
  assert.equal(predicateClass("deploy"), predicateClass("ship"));
  assert.equal(predicateClass("weather"), undefined);
  assert.equal(baseOf("carelessness", "NOUN"), "careless");
  assert.equal(baseOf("extremely", "ADV"), "extreme");
  assert.equal(baseOf("early", "ADV"), "early");
});
