import { feature1, feature2, feature3 } from "./hash.ts";
import type { LinearModel } from "./linear.ts";
import { LEFT, ParseState, RIGHT, SHIFT, TRANSITIONS } from "./transitions.ts";

// Greedy unlabelled dependency parsing: at each state the linear model scores SHIFT, LEFT and
// RIGHT from the words and tags around the stack and the buffer (after Zhang and Nivre 2011's
// templates), and the best legal transition is taken. Labels come afterwards (labeller.ts).

const NONE = -1;
const ROOT_TAG = -5;
export const PARSER_FEATURES = 70;

/**
 * Per-word values the parser's features read, the root at index n: word hashes, tag classes, and
 * each word's tag set in the dictionary (what it can be, which still holds when the tagger errs).
 */
export interface ParserInput {
  words: Int32Array;
  tags: Int32Array;
  tagSets: Int32Array;
}

const withRoot = (values: Int32Array): Int32Array => {
  const out = new Int32Array(values.length + 1);
  out.set(values);
  out[values.length] = ROOT_TAG;
  return out;
};

export const parserInput = (words: Int32Array, tags: Int32Array, tagSets: Int32Array): ParserInput => ({
  words: withRoot(words),
  tags: withRoot(tags),
  tagSets: withRoot(tagSets),
});

const distance = (a: number, b: number): number => {
  if (a < 0 || b < 0) return NONE;
  const d = Math.abs(b - a);
  return d < 5 ? d : d < 10 ? 5 : 6;
};

/** `values[i]`, or NONE for a position that is not there (-1). */
const at = (values: Int32Array, i: number): number => (i < 0 ? NONE : values[i]);

