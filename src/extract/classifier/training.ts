import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../../text/tokens.ts";
import { extractFeatures, wordFeatures, wordValue } from "./features.ts";
import { fitLogistic, sigmoid, type SparseRows } from "./logistic.ts";
import type { ModelFile } from "./model.ts";

// How the shipped models are made from ../shared/data: the two tasks, reading their TSV files,
// vectorising, choosing the L2 strength and the threshold by cross-validation on train (never on
// dev), and pruning to the strongest features. Used by scripts/train.ts and scripts/eval-classifiers.ts.

export interface Example {
  text: string;
  positive: boolean;
}

export type Metric = "f1-positive" | "macro-f1";

export interface Task {
  name: "checkworthy" | "subjectivity";
  /** The files fitted on: the train split and the dev-test split, a development split apart from dev
   * (which only scores) and from the held-out test. */
  train: string[];
  dev: string;
  /** The label that counts as the positive class. */
  positive: string;
  metric: Metric;
  /** L2 strengths to try, and how many features the shipped model keeps. */
  l2Grid: number[];
  keep: number;
  minCount: number;
  /** Weigh the classes equally in fitting and in the cross-validated score that picks the L2 strength
   * and the threshold, so that neither carries train's class prior. */
  balanced: boolean;
  /** Word-level features count 1/tokens^lengthPower in a sentence (see `wordValue`); 0: plain counts. */
  lengthPower: number;
}

/** The value of one character n-gram beside a word's 1: under one L2 penalty a smaller value asks more
 * evidence of the many overlapping n-grams before they outweigh whole words. */
const CHAR_VALUE = 0.3;
/** How far each feature's value is scaled by its naive-Bayes log-count ratio (0: not at all, 1: fully). */
const NB_MIX = 0.75;
// Both, and each task's `lengthPower` (0, 0.5, 0.75 or 1), were chosen by 5-fold cross-validation on
// the training files of the two tasks, among 0.2, 0.3, 0.5 and 0, 0.25, 0.5, 0.75, 1.

export const TASKS: Task[] = [
  {
    name: "checkworthy",
    train: ["checkworthy/ct24-english-train.tsv", "checkworthy/ct24-english-dev-test.tsv"],
    dev: "checkworthy/ct24-english-dev.tsv",
    positive: "Yes",
    metric: "f1-positive",
    l2Grid: [1e-5, 3e-5, 1e-4],
    keep: 100000,
    minCount: 2,
    balanced: false,
    lengthPower: 0.5,
  },
  {
    name: "subjectivity",
    train: ["subjectivity/ct25-train_en.tsv", "subjectivity/ct25-dev_test_en.tsv"],
    dev: "subjectivity/ct25-dev_en.tsv",
    positive: "SUBJ",
    metric: "macro-f1",
    l2Grid: [1e-2, 3e-2, 1e-1],
    keep: 100000,
    minCount: 2,
    balanced: true,
    lengthPower: 0,
  },
];

/** Rows of a CheckThat! TSV (id, text, label, …), with CSV-style quoted texts unquoted. Malformed rows are skipped. */
export function readExamples(dataDir: string, file: string, positive: string): Example[] {
  const lines = readFileSync(join(dataDir, file), "utf8").split(/\r?\n/).slice(1);
  const out: Example[] = [];
  for (const line of lines) {
    const cells = line.split("\t");
    if (cells.length < 3 || !/^(Yes|No|OBJ|SUBJ)$/.test(cells[2])) continue;
    out.push({ text: unquote(cells[1]), positive: cells[2] === positive });
  }
  return out;
}

const unquote = (cell: string): string =>
  cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;

/** The examples a task is fitted on, file after file. */
export const readTrain = (dataDir: string, task: Task): Example[] => task.train.flatMap((file) => readExamples(dataDir, file, task.positive));

/** Feature names of one text, as `family:key`, one entry per firing. */
export function featureNames(text: string): string[] {
  const names: string[] = [];
  const tokens = tokenize(text);
  extractFeatures(text, tokens, 0, tokens.length, {
    word: (word) => names.push(...wordFeatures(word)),
    pair: (first, second) => names.push(`b:${first} ${second}`),
    dense: (key) => names.push(`d:${key}`),
  });
  return names;
}

