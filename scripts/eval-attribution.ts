// Scores the attribution annotator on PolNeAR dev (../shared/data/attribution/polnear/dev): for each
// text, one annotator's gold attributions (the annotator with most dev files, when several annotated it)
// against what the annotator finds. Prints source and content precision, recall and F1, and speed.
// - source: a prediction counts when its source overlaps the source of a gold attribution whose cue or
//   content overlaps the prediction's cue or content;
// - content, exact-ish: at least half of each side's tokens are shared; any-overlap: any shared character.
// Usage: npm run eval:attribution
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDoc, type Doc, type Span } from "../src/doc.ts";
import { segment, tokenize } from "../src/text/index.ts";
import { attribution } from "../src/extract/attribution.ts";
import { syntax } from "../src/extract/syntax.ts";

const dev = resolve(import.meta.dirname, "../../shared/data/attribution/polnear/dev");
if (!existsSync(dev)) {
  console.log(`eval:attribution: ${dev} is not here; nothing to score`);
  process.exit(0);
}

interface Relation {
  source: Span[];
  cue: Span[];
  content: Span[];
}

/** The attributions of one brat file: every E line with its Source, Cue and Content spans. */
function readAnn(path: string): Relation[] {
  const spans = new Map<string, Span[]>();
  const events: string[][] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [id, info] = line.split("\t");
    if (id?.startsWith("T") && info) {
      const ranges = info.slice(info.indexOf(" ") + 1).split(";");
      spans.set(id, ranges.map((r) => r.split(" ").map(Number)).map(([start, end]) => ({ start, end })));
    } else if (id?.startsWith("E") && info) events.push(info.split(" "));
  }
  return events.map((args) => {
    const rel: Relation = { source: [], cue: [], content: [] };
    for (const arg of args) {
      const [role, ref] = arg.split(":");
      const key = role.toLowerCase() as keyof Relation;
      if (key in rel) rel[key].push(...(spans.get(ref) ?? []));
    }
    return rel;
  });
}

const overlaps = (a: Span[], b: Span[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

/** Share of the token starts of `a` that lie inside `b`. */
function tokenShare(text: string, a: Span[], b: Span[]): number {
  const tokens = a.flatMap((s) => tokenize(text, s));
  if (!tokens.length) return 0;
  return tokens.filter((t) => b.some((s) => t.start >= s.start && t.start < s.end)).length / tokens.length;
}

// one annotator per text: the one who annotated most dev texts
const files = readdirSync(join(dev, "attributions")).filter((f) => f.endsWith(".ann"));
const byAnnotator = new Map<string, number>();
for (const f of files) byAnnotator.set(f.slice(f.lastIndexOf("_") + 1), (byAnnotator.get(f.slice(f.lastIndexOf("_") + 1)) ?? 0) + 1);
const rank = [...byAnnotator].sort((a, b) => b[1] - a[1]).map(([a]) => a);
const chosen = new Map<string, string>();
for (const f of files) {
  const name = f.slice(0, f.lastIndexOf("_"));
  const current = chosen.get(name);
  if (!current || rank.indexOf(f.slice(f.lastIndexOf("_") + 1)) < rank.indexOf(current.slice(current.lastIndexOf("_") + 1))) chosen.set(name, f);
}

const annotator = attribution();
const parser = syntax();
const count = { gold: 0, pred: 0, sourceTp: 0, sourceFound: 0, exactTp: 0, exactFound: 0, anyTp: 0, anyFound: 0, words: 0, ms: 0 };
for (const [name, file] of chosen) {
  const text = readFileSync(join(dev, "text", `${name}.txt`), "utf8");
  const gold = readAnn(join(dev, "attributions", file)).filter((g) => g.content.length);
  const doc: Doc = segment(createDoc({ id: name, text, meta: {} }));
  doc.layers.entities = [];
  parser.run(doc); // the layer attribution reads besides the text; not timed
  const t0 = performance.now();
  annotator.run(doc);
  count.ms += performance.now() - t0;
  count.words += doc.tokens.length;
  // one cue is one attribution: the sentences of a quotation that runs on share their speaker's cue,
  // and PolNeAR, too, gives such a quotation one content of several sentences. Every link of a chain
  // ("Nick Merrill says that Clinton called …") is an attribution of its own, as PolNeAR marks them.
  const byCue = new Map<string, Relation>();
  for (const a of doc.layers.attribution ?? []) {
    for (const { source, cue } of a.chain) {
      const key = `${cue.start}:${cue.end}`;
      const rel = byCue.get(key) ?? byCue.set(key, { source: [source], cue: [cue], content: [] }).get(key)!;
      rel.content.push({ start: a.start, end: a.end });
    }
  }
  const preds = [...byCue.values()];
  const exact = (p: Relation, g: Relation) => tokenShare(text, g.content, p.content) >= 0.5 && tokenShare(text, p.content, g.content) >= 0.5;
  const source = (p: Relation, g: Relation) => g.source.length > 0 && overlaps(p.source, g.source) && (overlaps(p.cue, g.cue) || overlaps(p.content, g.content));
  const any = (p: Relation, g: Relation) => overlaps(p.content, g.content);
  count.gold += gold.length;
  count.pred += preds.length;
  for (const [test, tp, found] of [[source, "sourceTp", "sourceFound"], [exact, "exactTp", "exactFound"], [any, "anyTp", "anyFound"]] as const) {
    count[tp] += preds.filter((p) => gold.some((g) => test(p, g))).length;
    count[found] += gold.filter((g) => preds.some((p) => test(p, g))).length;
  }
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
function row(label: string, tp: number, found: number): void {
  const p = tp / Math.max(1, count.pred);
  const r = found / Math.max(1, count.gold);
  console.log(`${label.padEnd(22)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(p + r ? (2 * p * r) / (p + r) : 0)}`);
}
console.log(`PolNeAR dev: ${chosen.size} texts, ${count.gold} gold attributions, ${count.pred} predicted`);
row("source", count.sourceTp, count.sourceFound);
row("content (≥50% tokens)", count.exactTp, count.exactFound);
row("content (any overlap)", count.anyTp, count.anyFound);
console.log(`speed: ${Math.round(count.words / (count.ms / 1000)).toLocaleString("en")} tokens/s (annotator alone)`);
