// Fits the linker's pair scorer (models/linking.json): a logistic layer over the pair features of
// src/link/linker.ts, on two sources only: linking-dev's gold (../shared/eval/gold/linking-dev.json,
// the 108 articles analysed as `triangulate analyze` does) and the synthetic corpus
// (scripts/synthetic.ts). Positive pairs: two claims of one gold case (or one synthetic proposition)
// from different documents. Negative pairs: a gold member against every claim of another document that
// is in none of its case's members and that passes the linker's hard constraints; in the synthetic
// corpus, claims of different propositions (or filler) from nearby articles. Deterministic.
// Usage: npm run train:linking [-- --dry-run]
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { main } from "../src/cli/main.ts";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline } from "../src/extract/index.ts";
import { toClaimRecords, type ClaimRecord } from "../src/extract/claims.ts";
import { isStatement } from "../src/extract/boilerplate.ts";
import { fitLogistic, sigmoid, type SparseRows } from "../src/extract/classifier/logistic.ts";
import { Linker, PAIR_FEATURES, type PairWeights } from "../src/link/linker.ts";
import { claimTerms } from "../src/link/terms.ts";
import { openStore } from "../src/store/index.ts";
import { syntheticArticles } from "./synthetic.ts";

const shared = resolve(import.meta.dirname, "../../shared");
const corpus = join(shared, "corpus/linking-dev");
const goldFile = join(shared, "eval/gold/linking-dev.json");
const out = resolve(import.meta.dirname, "../models/linking.json");
if (!existsSync(corpus) || !existsSync(goldFile)) {
  console.log(`train:linking: ${corpus} is not here; the shipped models/linking.json stays`);
  process.exit(0);
}

interface Pair {
  features: Float64Array;
  label: 0 | 1;
}

