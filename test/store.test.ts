// The store contract, held by every engine: the same suite runs against SQLite and PostgreSQL.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, type Doc } from "../src/doc.ts";
import { toClaimRecords } from "../src/extract/claims.ts";
import { segment } from "../src/text/index.ts";
import { linkStore } from "../src/link/index.ts";
import { openStore, type Store } from "../src/store/index.ts";
import { ENGINES, freshStore, sqlRows } from "./support/stores.ts";

/** A segmented Doc whose layers are filled by hand, so the store is tested apart from the annotators. */
function sampleDoc(id: string, text: string): Doc {
  const doc = segment(createDoc({ id, text, meta: { outlet: "Test Wire", date: "2026-03-12" } }));
  const first = doc.sentences[0];
  const said = text.indexOf("said");
  doc.layers.attribution = [
    { start: first.start, end: first.end, sentence: 0, annotator: "test", evidence: [], direct: false, chain: [{ source: { start: 0, end: 3 }, cue: { start: said, end: said + 4 } }] },
  ];
  doc.layers.entities = [{ start: 0, end: 3, sentence: 0, annotator: "test", evidence: [], canonical: "Valdoria", type: "country" }];
  doc.layers.quantities = [{ start: 0, end: 1, sentence: 0, annotator: "test", evidence: [], min: 500, max: 500, kind: "count", approximate: false, of: "people" }];
  return doc;
}

const TEXT = "Val said 500 people were evacuated. The river rose overnight.";

const add = (store: Store, id: string, text = TEXT) => {
  const doc = sampleDoc(id, text);
  return store.addDocument(doc, toClaimRecords(doc));
};

