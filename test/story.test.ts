// The example corpus's story across documents: which texts are copies, which claims join one
// proposition, who disputes whom, where each claim comes from, and how the numbers moved.
// docs/example-story.md is the design these assertions follow.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline, toClaimRecords } from "../src/extract/index.ts";
import { buildStory } from "../src/link/story.ts";
import { storyOf, type Proposition, type Story } from "../src/link/index.ts";
import { timeline } from "../src/link/timeline.ts";
import { openStore, type Store } from "../src/store/index.ts";
import { runCli, tempDir } from "./support/cli.ts";
import { ENGINES, sqlRows } from "./support/stores.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");
for (const engine of ENGINES) {
  describe(`the example story (${engine.name})`, { skip: engine.skip }, () => {
    let story: Story;
    let store: Store;

    let location: string;

    before(async () => {
      location = await engine.location();
      const run = await runCli(["analyze", EXAMPLES, "--db", location]);
      assert.equal(run.code, 0, run.stderr);
      store = await openStore(location);
      story = await storyOf(store);
    });
    after(() => store.close());

    /** The proposition holding a claim whose sentence contains `words`, in document `doc` if given. */
    function propositionWith(words: string, doc?: string): Proposition {
      const p = story.propositions.find((p) => p.claims.some((c) => c.sentence.includes(words) && (!doc || c.doc === doc)));
      assert.ok(p, `a proposition holds "${words}"`);
      return p;
    }

    test("the two re-runs of the wire story are recognised as echoes of the original", async () => {
      const echo = new Map((await store.documents()).map((d) => [d.id, d]));
      assert.equal(echo.get("courier-dam-breach")?.id, "courier-dam-breach");
      const rows = await sqlRows<{ doc_id: string; echo_of: string | null; wire: string | null }>(store, "SELECT doc_id, echo_of, wire FROM documents WHERE doc_id LIKE '%dam-breach'");
      const byId = new Map(rows.map((r) => [r.doc_id, r]));
      assert.equal(byId.get("courier-dam-breach")?.echo_of, "mp-dam-breach");
      assert.equal(byId.get("herald-dam-breach")?.echo_of, "mp-dam-breach");
      assert.equal(byId.get("mp-dam-breach")?.echo_of, null);
      assert.equal(byId.get("herald-dam-breach")?.wire, "Meridian Press", "the credit line names the wire");
    });

    test("a sentence the three wire texts share is one proposition with one independent source", () => {
      const p = propositionWith("Floodwater swept through the town of Lindor");
      assert.deepEqual(new Set(p.claims.map((c) => c.doc)), new Set(["mp-dam-breach", "courier-dam-breach", "herald-dam-breach"]));
      assert.equal(p.independentSources, 1);
      assert.deepEqual(p.origins, ["Meridian Press"]);
      assert.equal(p.status, "single-source");
    });

    test("the wire's death toll comes from the health office, whichever outlet carried it", () => {
      const p = propositionWith("At least 46 people were killed", "mp-dam-breach");
      for (const c of p.claims.filter((c) => c.doc.endsWith("dam-breach"))) assert.equal(c.origin, "Ormen Valley Regional Health Office", c.doc);
      const toll = p.quantities.find((q) => q.values.some((v) => v.min === 46));
      assert.ok(toll, "the 46 is in the proposition's numbers");
    });

    test("the ministry's 38 dead and the health office's 71 dead dispute one proposition", () => {
      const p = propositionWith("The Ministry of the Interior confirms that 38 people have died");
      assert.equal(p.status, "disputed");
      const values = p.quantities.flatMap((q) => q.values.map((v) => v.min));
      assert.ok(values.includes(38) && values.includes(71), `numbers ${values}`);
      assert.ok(p.origins.includes("Ormen Valley Regional Health Office"));
    });

    test("the ministry's denial of the mayor's 'more than 200 missing' makes that proposition disputed", () => {
      const p = propositionWith("denied reports that more than 200 people were missing", "post-ministry-denial");
      assert.equal(p.status, "disputed");
      assert.ok(p.claims.some((c) => c.stance === "denies"));
      assert.ok(p.claims.some((c) => c.stance === "supports" && /Tomas Reyl|mayor/.test(c.sentence)));
    });

    test("an outlet's unattributed sentence relays the origins of a proposition and adds none; a ministry's own statement is one", () => {
      const p = propositionWith("Part of the Kessar Dam on the Ormen River gave way late on Monday", "post-what-we-know");
      const own = p.claims.find((c) => c.doc === "post-what-we-know" && !c.source);
      assert.equal(own?.origin, "The Northern Post", "the claim itself still says who published it");
      assert.ok(!p.origins.includes("The Northern Post"), `origins ${p.origins}`);
      assert.ok(p.origins.includes("Ormen Valley Regional Health Office") && p.origins.some((o) => o.startsWith("Ministry of the Interior")), `origins ${p.origins}`);
      assert.equal(p.independentSources, p.origins.length);
    });

    test("a nested chain gives the original speaker as origin: Radio Ormen citing the health office", () => {
      const claim = story.propositions.flatMap((p) => p.claims).find((c) => c.doc === "kolvany-today-toll" && c.sentence.includes("Radio Ormen reported, citing"));
      assert.ok(claim);
      assert.equal(claim.origin, "Ormen Valley Regional Health Office");
      assert.deepEqual(claim.chain.map((l) => l.source), ["Ormen Valley Regional Health Office", "Radio Ormen"]);
      const radio = story.sources.find((s) => s.name === "Radio Ormen");
      assert.ok(radio?.cites.includes("Ormen Valley Regional Health Office"));
    });

    test("outlets that re-ran the wire cite it, and the wire is cited by them", () => {
      const wire = story.sources.find((s) => s.name === "Meridian Press");
      assert.ok(wire);
      for (const outlet of ["The Daily Courier", "Valley Herald"]) assert.ok(wire.citedBy.includes(outlet), `${outlet} cites Meridian Press: ${wire.citedBy}`);
      assert.equal(wire.firstSeen, "2026-03-10");
    });

    test("the health office's toll is one series over time on the timeline", () => {
      const { series } = timeline(story);
      const toll = series.find((s) => s.values.some((v) => v.min === 46) && s.values.some((v) => v.min === 71));
      assert.ok(toll, "46 … 71 in one series");
      const dates = toll.values.map((v) => v.date ?? "");
      assert.deepEqual(dates, [...dates].sort(), "oldest first");
    });

    test("adding one more article links it into the existing propositions and leaves theirs alone", async () => {
      const dir = tempDir();
      mkdirSync(join(dir, "first"));
      for (const f of readdirSync(EXAMPLES)) if (f !== "review-opinion.md") copyFileSync(join(EXAMPLES, f), join(dir, "first", f));
      const db = await engine.location();
      assert.equal((await runCli(["analyze", join(dir, "first"), "--db", db])).code, 0);
      const s = await openStore(db);
      const before = new Map((await sqlRows<{ id: number; proposition: number }>(s, "SELECT id, proposition FROM claims WHERE proposition IS NOT NULL")).map((r) => [Number(r.id), r.proposition]));
      const added = await runCli(["analyze", join(EXAMPLES, "review-opinion.md"), "--db", db]);
      assert.equal(added.code, 0);
      const after = (await sqlRows<{ id: number; proposition: number; doc_id: string }>(s, "SELECT c.id, c.proposition, d.doc_id FROM claims c JOIN documents d ON d.id = c.doc WHERE c.proposition IS NOT NULL")).map((r) => ({ ...r, id: Number(r.id) }));
      for (const r of after) if (before.has(r.id)) assert.equal(r.proposition, before.get(r.id), "an earlier claim keeps its proposition");
      const joined = after.filter((r) => r.doc_id === "review-opinion" && [...before.values()].includes(r.proposition));
      assert.ok(joined.length >= 2, "the opinion piece's claims join propositions made before it");
      await s.close();
    });

    test("a copy analysed before its original becomes the original's echo once the original arrives", async () => {
      const db = await engine.location();
      assert.equal((await runCli(["analyze", join(EXAMPLES, "courier-dam-breach.html"), "--db", db])).code, 0);
      assert.equal((await runCli(["analyze", join(EXAMPLES, "mp-dam-breach.txt"), "--db", db])).code, 0);
      const s = await openStore(db);
      const rows = await sqlRows<{ doc_id: string; echo_of: string | null }>(s, "SELECT doc_id, echo_of FROM documents");
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.doc_id, r.echo_of])), { "courier-dam-breach": "mp-dam-breach", "mp-dam-breach": null });
      await s.close();
    });

    test("story, sources and timeline print JSON with the documented fields", async () => {
      const db = location;
      const json = JSON.parse((await runCli(["story", "--db", db, "--format", "json"])).stdout) as Story;
      const p = json.propositions[0];
      for (const field of ["id", "summary", "status", "independentSources", "claims", "quantities"]) assert.ok(field in p, field);
      for (const field of ["doc", "sentence", "kind", "source", "cue", "certainty", "quantities", "entities", "origin", "stance"]) assert.ok(field in p.claims[0], field);
      for (const field of ["name", "claims", "cites", "citedBy", "firstSeen"]) assert.ok(field in json.sources[0], field);
      const text = await runCli(["story", "--db", db]);
      assert.match(text.stdout, /\[disputed\]/);
      const t = JSON.parse((await runCli(["timeline", "--db", db, "--format", "json"])).stdout);
      assert.ok(Array.isArray(t.events) && Array.isArray(t.series));
    });
  });
}

