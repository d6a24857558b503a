import { createDoc, type Doc, type Sentence } from "../../doc.ts";
import { Pipeline } from "../pipeline.ts";
import { segmenter } from "../segmenter.ts";
import { syntax } from "../syntax.ts";
import { entities } from "../entities.ts";
import { dates } from "../dates.ts";
import { quantities } from "../quantities.ts";
import { attribution } from "../attribution.ts";
import { certainty } from "../certainty.ts";
import { CUES, isClaim, sentenceCues, sentenceLayers, type KindModelFile, type SentenceCues, type SentenceLayers } from "../kind.ts";
import { fitLogistic, type SparseRows } from "./logistic.ts";
import { LinearModel, scoreSentence } from "./model.ts";
import { random, score, type Example } from "./training.ts";

// How the `kind` annotator's combining layer (models/kind.json) is fitted: every labelled sentence goes
// through the annotators that run before `kind`, its factuality cues are read exactly as the annotator
// reads them, and a logistic regression over the cues learns how much each one counts. Used by
// scripts/train.ts (fitting) and scripts/eval-classifiers.ts (scoring the decision on dev splits).

/** The annotators `kind` reads, in the default pipeline's order. */
const upstream = new Pipeline([segmenter(), syntax(), entities(), dates(), quantities(), attribution(), certainty()]);

/**
 * The cues of one labelled text, read as one sentence whatever the segmenter made of it. `subjective`
 * and `checkworthy` replace a model's probability: when the text is in that model's own training data,
 * the caller passes its out-of-fold probability so the layer does not learn to trust an overfitted score.
 */
export function textCues(text: string, models: { checkworthy: LinearModel; subjectivity: LinearModel }, subjective?: number, checkworthy?: number): SentenceCues {
  const doc: Doc = upstream.run(createDoc({ id: "example", text, meta: {} }));
  const whole: Sentence = { index: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: doc.tokens.length };
  const layers = sentenceLayers(doc);
  const found: SentenceLayers = { entities: [] };
  for (const sentence of doc.sentences) {
    const here = layers(sentence.index);
    for (const key of Object.keys(here) as Array<keyof SentenceLayers>)
      if (key === "entities") found.entities = [...found.entities, ...here.entities];
      else (found[key] as unknown) ??= here[key];
  }
  const [check, subjectiveScore] = scoreSentence([models.checkworthy, models.subjectivity], doc.text, doc.tokens, 0, doc.tokens.length);
  if (subjective !== undefined) subjectiveScore.probability = subjective;
  if (checkworthy !== undefined) check.probability = checkworthy;
  return sentenceCues(doc, whole, found, check, subjectiveScore, models);
}

const L2_GRID = [1e-3, 1e-2, 1e-1];

/**
 * Fits the combining layer on sentences labelled claim (positive) or not, with classes weighed equally
 * so its zero point carries no prior of the training data; the L2 strength is chosen by k-fold
 * cross-validation on macro F1. Lines that assert nothing are left out: the annotator decides them by rule.
 */
export function trainCombiner(examples: Array<{ cues: SentenceCues; claim: boolean }>, data: string, folds = 5, seed = 13): KindModelFile {
  const kept = examples.filter((e) => !e.cues.unasserted);
  const next = random(seed);
  const fold = kept.map(() => Math.floor(next() * folds));
  let best = { l2: L2_GRID[0], score: -1 };
  for (const l2 of L2_GRID) {
    const predicted = new Array<boolean>(kept.length);
    for (let f = 0; f < folds; f++) {
      const model = fitCues(kept.filter((_, i) => fold[i] !== f), l2, data);
      kept.forEach((e, i) => fold[i] === f && (predicted[i] = isClaim(e.cues, model)));
    }
    const cv = score("macro-f1", kept.map((e) => e.claim), predicted);
    if (cv > best.score) best = { l2, score: cv };
  }
  const model = fitCues(kept, best.l2, data);
  model.meta = { ...model.meta, l2: best.l2, cvFolds: folds, cvSeed: seed, "cv macro-f1": Number(best.score.toFixed(4)) };
  return model;
}

function fitCues(examples: Array<{ cues: SentenceCues; claim: boolean }>, l2: number, data: string): KindModelFile {
  const width = CUES.length;
  const rows: SparseRows = {
    offsets: Int32Array.from({ length: examples.length + 1 }, (_, r) => r * width),
    indices: Int32Array.from({ length: examples.length * width }, (_, k) => k % width),
    values: Float32Array.from(examples.flatMap((e) => [...e.cues.values])),
    labels: Uint8Array.from(examples, (e) => Number(e.claim)),
    features: width,
  };
  const positives = examples.filter((e) => e.claim).length;
  const fit = fitLogistic(rows, { l2, positiveWeight: (examples.length - positives) / positives, iterations: 500 });
  return {
    bias: Number(fit.bias.toPrecision(4)),
    weights: Object.fromEntries(CUES.map((cue, j) => [cue, Number(fit.weights[j].toPrecision(4))])) as KindModelFile["weights"],
    meta: { task: "kind", data, trainedBy: "npm run train (scripts/train.ts)", model: "logistic regression over the factuality cues, balanced class weights" },
  };
}
