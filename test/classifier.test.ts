import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../src/text/tokens.ts";
import { extractFeatures, wordFeatures } from "../src/extract/classifier/features.ts";
import { LinearModel, strongest } from "../src/extract/classifier/model.ts";
import { fitLogistic, rowScore, sigmoid } from "../src/extract/classifier/logistic.ts";
import { bestThreshold, buildVocabulary, featureNames, score, toRows } from "../src/extract/classifier/training.ts";

/** Each feature of `text` with the words it fired on. */
const featuresOf = (text: string): Array<[string, string]> => {
  const tokens = tokenize(text);
  const out: Array<[string, string]> = [];
  const words = (from: number, to: number): string => (to > from ? text.slice(tokens[from].start, tokens[to - 1].end) : "");
  extractFeatures(text, tokens, 0, tokens.length, {
    word: (word, i) => out.push([`w:${word}`, words(i, i + 1)]),
    pair: (first, second, from, to) => out.push([`b:${first} ${second}`, words(from, to)]),
    dense: (key, from, to) => out.push([`d:${key}`, words(from, to)]),
  });
  return out;
};

test("features are lower-cased words, bigrams from a sentence start, and numbers folded into one word", () => {
  const names = featureNames("Officials said 1,200 people fled.");
  assert.ok(names.includes("w:officials"));
  assert.ok(names.includes("b:<s> officials"));
  assert.ok(names.includes("b:said #num"));
  assert.ok(names.includes("w:#num"));
  assert.ok(!names.some((n) => n.includes("1,200")));
});

test("a word brings its character n-grams of two to five letters, its edges marked by spaces", () => {
  const names = wordFeatures("fled");
  assert.deepEqual(names.slice(0, 4), ["w:fled", "c: f", "c:fl", "c:le"]);
  assert.ok(names.includes("c:fled ") && names.includes("c: fle") && !names.includes("c: fled "));
  assert.deepEqual(wordFeatures("#num"), ["w:#num"]);
  assert.deepEqual(wordFeatures(","), ["w:,"]);
  assert.ok(featureNames("Officials fled.").includes("c:led "));
});

test("dense cues fire once per sentence, on the words that show them", () => {
  const found = new Map(featuresOf("According to Reuters, the Pentagon said we may see 10,000 troops and 5,000 more?").filter(([n]) => n.startsWith("d:")));
  assert.equal(found.get("d:report"), "According to");
  assert.equal(found.get("d:number"), "10,000");
  assert.equal(found.get("d:propn"), "Reuters");
  assert.equal(found.get("d:first-person"), "we");
  assert.equal(found.get("d:modal"), "may");
  assert.equal(found.get("d:question"), "?");
  assert.equal(featuresOf("It was 5 and 6.").filter(([n]) => n === "d:number").length, 1);
});

test("a word in two lexicon classes fires both", () => {
  const names = featureNames("It may rain.");
  assert.ok(names.includes("d:modal") && names.includes("d:date"));
});

test("a linear model scores a sentence as the sigmoid of its bias plus the weights that fire", () => {
  const weights = { "w:said": 2, "c:aid ": 0.5, "d:number": 1, "b:he said": -0.25, "w:wonderful": -3 };
  const model = new LinearModel({ bias: -1, weights, threshold: 0.5, meta: {} });
  const text = "He said 40 died. He said so.";
  const tokens = tokenize(text);
  const scored = model.score(text, tokens, 0, 5);
  assert.ok(Math.abs(scored.probability - sigmoid(-1 + 2.5 + 1 - 0.25)) < 1e-12);
  const top = strongest(scored, true, 1).map(({ from, to }) => text.slice(tokens[from].start, tokens[to - 1].end));
  assert.deepEqual(top, ["said"]);
  // the second sentence reads the word's remembered weight and scores the same way
  assert.ok(Math.abs(model.score(text, tokens, 5, tokens.length).probability - sigmoid(-1 + 2.5 - 0.25)) < 1e-12);
});

