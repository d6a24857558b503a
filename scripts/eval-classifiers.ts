// Dev-split scores of the shipped check-worthiness and subjectivity models, beside two TF-IDF + logistic
// regression baselines trained here on the same files as the models (train and dev-test splits) (sklearn's defaults, and uni+bigrams with
// sublinear TF and C chosen by cross-validation on train); then the `kind` annotator's claim decision
// on both dev splits (Yes = claim on check-worthiness, OBJ = claim on subjectivity); and the speed of
// scoring. Usage: npm run eval:classifiers
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { tokenize } from "../src/text/tokens.ts";
import { LinearModel } from "../src/extract/classifier/model.ts";
import { fitLogistic, rowScore, sigmoid } from "../src/extract/classifier/logistic.ts";
import { buildVocabulary, random, readExamples, readTrain, score, TASKS, toRows, type Example, type Metric } from "../src/extract/classifier/training.ts";
import { textCues } from "../src/extract/classifier/combiner.ts";
import { isClaim, type KindModelFile } from "../src/extract/kind.ts";

const dataDir = resolve(import.meta.dirname, "../../shared/data");
if (!existsSync(dataDir)) {
  console.log(`eval:classifiers: ${dataDir} is not here (it sits beside the project in the team's workplace); nothing to score`);
  process.exit(0);
}

/** The shipped model's predictions, through the same inference path the `kind` annotator uses. */
function shippedPredictions(model: LinearModel, dev: Example[]): boolean[] {
  return dev.map((e) => {
    const tokens = tokenize(e.text);
    return model.score(e.text, tokens, 0, tokens.length).probability >= model.threshold;
  });
}

interface TfIdf {
  bigrams: boolean;
  sublinear: boolean;
}

/** sklearn-style TF-IDF terms: word tokens of 2+ characters, optionally with their bigrams. */
const terms = (text: string, options: TfIdf): string[] => {
  const words = tokenize(text).map((t) => t.lower).filter((w) => w.length > 1 && /[\p{L}\p{N}]/u.test(w));
  return options.bigrams ? [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)] : words;
};

/** TF-IDF + LR fitted on `train` with C (sklearn's inverse L2 on the summed loss), predicting `test` at 0.5. */
function tfidfPredictions(train: Example[], test: Example[], options: TfIdf, C: number): boolean[] {
  const trainTerms = train.map((e) => terms(e.text, options));
  const vocabulary = buildVocabulary(trainTerms, 1);
  const df = new Float64Array(vocabulary.size);
  for (const ws of trainTerms) for (const w of new Set(ws)) df[vocabulary.get(w)!]++;
  const idf = Array.from(df, (d) => Math.log((1 + train.length) / (1 + d)) + 1);
  const tfidf = (ws: string[]): Array<[number, number]> => {
    const tf = new Map<number, number>();
    for (const w of ws) {
      const j = vocabulary.get(w);
      if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
    }
    const row = [...tf].map(([j, c]): [number, number] => [j, (options.sublinear ? 1 + Math.log(c) : c) * idf[j]]);
    const norm = Math.hypot(...row.map(([, v]) => v)) || 1;
    return row.map(([j, v]) => [j, v / norm]);
  };
  const fit = fitLogistic(toRows(trainTerms.map(tfidf), train.map((e) => e.positive), vocabulary.size), { l2: 1 / (C * train.length), iterations: 500 });
  const rows = toRows(test.map((e) => tfidf(terms(e.text, options))), test.map((e) => e.positive), vocabulary.size);
  return test.map((_, r) => sigmoid(rowScore(rows, r, fit)) >= 0.5);
}

/** The C in a small grid that scores best by 3-fold cross-validation on train. */
function tunedC(train: Example[], metric: Metric, options: TfIdf): number {
  const next = random(13);
  const fold = train.map(() => Math.floor(next() * 3));
  let best = { C: 1, score: -1 };
  for (const C of [0.3, 1, 3, 10, 30]) {
    const predicted = new Array<boolean>(train.length);
    for (let f = 0; f < 3; f++) {
      const held = train.filter((_, i) => fold[i] === f);
      const guesses = tfidfPredictions(train.filter((_, i) => fold[i] !== f), held, options, C);
      let k = 0;
      train.forEach((_, i) => fold[i] === f && (predicted[i] = guesses[k++]));
    }
    const s = score(metric, train.map((e) => e.positive), predicted);
    if (s > best.score) best = { C, score: s };
  }
  return best.C;
}

/** Words per second of tokenising plus scoring, over the dev texts repeated to about a million words. */
function wordsPerSecond(model: LinearModel, dev: Example[]): number {
  const text = dev.map((e) => e.text).join(" ");
  const tokens = tokenize(text);
  const sentenceTokens = dev.map((e) => tokenize(e.text).length);
  const rounds = Math.ceil(1e6 / tokens.length);
  const began = performance.now();
  for (let round = 0; round < rounds; round++) {
    let start = 0;
    for (const n of sentenceTokens) {
      model.score(text, tokens, start, start + n);
      start += n;
    }
  }
  return (rounds * tokens.length) / ((performance.now() - began) / 1000);
}

const models = { checkworthy: LinearModel.load("checkworthy"), subjectivity: LinearModel.load("subjectivity") };
const combine = JSON.parse(readFileSync(resolve(import.meta.dirname, "../models/kind.json"), "utf8")) as KindModelFile;

for (const task of TASKS) {
  const train = readTrain(dataDir, task);
  const dev = readExamples(dataDir, task.dev, task.positive);
  const gold = dev.map((e) => e.positive);
  const model = models[task.name];
  const ours = score(task.metric, gold, shippedPredictions(model, dev));
  const plain = score(task.metric, gold, tfidfPredictions(train, dev, { bigrams: false, sublinear: false }, 1));
  const tuning: TfIdf = { bigrams: true, sublinear: true };
  const C = tunedC(train, task.metric, tuning);
  const tuned = score(task.metric, gold, tfidfPredictions(train, dev, tuning, C));
  // the kind decision: a claim is check-worthy (Yes) on one split and objective (not SUBJ) on the other
  const claimIsPositive = task.name === "checkworthy";
  const claims = dev.map((e) => isClaim(textCues(e.text, models), combine));
  const kindScore = score(task.metric, gold, claims.map((c) => c === claimIsPositive));
  console.log(
    `${task.name.padEnd(13)} dev ${task.metric}: model ${ours.toFixed(3)} (threshold ${model.threshold} from cv on train + dev-test, ${model.size} features)` +
      `  TF-IDF+LR: plain ${plain.toFixed(3)}, uni+bigram sublinear C=${C} by cv ${tuned.toFixed(3)}` +
      `  | kind decision ${kindScore.toFixed(3)}  | ${(wordsPerSecond(model, dev) / 1e6).toFixed(2)}M words/s scoring`,
  );
}
