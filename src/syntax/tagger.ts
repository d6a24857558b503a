import { feature1, feature2, feature3 } from "./hash.ts";
import { best, type LinearModel } from "./linear.ts";
import { wordInfo, type WordInfo } from "./words.ts";

// Part-of-speech tagging, left to right, one greedy decision a word (Honnibal's averaged-perceptron
// tagger, with the tags the next words can have as features too). A tag is the pair "UPOS XPOS" as
// EWT has it, so one decision gives both. Frequent words that in training nearly always had one tag
// take it from the dictionary without being scored.

export interface TaggerData {
  /** Tag names, "UPOS XPOS" ("PROPN NNP"), by class number. */
  tags: string[];
  /** Normalised form → the tag it takes without scoring. */
  sure: Record<string, number>;
  /** Normalised form → a hash of the tags it had in training (each in 10%+ of its uses): what it can be. */
  tagSets: Record<string, number>;
}

const START = -2;
const NONE = -3;
export const TAGGER_FEATURES = 32;

/** The features of word `i`, given the tags already chosen for the words before it. */
export function taggerFeatures(info: WordInfo, tagSets: Int32Array, tags: Int32Array, i: number, out: Int32Array): number {
  const n = info.word.length;
  const w = info.word;
  const t1 = i > 0 ? tags[i - 1] : START;
  const t2 = i > 1 ? tags[i - 2] : START;
  const wPrev = i > 0 ? w[i - 1] : START;
  const wPrev2 = i > 1 ? w[i - 2] : START;
  const wNext = i + 1 < n ? w[i + 1] : NONE;
  const wNext2 = i + 2 < n ? w[i + 2] : NONE;
  let k = 0;
  out[k++] = feature1(0, 0);
  out[k++] = feature1(1, w[i]);
  out[k++] = feature1(2, info.suffix3[i]);
  out[k++] = feature1(3, info.suffix2[i]);
  out[k++] = feature1(4, info.suffix1[i]);
  out[k++] = feature1(5, info.suffix4[i]);
  out[k++] = feature1(6, info.prefix1[i]);
  out[k++] = feature1(7, info.shape[i]);
  out[k++] = feature1(8, t1);
  out[k++] = feature1(9, t2);
  out[k++] = feature2(10, t1, t2);
  out[k++] = feature2(11, t1, w[i]);
  out[k++] = feature1(12, wPrev);
  out[k++] = feature1(13, i > 0 ? info.suffix3[i - 1] : START);
  out[k++] = feature1(14, wPrev2);
  out[k++] = feature1(15, wNext);
  out[k++] = feature1(16, i + 1 < n ? info.suffix3[i + 1] : NONE);
  out[k++] = feature1(17, wNext2);
  out[k++] = feature2(18, wPrev, w[i]);
  out[k++] = feature2(19, w[i], wNext);
  out[k++] = feature1(20, i + 1 < n ? info.shape[i + 1] : NONE);
  out[k++] = feature2(21, i === 0 ? 1 : 0, info.shape[i]);
  out[k++] = feature1(22, i + 1 < n ? tagSets[i + 1] : NONE);
  out[k++] = feature2(23, i + 1 < n ? tagSets[i + 1] : NONE, i + 2 < n ? tagSets[i + 2] : NONE);
  out[k++] = feature2(24, t1, i + 1 < n ? tagSets[i + 1] : NONE);
  out[k++] = feature1(25, tagSets[i]);
  out[k++] = feature2(26, tagSets[i], t1);
  out[k++] = feature3(27, t1, info.suffix3[i], i + 1 < n ? tagSets[i + 1] : NONE);
  out[k++] = feature1(28, info.cased[i]);
  out[k++] = feature2(29, info.prefix1[i], i > 0 ? info.prefix1[i - 1] : START);
  out[k++] = feature2(30, info.prefix1[i], i + 1 < n ? info.prefix1[i + 1] : NONE);
  out[k++] = feature2(31, info.shape[i], t1);
  return k;
}

/** Each word's tag set by the dictionary, or -1 for a word seen fewer than 3 times in training. */
export function tagSetsOf(normal: readonly string[], tagSets: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(normal.length);
  for (let i = 0; i < normal.length; i++) out[i] = tagSets.get(normal[i]) ?? -1;
  return out;
}

export class Tagger {
  readonly data: TaggerData;
  readonly model: LinearModel;
  // the dictionaries as Maps: faster than objects of tens of thousands of keys
  readonly sure: ReadonlyMap<string, number>;
  readonly tagSets: ReadonlyMap<string, number>;
  #features = new Int32Array(TAGGER_FEATURES);
  #scores: Float32Array;

  constructor(data: TaggerData, model: LinearModel) {
    this.data = data;
    this.model = model;
    this.sure = new Map(Object.entries(data.sure));
    this.tagSets = new Map(Object.entries(data.tagSets));
    this.#scores = new Float32Array(data.tags.length);
  }

  /** Tag classes for `forms`; `info` and `tagSets` when the caller has them already. */
  tag(forms: readonly string[], info: WordInfo = wordInfo(forms), tagSets = tagSetsOf(info.normal, this.tagSets)): Int32Array {
    const tags = new Int32Array(forms.length);
    for (let i = 0; i < forms.length; i++) {
      const sure = this.sure.get(info.normal[i]);
      if (sure !== undefined) {
        tags[i] = sure;
        continue;
      }
      const count = taggerFeatures(info, tagSets, tags, i, this.#features);
      this.model.score(this.#features, count, this.#scores);
      tags[i] = best(this.#scores);
    }
    return tags;
  }
}