test("a word's unigram and n-grams fire as one piece of evidence, with their summed weight", () => {
  const model = new LinearModel({ bias: 0, weights: { "w:fled": 1, "c:led ": 0.5, "c: fl": 0.25 }, threshold: 0.5, meta: {} });
  const tokens = tokenize("Thousands fled.");
  const scored = model.score("Thousands fled.", tokens, 0, tokens.length);
  assert.deepEqual([scored.from, scored.to, scored.weight], [[1], [2], [1.75]]);
  // an unseen word is still weighed by the n-grams it shares
  assert.equal(model.wordWeight("sled"), 0.5);
});

test("a model with a length power divides word and bigram weights by the sentence length's root, but not dense cues", () => {
  const model = new LinearModel({ bias: 0, weights: { "w:said": 2, "b:he said": 1, "d:number": 1 }, threshold: 0.5, lengthPower: 0.5, meta: {} });
  const text = "He said 40.";
  const tokens = tokenize(text);
  const scored = model.score(text, tokens, 0, tokens.length);
  assert.deepEqual(scored.weight, [1, 0.5, 1]);
  assert.ok(Math.abs(scored.probability - sigmoid(2.5)) < 1e-12);
});

test("a weights file with an unknown feature family is refused", () => {
  assert.throws(() => new LinearModel({ bias: 0, weights: { "x:said": 1 }, threshold: 0.5, meta: {} }), /unknown feature/);
});

test("the shipped models tell a reported figure from a feeling", () => {
  const fact = "The Labor Department said unemployment fell to 4.1 percent in March.";
  const feeling = "I think it is simply wonderful and I love it!";
  const probability = (model: LinearModel, text: string): number => {
    const tokens = tokenize(text);
    return model.score(text, tokens, 0, tokens.length).probability;
  };
  const checkworthy = LinearModel.load("checkworthy");
  const subjectivity = LinearModel.load("subjectivity");
  assert.ok(probability(checkworthy, fact) > checkworthy.threshold);
  assert.ok(probability(checkworthy, feeling) < checkworthy.threshold);
  assert.ok(probability(subjectivity, feeling) > probability(subjectivity, fact));
});

test("logistic regression learns which word marks the positive class", () => {
  const texts = [["w:yes", "w:a"], ["w:yes", "w:b"], ["w:no", "w:a"], ["w:no", "w:b"], ["w:yes"], ["w:no"]];
  const labels = [true, true, false, false, true, false];
  const vocabulary = buildVocabulary(texts, 1);
  const rows = toRows(texts.map((t) => t.map((n): [number, number] => [vocabulary.get(n)!, 1])), labels, vocabulary.size);
  const fit = fitLogistic(rows, { l2: 0.01 });
  labels.forEach((label, r) => assert.equal(sigmoid(rowScore(rows, r, fit)) > 0.5, label));
  assert.ok(fit.weights[vocabulary.get("w:yes")!] > 0 && fit.weights[vocabulary.get("w:no")!] < 0);
});

test("F1 of the positive class and macro F1 are computed as CheckThat! defines them", () => {
  const gold = [true, true, false, false];
  const predicted = [true, false, true, false];
  assert.equal(score("f1-positive", gold, predicted), 0.5);
  assert.equal(score("macro-f1", gold, predicted), 0.5);
  assert.deepEqual(bestThreshold("f1-positive", [true, false], [0.8, 0.3]).score, 1);
});

test("a class-balanced score counts a rare class's rows as much in total as a common one's", () => {
  const gold = [true, false, false, false];
  const predicted = [true, true, false, false];
  // balanced: one positive of weight 2, three negatives of weight 2/3 each, one of them wrong
  const positive = (2 * 2) / (2 * 2 + 2 / 3);
  const negative = (2 * 4 / 3) / (2 * 4 / 3 + 2 / 3);
  assert.ok(Math.abs(score("macro-f1", gold, predicted, true) - (positive + negative) / 2) < 1e-12);
  assert.ok(score("macro-f1", gold, predicted, true) !== score("macro-f1", gold, predicted));
});
