import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDoc, type Doc } from "../src/doc.ts";
import { toClaimRecords } from "../src/extract/claims.ts";
import { segment } from "../src/text/index.ts";
import { Store } from "../src/store/sqlite.ts";

const tempDb = () => join(mkdtempSync(join(tmpdir(), "triangulate-store-")), "t.db");

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

test("a stored document's claims come back with their source, entities and numbers", () => {
  const store = new Store(tempDb());
  const doc = sampleDoc("wire-1", TEXT);
  assert.equal(store.addDocument(doc, toClaimRecords(doc)), "added");
  const claims = store.claims();
  assert.equal(claims.length, 2);
  assert.equal(claims[0].source, "Val");
  assert.deepEqual(claims[0].entities, ["Valdoria"]);
  assert.equal(claims[0].quantities[0].min, 500);
  assert.equal(claims[0].outlet, "Test Wire");
  store.close();
});

test("analysing the same text twice stores nothing twice, and a changed text replaces the old one", () => {
  const store = new Store(tempDb());
  const doc = sampleDoc("wire-1", TEXT);
  store.addDocument(doc, toClaimRecords(doc));
  assert.equal(store.has(doc), true);
  assert.equal(store.addDocument(doc, toClaimRecords(doc)), "unchanged");
  assert.equal(store.claims().length, 2);
  const edited = sampleDoc("wire-1", TEXT + " Roads were closed.");
  assert.equal(store.addDocument(edited, toClaimRecords(edited)), "updated");
  assert.equal(store.documents().length, 1);
  assert.equal(store.claims().length, 3);
  assert.equal(store.claims({ search: "overnight" }).length, 1, "the old text's search rows are gone");
  store.close();
});

test("a verbatim copy under another id is stored and marked as a duplicate of the first", () => {
  const store = new Store(tempDb());
  for (const id of ["wire-1", "rerun-1"]) {
    const doc = sampleDoc(id, TEXT);
    store.addDocument(doc, toClaimRecords(doc));
  }
  const docs = store.documents();
  assert.equal(docs.find((d) => d.id === "rerun-1")?.duplicateOf, "wire-1");
  assert.equal(docs.find((d) => d.id === "wire-1")?.duplicateOf, undefined);
  store.close();
});

test("claims can be filtered by source, entity, certainty and full-text search", () => {
  const store = new Store(tempDb());
  const doc = sampleDoc("wire-1", TEXT);
  store.addDocument(doc, toClaimRecords(doc));
  assert.equal(store.claims({ source: "val" }).length, 1);
  assert.equal(store.claims({ entity: "valdoria" }).length, 1);
  assert.equal(store.claims({ certainty: "denied" }).length, 0);
  assert.equal(store.claims({ search: "evacuated" }).length, 1);
  assert.throws(() => store.claims({ search: '"unbalanced' }), /not a valid search/);
  store.close();
});

test("a skipped document is kept with its reason, and the database reopens at the same schema", () => {
  const path = tempDb();
  const store = new Store(path);
  store.addSkipped({ id: "fr-1", text: "Le barrage a cédé.", meta: { language: "fr" } }, "language is fr");
  store.close();
  const again = new Store(path);
  const [doc] = again.documents();
  assert.equal(doc.status, "skipped");
  assert.equal(doc.reason, "language is fr");
  assert.equal(again.claims().length, 0);
  again.close();
});
