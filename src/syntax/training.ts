// Training the tagger, lemmatizer, parser and labeller from CoNLL-U sentences. Deterministic: the
// order of sentences in each epoch comes from a seeded generator. Used by scripts/train-syntax.ts.
import type { ConlluSentence } from "./conllu.ts";
import { best, PerceptronTrainer, type LinearModel } from "./linear.ts";
import { LONGEST_ENDING, suffixRule, type LemmaData } from "./lemmatizer.ts";
import { arcShape, labelFeatures, labelInput, LABELLER_FEATURES } from "./labeller.ts";
import { bestLegal, parserFeatures, parserInput, PARSER_FEATURES } from "./parser.ts";
import { tagSetsOf, Tagger, taggerFeatures, TAGGER_FEATURES, type TaggerData } from "./tagger.ts";
import { ParseState, projectivize, transitionCost, TRANSITIONS } from "./transitions.ts";
import { normalForm, wordInfo } from "./words.ts";
import { hashString } from "./hash.ts";

/** A small seeded generator (mulberry32), so that training runs repeat exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const tagName = (w: { upos: string; xpos: string }) => `${w.upos} ${w.xpos}`;

/** Adds one to the count of `value` under `key`. */
function tally<K, V>(counts: Map<K, Map<V, number>>, key: K, value: V): void {
  const inner = counts.get(key) ?? new Map<V, number>();
  inner.set(value, (inner.get(value) ?? 0) + 1);
  counts.set(key, inner);
}

/** The most frequent value of one key's counts (the first seen on a tie), its count, and all the counts' sum. */
function mostFrequent<V>(counts: Map<V, number>): { value: V; count: number; total: number } {
  let value: V | undefined;
  let count = 0;
  let total = 0;
  for (const [v, c] of counts) {
    total += c;
    if (c > count) [value, count] = [v, c];
  }
  return { value: value as V, count, total };
}
const formsOf = (s: ConlluSentence) => s.words.map((w) => w.form);

export interface TrainOptions {
  epochs?: number;
  /** How often the parser follows its own wrong prediction in training, after the first epoch. */
  explore?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** The tag dictionaries: the tags a word can have (seen 3+ times), and the tag it takes unscored (seen 20+ times, 97% one tag). */
function tagDictionaries(sentences: ConlluSentence[], tags: Map<string, number>): Pick<TaggerData, "sure" | "tagSets"> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) for (const w of s.words) tally(counts, normalForm(w.form), tags.get(tagName(w))!);
  const sure: Record<string, number> = {};
  const tagSets: Record<string, number> = {};
  for (const [form, byTag] of counts) {
    const { value: top, count: topCount, total } = mostFrequent(byTag);
    if (total >= 3) tagSets[form] = hashString([...byTag].filter(([, c]) => c / total >= 0.1).map(([t]) => t).sort((a, b) => a - b).join(","));
    if (total >= 20 && topCount / total >= 0.97) sure[form] = top;
  }
  return { sure, tagSets };
}

export function trainTagger(sentences: ConlluSentence[], options: TrainOptions & { minUpdates?: number } = {}): Tagger {
  const { epochs = 10, seed = 1, log } = options;
  const names = [...new Set(sentences.flatMap((s) => s.words.map(tagName)))].sort();
  const index = new Map(names.map((t, i) => [t, i]));
  const data: TaggerData = { tags: names, ...tagDictionaries(sentences, index) };
  const trainer = new PerceptronTrainer(names.length);
  const features = new Int32Array(TAGGER_FEATURES);
  const scores = new Float32Array(names.length);
  const random = seeded(seed);
  const tagSetMap = new Map(Object.entries(data.tagSets));
  const prepared = sentences.map((s) => {
    const forms = formsOf(s);
    const info = wordInfo(forms);
    return { forms, info, tagSets: tagSetsOf(info.normal, tagSetMap), gold: Int32Array.from(s.words, (w) => index.get(tagName(w))!) };
  });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let right = 0;
    let total = 0;
    for (const s of shuffled(prepared, random)) {
      const tags = new Int32Array(s.forms.length);
      for (let i = 0; i < s.forms.length; i++) {
        const sure = data.sure[s.info.normal[i]];
        if (sure !== undefined) {
          tags[i] = sure;
        } else {
          const count = taggerFeatures(s.info, s.tagSets, tags, i, features);
          trainer.score(features, count, scores);
          const guess = best(scores);
          trainer.tick();
          trainer.update(features, count, s.gold[i], guess);
          tags[i] = guess;
        }
        if (tags[i] === s.gold[i]) right++;
        total++;
      }
    }
    log?.(`  tagger epoch ${epoch}: ${((100 * right) / total).toFixed(2)}% on train, ${trainer.features} features`);
  }
  return new Tagger(data, trainer.average(1e-3, options.minUpdates ?? 1));
}

export function trainLemmatizer(sentences: ConlluSentence[]): LemmaData {
  const cased = ["NNP", "NNPS"];
  const keep = new Set(cased);
  const seen = new Map<string, Map<string, number>>();
  const ruleCounts = new Map<string, Map<string, number>>();
  for (const s of sentences)
    for (const w of s.words) {
      if (w.lemma === "_") continue;
      const base = keep.has(w.xpos) ? w.form : w.form.toLowerCase();
      tally(seen, `${base} ${w.xpos}`, w.lemma);
      const rule = JSON.stringify(suffixRule(base, w.lemma));
      for (let k = 1; k <= Math.min(LONGEST_ENDING, base.length - 1); k++) tally(ruleCounts, `${w.xpos} ${base.slice(-k)}`, rule);
    }
  const exceptions: Record<string, string> = {};
  for (const [key, lemmas] of seen) {
    const lemma = mostFrequent(lemmas).value;
    const base = key.slice(0, key.lastIndexOf(" "));
    if (lemma !== base) exceptions[key] = lemma;
  }
  // an ending whose likeliest rule is "leave it" ([0, ""]) is kept too: it stops a shorter ending's rule
  const rules: Record<string, [number, string]> = {};
  for (const [key, byRule] of ruleCounts) {
    const { value: rule, count } = mostFrequent(byRule);
    if (count >= 2) rules[key] = JSON.parse(rule);
  }
  return { exceptions, rules, cased };
}