/** One training text: its feature names, one entry per firing, and the value of a word-level firing in it. */
interface Featured {
  names: string[];
  wordValue: number;
}

const featurise = (text: string, task: Task): Featured => ({ names: featureNames(text), wordValue: wordValue(tokenize(text).length, task.lengthPower) });

/** The value a firing of `name` has in the text. */
const valueIn = (text: Featured, name: string): number => (name.startsWith("d:") ? 1 : text.wordValue);

/** A vocabulary of the names seen in at least `minCount` texts, each mapped to a column. */
export function buildVocabulary(texts: string[][], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const names of texts) for (const name of new Set(names)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  for (const [name, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= minCount) vocabulary.set(name, vocabulary.size);
  return vocabulary;
}

/** Sparse rows from per-text (column, value) lists. */
export function toRows(columns: Array<Array<[number, number]>>, labels: boolean[], features: number): SparseRows {
  const offsets = new Int32Array(columns.length + 1);
  columns.forEach((c, r) => (offsets[r + 1] = offsets[r] + c.length));
  const indices = new Int32Array(offsets[columns.length]);
  const values = new Float32Array(offsets[columns.length]);
  columns.forEach((c, r) => c.forEach(([j, v], k) => ((indices[offsets[r] + k] = j), (values[offsets[r] + k] = v))));
  return { offsets, indices, values, labels: Uint8Array.from(labels, Number), features };
}

/**
 * How training texts become rows: a column per feature name seen in at least `minCount` texts, whose
 * value is the sum of its firings' values (`valueIn`) times its scale — `CHAR_VALUE` for n-grams, and the naive-Bayes
 * log-count ratio mixed in by `NB_MIX` (after Wang and Manning 2012): a feature whose share of texts differs
 * much between the classes gets a larger value, so the L2 penalty holds it back less. A shipped weight
 * is the fitted weight times the scale, so inference needs no scales.
 */
interface Vectoriser {
  vocabulary: Map<string, number>;
  scale: Float64Array;
  columns(text: Featured): Array<[number, number]>;
}

function vectoriser(texts: Featured[], labels: boolean[], task: Task): Vectoriser {
  const vocabulary = buildVocabulary(texts.map((t) => t.names), task.minCount);
  // texts holding each feature, per class, plus one
  const inClass = [new Float64Array(vocabulary.size).fill(1), new Float64Array(vocabulary.size).fill(1)];
  texts.forEach((text, r) => {
    for (const name of new Set(text.names)) {
      const j = vocabulary.get(name);
      if (j !== undefined) inClass[Number(labels[r])][j]++;
    }
  });
  const [negatives, positives] = inClass.map((counts) => counts.reduce((a, b) => a + b, 0));
  const scale = new Float64Array(vocabulary.size);
  for (const [name, j] of vocabulary) {
    const ratio = Math.abs(Math.log(inClass[1][j] / positives / (inClass[0][j] / negatives)));
    scale[j] = (name.startsWith("c:") ? CHAR_VALUE : 1) * (1 - NB_MIX + NB_MIX * ratio);
  }
  const columns = (text: Featured): Array<[number, number]> => {
    const sums = new Map<number, number>();
    for (const name of text.names) {
      const j = vocabulary.get(name);
      if (j !== undefined) sums.set(j, (sums.get(j) ?? 0) + valueIn(text, name));
    }
    return [...sums].map(([j, sum]) => [j, sum * scale[j]]);
  };
  return { vocabulary, scale, columns };
}

/** Each class's row weight when `balanced` makes the two classes weigh the same in total, else 1. */
const classWeights = (gold: boolean[], balanced: boolean): [number, number] => {
  if (!balanced) return [1, 1];
  const positives = gold.filter(Boolean).length;
  return [gold.length / (2 * (gold.length - positives)), gold.length / (2 * positives)];
};

/** F1 of the positive class or macro F1, as CheckThat! defines them; `balanced` counts each class's
 * rows with equal total weight, which scores as if the classes were equally common. */
export function score(metric: Metric, gold: boolean[], predicted: boolean[], balanced = false): number {
  const weights = classWeights(gold, balanced);
  const f1 = (positive: boolean): number => {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      const w = weights[Number(g)];
      if (predicted[i] === positive && g === positive) tp += w;
      else if (predicted[i] === positive) fp += w;
      else if (g === positive) fn += w;
    });
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  return metric === "f1-positive" ? f1(true) : (f1(true) + f1(false)) / 2;
}

