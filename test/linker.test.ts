import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { toClaimRecords } from "../src/extract/claims.ts";
import { Linker, claimTerms, countedKey, EchoIndex, minhash, wireCredit } from "../src/link/index.ts";
import { PAIR_FEATURES, shippedPairWeights } from "../src/link/linker.ts";

const terms = (sentence: string, extra: Partial<Parameters<typeof claimTerms>[0]> = {}) =>
  claimTerms({ sentence, source: null, cue: null, entities: [], quantities: [], ...extra });

test("the same claim in other words and with another source joins one proposition", () => {
  const linker = new Linker();
  const a = linker.add(terms("Floodwaters breached the Orlen dam near Vask on Tuesday, the ministry said.", { source: "the ministry", cue: "said" }));
  const b = linker.add(terms("The Orlen dam near Vask was breached by floodwaters, Radio Sever reported.", { source: "Radio Sever", cue: "reported" }));
  const c = linker.add(terms("Schools in the capital will reopen next week."));
  assert.equal(a, b);
  assert.notEqual(c, a);
  assert.equal(linker.propositionCount, 2);
});

test("the same deed by the same actor in two different places is two propositions", () => {
  const linker = new Linker();
  const where = (place: string) => ({ entities: ["Kessaria", place], entityTypes: { Kessaria: "country" as const, [place]: "place" as const } });
  const vask = linker.add(terms("Kessarian forces shelled the bridge in Vask, the ministry said.", { source: "the ministry", cue: "said", ...where("Vask") }));
  const again = linker.add(terms("The bridge in Vask was shelled by Kessarian forces, Radio Sever reported.", { source: "Radio Sever", cue: "reported", ...where("Vask") }));
  const dorn = linker.add(terms("Kessarian forces shelled the bridge in Dorn, the ministry said.", { source: "the ministry", cue: "said", ...where("Dorn") }));
  assert.equal(vask, again);
  assert.notEqual(dorn, vask);
  // without types (records stored before they were kept) the place is a participant like any other
  assert.ok(claimTerms({ sentence: "x", source: null, cue: null, entities: ["Vask"], quantities: [] }).includes("e:vask"));
  assert.ok(terms("x", where("Vask")).includes("p:vask"));
});

test("a denial of a reported claim joins the claim it denies", () => {
  const linker = new Linker();
  const claim = linker.add(terms("More than 500 soldiers were captured near the border crossing.", { quantities: [{ min: 500, max: 500, of: "soldiers", kind: "count", approximate: false, text: "500" }] }));
  const denial = linker.add(terms("The army denied reports that more than 500 soldiers had been captured near the border crossing.", { quantities: [{ min: 500, max: 500, of: "soldiers", kind: "count", approximate: false, text: "500" }] }));
  assert.equal(claim, denial);
});

test("claims loaded with their proposition are registered without being compared", () => {
  const linker = new Linker();
  assert.equal(linker.add(["dam", "breach"], 7), 7);
  assert.equal(linker.add(["dam", "breach", "vask"]), 7);
  assert.equal(linker.add(["school", "reopen"]), 8);
});

test("bad linker options are refused when the linker is made", () => {
  assert.throws(() => new Linker({ threshold: -1 }), /threshold/);
});

test("counted things fold into one key across synonyms and plurals", () => {
  assert.equal(countedKey("North Korean soldiers"), "troop");
  assert.equal(countedKey("troops"), "troop");
  assert.equal(countedKey("people"), "people");
  assert.equal(countedKey("residents"), "people");
});

test("a wire story re-run with small edits is found as an echo of the original", () => {
  const wire = "Floodwaters breached the Orlen dam near Vask on Tuesday, forcing more than 3,000 people from their homes, the interior ministry said. Rescue teams worked through the night to reach villages cut off by the water. The regional health office said 12 people had died and dozens were missing. Officials expect the river to crest on Thursday.";
  const rerun = wire.replace("Rescue teams worked through the night", "Rescuers worked overnight") + " (AFP)";
  const other = "Parliament passed the budget on Wednesday after a long debate over defence spending and teacher pay in the northern provinces.";
  const index = new EchoIndex();
  assert.deepEqual(index.add("wire", minhash(wire)), []);
  assert.deepEqual(index.add("other", minhash(other)), []);
  assert.deepEqual(index.add("rerun", minhash(rerun)), ["wire"]);
});

test("wire credits are read from datelines, reporting lines and credit lines", () => {
  assert.equal(wireCredit("VASK, 12 March (AFP) — Floodwaters breached a dam."), "AFP");
  assert.equal(wireCredit("WASHINGTON (Reuters) - The Pentagon said."), "Reuters");
  assert.equal(wireCredit("The dam broke.\nReporting by Ana Petrov for Meridian Press; editing by Tom Hale"), "Meridian Press");
  assert.equal(wireCredit("The dam broke.\n(AFP)"), "AFP");
  assert.equal(wireCredit("I think the dam should never have been built."), undefined);
});

test("a near-copy signature stays what earlier runs stored", () => {
  // stores keep signatures: a change to the hashing would hide echoes between old and new documents
  const sig = minhash("The Kessar dam gave way on Monday night, officials said, and 46 people were killed.");
  assert.deepEqual(Array.from(sig.slice(0, 4)), [76574770, 152075054, 5296226, 10550488]);
});

