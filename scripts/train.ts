// Trains the check-worthiness and subjectivity models from ../shared/data, then the `kind` annotator's
// combining layer over their scores and the factuality cues, and writes models/NAME.json.
// Deterministic: folds come from a seeded generator and L-BFGS starts from zero.
// Usage: npm run train
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { random, readTrain, trainTask, TASKS } from "../src/extract/classifier/training.ts";
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

// The combining layer learns from news sentences, objective = claim, and from a few debate sentences,
// check-worthy = claim, each with its own model's out-of-fold probability standing in for that model's
// score on its own training data. Without the debates the layer gave the check-worthiness score no
// weight (0.007): its data says nothing about it. A few hundred of them, not all 22,000, so the news
// sentences still set the layer; on dev, 300 kept CheckThat 2025, news-dev and the seeds where they were
// or better (500 and more traded news for debates).
const DEBATE_SENTENCES = 300;
const began = performance.now();
const subjectivityTask = TASKS.find((t) => t.name === "subjectivity")!;
const checkworthyTask = TASKS.find((t) => t.name === "checkworthy")!;
const news = readTrain(dataDir, subjectivityTask);
const debates = readTrain(dataDir, checkworthyTask);
const models = { checkworthy: trained.get("checkworthy")!.model, subjectivity: trained.get("subjectivity")!.model };
const next = random(7);
const sampled = debates.map((e, i) => ({ e, i })).filter(() => next() < DEBATE_SENTENCES / debates.length);
const combiner = trainCombiner(
  [
    ...news.map((e, i) => ({ cues: textCues(e.text, models, trained.get("subjectivity")!.outOfFold[i]), claim: !e.positive })),
    ...sampled.map(({ e, i }) => ({ cues: textCues(e.text, models, undefined, trained.get("checkworthy")!.outOfFold[i]), claim: e.positive })),
  ],
  `${subjectivityTask.train.map((file) => `../shared/data/${file}`).join(", ")} (OBJ = claim); ${sampled.length} of ${checkworthyTask.train.map((file) => `../shared/data/${file}`).join(", ")} (Yes = claim)`,
);
const seconds = ((performance.now() - began) / 1000).toFixed(1);
console.log(`kind: ${news.length + sampled.length} examples, l2 ${combiner.meta.l2}, cv macro-f1 ${combiner.meta["cv macro-f1"]} (${seconds}s) → ${write("kind", combiner)}`);
console.log(`  weights ${JSON.stringify(combiner.weights)} bias ${combiner.bias}`);
