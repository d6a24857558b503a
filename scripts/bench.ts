// Speed and memory, printed (never asserted by tests). Three stages:
//   syntax:  the tagger, lemmatizer and parser on real news (PolNeAR), beside wink-nlp's POS tagging;
//   extract: the full pipeline over ≥1M words made by shuffling the example corpus's sentences, plus
//            hostile documents (a 5,000-word sentence, one long line, a page of numbers, emoji and
//            mixed scripts), beside wink-nlp's bare tokenisation of the same text in the same run;
//   link:    a synthetic corpus of articles with known propositions (scripts/synthetic.ts) analysed,
//            stored and linked, then five more added one at a time (the median of their times); linking precision and recall.
//   page:    ≥100k synthetic claims served by the real server, the Story view's first render and a
//            status filter timed in headless Chromium (scripts/bench-page.ts).
//   query:   filtered `claims --limit 20` on a synthetic store of --articles articles (built once, kept in .tmp/).
//   analyze, workers: see scripts/bench-scale.ts; the query stage also times a PostgreSQL copy.
//   start:   `triangulate --help` as a user runs it (the compiled CLI in a process of its own), the median of 9.
// Usage: npm run bench [-- --stage syntax|extract|link|analyze|workers|query|page|start] [-- --articles N] [-- --words N] [-- --claims N] [-- --profile]
//   TRIANGULATE_SYNTAX_MODEL=FILE: a candidate syntax model in place of models/syntax.bin (all stages).
//   --profile: after the extract measurement, one more pass over the same documents timing each
//              annotator (and toClaimRecords) apart, printed as shares of the pass's time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import winkNLP from "wink-nlp";
import model_ from "wink-eng-lite-web-model";
import { createDoc, type Doc, type SourceDoc } from "../src/doc.ts";
import { defaultPipeline, toClaimRecords, type Pipeline } from "../src/extract/index.ts";
import { ingest } from "../src/ingest/index.ts";
import { LinkSession, refreshSummaries } from "../src/link/index.ts";
import { MIGRATIONS } from "../src/store/schema.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import { openStore } from "../src/store/index.ts";
import type { ClaimFilter, Store } from "../src/store/types.ts";
import { defaultSyntaxModel, syntacticWords, syntaxModelPath } from "../src/syntax/index.ts";
import { segment } from "../src/text/index.ts";
import { tightenHeapGrowth } from "../src/cli/heap.ts";
import { pageStage } from "./bench-page.ts";
import { analyzeStage, copyToPostgres, database, postgresServer, workersStage } from "./bench-scale.ts";
import { pairwiseScores, random, syntheticArticles, type SyntheticArticle } from "./synthetic.ts";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const stage = flag("stage", "all");
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The process's peak resident set so far, as the OS counts it (maxRSS is in KiB). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function extractStage(targetWords: number): Promise<void> {
  const examples: SourceDoc[] = [];
  for await (const r of ingest([resolve(import.meta.dirname, "../examples")], { detectLanguage: false })) if (r.ok) examples.push(r.doc);
  const rnd = random(7);
  const sentences = examples.flatMap((d) => d.text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim()));
  const docs: SourceDoc[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    const picked = Array.from({ length: 25 }, () => sentences[Math.floor(rnd() * sentences.length)]);
    const text = picked.join(" ");
    words += wordCount(text);
    docs.push({ id: `bench-${i}`, text, meta: { date: "2026-03-12" } });
  }
  const hostile: [string, string][] = [
    ["long-sentence", Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "officials said" : i % 11 === 0 ? "3,000" : "troops")).join(" ") + "."],
    ["one-line", sentences.join(" ").replace(/\n/g, " ").slice(0, 200_000)],
    ["numbers", Array.from({ length: 3000 }, (_, i) => `${i * 37}, ${i}.5% or ${i}-${i + 9}`).join(" ")],
    ["table", Array.from({ length: 500 }, (_, i) => `Region ${i} | 1,${String(i).padStart(3, "0")} | ${i}% | up to ${i * 3}`).join("\n")],
    ["emoji", Array.from({ length: 2000 }, (_, i) => `🔥 Тысячи 士兵 ${i} troops — 😀 said مسؤولون`).join(" ")],
  ];
  const pipeline = defaultPipeline();
  for (const [id, text] of hostile) {
    const t0 = performance.now();
    // the records too: a frame read per figure once made a sentence of 3,000 figures take 18 s here
    toClaimRecords(pipeline.run(createDoc({ id, text, meta: {} })));
    const ms = performance.now() - t0;
    words += wordCount(text);
    console.log(`  hostile ${id}: ${wordCount(text)} words in ${ms.toFixed(0)} ms`);
    docs.push({ id, text, meta: {} });
  }

  const t0 = performance.now();
  for (const d of docs) toClaimRecords(pipeline.run(createDoc(d)));
  const fullSeconds = (performance.now() - t0) / 1000;

  const wink = winkNLP(model_, []);
  const t1 = performance.now();
  for (const d of docs) wink.readDoc(d.text).tokens().length();
  const winkSeconds = (performance.now() - t1) / 1000;

  const extractRate = Math.round(words / fullSeconds);
  const winkRate = Math.round(words / winkSeconds);
  console.log(`  ${words} words in ${docs.length} documents; pipeline: ${pipeline.names.join(" → ")}`);
  if (args.includes("--profile")) profileStages(pipeline, docs);
  console.log(`extract: ${extractRate} words/s; wink bare: ${winkRate} words/s; ratio ${(extractRate / winkRate).toFixed(2)}`);
}

