// The whole pipeline never throws on real text cut, joined and mangled, and every offset it gives
// lies inside the text: a property test (fast-check) over sentences of the bundled example corpus,
// and the two inputs that once crashed it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import fc from "fast-check";
import { createDoc, type Doc, type Span } from "../src/doc.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { toClaimRecords } from "../src/extract/claims.ts";
import { ingest } from "../src/ingest/index.ts";

const pipeline = defaultPipeline();

async function exampleSentences(): Promise<string[]> {
  const out: string[] = [];
  for await (const r of ingest([resolve(import.meta.dirname, "../examples")], { detectLanguage: false }))
    if (r.ok) out.push(...r.doc.text.split(/(?<=[.!?”"])\s+|\n+/).filter((s) => s.trim()));
  return out;
}

/** Every span the Doc holds, with where it came from. */
function* spans(doc: Doc): Generator<[string, Span]> {
  for (const s of doc.sentences) yield ["sentence", s];
  for (const t of doc.tokens) yield ["token", t];
  for (const [layer, findings] of Object.entries(doc.layers)) {
    for (const f of findings as (Span & { evidence: Span[]; words?: Span[] })[]) {
      yield [layer, f];
      for (const e of f.evidence) yield [`${layer} evidence`, e];
      for (const w of f.words ?? []) yield [`${layer} word`, w];
    }
  }
}

function assertInside(doc: Doc): void {
  for (const [where, s] of spans(doc))
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= doc.text.length, `${where} ${JSON.stringify(s)} inside a text of ${doc.text.length}`);
}

const MANGLE = {
  noFullStop: (s: string) => s.replace(/[.!?]+["”’]?\s*$/, ""),
  doubledQuotes: (s: string) => s.replace(/["“”]/g, "“”").replace(/'/g, "''"),
  unicode: (s: string) => `🔥 ${s.replace(/ /g, " \u200b")} مسؤولون 士兵 e\u0301`,
  longToken: (s: string) => `${s} ${"x".repeat(3000)} ${"3".repeat(400)}`,
  upper: (s: string) => s.toUpperCase(),
  noSpaces: (s: string) => s.replace(/ /g, ""),
  repeated: (s: string) => `${s} `.repeat(40),
  none: (s: string) => s,
};

test("the pipeline never throws on example sentences cut, joined and mangled, and keeps every offset inside the text", async () => {
  const sentences = await exampleSentences();
  const piece = fc.record({
    sentence: fc.integer({ min: 0, max: sentences.length - 1 }),
    cut: fc.tuple(fc.nat(), fc.nat()),
    mangle: fc.constantFrom(...(Object.keys(MANGLE) as (keyof typeof MANGLE)[])),
  });
  const joiner = fc.constantFrom(" ", "", "\n", "\n\n", " | ", "..."," “", "— ");
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), joiner, (pieces, join) => {
      const text = pieces
        .map(({ sentence, cut, mangle }) => {
          const s = sentences[sentence];
          const [a, b] = [cut[0] % (s.length + 1), cut[1] % (s.length + 1)].sort((x, y) => x - y);
          return MANGLE[mangle](b - a > 3 ? s.slice(a, b) : s);
        })
        .join(join);
      const doc = pipeline.run(createDoc({ id: "mangled", text, meta: { date: "2026-03-12" } }));
      assertInside(doc);
      toClaimRecords(doc);
    }),
    { numRuns: 120, seed: 20261203 },
  );
});

test("a headline that ends with its reporting verb and no full stop", () => {
  const text = "Rising seas could flood coastal cities by the end of the century, scientists warn";
  const doc = pipeline.run(createDoc({ id: "headline", text, meta: {} }));
  assertInside(doc);
  assert.equal(toClaimRecords(doc).length, 1);
});

test("3.6 MB of text on one line does not overflow the stack", () => {
  const text = "troops said 3,000 ".repeat(200_000);
  const doc = pipeline.run(createDoc({ id: "one-line", text, meta: {} }));
  assert.ok(doc.layers.quantities!.length > 100_000);
  assertInside(doc);
});
