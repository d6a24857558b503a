import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../../text/tokens.ts";
import { extractFeatures } from "./features.ts";
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
  train: string;
  dev: string;
  /** The label that counts as the positive class. */
  positive: string;
  metric: Metric;
  /** L2 strengths to try, and how many features the shipped model keeps. */
  l2Grid: number[];
  keep: number;
  minCount: number;
  /** Weigh the classes equally whatever their shares in train, so the model's odds do not carry train's prior. */
  balanced: boolean;
}

export const TASKS: Task[] = [
  {
    name: "checkworthy",
    train: "checkworthy/ct24-english-train.tsv",
    dev: "checkworthy/ct24-english-dev.tsv",
    positive: "Yes",
    metric: "f1-positive",
    l2Grid: [1e-4, 3e-4, 1e-3],
    keep: 30000,
    minCount: 2,
    balanced: false,
  },
  {
    name: "subjectivity",
    train: "subjectivity/ct25-train_en.tsv",
    dev: "subjectivity/ct25-dev_en.tsv",
    positive: "SUBJ",
    metric: "macro-f1",
    l2Grid: [3e-3, 1e-2, 3e-2, 1e-1],
    keep: 30000,
    minCount: 1,
    balanced: true,
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

/** Feature names of one text, as `family:key`, one entry per firing. */
export function featureNames(text: string): string[] {
  const names: string[] = [];
  const tokens = tokenize(text);
  extractFeatures(text, tokens, 0, tokens.length, {
    add: (family, key) => names.push(`${family}:${key}`),
    addPair: (first, second) => names.push(`b:${first} ${second}`),
  });
  return names;
}

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

/** Counts of each known feature name, as row entries. */
const countColumns = (names: string[], vocabulary: Map<string, number>): Array<[number, number]> => {
  const counts = new Map<number, number>();
  for (const name of names) {
    const j = vocabulary.get(name);
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  return [...counts];
};

export function score(metric: Metric, gold: boolean[], predicted: boolean[]): number {
  const f1 = (positive: boolean): number => {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      if (predicted[i] === positive && g === positive) tp++;
      else if (predicted[i] === positive) fp++;
      else if (g === positive) fn++;
    });
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  return metric === "f1-positive" ? f1(true) : (f1(true) + f1(false)) / 2;
}

/** The threshold in 0.05..0.95 that scores best, and its score. */
export function bestThreshold(metric: Metric, gold: boolean[], probabilities: number[]): { threshold: number; score: number } {
  let best = { threshold: 0.5, score: -1 };
  for (let t = 0.05; t < 0.951; t += 0.01) {
    const s = score(metric, gold, probabilities.map((p) => p >= t));
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
function fitPruned(names: string[][], labels: boolean[], task: Task, l2: number): { bias: number; weights: Map<string, number> } {
  const vocabulary = buildVocabulary(names, task.minCount);
  const rows = toRows(names.map((n) => countColumns(n, vocabulary)), labels, vocabulary.size);
  const positives = labels.filter(Boolean).length;
  const fit = fitLogistic(rows, { l2, positiveWeight: task.balanced ? (labels.length - positives) / positives : 1 });
  const columns = [...vocabulary].sort((a, b) => Math.abs(fit.weights[b[1]]) - Math.abs(fit.weights[a[1]]) || (a[0] < b[0] ? -1 : 1));
  const weights = new Map<string, number>();
  for (const [name, j] of columns.slice(0, task.keep)) if (fit.weights[j] !== 0) weights.set(name, Number(fit.weights[j].toPrecision(4)));
  return { bias: fit.bias, weights };
}

const probability = (names: string[], model: { bias: number; weights: Map<string, number> }): number => {
  let z = model.bias;
  for (const name of names) z += model.weights.get(name) ?? 0;
  return sigmoid(z);
};

/**
 * Trains a task's model: for each L2 strength, out-of-fold probabilities from k-fold cross-validation
 * on train pick the best threshold; the best strength is then fitted on all of train.
 */
export function trainTask(task: Task, examples: Example[], folds = 5, seed = 13): { model: ModelFile; outOfFold: number[] } {
  const names = examples.map((e) => featureNames(e.text));
  const labels = examples.map((e) => e.positive);
  const next = random(seed);
  const fold = examples.map(() => Math.floor(next() * folds));
  let best = { l2: task.l2Grid[0], threshold: 0.5, score: -1, outOfFold: [] as number[] };
  for (const l2 of task.l2Grid) {
    const outOfFold = new Array<number>(examples.length);
    for (let f = 0; f < folds; f++) {
      const inTrain = examples.map((_, i) => fold[i] !== f);
      const model = fitPruned(names.filter((_, i) => inTrain[i]), labels.filter((_, i) => inTrain[i]), task, l2);
      names.forEach((n, i) => inTrain[i] || (outOfFold[i] = probability(n, model)));
    }
    const { threshold, score } = bestThreshold(task.metric, labels, outOfFold);
    if (score > best.score) best = { l2, threshold, score, outOfFold };
  }
  const model = fitPruned(names, labels, task, best.l2);
  return { outOfFold: best.outOfFold, model: {
    bias: Number(model.bias.toPrecision(6)),
    weights: Object.fromEntries(model.weights),
    threshold: best.threshold,
    meta: {
      task: task.name,
      data: `../shared/data/${task.train}`,
      trainedBy: "npm run train (scripts/train.ts)",
      model: `logistic regression, L2, L-BFGS${task.balanced ? ", balanced class weights" : ""}`,
      l2: best.l2,
      cvFolds: folds,
      cvSeed: seed,
      [`cv ${task.metric}`]: Number(best.score.toFixed(4)),
      features: model.weights.size,
    },
  } };
}