/** Prints each annotator's share of the time of one pass over `docs`, and toClaimRecords' as "claims". */
function profileStages(pipeline: Pipeline, docs: SourceDoc[]): void {
  const stages = pipeline.names.map((name) => {
    const annotator = pipeline.get(name)!;
    return { name, run: (doc: Doc) => annotator.run(doc), ms: 0 };
  });
  const claims = { name: "claims", run: (doc: Doc) => void toClaimRecords(doc), ms: 0 };
  for (const d of docs) {
    const doc = createDoc(d);
    for (const stage of [...stages, claims]) {
      const t0 = performance.now();
      stage.run(doc);
      stage.ms += performance.now() - t0;
    }
  }
  const total = [...stages, claims].reduce((sum, s) => sum + s.ms, 0);
  const shares = [...stages, claims].map((s) => `${s.name} ${Math.round((100 * s.ms) / total)}% (${(s.ms / 1000).toFixed(1)} s)`);
  console.log(`  profile: ${shares.join(", ")}`);
}

/**
 * Tagging, lemmatising and parsing real news (the PolNeAR texts) against wink-nlp's POS tagging of
 * the same texts in the same run. Sentences and words are cut before the clock starts for both: this
 * times the models.
 */
async function syntaxStage(): Promise<void> {
  const polnear = resolve(import.meta.dirname, "../../shared/data/attribution/polnear");
  if (!existsSync(polnear)) {
    console.log(`syntax: skipped (${polnear} is not here)`);
    return;
  }
  const texts = ["train", "dev"].flatMap((split) => {
    const dir = join(polnear, split, "text");
    return readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
  });
  const model = defaultSyntaxModel();
  // each text's sentences, analysed together as the syntax annotator does a document's
  const documents: string[][][] = texts.map((text) => {
    const doc = segment(createDoc({ id: "bench", text, meta: {} }));
    return doc.sentences.map((s) => syntacticWords(text, doc.tokens, s.tokenStart, s.tokenEnd).map((w) => text.slice(w.start, w.end)));
  });
  const sentences = documents.flat();
  const words = sentences.reduce((n, s) => n + s.length, 0);
  for (const d of documents.slice(0, 50)) model.analyseAll(d); // warm up
  const t0 = performance.now();
  for (const d of documents) model.analyseAll(d);
  const syntaxRate = Math.round(words / ((performance.now() - t0) / 1000));
  const wink = winkNLP(model_, ["sbd", "pos"]);
  const t1 = performance.now();
  let winkWords = 0;
  for (const text of texts) winkWords += wink.readDoc(text).tokens().out(wink.its.pos).length;
  const winkRate = Math.round(winkWords / ((performance.now() - t1) / 1000));
  console.log(`  ${words} words in ${sentences.length} sentences of ${texts.length} PolNeAR texts; model ${(statSync(syntaxModelPath()).size / 2 ** 20).toFixed(1)} MB`);
  console.log(`syntax: ${syntaxRate} words/s; wink pos: ${winkRate} words/s; ratio ${(syntaxRate / winkRate).toFixed(2)}`);
}

/** Articles added one at a time after the link, for the "add one" figure. */
const ADDED = 5;

