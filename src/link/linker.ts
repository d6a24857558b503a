// Links claims that state the same thing into propositions, one claim at a time.
//
// Candidate generation is by inverted index: a new claim looks only at earlier claims that share one
// of its rarest terms (and only at the most recent entries of very long posting lists), so adding a
// claim costs about the same with 1,000 or 1,000,000 claims already linked. Candidates are scored by
// IDF-weighted term overlap; the best one above the threshold gives its proposition, else the claim
// starts a new one. Two claims that both name several participants (`e:` and `p:` terms) but share
// none, or that both name places (`p:`) but not the same one, are about different things, however
// alike their wording.

export interface LinkerOptions {
  /** Similarity at or above which a claim joins a proposition (0..1). */
  threshold?: number;
  /** Shared terms needed at the least, so two short sentences sharing one word do not join. */
  minShared?: number;
  /** Of those, shared plain words (not `e:` entities or `q:` counted things): claims about the same actors must also say the same thing. */
  minSharedWords?: number;
  /** How many of a claim's rarest terms are used to find candidates. */
  probeTerms?: number;
  /** How many of the most recent postings of one term are read. */
  maxPostings?: number;
}

const DEFAULTS: Required<LinkerOptions> = { threshold: 0.5, minShared: 2, minSharedWords: 1, probeTerms: 4, maxPostings: 200 };

/** Share of the smaller claim's word weight that must be shared, beyond names and counted things. */
const MIN_WORD_OVERLAP = 0.5;

const enum Kind {
  Word = 0,
  Entity = 1,
  Counted = 2,
  Place = 3,
}

export class Linker {
  readonly options: Required<LinkerOptions>;
  #termIds = new Map<string, number>();
  #df: number[] = [];
  #kind: Kind[] = [];
  #postings: number[][] = [];
  // claims in flat arrays (a million small objects would cost several hundred MB): claim `slot` has
  // proposition #proposition[slot] and terms #termPool[#termStart[slot] .. #termStart[slot + 1])
  #count = 0;
  #proposition = new Int32Array(1024);
  #termStart = new Int32Array(1025);
  #termPool = new Int32Array(8192);
  #propositions = 0;
  // per-call scratch, stamped so nothing is cleared between calls
  #stamp = 0;
  #seenAt = new Int32Array(1024);
  #hits = new Int32Array(1024);
  #idfAt = new Int32Array(1024);
  #queryAt = new Int32Array(1024);
  #idfValue = new Float64Array(1024);

  constructor(options: LinkerOptions = {}) {
    for (const [k, v] of Object.entries(options))
      if (typeof v !== "number" || !(v >= 0)) throw new RangeError(`Linker option ${k} must be a non-negative number, not ${v}`);
    this.options = { ...DEFAULTS, ...options };
  }

  get claimCount(): number {
    return this.#count;
  }

  get propositionCount(): number {
    return this.#propositions;
  }

