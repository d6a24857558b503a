import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// Links claims that state the same thing into propositions, one claim at a time.
//
// Candidate generation is by inverted index: a new claim looks only at earlier claims that share one
// of its rarest terms (and only at the most recent entries of very long posting lists), so adding a
// claim costs about the same with 1,000 or 1,000,000 claims already linked. Candidates are scored by
// a pair scorer: a logistic layer over IDF-weighted overlap, the rarest shared word, shared entities
// and figures, and agreement of the claims' frames (predicate class, actor), fitted on linking-dev's
// gold and the synthetic corpus (models/README.md); the best candidate at or above the threshold gives
// its proposition, else the claim starts a new one. Frames that conflict never join: claims that name
// places (`p:`) but not the same one, count different things (`q:`), state a deed (`v:`, `u:`) the
// other does not say (unless both share a rare two-word wording, `b:`), or have an actor (`a:`) or a
// named target (`t:`) the other does not name; a proposition any of whose candidate members conflicts
// so is not the claim's. Claims that both name several participants but share none are not compared.
// A claim is linked by other documents' claims only.

export interface LinkerOptions {
  /** Pair probability at or above which a claim joins a proposition (0..1); the shipped weights' threshold by default. */
  threshold?: number;
  /** Shared terms needed at the least, so two short sentences sharing one word do not join. */
  minShared?: number;
  /** Of those, shared plain words (not `e:` entities or `q:` counted things): claims about the same actors must also say the same thing. */
  minSharedWords?: number;
  /** How many of a claim's rarest terms are used to find candidates. */
  probeTerms?: number;
  /**
   * How many of the most recent postings of one term are read: a story's news is recent, and an older
   * report sharing a common term is more often another event (synthetic 10k: precision 0.896 at 200, 0.919 at 128, same recall).
   */
  maxPostings?: number;
}

/** What `#features` returns for two claims whose frames conflict. */
const CONFLICT = new Float64Array(0);

/** A shared two-word wording this rare (its IDF over the most a term can have) says two claims report one statement. */
const RARE_PHRASE = 0.5;

/**
 * How much a proposition's other members above the threshold add to its closest one's score, at most
 * one such score's worth: a claim as close to a lone sentence as to an account several reports share
 * joins the account (linking-dev: 8 → 9 cases linked; synthetic 10k: recall 0.974 → 0.988, precision 0.918 → 0.915).
 */
const OTHER_SUPPORT = 0.1;

const DEFAULTS: Required<LinkerOptions> = { threshold: 0.5, minShared: 2, minSharedWords: 1, probeTerms: 8, maxPostings: 128 };

const enum Kind {
  Word = 0,
  Entity = 1,
  Counted = 2,
  Place = 3,
  Figure = 4,
  Predicate = 5,
  Actor = 6,
  Phrase = 7,
  Theme = 8,
}

/** What the pair scorer weighs, in the order of the weights in `models/linking.json`. */
export const PAIR_FEATURES = [
  "cosine", "overlap", "word overlap", "rarest shared word", "shared entities",
  "shared figure", "same predicate class", "predicate unsaid", "same actor", "different actor",
] as const;

export interface PairWeights {
  bias: number;
  weights: number[];
  threshold: number;
}

/** The fitted weights shipped in `models/linking.json` (`npm run train:linking`). */
export function shippedPairWeights(): PairWeights {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../models/linking.json"), "utf8")) as PairWeights & { features: string[] };
  if (file.features.join("|") !== PAIR_FEATURES.join("|")) throw new Error(`models/linking.json weighs ${file.features.join(", ")}, not the linker's ${PAIR_FEATURES.join(", ")}: run npm run train:linking`);
  return file;
}