describe("status", () => {
  const pipeline = defaultPipeline();
  const records = (id: string, text: string) => toClaimRecords(pipeline.run(createDoc({ id, text, meta: {} }))).filter((r) => r.kind === "claim");

  test("a sentence that sets another account against what it reports makes its proposition disputed", () => {
    const video = records("a", "Video of the incident shows him with his hands in the air, but Shelby said he refused to follow her commands.");
    const contradicts = records("b", "The video shows Crutcher had his hands in the air, contradicting the police's earlier claim that he refused.");
    const plain = records("c", "The video shows Crutcher had his hands in the air before he was shot.");
    for (const [r, status] of [[video, "disputed"], [contradicts, "disputed"], [plain, "single-source"]] as const)
      assert.equal(buildStory(r.map((record) => ({ record, proposition: 0 }))).propositions[0].status, status, r[0].sentence);
  });
});

describe("denials", () => {
  const pipeline = defaultPipeline();
  const records = (id: string, text: string) => toClaimRecords(pipeline.run(createDoc({ id, text, meta: {} }))).filter((r) => r.kind === "claim");
  const statusOf = (...texts: string[]) => buildStory(texts.flatMap((t, i) => records(String(i), t)).map((record) => ({ record, proposition: 0 }))).propositions[0].status;

  test("a denial disputes the predicate another claim states, not a negative the proposition holds", () => {
    assert.equal(statusOf("The ministry said the army sent 3,000 troops to the border.", "The army denied that it sent troops to the border."), "disputed");
    assert.notEqual(statusOf("The owner said that paying no taxes was smart.", "Residents noted that the owner has not paid taxes."), "disputed");
  });
});

describe("origins", () => {
  const pipeline = defaultPipeline();
  const records = (id: string, outlet: string, text: string) =>
    toClaimRecords(pipeline.run(createDoc({ id, text, meta: { outlet } }))).filter((r) => r.kind === "claim").map((record) => ({ record, proposition: 0, outlet }));

  test("papers with no author behind them are what an outlet reports on, not an origin of their own", () => {
    const times = records("a", "Daily Courier", "The New York Times reported that Trump had a loss of $916 million in 1995.");
    const papers = records("b", "Valley Post", "Leaked documents from his 1995 tax return show he had a loss of $916 million.");
    const p = buildStory([...times, ...papers]).propositions[0];
    assert.deepEqual([p.origins, p.independentSources], [["New York Times"], 1]);
  });

  test("a source left a pronoun, with no one named before it, is no origin anyone can count", () => {
    const named = records("a", "Daily Courier", "The city council said 300 homes were flooded on Monday.");
    const pronoun = records("b", "Valley Post", "They said 300 homes were flooded on Monday.");
    const p = buildStory([...named, ...pronoun]).propositions[0];
    assert.deepEqual([p.origins, p.independentSources, p.status], [["city council"], 1, "single-source"]);
  });
});