/** The threshold in 0.05..0.95 that scores best, and its score. */
export function bestThreshold(metric: Metric, gold: boolean[], probabilities: number[], balanced = false): { threshold: number; score: number } {
  let best = { threshold: 0.5, score: -1 };
  for (let t = 0.05; t < 0.951; t += 0.01) {
    const s = score(metric, gold, probabilities.map((p) => p >= t), balanced);
    if (s > best.score) best = { threshold: Math.round(t * 100) / 100, score: s };
  }
  return best;
}
/** A deterministic generator (mulberry32), so folds are the same on every run. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fits on the named examples and keeps the `keep` strongest weights: the model `train` ships. */
function fitPruned(texts: Featured[], labels: boolean[], task: Task, l2: number): { bias: number; weights: Map<string, number> } {
  const { vocabulary, scale, columns } = vectoriser(texts, labels, task);
  const rows = toRows(texts.map(columns), labels, vocabulary.size);
  const [negativeWeight, positiveWeight] = classWeights(labels, task.balanced);
  const fit = fitLogistic(rows, { l2, positiveWeight: positiveWeight / negativeWeight, iterations: 300 });
  const shipped = (j: number): number => fit.weights[j] * scale[j];
  const strongest = [...vocabulary].sort((a, b) => Math.abs(shipped(b[1])) - Math.abs(shipped(a[1])) || (a[0] < b[0] ? -1 : 1));
  const weights = new Map<string, number>();
  for (const [name, j] of strongest.slice(0, task.keep)) if (shipped(j) !== 0) weights.set(name, Number(shipped(j).toPrecision(4)));
  return { bias: fit.bias, weights };
}

const probability = (text: Featured, model: { bias: number; weights: Map<string, number> }): number => {
  let z = model.bias;
  for (const name of text.names) z += (model.weights.get(name) ?? 0) * valueIn(text, name);
  return sigmoid(z);
};

/**
 * Trains a task's model: for each L2 strength, out-of-fold probabilities from k-fold cross-validation
 * on the training files pick the best threshold; the best strength is then fitted on all of them.
 */
export function trainTask(task: Task, examples: Example[], folds = 5, seed = 13): { model: ModelFile; outOfFold: number[] } {
  const texts = examples.map((e) => featurise(e.text, task));
  const labels = examples.map((e) => e.positive);
  const next = random(seed);
  const fold = examples.map(() => Math.floor(next() * folds));
  let best = { l2: task.l2Grid[0], threshold: 0.5, score: -1, outOfFold: [] as number[] };
  for (const l2 of task.l2Grid) {
    const outOfFold = new Array<number>(examples.length);
    for (let f = 0; f < folds; f++) {
      const inTrain = examples.map((_, i) => fold[i] !== f);
      const model = fitPruned(texts.filter((_, i) => inTrain[i]), labels.filter((_, i) => inTrain[i]), task, l2);
      texts.forEach((text, i) => inTrain[i] || (outOfFold[i] = probability(text, model)));
    }
    const { threshold, score } = bestThreshold(task.metric, labels, outOfFold, task.balanced);
    if (score > best.score) best = { l2, threshold, score, outOfFold };
  }
  const model = fitPruned(texts, labels, task, best.l2);
  return { outOfFold: best.outOfFold, model: {
    bias: Number(model.bias.toPrecision(6)),
    weights: Object.fromEntries(model.weights),
    threshold: best.threshold,
    lengthPower: task.lengthPower,
    meta: {
      task: task.name,
      data: task.train.map((file) => `../shared/data/${file}`),
      trainedBy: "npm run train (scripts/train.ts)",
      model: `logistic regression, L2, L-BFGS, naive-Bayes-scaled counts${task.balanced ? ", balanced class weights" : ""}`,
      l2: best.l2,
      charValue: CHAR_VALUE,
      nbMix: NB_MIX,
      cvFolds: folds,
      cvSeed: seed,
      [`cv ${task.balanced ? "class-balanced " : ""}${task.metric}`]: Number(best.score.toFixed(4)),
      features: model.weights.size,
    },
  } };
}