async function linkStage(articles: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-"));
  const store = new SqliteStore(join(dir, "bench.db"));
  const pipeline = defaultPipeline();
  // only each article's true propositions are kept, not its text
  const truthOf = new Map<string, number[]>();
  const analyse = async (a: SyntheticArticle) => {
    truthOf.set(a.id, a.truth);
    const doc = pipeline.run(createDoc({ id: a.id, text: a.text, meta: { outlet: a.outlet, date: a.date } }));
    await store.addDocument(doc, toClaimRecords(doc));
  };

  const corpus = syntheticArticles(articles + ADDED, Math.round(articles / 5), 11);
  const t0 = performance.now();
  for (let i = 0; i < articles; i++) {
    await analyse(corpus.next().value!);
    if (i % 1000 === 0 && process.stderr.isTTY) process.stderr.write(`\r  analysed ${i}/${articles}`);
  }
  const analysed = performance.now();
  // where the peak comes from: the analysis of every article in this process, or the one linkNew after it
  const analysedRss = peakRss();
  // as `triangulate analyze` links
  tightenHeapGrowth();
  const session = new LinkSession(store);
  const linked = await session.linkNew();
  const seconds = (performance.now() - t0) / 1000;
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  console.log(
    `  analysed and stored in ${((analysed - t0) / 1000).toFixed(1)} s (peak RSS ${mb(analysedRss)} MB); linked ${linked.claims} claims into ${linked.propositions} propositions in ${((performance.now() - analysed) / 1000).toFixed(1)} s`,
  );

  // one article at a time, as a watched feed brings them: the median of a few, since one sample can land on a collection
  const adds: number[] = [];
  for (let k = 0; k < ADDED; k++) {
    const next = corpus.next().value!;
    const tAdd = performance.now();
    await analyse(next);
    await session.linkNew();
    adds.push(performance.now() - tAdd);
  }
  adds.sort((a, b) => a - b);
  const addMs = adds[ADDED >> 1];

  const items: { truth: number; predicted: number }[] = [];
  const rows = store.db.prepare("SELECT d.doc_id, c.idx, c.proposition FROM claims c JOIN documents d ON d.id = c.doc WHERE c.proposition IS NOT NULL").all() as {
    doc_id: string;
    idx: number;
    proposition: number;
  }[];
  for (const r of rows) items.push({ truth: truthOf.get(r.doc_id)?.[r.idx] ?? -1, predicted: r.proposition });
  const { precision, recall } = pairwiseScores(items);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `link: ${articles} articles in ${seconds.toFixed(1)} s; peak RSS ${mb(peakRss())} MB; add one: ${addMs.toFixed(1)} ms (median of ${ADDED}, slowest ${adds[ADDED - 1].toFixed(1)}); precision ${precision.toFixed(3)}; recall ${recall.toFixed(3)}`,
  );
  const top = storyTop(await benchStore(STORY_ARTICLES), 10);
  console.log(`story: top 10 in ${top.ms.toFixed(0)} ms; peak RSS ${mb(top.rss)} MB (${STORY_ARTICLES / 1000}k articles, a fresh \`triangulate story --limit 10 --format json\`)`);
}

/** The store the story line reads: the query stage's, the size of the story that once took 11 minutes and 2.4 GB. */
const STORY_ARTICLES = 100_000;

/**
 * `triangulate story --limit N --format json` run as a user runs it, in a process of its own (the
 * compiled CLI, built first): its wall time, start-up included, and its peak RSS, which the process
 * reports as it exits. Timed after one untimed run, so the file is in the page cache as a working store's is.
 */
function storyTop(path: string, n: number): { ms: number; rss: number } {
  const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: resolve(import.meta.dirname, ".."), stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build:cli failed");
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+"\\n"))';
  const argv = ["--import", report, resolve(import.meta.dirname, "../bin/triangulate.js"), "story", "--db", path, "--limit", String(n), "--format", "json"];
  let result = { ms: 0, rss: 0 };
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 2 ** 30 });
    const ms = performance.now() - t0;
    if (run.status !== 0) throw new Error(`triangulate story failed: ${run.stderr}`);
    if (JSON.parse(run.stdout).propositions.length !== n) throw new Error(`triangulate story gave no ${n} propositions`);
    result = { ms, rss: Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024 };
  }
  return result;
}

/**
 * The synthetic store of `articles` articles, analysed and linked, kept in .tmp/ between runs (building
 * 100,000 articles takes minutes; the queries read it in milliseconds).
 */