  /**
   * Links one claim and returns its proposition number. With `proposition` given (a claim linked in an
   * earlier run, loaded from the store) it is registered there without being compared.
   */
  add(terms: readonly string[], proposition?: number): number {
    const ids = Int32Array.from(new Set(terms.map((t) => this.#termId(t))));
    const prop = proposition ?? this.#best(ids) ?? this.#propositions;
    this.#propositions = Math.max(this.#propositions, prop + 1);
    const slot = this.#count++;
    if (slot >= this.#proposition.length) {
      this.#proposition = grow(this.#proposition);
      this.#termStart = grow(this.#termStart);
      this.#seenAt = grow(this.#seenAt);
      this.#hits = grow(this.#hits);
    }
    const start = this.#termStart[slot];
    while (start + ids.length > this.#termPool.length) this.#termPool = grow(this.#termPool);
    this.#termPool.set(ids, start);
    this.#termStart[slot + 1] = start + ids.length;
    this.#proposition[slot] = prop;
    for (const t of ids) {
      this.#df[t]++;
      this.#postings[t].push(slot);
    }
    return prop;
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#df.length;
      this.#termIds.set(term, id);
      this.#df.push(0);
      this.#kind.push(term.startsWith("e:") ? Kind.Entity : term.startsWith("p:") ? Kind.Place : term.startsWith("q:") ? Kind.Counted : Kind.Word);
      this.#postings.push([]);
      if (id >= this.#idfAt.length) {
        this.#idfAt = grow(this.#idfAt);
        this.#queryAt = grow(this.#queryAt);
        const values = new Float64Array(this.#idfAt.length);
        values.set(this.#idfValue);
        this.#idfValue = values;
      }
    }
    return id;
  }

  /** Inverse document frequency, computed once per term per call. */
  #idf(term: number): number {
    if (this.#idfAt[term] !== this.#stamp) {
      this.#idfAt[term] = this.#stamp;
      this.#idfValue[term] = Math.log((this.#count + 2) / (this.#df[term] + 1));
    }
    return this.#idfValue[term];
  }

  /** The proposition of the most similar earlier claim, if similar enough. */
  #best(terms: Int32Array): number | undefined {
    if (!this.#count || !terms.length) return undefined;
    const stamp = ++this.#stamp;
    let total = 0;
    let entities = 0;
    let places = 0;
    let wordWeight = 0;
    for (const t of terms) {
      this.#queryAt[t] = stamp;
      total += this.#idf(t);
      const kind = this.#kind[t];
      if (kind === Kind.Entity || kind === Kind.Place) entities++;
      if (kind === Kind.Place) places++;
      else if (kind === Kind.Word) wordWeight += this.#idf(t);
    }
    const probes = Array.from(terms)
      .filter((t) => this.#df[t] > 0)
      .sort((a, b) => this.#df[a] - this.#df[b])
      .slice(0, this.options.probeTerms);
    // candidates: every recent claim holding the rarest term, and recent claims holding two of the
    // other rare terms; counted in stamped arrays so nothing is allocated per claim
    const candidates: number[] = [];
    probes.forEach((t, p) => {
      const list = this.#postings[t];
      for (let i = list.length - 1, n = 0; i >= 0 && n < this.options.maxPostings; i--, n++) {
        const slot = list[i];
        if (this.#seenAt[slot] !== stamp) {
          this.#seenAt[slot] = stamp;
          this.#hits[slot] = 0;
        }
        if (++this.#hits[slot] === 2 || p === 0) candidates.push(slot);
      }
    });
    let best: { score: number; proposition: number } | undefined;
    for (const slot of new Set(candidates)) {
      const score = this.#similarity(stamp, total, entities, places, wordWeight, this.#termPool.subarray(this.#termStart[slot], this.#termStart[slot + 1]));
      if (score >= this.options.threshold && (!best || score > best.score)) best = { score, proposition: this.#proposition[slot] };
    }
    return best?.proposition;
  }

  /** Mean of the overlap coefficient and the cosine of IDF-weighted term sets; 0 when the constraints fail. */
  #similarity(stamp: number, total: number, entities: number, places: number, wordWeight: number, other: Int32Array): number {
    let shared = 0;
    let sharedCount = 0;
    let sharedWords = 0;
    let sharedEntities = 0;
    let otherEntities = 0;
    let sharedPlaces = 0;
    let otherPlaces = 0;
    let otherTotal = 0;
    let sharedWordWeight = 0;
    let otherWordWeight = 0;
    for (const t of other) {
      const w = this.#idf(t);
      otherTotal += w;
      const kind = this.#kind[t];
      if (kind === Kind.Entity || kind === Kind.Place) otherEntities++;
      if (kind === Kind.Place) otherPlaces++;
      else if (kind === Kind.Word) otherWordWeight += w;
      if (this.#queryAt[t] === stamp) {
        shared += w;
        sharedCount++;
        if (kind === Kind.Word) {
          sharedWords++;
          sharedWordWeight += w;
        } else if (kind === Kind.Entity || kind === Kind.Place) sharedEntities++;
        if (kind === Kind.Place) sharedPlaces++;
      }
    }
    if (sharedCount < this.options.minShared || sharedWords < this.options.minSharedWords || !shared) return 0;
    if (entities > 1 && otherEntities > 1 && !sharedEntities) return 0;
    if (places && otherPlaces && !sharedPlaces) return 0;
    // the same participants doing something else is another proposition: most of what is said must match
    if (sharedWordWeight < MIN_WORD_OVERLAP * Math.min(wordWeight, otherWordWeight)) return 0;
    const overlap = shared / Math.min(total, otherTotal);
    const cosine = shared / Math.sqrt(total * otherTotal);
    return (overlap + cosine) / 2;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