export class Linker {
  readonly options: Required<LinkerOptions>;
  #termIds = new Map<string, number>();
  #df: number[] = [];
  #kind: Kind[] = [];
  /** For a `v:` or `u:` term, the id of the plain word term it names (its predicate said as a word); -1 for others. */
  #predicateWord: number[] = [];
  /** For an `a:` or `t:` term, the id of the `e:` term of the same name (the actor or target named as a participant); -1 for others. */
  #entityOf: number[] = [];
  /** For a `t:` term, the id of the `p:` term of the same name (a target that is a place); -1 for others. */
  #placeOf: number[] = [];
  /** Whether a predicate term is a near-synonym class (`v:`) rather than a lone lemma (`u:`). */
  #predicateClassed: boolean[] = [];
  #postings: number[][] = [];
  // claims in flat arrays (a million small objects would cost several hundred MB): claim `slot` has
  // proposition #proposition[slot] and terms #termPool[#termStart[slot] .. #termStart[slot + 1])
  #count = 0;
  #proposition = new Int32Array(1024);
  #termStart = new Int32Array(1025);
  #termPool = new Int32Array(8192);
  #propositions = 0;
  /** Each claim's document, as a number (-1: not given): a claim is linked by what other documents say. */
  #doc = new Int32Array(1024);
  #docIds = new Map<string, number>();
  // per-call scratch, stamped so nothing is cleared between calls
  #stamp = 0;
  #seenAt = new Int32Array(1024);
  #hits = new Int32Array(1024);
  #idfAt = new Int32Array(1024);
  #queryAt = new Int32Array(1024);
  #idfValue = new Float64Array(1024);

  #weights: PairWeights;

