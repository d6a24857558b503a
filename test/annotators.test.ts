// One contract for every annotator of the default pipeline, on the example corpus and on hostile
// text: findings lie inside the text and inside their sentence, evidence lies inside the sentence,
// findings come in text order, and the same input gives the same output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { createDoc, type Finding, type SourceDoc } from "../src/doc.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { ingest } from "../src/ingest/index.ts";

const HOSTILE: SourceDoc[] = [
  { id: "long-sentence", text: Array.from({ length: 5000 }, (_, i) => (i % 9 === 0 ? "officials said" : i % 13 === 0 ? "3,000" : "troops")).join(" ") + ".", meta: {} },
  { id: "numbers", text: Array.from({ length: 800 }, (_, i) => `${i * 37}, ${i}.5% or ${i}-${i + 9} and $${i}m`).join(" "), meta: {} },
  { id: "table", text: Array.from({ length: 200 }, (_, i) => `Region ${i} | 1,${String(i).padStart(3, "0")} | ${i}% | up to ${i * 3} dead`).join("\n"), meta: {} },
  { id: "emoji", text: Array.from({ length: 300 }, (_, i) => `🔥 Тысячи 士兵 ${i} troops — 😀 said مسؤولون. `).join(""), meta: {} },
  { id: "empty-lines", text: "\n\n   \n\t\n", meta: {} },
  { id: "quotes", text: "“Yes,” she said. “No.” ‘Maybe’ — they said — “never”?!", meta: {} },
];

async function corpus(): Promise<SourceDoc[]> {
  const docs = [...HOSTILE];
  for await (const r of ingest([resolve(import.meta.dirname, "../examples")], { detectLanguage: false })) if (r.ok) docs.push(r.doc);
  return docs;
}

test("every annotator keeps its findings and evidence inside their sentence, in order, deterministically", async () => {
  const pipeline = defaultPipeline();
  for (const source of await corpus()) {
    const doc = pipeline.run(createDoc(structuredClone(source)));
    const again = pipeline.run(createDoc(structuredClone(source)));
    assert.deepEqual(again.layers, doc.layers, `${source.id}: same output twice`);
    for (const [layer, findings] of Object.entries(doc.layers) as [string, Finding[]][]) {
      let last = -1;
      for (const f of findings) {
        const where = `${source.id} ${layer} ${JSON.stringify(doc.text.slice(f.start, f.end)).slice(0, 60)}`;
        const s = doc.sentences[f.sentence];
        assert.ok(s, `${where}: sentence ${f.sentence} exists`);
        assert.ok(f.start >= s.start && f.end <= s.end && f.start <= f.end, `${where}: inside its sentence`);
        for (const e of f.evidence) assert.ok(e.start >= s.start && e.end <= s.end && e.start <= e.end, `${where}: evidence inside the sentence`);
        assert.ok(f.sentence >= last, `${where}: in sentence order`);
        last = f.sentence;
        assert.equal(typeof f.annotator, "string");
      }
    }
  }
});

test("the pipeline lists its components and refuses an order that leaves a layer missing", () => {
  const pipeline = defaultPipeline();
  assert.deepEqual(pipeline.names, ["segmenter", "syntax", "entities", "dates", "quantities", "attribution", "certainty", "kind"]);
  assert.throws(() => pipeline.without("attribution"), /requires layer "attribution"/);
  assert.throws(() => pipeline.replace("nope", pipeline.get("kind")!), /no component named "nope"/);
});
