// Trains the syntactic analysis (tagger, lemmatizer, parser, labeller) on UD English EWT train and
// writes models/syntax.bin. The parser and labeller learn from tags the tagger predicted (5-fold
// jackknifing over train), the tags they will see in use, not the gold ones. EWT dev is scored at
// the end for the model's own record; nothing is tuned on it here. Deterministic.
// Usage: npm run train:syntax [-- --parser-epochs N] [-- --out FILE]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { readConllu, type ConlluSentence } from "../src/syntax/conllu.ts";
import { Labeller } from "../src/syntax/labeller.ts";
import { Lemmatizer } from "../src/syntax/lemmatizer.ts";
import { SyntaxModel, SYNTAX_MODEL_PATH } from "../src/syntax/model.ts";
import { Parser } from "../src/syntax/parser.ts";
import { Tagger } from "../src/syntax/tagger.ts";
import { parserExamples, sureLabels, trainLabeller, trainLemmatizer, trainParser, trainTagger } from "../src/syntax/training.ts";
import { scoreTreebank } from "./syntax-scores.ts";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const treebanks = resolve(import.meta.dirname, "../../shared/data/treebanks");
if (!existsSync(treebanks)) {
  console.log(`train:syntax: ${treebanks} is not here (it sits beside the project in the team's workplace); nothing to train on`);
  process.exit(0);
}
const read = (file: string) => readConllu(readFileSync(resolve(treebanks, file), "utf8"), file);
const train = read("ud-english-ewt/en_ewt-ud-train.conllu");
const dev = read("ud-english-ewt/en_ewt-ud-dev.conllu");
const TAGGER_EPOCHS = 8;
const FOLDS = 5;
const log = (line: string) => console.log(line);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);

let began = performance.now();
const tagger = trainTagger(train, { epochs: TAGGER_EPOCHS });
const tagIndex = new Map(tagger.data.tags.map((t, i) => [t, i]));
console.log(`tagger: ${train.length} sentences, ${tagger.data.tags.length} tags, ${tagger.model.size} weights (${seconds(began)} s)`);

began = performance.now();
// --tags-cache FILE keeps the jackknifed tags between runs that change only the parser
const cache = flag("tags-cache", "");
let jackknifed: Int32Array[] = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, "utf8")) as number[][]).map((t) => Int32Array.from(t)) : [];
const tagsNeeded = jackknifed.length !== train.length;
if (tagsNeeded) jackknifed = new Array(train.length);
for (let fold = 0; tagsNeeded && fold < FOLDS; fold++) {
  const foldTagger = trainTagger(train.filter((_, i) => i % FOLDS !== fold), { epochs: TAGGER_EPOCHS });
  train.forEach((s: ConlluSentence, i) => {
    if (i % FOLDS !== fold) return;
    const tags = foldTagger.tag(s.words.map((w) => w.form));
    jackknifed[i] = Int32Array.from(tags, (t) => tagIndex.get(foldTagger.data.tags[t]) ?? 0);
  });
}
if (cache && tagsNeeded) writeFileSync(cache, JSON.stringify(jackknifed.map((t) => [...t])));
console.log(`jackknifed tags for the parser: ${FOLDS} folds (${seconds(began)} s)`);

const labels = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
const examples = parserExamples(train, jackknifed, tagger, new Map(labels.map((l, i) => [l, i])));
began = performance.now();
const parserTrainer = trainParser(examples, { epochs: Number(flag("parser-epochs", "12")), explore: Number(flag("explore", "0.9")), log });
console.log(`parser: ${parserTrainer.features} features (${seconds(began)} s)`);
began = performance.now();
const labellerTrainer = trainLabeller(examples, labels.length, { epochs: 10, log });
console.log(`labeller: ${labels.length} relations, ${labellerTrainer.features} features (${seconds(began)} s)`);

// Features that fewer than MIN_UPDATES corrections touched, and weights under PRUNE in size, are left
// out: they change little on EWT dev, and the smaller tables are faster to read (fewer cache misses).
const MIN_UPDATES = Number(flag("min-updates", "2"));
const PRUNE = 0.9;
const lemmatizer = new Lemmatizer(trainLemmatizer(train));
const sure = args.includes("--no-sure-labels") ? new Map<number, number>() : sureLabels(examples, labels.indexOf("root"));
console.log(`sure labels: ${sure.size} arc shapes`);
const build = (minUpdates: number) =>
  new SyntaxModel({
    tagger: new Tagger(tagger.data, tagger.model.pruned(PRUNE)),
    lemmatizer,
    parser: new Parser(parserTrainer.average(PRUNE, minUpdates)),
    labeller: new Labeller(labels, labellerTrainer.average(PRUNE, minUpdates), sure),
    meta: { data: "UD English EWT 2.15 train (CC BY-SA 4.0)", sentences: train.length, pruned: PRUNE, minUpdates },
  });
const out = flag("out", SYNTAX_MODEL_PATH);
// --try-min-updates 3,4 scores those too and, beside an --out FILE, saves each as FILE-min-updates-N.bin
for (const m of (flag("try-min-updates", "") || "").split(",").filter(Boolean).map(Number)) {
  const tried = build(m);
  const s = scoreTreebank(tried, dev);
  console.log(`  min updates ${m}: parser ${tried.parser.model.size}, labeller ${tried.labeller.model.size} weights; UAS ${s.UAS.toFixed(2)} LAS ${s.LAS.toFixed(2)}`);
  if (out !== SYNTAX_MODEL_PATH) tried.save(`${out.replace(/\.bin$/, "")}-min-updates-${m}.bin`);
}
const model = build(MIN_UPDATES);
const scores = scoreTreebank(model, dev);
model.meta["EWT dev"] = Object.entries(scores).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
const bytes = model.save(out);
console.log(`EWT dev: ${model.meta["EWT dev"]}`);
console.log(`→ ${out} (${(bytes / 2 ** 20).toFixed(1)} MB)`);
