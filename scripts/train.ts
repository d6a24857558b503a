// Trains the check-worthiness and subjectivity models from ../shared/data, then the `kind` annotator's
// combining layer over their scores and the factuality cues, and writes models/NAME.json.
// Deterministic: folds come from a seeded generator and L-BFGS starts from zero.
// Usage: npm run train
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { readTrain, trainTask, TASKS } from "../src/extract/classifier/training.ts";
import { LinearModel } from "../src/extract/classifier/model.ts";
import { textCues, trainCombiner } from "../src/extract/classifier/combiner.ts";

const dataDir = resolve(import.meta.dirname, "../../shared/data");
if (!existsSync(dataDir)) {
  console.log(`train: ${dataDir} is not here (it sits beside the project in the team's workplace); nothing to train on`);
  process.exit(0);
}

const write = (name: string, model: object): string => {
  const path = resolve(import.meta.dirname, "../models", `${name}.json`);
  writeFileSync(path, JSON.stringify(model, null, 0) + "\n");
  return path;
};

const trained = new Map<string, { model: LinearModel; outOfFold: number[] }>();
for (const task of TASKS) {
  const began = performance.now();
  const examples = readTrain(dataDir, task);
  const { model, outOfFold } = trainTask(task, examples);
  trained.set(task.name, { model: new LinearModel(model), outOfFold });
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  console.log(`${task.name}: ${examples.length} examples, ${model.meta.features} features, l2 ${model.meta.l2}, threshold ${model.threshold}, ${Object.entries(model.meta).find(([key]) => key.startsWith("cv "))!.join(" ")} (${seconds}s) → ${write(task.name, model)}`);
}

// the combining layer learns from news sentences, objective = claim, with the subjectivity model's
// out-of-fold probabilities standing in for its scores on its own training data
const began = performance.now();
const subjectivityTask = TASKS.find((t) => t.name === "subjectivity")!;
const news = readTrain(dataDir, subjectivityTask);
const models = { checkworthy: trained.get("checkworthy")!.model, subjectivity: trained.get("subjectivity")!.model };
const outOfFold = trained.get("subjectivity")!.outOfFold;
const combiner = trainCombiner(
  news.map((e, i) => ({ cues: textCues(e.text, models, outOfFold[i]), claim: !e.positive })),
  `${subjectivityTask.train.map((file) => `../shared/data/${file}`).join(", ")} (OBJ = claim)`,
);
const seconds = ((performance.now() - began) / 1000).toFixed(1);
console.log(`kind: ${news.length} examples, l2 ${combiner.meta.l2}, cv macro-f1 ${combiner.meta["cv macro-f1"]} (${seconds}s) → ${write("kind", combiner)}`);
console.log(`  weights ${JSON.stringify(combiner.weights)} bias ${combiner.bias}`);