export interface ParserExample {
  words: Int32Array;
  tags: Int32Array;
  tagSets: Int32Array;
  suffixes: Int32Array;
  heads: Int32Array;
  labels: Int32Array;
}

/** Parser and labeller examples: word hashes, the given tag classes, tag sets, gold heads (n = root) and labels. */
export function parserExamples(sentences: ConlluSentence[], tags: Int32Array[], tagger: Tagger, labels: Map<string, number>): ParserExample[] {
  return sentences.map((s, i) => {
    const info = wordInfo(formsOf(s));
    const n = s.words.length;
    return {
      words: info.word,
      tags: tags[i],
      tagSets: tagSetsOf(info.normal, tagger.tagSets),
      suffixes: info.suffix3,
      heads: Int32Array.from(s.words, (w) => (w.head === 0 ? n : w.head - 1)),
      labels: Int32Array.from(s.words, (w) => labels.get(w.deprel) ?? 0),
    };
  });
}

/**
 * The parser, trained with the dynamic oracle (Goldberg and Nivre 2012): it is corrected towards the
 * best-scoring transition that loses no more gold arcs, and after the first epoch it follows its own
 * wrong prediction now and then (`explore` of the time), so it learns to recover from its mistakes.
 */
export function trainParser(examples: ParserExample[], options: TrainOptions = {}): PerceptronTrainer {
  const { epochs = 12, seed = 2, explore = 0.9, log } = options;
  const trainer = new PerceptronTrainer(TRANSITIONS);
  const features = new Int32Array(PARSER_FEATURES);
  const scores = new Float32Array(TRANSITIONS);
  const random = seeded(seed);
  const golds = examples.map((e) => projectivize(e.heads));
  const order = examples.map((_, i) => i);
  const costs = new Int32Array(TRANSITIONS);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let right = 0;
    let total = 0;
    for (const i of shuffled(order, random)) {
      const e = examples[i];
      const gold = golds[i];
      const n = e.words.length;
      const input = parserInput(e.words, e.tags, e.tagSets);
      const state = new ParseState(n);
      while (!state.done) {
        if (state.forced >= 0) {
          state.apply(state.forced);
          continue;
        }
        const count = parserFeatures(state, input, features);
        trainer.score(features, count, scores);
        const guess = bestLegal(state, scores);
        let least = Infinity;
        for (let t = 0; t < TRANSITIONS; t++) {
          costs[t] = state.canDo(t) ? transitionCost(state, gold, t) : 1 << 20;
          if (costs[t] < least) least = costs[t];
        }
        let truth = -1;
        for (let t = 0; t < TRANSITIONS; t++) if (costs[t] === least && (truth < 0 || scores[t] > scores[truth])) truth = t;
        trainer.tick();
        trainer.update(features, count, truth, guess);
        state.apply(costs[guess] === least || (epoch > 1 && random() < explore) ? guess : truth);
      }
      for (let d = 0; d < n; d++) if (state.heads[d] === e.heads[d]) right++;
      total += n;
    }
    log?.(`  parser epoch ${epoch}: UAS ${((100 * right) / total).toFixed(2)} on train (exploring), ${trainer.features} features`);
  }
  return trainer;
}

export function trainLabeller(examples: ParserExample[], labelCount: number, options: TrainOptions = {}): PerceptronTrainer {
  const { epochs = 10, seed = 3, log } = options;
  const trainer = new PerceptronTrainer(labelCount);
  const features = new Int32Array(LABELLER_FEATURES);
  const scores = new Float32Array(labelCount);
  const random = seeded(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let right = 0;
    let total = 0;
    for (const e of shuffled(examples, random)) {
      const x = labelInput(e.words, e.tags, e.suffixes, e.heads);
      for (let d = 0; d < e.words.length; d++) {
        const count = labelFeatures(x, d, features);
        trainer.score(features, count, scores);
        const guess = best(scores);
        trainer.tick();
        trainer.update(features, count, e.labels[d], guess);
        if (guess === e.labels[d]) right++;
        total++;
      }
    }
    log?.(`  labeller epoch ${epoch}: ${((100 * right) / total).toFixed(2)}% on train`);
  }
  return trainer;
}

/** Arc shapes that had one relation in 99% of 50 or more arcs: the labeller gives it without scoring. */
export function sureLabels(examples: ParserExample[], root: number): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (const e of examples) {
    const x = labelInput(e.words, e.tags, e.suffixes, e.heads);
    for (let d = 0; d < e.words.length; d++) {
      if (e.labels[d] === root) continue;
      tally(counts, arcShape(x, d), e.labels[d]);
    }
  }
  const out = new Map<number, number>();
  for (const [shape, byLabel] of counts) {
    const { value, count, total } = mostFrequent(byLabel);
    if (total >= 50 && count / total >= 0.99) out.set(shape, value);
  }
  return out;
}
