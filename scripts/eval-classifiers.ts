// Dev-split scores of the shipped check-worthiness and subjectivity models, beside a plain TF-IDF +
// logistic regression baseline trained here on the same train split, and the models' inference speed.
// Usage: npm run eval:classifiers
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { tokenize } from "../src/text/tokens.ts";
import { LinearModel } from "../src/extract/classifier/model.ts";
import { fitLogistic, rowScore, sigmoid } from "../src/extract/classifier/logistic.ts";
import { buildVocabulary, readExamples, score, TASKS, toRows, type Example } from "../src/extract/classifier/training.ts";

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

/** sklearn's defaults: word unigrams of 2+ characters, smoothed idf, sublinear off, L2-normalised rows, C = 1, threshold 0.5. */
function baselinePredictions(train: Example[], dev: Example[]): boolean[] {
  const words = (text: string): string[] => tokenize(text).map((t) => t.lower).filter((w) => w.length > 1 && /[\p{L}\p{N}]/u.test(w));
  const trainWords = train.map((e) => words(e.text));
  const vocabulary = buildVocabulary(trainWords, 1);
  const df = new Float64Array(vocabulary.size);
  for (const ws of trainWords) for (const w of new Set(ws)) df[vocabulary.get(w)!]++;
  const idf = Array.from(df, (d) => Math.log((1 + train.length) / (1 + d)) + 1);
  const tfidf = (ws: string[]): Array<[number, number]> => {
    const tf = new Map<number, number>();
    for (const w of ws) {
      const j = vocabulary.get(w);
      if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
    }
    const row = [...tf].map(([j, c]): [number, number] => [j, c * idf[j]]);
    const norm = Math.hypot(...row.map(([, v]) => v)) || 1;
    return row.map(([j, v]) => [j, v / norm]);
  };
  const fit = fitLogistic(toRows(trainWords.map(tfidf), train.map((e) => e.positive), vocabulary.size), { l2: 1 / train.length, iterations: 500 });
  const devRows = toRows(dev.map((e) => tfidf(words(e.text))), dev.map((e) => e.positive), vocabulary.size);
  return dev.map((_, r) => sigmoid(rowScore(devRows, r, fit)) >= 0.5);
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

for (const task of TASKS) {
  const train = readExamples(dataDir, task.train, task.positive);
  const dev = readExamples(dataDir, task.dev, task.positive);
  const gold = dev.map((e) => e.positive);
  const model = LinearModel.load(task.name);
  const ours = score(task.metric, gold, shippedPredictions(model, dev));
  const baseline = score(task.metric, gold, baselinePredictions(train, dev));
  console.log(
    `${task.name.padEnd(13)} dev ${task.metric}: model ${ours.toFixed(3)} (threshold ${model.threshold} from cv on train, ${model.size} features)` +
      `  TF-IDF+LR baseline ${baseline.toFixed(3)}  | ${(wordsPerSecond(model, dev) / 1e6).toFixed(2)}M words/s scoring`,
  );
}
