// The linear scorers behind the tagger, the parser and the arc labeller: a weight per (feature,
// class), trained as an averaged perceptron and shipped as a compact table of the averaged weights.
// Scoring adds, for each feature present, the weights of the classes it has any weight for; most
// features have a few, so a step costs far less than features × classes.

const CHUNK_BITS = 14;
const CHUNK_ROWS = 1 << CHUNK_BITS;

/** An averaged perceptron over hashed features (Collins 2002), averaging lazily by timestamps. */
export class PerceptronTrainer {
  readonly classes: number;
  #rows = new Map<number, number>();
  #weights: Float32Array[] = [];
  #totals: Float64Array[] = [];
  #stamps: Int32Array[] = [];
  /** How many updates touched each row: a feature corrected only once or twice is mostly noise. */
  #updates: Int32Array[] = [];
  #time = 0;

  constructor(classes: number) {
    this.classes = classes;
  }

  /** Adds each feature's current weights into `scores` (length `classes`), which it zeroes first. */
  score(features: Int32Array, count: number, scores: Float32Array): void {
    scores.fill(0);
    const k = this.classes;
    for (let f = 0; f < count; f++) {
      const row = this.#rows.get(features[f]);
      if (row === undefined) continue;
      const w = this.#weights[row >>> CHUNK_BITS];
      const at = (row & (CHUNK_ROWS - 1)) * k;
      for (let c = 0; c < k; c++) scores[c] += w[at + c];
    }
  }

  /** One example seen: call once per decision, whether or not it updates. */
  tick(): void {
    this.#time++;
  }

  /** Moves the weights of `features` towards `truth` and away from `guess`. */
  update(features: Int32Array, count: number, truth: number, guess: number): void {
    if (truth === guess) return;
    for (let f = 0; f < count; f++) {
      const row = this.#row(features[f]);
      this.#updates[row >>> CHUNK_BITS][row & (CHUNK_ROWS - 1)]++;
      this.#add(row, truth, 1);
      this.#add(row, guess, -1);
    }
  }

