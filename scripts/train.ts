// Trains the check-worthiness and subjectivity models from ../shared/data and writes models/NAME.json.
// Deterministic: folds come from a seeded generator and L-BFGS starts from zero.
// Usage: npm run train
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { readExamples, trainTask, TASKS } from "../src/extract/classifier/training.ts";

const dataDir = resolve(import.meta.dirname, "../../shared/data");
if (!existsSync(dataDir)) {
  console.log(`train: ${dataDir} is not here (it sits beside the project in the team's workplace); nothing to train on`);
  process.exit(0);
}

for (const task of TASKS) {
  const began = performance.now();
  const examples = readExamples(dataDir, task.train, task.positive);
  const model = trainTask(task, examples);
  const path = resolve(import.meta.dirname, "../models", `${task.name}.json`);
  writeFileSync(path, JSON.stringify(model, null, 0) + "\n");
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  console.log(`${task.name}: ${examples.length} examples, ${model.meta.features} features, l2 ${model.meta.l2}, threshold ${model.threshold}, cv ${task.metric} ${model.meta[`cv ${task.metric}`]} (${seconds}s) → ${path}`);
}
