import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Token } from "../../doc.ts";
import { TriangulateError } from "../../errors.ts";
import { extractFeatures, wordFeatures, wordValue, type FeatureSink } from "./features.ts";

/** A weights file as `npm run train` writes it to `models/`. */
export interface ModelFile {
  bias: number;
  /** Feature name (`w:said`, `c:aid `, `b:according to`, `d:number`) → weight. */
  weights: Record<string, number>;
  /** Probability from which the positive class is predicted, chosen by cross-validation on train. */
  threshold: number;
  /** Word-level features count `wordValue(sentence tokens, lengthPower)`; absent: plain counts. */
  lengthPower?: number;
  meta: Record<string, unknown>;
}

/** One sentence scored: the probability and, per feature that has a weight, its tokens and weight
 * (a word's unigram and n-grams count as one feature, with their summed weight). */
export interface Scored {
  probability: number;
  from: number[];
  to: number[];
  weight: number[];
}

/** Token ranges [from, to) of the k features that pushed hardest towards `positive` (or away from it). */
export function strongest(scored: Scored, positive: boolean, k: number): Array<{ from: number; to: number }> {
  const order = scored.weight
    .map((w, i) => i)
    .filter((i) => (scored.weight[i] > 0) === positive && scored.to[i] > scored.from[i])
    .sort((a, b) => Math.abs(scored.weight[b]) - Math.abs(scored.weight[a]));
  return order.slice(0, k).map((i) => ({ from: scored.from[i], to: scored.to[i] }));
}

/** How many distinct words a model remembers the summed weight of; past it the memory starts afresh. */
const MAX_CACHED_WORDS = 100_000;

/**
 * A linear model over `features.ts` features. A word's unigram and character n-grams depend on the word
 * alone, so their summed weight is computed once per distinct word and remembered: n-grams then cost
 * one map look-up per token, like a plain unigram. Dense cues are kept by key, bigrams by first then second word.
 */
export class LinearModel {
  readonly bias: number;
  readonly threshold: number;
  readonly lengthPower: number;
  readonly meta: Record<string, unknown>;
  private readonly wordParts = new Map<string, number>();
  private readonly dense = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();
  private readonly wordWeights = new Map<string, number>();
  private count = 0;

  constructor(file: ModelFile) {
    this.bias = file.bias;
    this.threshold = file.threshold;
    this.lengthPower = file.lengthPower ?? 0;
    this.meta = file.meta;
    for (const [name, weight] of Object.entries(file.weights)) {
      const family = name.slice(0, 2);
      if (family === "w:" || family === "c:") this.wordParts.set(name, weight);
      else if (family === "d:") this.dense.set(name.slice(2), weight);
      else if (family === "b:" && name.includes(" ", 2)) this.addPair(name.slice(2), weight);
      else throw new TriangulateError("BAD_INPUT", `weights file has an unknown feature "${name}"`);
      this.count++;
    }
  }

  private addPair(key: string, weight: number): void {
    const space = key.indexOf(" ");
    const first = key.slice(0, space);
    let seconds = this.pairs.get(first);
    if (!seconds) this.pairs.set(first, (seconds = new Map()));
    seconds.set(key.slice(space + 1), weight);
  }

  get size(): number {
    return this.count;
  }

  /** The summed weight of the word's unigram and character n-grams (0 when none was kept). */
  wordWeight(word: string): number {
    let weight = this.wordWeights.get(word);
    if (weight === undefined) {
      weight = 0;
      for (const name of wordFeatures(word)) weight += this.wordParts.get(name) ?? 0;
      if (this.wordWeights.size >= MAX_CACHED_WORDS) this.wordWeights.clear();
      this.wordWeights.set(word, weight);
    }
    return weight;
  }

  /** The weight of a dense cue (0 when the model did not keep it). */
  denseWeight(key: string): number {
    return this.dense.get(key) ?? 0;
  }

  /** The weight of the bigram `first second` (0 when the model did not keep it). */
  pairWeight(first: string, second: string): number {
    return this.pairs.get(first)?.get(second) ?? 0;
  }

  /** Scores the sentence tokens[start, end); `text` is what the token offsets point into. */
  score(text: string, tokens: readonly Token[], start: number, end: number): Scored {
    return scoreSentence([this], text, tokens, start, end)[0];
  }

  /** Reads a shipped model from `models/NAME.json`. */
  static load(name: string): LinearModel {
    const path = resolve(import.meta.dirname, "../../../models", `${name}.json`);
    if (!existsSync(path)) throw new TriangulateError("BAD_OPTION", `model file ${path} is missing`, "run `npm run train` to build it from ../shared/data");
    return new LinearModel(JSON.parse(readFileSync(path, "utf8")) as ModelFile);
  }
}

/** Scores one sentence with several models, extracting its features once. */
export function scoreSentence(models: readonly LinearModel[], text: string, tokens: readonly Token[], start: number, end: number): Scored[] {
  const scoring = new Scoring(models, end - start);
  extractFeatures(text, tokens, start, end, scoring);
  return scoring.finish();
}

/** The feature sink of one sentence's scoring: every model's margin and the features that moved it. */
class Scoring implements FeatureSink {
  readonly #models: readonly LinearModel[];
  readonly #scored: Scored[];
  readonly #margins: number[];
  readonly #values: number[];

  constructor(models: readonly LinearModel[], length: number) {
    this.#models = models;
    this.#scored = [];
    this.#margins = [];
    this.#values = [];
    for (const m of models) {
      this.#scored.push({ probability: 0, from: [], to: [], weight: [] });
      this.#margins.push(m.bias);
      this.#values.push(wordValue(length, m.lengthPower));
    }
  }

  word(word: string, i: number): void {
    for (let m = 0; m < this.#models.length; m++) this.#fire(m, this.#models[m].wordWeight(word) * this.#values[m], i, i + 1);
  }

  pair(first: string, second: string, from: number, to: number): void {
    for (let m = 0; m < this.#models.length; m++) this.#fire(m, this.#models[m].pairWeight(first, second) * this.#values[m], from, to);
  }

  dense(key: string, from: number, to: number): void {
    for (let m = 0; m < this.#models.length; m++) this.#fire(m, this.#models[m].denseWeight(key), from, to);
  }

  finish(): Scored[] {
    for (let m = 0; m < this.#models.length; m++) this.#scored[m].probability = 1 / (1 + Math.exp(-this.#margins[m]));
    return this.#scored;
  }

  #fire(m: number, w: number, from: number, to: number): void {
    if (w === 0) return;
    this.#margins[m] += w;
    const scored = this.#scored[m];
    scored.from.push(from);
    scored.to.push(to);
    scored.weight.push(w);
  }
}