  #row(feature: number): number {
    let row = this.#rows.get(feature);
    if (row !== undefined) return row;
    row = this.#rows.size;
    this.#rows.set(feature, row);
    if (row >>> CHUNK_BITS >= this.#weights.length) {
      const size = CHUNK_ROWS * this.classes;
      this.#weights.push(new Float32Array(size));
      this.#totals.push(new Float64Array(size));
      this.#stamps.push(new Int32Array(size));
      this.#updates.push(new Int32Array(CHUNK_ROWS));
    }
    return row;
  }

  #add(row: number, cls: number, delta: number): void {
    const chunk = row >>> CHUNK_BITS;
    const i = (row & (CHUNK_ROWS - 1)) * this.classes + cls;
    const w = this.#weights[chunk];
    this.#totals[chunk][i] += (this.#time - this.#stamps[chunk][i]) * w[i];
    this.#stamps[chunk][i] = this.#time;
    w[i] += delta;
  }

  /**
   * The averaged weights as a shippable model, dropping weights smaller than `threshold` in size and
   * features that fewer than `minUpdates` updates touched.
   */
  average(threshold = 1e-3, minUpdates = 1): LinearModel {
    const k = this.classes;
    const time = Math.max(1, this.#time);
    const keys: number[] = [];
    const starts: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (const [feature, row] of this.#rows) {
      const chunk = row >>> CHUNK_BITS;
      if (this.#updates[chunk][row & (CHUNK_ROWS - 1)] < minUpdates) continue;
      const at = (row & (CHUNK_ROWS - 1)) * k;
      const before = classes.length;
      for (let c = 0; c < k; c++) {
        const w = this.#weights[chunk][at + c];
        const avg = (this.#totals[chunk][at + c] + (time - this.#stamps[chunk][at + c]) * w) / time;
        if (Math.abs(avg) >= threshold) {
          classes.push(c);
          weights.push(avg);
        }
      }
      if (classes.length === before) continue;
      keys.push(feature);
      starts.push(classes.length);
    }
    return new LinearModel(k, Int32Array.from(keys), Int32Array.from(starts), Uint8Array.from(classes), Float32Array.from(weights));
  }

  get features(): number {
    return this.#rows.size;
  }
}

/** Models with this many classes or fewer keep their weights inline in the table (a slot: the key, then three weights). */
const INLINE_CLASSES = 3;
const INLINE_STRIDE = 1 + INLINE_CLASSES;
/**
 * Slots in an inline model's cache of recent look-ups (256 KB): the parser's features are mostly the
 * same few tens of thousands from one state to the next, and a hit in the cache skips the probe.
 */
const RECENT_BITS = 14;
/** A key's slot in that cache (bits other than the table's, which are the low ones), and a key whose slot is `r`. */
const recentSlot = {
  of: (key: number): number => (key >>> 16) & ((1 << RECENT_BITS) - 1),
  key: (r: number): number => (r & ((1 << RECENT_BITS) - 1)) << 16,
};
/** The table's slots per feature at least: a sparser table has shorter runs of full slots to step over. */
const SLOTS_PER_KEY = 1.25;

/** A slot's one-byte tag: the key's top byte (the slot number comes from its low bits); never 0, which marks an empty slot. */
const tagOf = (key: number): number => key >>> 24 || 1;

/**
 * Averaged weights, read only, in one open-addressing table. A fifth of the features looked up are
 * not in the model, and a look-up in a table of megabytes that ends on a slot outside the cache
 * costs a trip to memory; so beside the table a byte array, a sixteenth of its size, holds a
 * one-byte tag of each slot's key. A feature whose tag is not in its run of slots is known absent
 * from the byte array alone, and the table is read only where a tag matches (a false match one time
 * in 255). A slot holds what the scorer needs next to the key: with few classes (the parser's three
 * transitions) the weights themselves, inline; with many, where the row's entries start in
 * `entryClasses` and `entryWeights` and how many there are.
 *
 * An inline model also keeps the features it looked up last in a small direct-mapped cache, absent
 * ones as rows of zeros (adding +0 leaves a sum as it was), so most of the parser's look-ups read
 * 256 KB that stay in the cache instead of probing 16 MB that do not.
 */
export class LinearModel {
  readonly classes: number;
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  readonly entryClasses: Uint8Array;
  readonly entryWeights: Float32Array;
  #inline: boolean;
  #stride: number;
  #mask: number;
  #tags: Uint8Array;
  #slotKeys: Int32Array;
  #slotValues: Float32Array;
  /**
   * A many-class model's last first feature and the scores it alone gives: the tagger's and the
   * labeller's first feature is always the bias, with weights for most classes (a fifth of the tagger's additions).
   */
  #firstKey: number | undefined;
  #firstScores: Float32Array;
  /** An inline model's recent look-ups, INLINE_STRIDE numbers a slot: a key, then its weights (zeros for a key not in the model). */
  #recentKeys: Int32Array;
  #recentValues: Float32Array;

  constructor(classes: number, keys: Int32Array, starts: Int32Array, entryClasses: Uint8Array, entryWeights: Float32Array) {
    if (classes > 256) throw new Error(`a linear model holds at most 256 classes, not ${classes}`);
    if (entryWeights.length >= 1 << 23) throw new Error(`a linear model holds fewer than 2^23 weights, not ${entryWeights.length}`);
    this.classes = classes;
    this.keys = keys;
    this.starts = starts;
    this.entryClasses = entryClasses;
    this.entryWeights = entryWeights;
    this.#inline = classes <= INLINE_CLASSES;
    const stride = (this.#stride = this.#inline ? INLINE_STRIDE : 2);
    let size = 1024;
    while (size < keys.length * SLOTS_PER_KEY) size *= 2;
    this.#mask = size - 1;
    this.#tags = new Uint8Array(size);
    const buffer = new ArrayBuffer(size * stride * 4);
    this.#slotKeys = new Int32Array(buffer);
    this.#slotValues = new Float32Array(buffer);
    const recentBuffer = new ArrayBuffer(this.#inline ? INLINE_STRIDE * 4 << RECENT_BITS : 0);
    this.#recentKeys = new Int32Array(recentBuffer);
    this.#recentValues = new Float32Array(recentBuffer);
    // an empty slot holds a key that belongs in the next one, so no feature is ever found there
    for (let r = 0; r < this.#recentKeys.length / INLINE_STRIDE; r++) this.#recentKeys[r * INLINE_STRIDE] = recentSlot.key(r + 1);
    this.#firstScores = new Float32Array(classes);
    for (let r = 0; r < keys.length; r++) {
      let i = keys[r] & this.#mask;
      while (this.#tags[i] !== 0) i = (i + 1) & this.#mask;
      this.#tags[i] = tagOf(keys[r]);
      const at = i * stride;
      this.#slotKeys[at] = keys[r];
      const from = starts[r];
      const to = starts[r + 1];
      if (this.#inline) {
        for (let e = from; e < to; e++) this.#slotValues[at + 1 + entryClasses[e]] = entryWeights[e];
      } else {
        // (first entry << 8) | (count - 1): a row holds 1 to 256 classes
        this.#slotKeys[at + 1] = (from << 8) | (to - from - 1);
      }
    }
  }

  /** `scores[c]` = the sum of the weights of `features` for class c. */
  score(features: Int32Array, count: number, scores: Float32Array): void {
    if (this.#inline || count === 0) {
      scores.fill(0);
      this.addScores(features, count, scores);
      return;
    }
    // the scores after the first feature are its weights (0 + w is w), copied when it is the last call's
    if (features[0] !== this.#firstKey) {
      scores.fill(0);
      this.addScores(features, 1, scores);
      this.#firstScores.set(scores);
      this.#firstKey = features[0];
    } else scores.set(this.#firstScores);
    this.addScores(features, count, scores, 1);
  }

  /** Adds the weights of `features[from]` … `features[count - 1]` to `scores`, feature by feature in order. */
  addScores(features: Int32Array, count: number, scores: Float32Array, from = 0): void {
    if (this.#inline) this.#addInline(features, count, scores, from);
    else this.#addPairs(features, count, scores, from);
  }

  /** The slot of `key` in the table, or -1. */
  #find(key: number): number {
    const tags = this.#tags;
    const keys = this.#slotKeys;
    const mask = this.#mask;
    const stride = this.#stride;
    const tag = tagOf(key);
    let i = key & mask;
    let t = tags[i];
    while (t !== 0 && (t !== tag || keys[i * stride] !== key)) {
      i = (i + 1) & mask;
      t = tags[i];
    }
    return t === 0 ? -1 : i;
  }

  #addInline(features: Int32Array, count: number, scores: Float32Array, from: number): void {
    const recentKeys = this.#recentKeys;
    const recent = this.#recentValues;
    const values = this.#slotValues;
    const k = this.classes;
    // The sums in locals, each rounded to float32 as a Float32Array element would be after each
    // addition (the same sums): a chain of additions through memory waits on each store.
    let s0 = k > 0 ? scores[0] : 0;
    let s1 = k > 1 ? scores[1] : 0;
    let s2 = k > 2 ? scores[2] : 0;
    for (let f = from; f < count; f++) {
      const key = features[f];
      const r = recentSlot.of(key) * INLINE_STRIDE;
      if (recentKeys[r] !== key) {
        const i = this.#find(key);
        recentKeys[r] = key;
        if (i < 0) {
          recent[r + 1] = 0;
          recent[r + 2] = 0;
          recent[r + 3] = 0;
        } else {
          const at = i * INLINE_STRIDE;
          recent[r + 1] = values[at + 1];
          recent[r + 2] = values[at + 2];
          recent[r + 3] = values[at + 3];
        }
      }
      s0 = Math.fround(s0 + recent[r + 1]);
      s1 = Math.fround(s1 + recent[r + 2]);
      s2 = Math.fround(s2 + recent[r + 3]);
    }
    if (k > 0) scores[0] = s0;
    if (k > 1) scores[1] = s1;
    if (k > 2) scores[2] = s2;
  }

  #addPairs(features: Int32Array, count: number, scores: Float32Array, from: number): void {
    const keys = this.#slotKeys;
    const classes = this.entryClasses;
    const weights = this.entryWeights;
    for (let f = from; f < count; f++) {
      const i = this.#find(features[f]);
      if (i < 0) continue;
      const ref = keys[i * 2 + 1];
      for (let e = ref >>> 8, end = e + (ref & 255) + 1; e < end; e++) scores[classes[e]] += weights[e];
    }
  }

  /** Entries (feature, class, weight) in the model. */
  get size(): number {
    return this.entryWeights.length;
  }

  /** The same model without the weights smaller than `threshold` in size (features left with none go too). */
  pruned(threshold: number): LinearModel {
    const keys: number[] = [];
    const starts: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      const before = classes.length;
      for (let e = this.starts[r]; e < this.starts[r + 1]; e++)
        if (Math.abs(this.entryWeights[e]) >= threshold) {
          classes.push(this.entryClasses[e]);
          weights.push(this.entryWeights[e]);
        }
      if (classes.length === before) continue;
      keys.push(this.keys[r]);
      starts.push(classes.length);
    }
    return new LinearModel(this.classes, Int32Array.from(keys), Int32Array.from(starts), Uint8Array.from(classes), Float32Array.from(weights));
  }
}

/** The class with the highest score; ties go to the lower class. */
export function best(scores: Float32Array): number {
  let top = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[top]) top = c;
  return top;
}