for (const engine of ENGINES) {
  describe(`store (${engine.name})`, { skip: engine.skip }, () => {
    test("a stored document's claims come back with their source, entities and numbers", async () => {
      const store = await freshStore(engine);
      assert.equal(await add(store, "wire-1"), "added");
      const claims = await store.claims();
      assert.equal(claims.length, 2);
      assert.equal(claims[0].source, "Val");
      assert.deepEqual(claims[0].entities, ["Valdoria"]);
      assert.equal(claims[0].quantities[0].min, 500);
      assert.equal(claims[0].outlet, "Test Wire");
      assert.equal(typeof claims[0].id, "number");
      await store.close();
    });

    test("analysing the same text twice stores nothing twice, and a changed text replaces the old one", async () => {
      const store = await freshStore(engine);
      const doc = sampleDoc("wire-1", TEXT);
      await store.addDocument(doc, toClaimRecords(doc));
      assert.equal(await store.has(doc), true);
      assert.equal(await store.addDocument(doc, toClaimRecords(doc)), "unchanged");
      assert.equal((await store.claims()).length, 2);
      assert.equal(await add(store, "wire-1", TEXT + " Roads were closed."), "updated");
      assert.equal((await store.documents()).length, 1);
      assert.equal((await store.claims()).length, 3);
      assert.equal((await store.claims({ search: "overnight" })).length, 1, "the old text's search rows are gone");
      await store.close();
    });

    test("a verbatim copy under another id is stored and marked as a duplicate of the first", async () => {
      const store = await freshStore(engine);
      for (const id of ["wire-1", "rerun-1"]) await add(store, id);
      const docs = await store.documents();
      assert.equal(docs.find((d) => d.id === "rerun-1")?.duplicateOf, "wire-1");
      assert.equal(docs.find((d) => d.id === "wire-1")?.duplicateOf, undefined);
      assert.deepEqual((await store.documents(["rerun-1"])).map((d) => d.id), ["rerun-1"], "documents by id");
      await store.close();
    });

    test("claims can be filtered by source, entity, certainty and full-text search", async () => {
      const store = await freshStore(engine);
      await add(store, "wire-1");
      assert.equal((await store.claims({ source: "val" })).length, 1);
      assert.equal((await store.claims({ entity: "valdoria" })).length, 1);
      assert.equal((await store.claims({ certainty: "denied" })).length, 0);
      assert.equal((await store.claims({ search: "evacuated" })).length, 1);
      assert.equal((await store.claims({ search: "evacuate" })).length, 1, "stemmed");
      assert.equal((await store.claims({ search: '"river rose"' })).length, 1, "a phrase");
      assert.equal((await store.claims({ search: '"rose river"' })).length, 0, "a phrase in its order");
      await assert.rejects(store.claims({ search: '"unbalanced' }), /not a valid search/);
      await store.close();
    });

    test("claims come in date order, then document and sentence order, and --limit cuts the list", async () => {
      const store = await freshStore(engine);
      for (const [id, date] of [["b", "2026-03-11"], ["a", "2026-03-11"], ["c", "2026-03-09"], ["undated", undefined]] as const) {
        const doc = segment(createDoc({ id, text: TEXT, meta: date ? { date } : {} }));
        await store.addDocument(doc, toClaimRecords(doc));
      }
      const order = (await store.claims()).map((c) => `${c.doc}:${c.index}`);
      assert.deepEqual(order, ["undated:0", "undated:1", "c:0", "c:1", "a:0", "a:1", "b:0", "b:1"]);
      assert.deepEqual((await store.claims({ limit: 3 })).map((c) => `${c.doc}:${c.index}`), order.slice(0, 3));
      await store.close();
    });

    test("a skipped document is kept with its reason, and the database reopens at the same schema", async () => {
      const location = await engine.location();
      const store = await openStore(location);
      await store.addSkipped({ id: "fr-1", text: "Le barrage a cédé.", meta: { language: "fr" } }, "language is fr");
      await store.close();
      const again = await openStore(location);
      const [doc] = await again.documents();
      assert.equal(doc.status, "skipped");
      assert.equal(doc.reason, "language is fr");
      assert.equal((await again.claims()).length, 0);
      await again.close();
    });

    test("linking records propositions and link numbers, and a second linker catches up with the first", async () => {
      const location = await engine.location();
      const [one, two] = [await openStore(location), await openStore(location)];
      await add(one, "wire-1");
      assert.equal((await linkStore(one)).documents, 1);
      await add(two, "rerun-1");
      const linked = await linkStore(two);
      assert.equal(linked.documents, 1, "only the new document is linked");
      const state = await one.linkedSince(0);
      assert.deepEqual(state.documents.map((d) => d.id), ["wire-1", "rerun-1"]);
      assert.equal(state.seq, 2);
      assert.equal(state.documents[1].echoOf, "wire-1", "the copy is an echo of the first");
      const props = await sqlRows<{ doc_id: string; proposition: number }>(
        one,
        "SELECT d.doc_id, c.proposition FROM claims c JOIN documents d ON d.id = c.doc WHERE c.kind = 'claim' ORDER BY d.doc_id, c.idx",
      );
      assert.equal(new Set(props.map((p) => p.proposition)).size, props.length / 2, "each claim of the copy joins its original's proposition");
      assert.equal((await one.linkedRecords()).length, props.length);
      await one.close();
      await two.close();
    });

    test("exclusive sections of two connections run one after the other", async () => {
      const location = await engine.location();
      const [one, two] = [await openStore(location), await openStore(location)];
      const events: string[] = [];
      const section = (store: Store, name: string) =>
        store.exclusive(async () => {
          events.push(`${name} in`);
          await new Promise((done) => setTimeout(done, 150));
          events.push(`${name} out`);
        });
      await Promise.all([section(one, "a"), section(two, "b")]);
      assert.ok(events.join() === "a in,a out,b in,b out" || events.join() === "b in,b out,a in,a out", events.join());
      await one.close();
      await two.close();
    });

    test("a section that does not wait is skipped while another connection holds the lock, and runs once it is free", async () => {
      const location = await engine.location();
      const [one, two] = [await openStore(location), await openStore(location)];
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((done) => (entered = done));
      const held = one.exclusive(() => (entered(), new Promise<void>((done) => (release = done))));
      await inside;
      assert.equal(await two.tryExclusive(async () => "ran"), undefined, "skipped while the other holds it");
      release();
      await held;
      assert.deepEqual(await two.tryExclusive(async () => "ran"), { value: "ran" });
      await one.close();
      await two.close();
    });

    test("the change stamp moves when another connection writes", async () => {
      const location = await engine.location();
      const [one, two] = [await openStore(location), await openStore(location)];
      const before = await one.changeStamp();
      await add(two, "wire-1");
      assert.notEqual(await one.changeStamp(), before);
      await one.close();
      await two.close();
    });
  });
}
