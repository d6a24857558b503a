// Links claims that state the same thing into propositions, one claim at a time.
//
// Candidate generation is by inverted index: a new claim looks only at earlier claims that share one
// of its rarest terms (and only at the most recent entries of very long posting lists), so adding a
// claim costs about the same with 1,000 or 1,000,000 claims already linked. Candidates are scored by
// IDF-weighted term overlap; the best one above the threshold gives its proposition, else the claim
// starts a new one.

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

interface LinkedClaim {
  id: number;
  terms: Int32Array;
  proposition: number;
}

const DEFAULTS: Required<LinkerOptions> = { threshold: 0.5, minShared: 2, minSharedWords: 1, probeTerms: 6, maxPostings: 400 };

export class Linker {
  readonly options: Required<LinkerOptions>;
  #termIds = new Map<string, number>();
  #df: number[] = [];
  /** Whether each term is a plain word rather than an `e:` or `q:` term. */
  #isWord: boolean[] = [];
  #postings: number[][] = [];
  #claims: LinkedClaim[] = [];
  #propositions = 0;

  constructor(options: LinkerOptions = {}) {
    for (const [k, v] of Object.entries(options))
      if (typeof v !== "number" || !(v >= 0)) throw new RangeError(`Linker option ${k} must be a non-negative number, not ${v}`);
    this.options = { ...DEFAULTS, ...options };
  }

  get claimCount(): number {
    return this.#claims.length;
  }

  get propositionCount(): number {
    return this.#propositions;
  }

  /**
   * Links one claim and returns its proposition number. With `proposition` given (a claim linked in an
   * earlier run, loaded from the store) it is registered there without being compared.
   */
  add(id: number, terms: readonly string[], proposition?: number): number {
    const ids = Int32Array.from(new Set(terms.map((t) => this.#termId(t))));
    const prop = proposition ?? this.#best(ids) ?? this.#propositions;
    this.#propositions = Math.max(this.#propositions, prop + 1);
    const slot = this.#claims.length;
    this.#claims.push({ id, terms: ids, proposition: prop });
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
      this.#isWord.push(!term.includes(":"));
      this.#postings.push([]);
    }
    return id;
  }

  #idf(term: number): number {
    return Math.log((this.#claims.length + 2) / (this.#df[term] + 1));
  }

  /** The proposition of the most similar earlier claim, if similar enough. */
  #best(terms: Int32Array): number | undefined {
    if (!this.#claims.length || !terms.length) return undefined;
    const weight = new Map<number, number>();
    let total = 0;
    for (const t of terms) {
      const w = this.#idf(t);
      weight.set(t, w);
      total += w;
    }
    const probes = [...terms].filter((t) => this.#df[t] > 0).sort((a, b) => this.#df[a] - this.#df[b]).slice(0, this.options.probeTerms);
    const seen = new Set<number>();
    let best: { score: number; proposition: number } | undefined;
    for (const t of probes) {
      const list = this.#postings[t];
      for (let i = list.length - 1, n = 0; i >= 0 && n < this.options.maxPostings; i--, n++) {
        const slot = list[i];
        if (seen.has(slot)) continue;
        seen.add(slot);
        const score = this.#similarity(weight, total, this.#claims[slot].terms);
        if (score >= this.options.threshold && (!best || score > best.score)) best = { score, proposition: this.#claims[slot].proposition };
      }
    }
    return best?.proposition;
  }

  /** Mean of the overlap coefficient and the cosine of IDF-weighted term sets. */
  #similarity(weight: Map<number, number>, total: number, other: Int32Array): number {
    let shared = 0;
    let sharedCount = 0;
    let sharedWords = 0;
    let otherTotal = 0;
    for (const t of other) {
      const w = weight.get(t);
      const idf = w ?? this.#idf(t);
      otherTotal += idf;
      if (w !== undefined) {
        shared += w;
        sharedCount++;
        if (this.#isWord[t]) sharedWords++;
      }
    }
    if (sharedCount < this.options.minShared || sharedWords < this.options.minSharedWords || !shared) return 0;
    const overlap = shared / Math.min(total, otherTotal);
    const cosine = shared / Math.sqrt(total * otherTotal);
    return (overlap + cosine) / 2;
  }
}