// the scorer's sentence matching (../shared/eval/linking.mjs): 70% of the gold words in the claim, 50% of the claim's in the gold
const norm = (s: string) => s.toLowerCase().replace(/[’']s\b/g, "").replace(/[^\p{L}\p{N}%]+/gu, " ").trim();
const words = (s: string) => norm(s).split(" ").filter(Boolean);
function cover(a: string[], b: string[]): number {
  const bag = new Map<string, number>();
  for (const w of b) bag.set(w, (bag.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of a) {
    const k = bag.get(w) ?? 0;
    if (k) {
      n++;
      bag.set(w, k - 1);
    }
  }
  return a.length ? n / a.length : 0;
}

/** Every linked claim of linking-dev, as `analyze` stores it. */
async function linkingDevClaims(): Promise<ClaimRecord[]> {
  const db = join(mkdtempSync(join(tmpdir(), "triangulate-train-linking-")), "l.db");
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const status = await main(["analyze", corpus, "--db", db], { stdout: quiet, stderr: process.stderr, stdin: new PassThrough(), progress: false });
  if (status !== 0) console.log(`linking-dev: some inputs failed (exit ${status})`);
  const store = await openStore(db);
  const records = (await store.linkedRecords()).map((l) => l.record);
  await store.close();
  return records;
}

/** A linker holding every claim, so that pair features see the corpus's term frequencies. */
function linkerOver(terms: string[][]): Linker {
  const linker = new Linker({}, { bias: 0, weights: PAIR_FEATURES.map(() => 0), threshold: 1 });
  for (const t of terms) linker.add(t, 0);
  return linker;
}

async function goldPairs(): Promise<Pair[]> {
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as { cases: { members: { doc: string; sentence?: string; anchor?: string[] }[] }[] };
  const claims = await linkingDevClaims();
  const terms = claims.map((c) => claimTerms(c));
  const claimWords = claims.map((c) => words(c.sentence));
  const linker = linkerOver(terms);
  const pairs: Pair[] = [];
  for (const c of gold.cases) {
    const members = new Set<number>();
    for (const m of c.members) {
      const gw = m.anchor ? m.anchor.flatMap(words) : words(m.sentence ?? "");
      let best = -1;
      let bestScore = 0;
      claims.forEach((r, i) => {
        if (r.doc !== m.doc) return;
        const ok = m.anchor ? cover(gw, claimWords[i]) === 1 : cover(gw, claimWords[i]) >= 0.7 && cover(claimWords[i], gw) >= 0.5;
        const score = cover(gw, claimWords[i]) + cover(claimWords[i], gw);
        if (ok && score > bestScore) [best, bestScore] = [i, score];
      });
      if (best >= 0) members.add(best);
    }
    const list = [...members];
    for (const a of list)
      for (let b = 0; b < claims.length; b++) {
        if (claims[b].doc === claims[a].doc || (members.has(b) && b <= a)) continue;
        const features = linker.pairFeatures(terms[a], terms[b]);
        if (features) pairs.push({ features, label: members.has(b) ? 1 : 0 });
      }
  }
  return pairs;
}

function syntheticPairs(articles: number): Pair[] {
  const pipeline = defaultPipeline();
  const claims: { terms: string[]; truth: number; article: number }[] = [];
  let article = 0;
  for (const a of syntheticArticles(articles, Math.round(articles / 5), 7)) {
    const doc = pipeline.run(createDoc({ id: a.id, text: a.text, meta: { outlet: a.outlet, date: a.date } }));
    for (const r of toClaimRecords(doc)) if (r.kind === "claim" && isStatement(r)) claims.push({ terms: claimTerms(r), truth: a.truth[r.index] ?? -1, article });
    article++;
  }
  const linker = linkerOver(claims.map((c) => c.terms));
  const pairs: Pair[] = [];
  for (let i = 0; i < claims.length; i++)
    for (let j = i + 1; j < claims.length && claims[j].article <= claims[i].article + 20; j++) {
      if (claims[j].article === claims[i].article) continue;
      const features = linker.pairFeatures(claims[i].terms, claims[j].terms);
      if (features) pairs.push({ features, label: claims[i].truth >= 0 && claims[i].truth === claims[j].truth ? 1 : 0 });
    }
  return pairs;
}

const gold = await goldPairs();
// the synthetic corpus says the same thing in few phrasings: a sample of its positives, so that real coverage weighs as much
const synthetic = syntheticPairs(200).filter((p, i) => !p.label || i % 20 === 0);
const all = [...gold, ...synthetic];
const count = (ps: Pair[]) => `${ps.filter((p) => p.label).length} positive, ${ps.filter((p) => !p.label).length} negative`;
console.log(`pairs: linking-dev ${count(gold)}; synthetic ${count(synthetic)}`);

const rows: SparseRows = {
  offsets: Int32Array.from({ length: all.length + 1 }, (_, r) => r * PAIR_FEATURES.length),
  indices: Int32Array.from({ length: all.length * PAIR_FEATURES.length }, (_, k) => k % PAIR_FEATURES.length),
  values: Float32Array.from(all.flatMap((p) => [...p.features])),
  labels: Uint8Array.from(all.map((p) => p.label)),
  features: PAIR_FEATURES.length,
};
const positives = all.filter((p) => p.label).length;
// a wrong join merges two whole propositions, a missed one leaves a claim apart: positives count half the negatives' total
const fit = fitLogistic(rows, { l2: 1e-4, iterations: 300, positiveWeight: (0.5 * (all.length - positives)) / positives });
const weights: PairWeights = { bias: fit.bias, weights: [...fit.weights].map((w) => Number(w.toFixed(4))), threshold: 0.5 };

function report(name: string, ps: Pair[]): void {
  let tp = 0, fp = 0, fn = 0;
  for (const p of ps) {
    let z = weights.bias;
    p.features.forEach((v, i) => (z += weights.weights[i] * v));
    const yes = sigmoid(z) >= weights.threshold;
    if (yes && p.label) tp++;
    else if (yes) fp++;
    else if (p.label) fn++;
  }
  console.log(`${name}: pair precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`);
}
report("linking-dev", gold);
report("synthetic", synthetic);
console.log(PAIR_FEATURES.map((f, i) => `${f} ${weights.weights[i]}`).join("; ") + `; bias ${weights.bias.toFixed(3)}`);
if (!process.argv.includes("--dry-run")) {
  writeFileSync(out, JSON.stringify({ features: PAIR_FEATURES, bias: Number(weights.bias.toFixed(4)), weights: weights.weights, threshold: weights.threshold }) + "\n");
  console.log(`wrote ${out}`);
}
if (process.argv.includes("--dry-run"))
  for (const [name, ps] of [["linking-dev", gold], ["synthetic", synthetic]] as const)
    console.log(name, PAIR_FEATURES.map((f, i) => `${f}: +${(ps.filter((p) => p.label).reduce((s, p) => s + p.features[i], 0) / Math.max(1, ps.filter((p) => p.label).length)).toFixed(2)} -${(ps.filter((p) => !p.label).reduce((s, p) => s + p.features[i], 0) / Math.max(1, ps.filter((p) => !p.label).length)).toFixed(2)}`).join("; "));