test("a proposition one of whose members conflicts with a claim's frame does not take the claim", () => {
  const linker = new Linker();
  const vask = linker.add(["dam", "breach", "flood", "p:vask"], undefined, "a");
  assert.equal(linker.add(["dam", "breach", "flood", "e:orlen"], undefined, "b"), vask, "no place named, no conflict");
  assert.notEqual(linker.add(["dam", "breach", "flood", "e:orlen", "p:dorn"], undefined, "c"), vask, "Dorn is not Vask");
});

test("a dateline's town is where the story was filed, not a place of what it reports", () => {
  const where = { entities: ["Lindor", "Vask"], entityTypes: { Lindor: "place" as const, Vask: "place" as const } };
  const t = terms("LINDOR, Norvessa, 10 March (Meridian Press) — Floodwater swept through Vask.", where);
  assert.ok(t.includes("e:lindor") && !t.includes("p:lindor"), t.join(" "));
  assert.ok(t.includes("p:vask"));
});

describe("the pair scorer on parsed sentences", () => {
  const pipeline = defaultPipeline();
  const link = (linker: Linker, doc: string, text: string) => {
    const record = toClaimRecords(pipeline.run(createDoc({ id: doc, text, meta: {} })))[0];
    return linker.add(claimTerms(record), undefined, record.doc);
  };

  test("two outlets' wordings of one deployment join, a sentence about where the troops train does not", () => {
    const linker = new Linker();
    const sent = link(linker, "a", "North Korea has sent 10,000 troops to Russia, the Pentagon said.");
    assert.equal(link(linker, "b", "Pyongyang dispatched about 10,000 soldiers to Russia, South Korea's spy agency said."), sent);
    assert.notEqual(link(linker, "c", "North Korean troops are training at bases in Russia's Far East, the agency said."), sent);
  });

  test("figures of different counted things never join", () => {
    const linker = new Linker();
    const troops = link(linker, "a", "North Korea has sent 10,000 troops to Russia, the Pentagon said.");
    assert.notEqual(link(linker, "b", "North Korea has sent 10,000 tanks to Russia, the Pentagon said."), troops);
  });

  const background = (linker: Linker) =>
    ["The city council met on Monday to discuss the budget.", "Heavy rain flooded several streets downtown.", "The museum reopened after a long renovation.", "Ticket prices for the concert rose sharply.", "A new railway line opened in the north.", "The harvest was smaller than last year.", "Teachers went on strike over pay.", "The stadium will host the final in June."].forEach((text, i) => link(linker, `bg${i}`, text));

  test("two reports of one statement in the same rare words join, though their main verbs differ", () => {
    const linker = new Linker();
    background(linker);
    const found = link(linker, "a", "The FBI recommended no charges against Clinton, though it found she had been extremely careless with classified information.");
    assert.equal(link(linker, "b", "Comey faulted Clinton for being extremely careless with classified information."), found);
  });

  test("the same deed done to two different named targets is two propositions", () => {
    const linker = new Linker();
    const airfield = link(linker, "a", "Venbrylo forces had reopened the Dragar airfield, police officials said.");
    assert.notEqual(link(linker, "b", "Venbrylo forces had reopened the Vintor checkpoint, aid groups said."), airfield);
    assert.equal(link(linker, "c", "The Dragar airfield was reopened by Venbrylo forces, the army said."), airfield);
  });

  test("two claims that share only their predicate's word have one thing in common, too little to compare", () => {
    // linking-dev: a columnist's aside ("the more liberal backers of her party were already skeptical of
    // her professed opposition") had joined the reports that Russia hacked the DNC through "skeptical"
    const linker = new Linker();
    assert.equal(linker.pairFeatures(["liberal", "backer", "skeptical", "u:skeptical"], ["skeptical", "official", "confidenc", "u:skeptical"]), undefined);
    assert.ok(linker.pairFeatures(["liberal", "backer", "skeptical", "u:skeptical"], ["liberal", "skeptical", "official", "u:skeptical"]));
  });

  test("two wordings of one class of deed say the same deed, though neither uses the class's own word", () => {
    const linker = new Linker();
    // "shipped" and "deployed" are both of the class "send": not a deed the other does not say
    assert.ok(linker.pairFeatures(["troop", "ship", "russia", "v:send", "e:north korea"], ["soldier", "deploy", "russia", "v:send", "e:north korea"]));
  });

  test("another sentence of the same article is not taken for a second report of it", () => {
    const linker = new Linker();
    const first = linker.add(["dam", "breach", "vask", "e:orlen"], undefined, "a");
    assert.notEqual(linker.add(["dam", "breach", "vask", "e:orlen"], undefined, "a"), first);
    assert.equal(linker.add(["dam", "breach", "vask", "e:orlen"], undefined, "b"), first);
  });

  test("the features a pair is scored by are the shipped weights' features", () => {
    assert.deepEqual(shippedPairWeights().weights.length, PAIR_FEATURES.length);
    const linker = new Linker();
    const f = linker.pairFeatures(["dam", "breach", "e:orlen", "n:people:46"], ["dam", "breach", "e:orlen", "n:people:46"]);
    assert.ok(f);
    assert.equal(f[PAIR_FEATURES.indexOf("shared figure")], 1);
    assert.equal(linker.pairFeatures(["dam", "q:troop"], ["dam", "q:tank"]), undefined, "different counted things are kept apart");
  });
});