export function parserFeatures(state: ParseState, input: ParserInput, out: Int32Array): number {
  const W = input.words;
  const T = input.tags;
  const s0 = state.s(0);
  const s1 = state.s(1);
  const s2 = state.s(2);
  const b0 = state.b(0);
  const b1 = state.b(1);
  const b2 = state.b(2);
  const s0l = at(state.leftmost, s0);
  const s0r = at(state.rightmost, s0);
  const s0l2 = at(state.leftmost2, s0);
  const s0r2 = at(state.rightmost2, s0);
  const s1l = at(state.leftmost, s1);
  const s1r = at(state.rightmost, s1);
  const b0l = at(state.leftmost, b0);
  const b0l2 = at(state.leftmost2, b0);
  const s0w = at(W, s0), s0t = at(T, s0), s1w = at(W, s1), s1t = at(T, s1), b0w = at(W, b0), b0t = at(T, b0), b1w = at(W, b1), b1t = at(T, b1), b2t = at(T, b2), s2t = at(T, s2);
  const s0lt = at(T, s0l), s0rt = at(T, s0r), s1lt = at(T, s1l), s1rt = at(T, s1r), b0lt = at(T, b0l);
  const d = distance(s0, b0);
  const d1 = distance(s1, s0);
  let k = 0;
  out[k++] = feature1(0, 0);
  out[k++] = feature1(1, s0w);
  out[k++] = feature1(2, s0t);
  out[k++] = feature2(3, s0w, s0t);
  out[k++] = feature1(4, s1w);
  out[k++] = feature1(5, s1t);
  out[k++] = feature2(6, s1w, s1t);
  out[k++] = feature1(7, b0w);
  out[k++] = feature1(8, b0t);
  out[k++] = feature2(9, b0w, b0t);
  out[k++] = feature1(10, b1w);
  out[k++] = feature1(11, b1t);
  out[k++] = feature2(12, b1w, b1t);
  out[k++] = feature1(13, b2t);
  out[k++] = feature1(14, s2t);
  out[k++] = feature3(15, s0w, s0t, b0t);
  out[k++] = feature3(16, s0t, b0w, b0t);
  out[k++] = feature2(17, s0w, b0w);
  out[k++] = feature2(18, s0t, b0t);
  out[k++] = feature3(19, s0w, b0w, b0t);
  out[k++] = feature3(20, s0w, s0t, b0w);
  out[k++] = feature2(21, b0t, b1t);
  out[k++] = feature2(22, s1t, s0t);
  out[k++] = feature2(23, s1w, s0w);
  out[k++] = feature2(24, s1t, b0t);
  out[k++] = feature3(25, s1w, s0t, b0t);
  out[k++] = feature3(26, b0t, b1t, b2t);
  out[k++] = feature3(27, s0t, b0t, b1t);
  out[k++] = feature3(28, s1t, s0t, b0t);
  out[k++] = feature3(29, s0t, s0lt, b0t);
  out[k++] = feature3(30, s0t, s0rt, b0t);
  out[k++] = feature3(31, s0t, b0t, b0lt);
  out[k++] = feature3(32, s1t, s0t, s0lt);
  out[k++] = feature3(33, s1t, s0t, s0rt);
  out[k++] = feature3(34, s1t, s1rt, s0t);
  out[k++] = feature3(35, s2t, s1t, s0t);
  out[k++] = feature3(36, s1t, s1lt, s0t);
  out[k++] = feature2(37, s0w, d);
  out[k++] = feature2(38, s0t, d);
  out[k++] = feature2(39, b0w, d);
  out[k++] = feature2(40, b0t, d);
  out[k++] = feature3(41, s0w, b0w, d);
  out[k++] = feature3(42, s0t, b0t, d);
  out[k++] = feature3(43, s1t, s0t, d1);
  out[k++] = feature3(44, s1w, s0w, d1);
  out[k++] = feature2(45, s0w, s0 < 0 ? NONE : state.rightCount[s0]);
  out[k++] = feature2(46, s0t, s0 < 0 ? NONE : state.rightCount[s0]);
  out[k++] = feature2(47, s0w, s0 < 0 ? NONE : state.leftCount[s0]);
  out[k++] = feature2(48, s0t, s0 < 0 ? NONE : state.leftCount[s0]);
  out[k++] = feature2(49, b0w, b0 < 0 ? NONE : state.leftCount[b0]);
  out[k++] = feature2(50, b0t, b0 < 0 ? NONE : state.leftCount[b0]);
  out[k++] = feature2(51, s1t, s1 < 0 ? NONE : state.rightCount[s1]);
  out[k++] = feature1(52, at(W, s0l));
  out[k++] = feature1(53, at(W, s0r));
  out[k++] = feature1(54, at(W, b0l));
  out[k++] = feature1(55, s0lt);
  out[k++] = feature1(56, s0rt);
  out[k++] = feature1(57, b0lt);
  out[k++] = feature3(58, s0t, s0lt, at(T, s0l2));
  out[k++] = feature3(59, s0t, s0rt, at(T, s0r2));
  out[k++] = feature3(60, b0t, b0lt, at(T, b0l2));
  out[k++] = feature3(61, s1t, s1rt, b0t);
  out[k++] = feature3(62, s0w, s1t, b0t);
  out[k++] = feature3(63, s0t, s1w, b0t);
  const C = input.tagSets;
  const s0c = at(C, s0), b0c = at(C, b0);
  out[k++] = feature1(64, s0c);
  out[k++] = feature1(65, b0c);
  out[k++] = feature2(66, s0c, b0c);
  out[k++] = feature2(67, s0t, b0c);
  out[k++] = feature2(68, s0c, b0t);
  out[k++] = feature2(69, b0t, at(C, b0 + 1));
  return k;
}

/** The best-scoring legal transition. */
export function bestLegal(state: ParseState, scores: Float32Array): number {
  let top = -1;
  for (let t = 0; t < TRANSITIONS; t++) if (state.canDo(t) && (top < 0 || scores[t] > scores[top])) top = t;
  return top;
}

export class Parser {
  readonly model: LinearModel;
  #features = new Int32Array(PARSER_FEATURES);
  #scores = new Float32Array(TRANSITIONS);

  constructor(model: LinearModel) {
    this.model = model;
  }

  /** Heads of the sentence's words (n for the root) from their word hashes, tag classes and tag sets. */
  parse(words: Int32Array, tags: Int32Array, tagSets: Int32Array): Int32Array {
    const n = words.length;
    const input = parserInput(words, tags, tagSets);
    const state = new ParseState(n);
    while (!state.done) {
      const forced = state.forced;
      if (forced >= 0) {
        state.apply(forced);
        continue;
      }
      const count = parserFeatures(state, input, this.#features);
      this.model.score(this.#features, count, this.#scores);
      state.apply(bestLegal(state, this.#scores));
    }
    return state.heads.subarray(0, n);
  }
}

export { SHIFT, LEFT, RIGHT };