  /** `weights` default to the shipped ones, and `options.threshold` to theirs. */
  constructor(options: LinkerOptions = {}, weights: PairWeights = shippedPairWeights()) {
    for (const [k, v] of Object.entries(options))
      if (typeof v !== "number" || !(v >= 0)) throw new RangeError(`Linker option ${k} must be a non-negative number, not ${v}`);
    if (weights.weights.length !== PAIR_FEATURES.length) throw new RangeError(`Linker weights must be ${PAIR_FEATURES.length} (${PAIR_FEATURES.join(", ")}), not ${weights.weights.length}`);
    this.#weights = weights;
    this.options = { ...DEFAULTS, threshold: weights.threshold, ...options };
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
  add(terms: readonly string[], proposition?: number, doc?: string): number {
    const ids = Int32Array.from(new Set(terms.map((t) => this.#termId(t))));
    const docId = doc === undefined ? -1 : this.#docId(doc);
    const prop = proposition ?? this.#best(ids, docId) ?? this.#propositions;
    this.#propositions = Math.max(this.#propositions, prop + 1);
    const slot = this.#count++;
    if (slot >= this.#proposition.length) {
      this.#proposition = grow(this.#proposition);
      this.#termStart = grow(this.#termStart);
      this.#seenAt = grow(this.#seenAt);
      this.#hits = grow(this.#hits);
      this.#doc = grow(this.#doc);
    }
    this.#doc[slot] = docId;
    const start = this.#termStart[slot];
    while (start + ids.length > this.#termPool.length) this.#termPool = grow(this.#termPool);
    this.#termPool.set(ids, start);
    this.#termStart[slot + 1] = start + ids.length;
    this.#proposition[slot] = prop;
    for (const t of ids) {
      this.#df[t]++;
      // a wording is weighed between candidates, never used to find them: no posting list to keep
      if (this.#kind[t] !== Kind.Phrase) this.#postings[t].push(slot);
    }
    return prop;
  }

  #docId(doc: string): number {
    let id = this.#docIds.get(doc);
    if (id === undefined) this.#docIds.set(doc, (id = this.#docIds.size));
    return id;
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#df.length;
      this.#termIds.set(term, id);
      this.#df.push(0);
      this.#kind.push(kindOf(term));
      this.#predicateWord.push(-1);
      this.#predicateClassed.push(term.startsWith("v:"));
      this.#entityOf.push(-1);
      this.#placeOf.push(-1);
      this.#postings.push([]);
      if (id >= this.#idfAt.length) {
        this.#idfAt = grow(this.#idfAt);
        this.#queryAt = grow(this.#queryAt);
        const values = new Float64Array(this.#idfAt.length);
        values.set(this.#idfValue);
        this.#idfValue = values;
      }
      if (this.#kind[id] === Kind.Predicate) this.#predicateWord[id] = this.#termId(term.slice(2));
      if (this.#kind[id] === Kind.Actor || this.#kind[id] === Kind.Theme) this.#entityOf[id] = this.#termId(`e:${term.slice(2)}`);
      if (this.#kind[id] === Kind.Theme) this.#placeOf[id] = this.#termId(`p:${term.slice(2)}`);
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
  #best(terms: Int32Array, doc: number): number | undefined {
    if (!this.#count || !terms.length) return undefined;
    const { stamp, q } = this.#stampQuery(terms);
    const probes = Array.from(terms)
      .filter((t) => this.#df[t] > 0 && this.#kind[t] !== Kind.Phrase)
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
        // each once: the rarest term's postings at once (counted past 2, so never again), the others' at their second hit
        if (p === 0) {
          this.#hits[slot] = 3;
          candidates.push(slot);
        } else if (++this.#hits[slot] === 2) candidates.push(slot);
      }
    });
    // a proposition is as close as its closest member (adding up its members' evidence would count a
    // wire story's copies several times), unless any member's frame conflicts with the claim's; among
    // propositions that close, other close members tip the choice (`OTHER_SUPPORT`)
    const closest = new Map<number, number>();
    const vetoed = new Set<number>();
    const support = new Map<number, number>();
    for (const slot of candidates) {
      // another sentence of the same article is another statement of it, not a second report of one
      if (doc >= 0 && this.#doc[slot] === doc) continue;
      const prop = this.#proposition[slot];
      // one conflicting member is enough to keep the claim out: the others need no scoring
      if (vetoed.has(prop)) continue;
      const score = this.#similarity(stamp, q, this.#termPool.subarray(this.#termStart[slot], this.#termStart[slot + 1]));
      // a proposition one of whose members conflicts with the claim's frame is not the claim's, however close another member
      if (score < 0) vetoed.add(prop);
      if (score <= 0) continue;
      closest.set(prop, Math.max(closest.get(prop) ?? 0, score));
      if (score >= this.options.threshold) support.set(prop, (support.get(prop) ?? 0) + score);
    }
    let best: { score: number; proposition: number } | undefined;
    for (const [proposition, top] of closest) {
      if (vetoed.has(proposition)) continue;
      const score = top >= this.options.threshold ? top + OTHER_SUPPORT * Math.min(1, (support.get(proposition) ?? 0) - top) : top;
      if (score >= this.options.threshold && (!best || score > best.score || (score === best.score && proposition < best.proposition))) best = { score, proposition };
    }
    return best?.proposition;
  }

  /**
   * The pair's features (`PAIR_FEATURES`) against the stamped query, or undefined when a hard
   * constraint keeps the two apart: too few shared terms, participants or places that differ, or
   * figures of different counted things.
   */
  #features(stamp: number, q: QueryTotals, other: Int32Array): Float64Array | undefined {
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
    let rarest = 0;
    let sharedFigures = 0;
    let otherCounted = 0;
    let sharedCounted = 0;
    let otherPredicates = 0;
    let sharedPredicates = 0;
    let otherActors = 0;
    let sharedActors = 0;
    let otherPredicateWord = -1;
    let otherClassed = false;
    let otherActorEntity = -1;
    let namesMyActor = false;
    let saysMine = false;
    let sharedPhrase = 0;
    let sharesMyPredicateWord = false;
    let otherThemes = 0;
    let sharedThemes = 0;
    let namesOtherTheme = false;
    let namesMyTheme = false;
    for (const t of other) {
      const kind = this.#kind[t];
      const mine = this.#queryAt[t] === stamp;
      if (kind === Kind.Phrase) {
        if (mine) sharedPhrase = Math.max(sharedPhrase, this.#idf(t));
        continue;
      }
      if (kind === Kind.Theme) {
        otherThemes++;
        if (mine) sharedThemes++;
        else if (this.#queryAt[this.#entityOf[t]] === stamp || this.#queryAt[this.#placeOf[t]] === stamp) namesOtherTheme = true;
        continue;
      }
      if (t === q.themeEntity || t === q.themePlace) namesMyTheme = true;
      const w = this.#idf(t);
      otherTotal += w;
      if (t === q.predicateWord) saysMine = true;
      if (t === q.actorEntity) namesMyActor = true;
      if (mine) {
        shared += w;
        sharedCount++;
      }
      switch (kind) {
        case Kind.Word:
          otherWordWeight += w;
          if (mine) {
            sharedWords++;
            sharedWordWeight += w;
            if (w > rarest) rarest = w;
            if (t === q.predicateWord) sharesMyPredicateWord = true;
          }
          break;
        case Kind.Place:
          otherPlaces++;
          otherEntities++;
          if (mine) {
            sharedPlaces++;
            sharedEntities++;
          }
          break;
        case Kind.Entity:
          otherEntities++;
          if (mine) sharedEntities++;
          break;
        case Kind.Counted:
          otherCounted++;
          if (mine) sharedCounted++;
          break;
        case Kind.Figure:
          if (mine) sharedFigures++;
          break;
        case Kind.Predicate:
          otherPredicates++;
          if (mine) sharedPredicates++;
          otherPredicateWord = this.#predicateWord[t];
          otherClassed = this.#predicateClassed[t];
          break;
        case Kind.Actor:
          otherActors++;
          if (mine) sharedActors++;
          otherActorEntity = this.#entityOf[t];
          break;
      }
    }
    // frames that conflict: another place, figures of different things ("troops" and "tanks")
    if (q.places && otherPlaces && !sharedPlaces) return CONFLICT;
    if (q.counted && otherCounted && !sharedCounted) return CONFLICT;
    // a deed neither claim says of the other ("seized" and "evacuated") is another proposition
    // (two of one class say the same deed: "shipped" and "deployed" are both "send", though neither says "send")
    const predicateUnsaid = !sharedPredicates && q.predicateWord >= 0 && otherPredicateWord >= 0 && !saysMine && this.#queryAt[otherPredicateWord] !== stamp;
    // unless both say it in the same rare words ("extremely careless"): then the predicates are two readings of one statement
    const samePhrase = sharedPhrase / Math.log(this.#count + 2) >= RARE_PHRASE;
    if (predicateUnsaid && !samePhrase) return CONFLICT;
    // so is one done by someone else, unless each names the other's actor among its participants
    if (q.actors && otherActors && !sharedActors && !namesMyActor && this.#queryAt[otherActorEntity] !== stamp) return CONFLICT;
    // and so is one done to another named target ("the Dragar airfield", "the Vintor checkpoint")
    if (q.themes && otherThemes && !sharedThemes && !namesMyTheme && !namesOtherTheme) return CONFLICT;
    // too little in common to be compared; a shared predicate that is also a shared word is one thing in
    // common, not two ("was already skeptical of" and "said he was skeptical of" share nothing else)
    const distinctShared = sharedCount - (sharedPredicates && sharesMyPredicateWord ? 1 : 0);
    if (distinctShared < this.options.minShared || (sharedWords < this.options.minSharedWords && !samePhrase) || !shared) return undefined;
    if (q.entities > 1 && otherEntities > 1 && !sharedEntities) return undefined;

    const f = new Float64Array(PAIR_FEATURES.length);
    f[0] = shared / Math.sqrt(q.total * otherTotal);
    f[1] = shared / Math.min(q.total, otherTotal);
    f[2] = q.wordWeight && otherWordWeight ? sharedWordWeight / Math.min(q.wordWeight, otherWordWeight) : 0;
    f[3] = rarest / Math.log(this.#count + 2);
    f[4] = Math.min(sharedEntities, 3) / 3;
    f[5] = sharedFigures ? 1 : 0;
    f[6] = sharedPredicates ? 1 : 0;
    // what one says happened is said in neither the other's predicate nor its words (a conflict by now, so 0)
    f[7] = predicateUnsaid ? 1 : 0;
    f[8] = sharedActors ? 1 : 0;
    f[9] = q.actors && otherActors && !sharedActors ? 1 : 0;
    return f;
  }

  /** The probability that the pair states one thing, by the fitted weights; 0 when they have too little in common, -1 when their frames conflict. */
  #similarity(stamp: number, q: QueryTotals, other: Int32Array): number {
    const f = this.#features(stamp, q, other);
    if (f === CONFLICT) return -1;
    if (!f) return 0;
    let z = this.#weights.bias;
    for (let i = 0; i < f.length; i++) z += this.#weights.weights[i] * f[i];
    return 1 / (1 + Math.exp(-z));
  }

  /** The totals of a query's terms that its comparisons need, with its terms stamped. */
  #stampQuery(terms: Int32Array): { stamp: number; q: QueryTotals } {
    const stamp = ++this.#stamp;
    const q: QueryTotals = { total: 0, entities: 0, places: 0, wordWeight: 0, counted: 0, predicates: 0, actors: 0, predicateWord: -1, predicateClassed: false, actorEntity: -1, themes: 0, themeEntity: -1, themePlace: -1 };
    for (const t of terms) {
      this.#queryAt[t] = stamp;
      const kind = this.#kind[t];
      if (kind === Kind.Phrase) continue;
      if (kind === Kind.Theme) {
        q.themes++;
        q.themeEntity = this.#entityOf[t];
        q.themePlace = this.#placeOf[t];
        continue;
      }
      const w = this.#idf(t);
      q.total += w;
      if (kind === Kind.Entity || kind === Kind.Place) q.entities++;
      if (kind === Kind.Place) q.places++;
      else if (kind === Kind.Word) q.wordWeight += w;
      else if (kind === Kind.Counted) q.counted++;
      else if (kind === Kind.Predicate) {
        q.predicates++;
        q.predicateWord = this.#predicateWord[t];
        q.predicateClassed = this.#predicateClassed[t];
      } else if (kind === Kind.Actor) {
        q.actors++;
        q.actorEntity = this.#entityOf[t];
      }
    }
    return { stamp, q };
  }

  /** The features of two claims' terms against what is linked so far (for fitting the weights); undefined when a constraint keeps them apart. */
  pairFeatures(a: readonly string[], b: readonly string[]): Float64Array | undefined {
    const ids = (terms: readonly string[]) => Int32Array.from(new Set(terms.map((t) => this.#termId(t))));
    const first = ids(a);
    const second = ids(b);
    const { stamp, q } = this.#stampQuery(first);
    const f = this.#features(stamp, q, second);
    return f === CONFLICT ? undefined : f;
  }
}

interface QueryTotals {
  total: number;
  entities: number;
  places: number;
  wordWeight: number;
  counted: number;
  predicates: number;
  actors: number;
  /** The word term of the query's predicate, -1 when it has none. */
  predicateWord: number;
  predicateClassed: boolean;
  /** The `e:` term of the query's actor, -1 when it has none. */
  actorEntity: number;
  themes: number;
  /** The `e:` and `p:` terms of the query's named target, -1 when it has none. */
  themeEntity: number;
  themePlace: number;
}

const KIND_OF_PREFIX: Record<string, Kind> = { e: Kind.Entity, p: Kind.Place, q: Kind.Counted, n: Kind.Figure, v: Kind.Predicate, u: Kind.Predicate, a: Kind.Actor, b: Kind.Phrase, t: Kind.Theme };
const kindOf = (term: string): Kind => (term[1] === ":" ? (KIND_OF_PREFIX[term[0]] ?? Kind.Word) : Kind.Word);

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