async function benchStore(articles: number): Promise<string> {
  // named by schema version: a store cached by an older version is migrated (and summarised) once, not used as it was
  const path = resolve(import.meta.dirname, `../.tmp/bench-store-${articles}-v${MIGRATIONS.length}.db`);
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const older = [...Array(MIGRATIONS.length).keys()]
    .map((v) => resolve(import.meta.dirname, `../.tmp/bench-store-${articles}${v ? `-v${v}` : ""}.db`))
    .filter((p) => existsSync(p))
    .at(-1);
  if (older) {
    const t0 = performance.now();
    const store = new SqliteStore(older);
    await store.exclusive(() => refreshSummaries(store));
    await store.close();
    renameSync(older, path);
    console.log(`  migrated the cached ${basename(older)} to schema ${MIGRATIONS.length} and summarised it in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return path;
  }
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const store = new SqliteStore(building);
  const pipeline = defaultPipeline();
  const corpus = syntheticArticles(articles, Math.round(articles / 5), 11);
  let i = 0;
  for (const a of corpus) {
    const doc = pipeline.run(createDoc({ id: a.id, text: a.text, meta: { outlet: a.outlet, date: a.date } }));
    await store.addDocument(doc, toClaimRecords(doc));
    if (++i % 1000 === 0 && process.stderr.isTTY) process.stderr.write(`\r  building the query store: ${i}/${articles}`);
  }
  await new LinkSession(store).linkNew();
  await store.close();
  renameSync(building, path);
  return path;
}

/** Filtered `claims --limit 20` queries as the CLI makes them, timed in the store. */
const QUERIES: ClaimFilter[] = [
  { source: "ministry" },
  { source: "governor", certainty: "asserted" },
  { certainty: "hedged" },
  { kind: "opinion" },
  { entity: "Radio Sever" },
  { search: "bridge" },
  { search: "evacuated soldiers" },
  { source: "nobody at all" },
];

function p95(ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/** p95 of the QUERIES with --limit 20, over five rounds after one that warms the caches. */
async function queryP95(store: Store): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < 6; round++)
    for (const q of QUERIES) {
      const t0 = performance.now();
      await store.claims({ ...q, limit: 20 });
      if (round) times.push(performance.now() - t0);
    }
  await store.close();
  return p95(times);
}

async function queryStage(articles: number): Promise<void> {
  const path = await benchStore(articles);
  const sqlite = await queryP95(new SqliteStore(path));
  let postgres = "no PostgreSQL server";
  const server = postgresServer();
  if (server)
    try {
      const url = await database(server.url, `bench_query_${articles}`);
      await copyToPostgres(path, url);
      postgres = `${(await queryP95(await openStore(url))).toFixed(1)} ms (postgres)`;
    } finally {
      server.stop();
    }
  console.log(`query: claims p95 ${sqlite.toFixed(1)} ms (${articles / 1000}k articles, sqlite) / ${postgres}`);
}

/** `triangulate --help` in a fresh process, built first: the median wall time of 9 runs after one untimed. */
function startStage(): void {
  const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: resolve(import.meta.dirname, ".."), stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build:cli failed");
  const cli = resolve(import.meta.dirname, "../bin/triangulate.js");
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`triangulate --help failed: ${run.stderr}`);
    if (round) times.push(performance.now() - t0);
  }
  const bare = spawnSync(process.execPath, ["-e", "0"]);
  const t0 = performance.now();
  spawnSync(process.execPath, ["-e", "0"]);
  const node = performance.now() - t0;
  if (bare.status !== 0) throw new Error("node -e 0 failed");
  times.sort((a, b) => a - b);
  console.log(`start: triangulate --help in ${times[4].toFixed(0)} ms (median of 9; node alone ${node.toFixed(0)} ms)`);
}

if (stage === "all") {
  // each stage in a process of its own, so one's memory does not count in the other's peak
  for (const s of ["start", "syntax", "extract", "link", "analyze", "workers", "query", "page"]) {
    const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args, "--stage", s], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
} else if (stage === "syntax") await syntaxStage();
else if (stage === "extract") await extractStage(Number(flag("words", "1000000")));
else if (stage === "link") await linkStage(Number(flag("articles", "100000")));
else if (stage === "query") await queryStage(Number(flag("articles", "100000")));
else if (stage === "analyze") await analyzeStage();
else if (stage === "workers") await workersStage(Number(flag("worker-articles", "400")));
else if (stage === "page") await pageStage(Number(flag("claims", "100000")));
else if (stage === "start") startStage();
else throw new Error(`--stage takes start, syntax, extract, link, analyze, workers, query or page, not "${stage}"`);
