import type { ClaimRecord } from "../extract/claims.ts";
import { SourceNames, sourceKey } from "./names.ts";
import { countedKey } from "./terms.ts";
import { SourceTally, type SourceEvent } from "./source-tally.ts";
import { byDateThenDoc } from "./order.ts";

export { sourceKey } from "./names.ts";

// The story view: propositions with everyone who asserted, hedged or denied them, the numbers each
// source gave and when, how many independent origins stand behind each, and who cites whom.
// Pure functions over linked claims; `docs/story-schema.md` documents the JSON.

export type Stance = "supports" | "hedges" | "denies";
export type PropositionStatus = "agreed" | "disputed" | "single-source";

import type { LinkedRecord } from "../store/types.ts";
export type { LinkedRecord } from "../store/types.ts";

export interface StoryClaim extends ClaimRecord {
  outlet?: string;
  origin: string;
  stance: Stance;
  echoOf?: string;
}

export interface QuantityValue {
  min: number;
  max: number;
  /** "up to" (upper) or "at least" (lower), as the source gave it. */
  bound?: "upper" | "lower";
  approximate?: boolean;
  source: string;
  doc: string;
  date?: string;
}

export interface QuantitySeries {
  of: string;
  values: QuantityValue[];
}

export interface Proposition {
  id: number;
  summary: string;
  status: PropositionStatus;
  independentSources: number;
  origins: string[];
  firstSeen?: string;
  claims: StoryClaim[];
  quantities: QuantitySeries[];
}

export interface SourceSummary {
  name: string;
  claims: number;
  certainty: Record<string, number>;
  typicalCertainty: string;
  cites: string[];
  citedBy: string[];
  firstSeen?: string;
  documents: string[];
}

export interface Story {
  propositions: Proposition[];
  sources: SourceSummary[];
}

/**
 * How a claim stands to what it states. A denial counts when it denies the frame's predicate (negated,
 * or said with a denying cue); "X was careless but did not warrant charges" asserts what it states.
 */
const stanceOf = (r: ClaimRecord): Stance =>
  r.certainty === "denied" ? (r.frame?.predicate && !r.frame.negated ? "supports" : "denies") : r.certainty === "asserted" || r.certainty === "predicted" ? "supports" : "hedges";

/** Who speaks in a claim: its attributed source, else the outlet that published it in its own voice. */
const speaker = (l: LinkedRecord, names: SourceNames): string =>
  l.record.source ? names.canonical(l.record.source, l.record.doc, l.record.index) : (l.outlet ?? l.record.doc);

/** Where a claim comes from once citation chains and wire credits are followed. */
const originOf = (l: LinkedRecord, names: SourceNames): string => {
  const first = l.record.chain[0]?.source;
  return first ? names.canonical(first, l.record.doc, l.record.index) : (l.wire ?? l.outlet ?? l.record.doc);
};

// Who publishes in their own voice as a primary source: a ministry's press release is the ministry
// speaking; a newspaper's unattributed sentence relays what others said or did.
const BODY = /\b(?:ministry|ministries|department|office|government|police|embassy|consulate|presidency|parliament|senate|congress|council|commission|committee|court|army|military|navy|campaign|party|secretariat|directorate|authority|administration|kremlin|pentagon|white house)\b/i;
const MEDIA = /\b(?:press|news|times|post|herald|courier|radio|tv|television|today|review|journal|daily|gazette|tribune|magazine|wire|media|channel|blog|reuters|associated)\b/i;

/** Whether a publisher is a body stating its own facts rather than an outlet reporting others'. */
const speaksForItself = (publisher: string | undefined): boolean => !!publisher && BODY.test(publisher) && !MEDIA.test(publisher);

/**
 * Papers that speak with no named author behind them: "leaked documents from his 1995 tax return show",
 * "records show". They are what an outlet reports on, not a party of their own; "Pentagon documents"
 * name theirs. (A video is another matter: what it shows is evidence of its own, as a witness's account is.)
 */
const PAPERS = /\b(?:documents?|records?|papers|files|filings|emails?|returns)\b/i;
const ownerlessPapers = (source: string, entities: readonly string[]): boolean =>
  PAPERS.test(source) && !/[A-Z]/.test(source.slice(1)) && !entities.some((e) => source.toLowerCase().includes(e.toLowerCase()));

/** A source left a pronoun ("They say the Democrats already tried…" with no one named before): no party anyone can count. */
const UNRESOLVED = /^(?:he|she|they|it|we|i|you|this|that|these|those)$/i;

/** Whether a claim is an outlet's own report: it names no source, or only papers with no author, and its publisher is press. */
const relays = (l: LinkedRecord): boolean => {
  const first = l.record.chain[0]?.source;
  return (!first || ownerlessPapers(first, l.record.entities)) && !speaksForItself(l.wire ?? l.outlet);
};

type Quantity = ClaimRecord["quantities"][number];
/** What of a figure says which values it allows. */
type Bounds = Pick<Quantity, "min" | "max" | "bound" | "approximate">;

/** The interval a value stands for: bounds open one side, round figures get a little slack. */
function interval(q: Bounds): [number, number] {
  const slack = q.approximate ? 0.1 : 0;
  const lo = q.bound === "upper" ? 0 : q.min * (1 - slack);
  const hi = q.bound === "lower" ? Infinity : q.max * (1 + slack);
  return [lo, hi];
}

/**
 * A sentence that sets another account against what it reports: "contradicting the police's earlier
 * claim that…", "…shows his hands in the air, but Shelby said he refused". The writer reports a
 * dispute even when every member of the proposition asserts ("disputed" as a verb only: "the disputed
 * region" reports no one's account).
 */
const COUNTER_ACCOUNT = /\b(?:contradict(?:s|ed|ing)?|refut(?:es|ed|ing)|disput(?:es|ing)|disputed (?:that|the|a|an|his|her|its|their)|at odds with)\b|,\s+but\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:said|says|insisted|insists|maintained|maintains|countered|counters|denied|denies)\b/u;

const countedOf = (q: Quantity): string => (q.kind === "percent" ? "percent" : countedKey(q.of));

/** One value per source, figure and date: copies of a wire story repeat its numbers, they do not add to them. */
const dedupeKey = (v: QuantityValue): string => `${sourceKey(v.source)}|${v.min}|${v.max}|${v.date ?? ""}`;

/** One figure of a claim as the story gives it: the value, its bound, who gave it, where and when. */
export const quantityValue = (c: StoryClaim, q: Quantity): QuantityValue => ({
  min: q.min,
  max: q.max,
  ...(q.bound ? { bound: q.bound } : {}),
  ...(q.approximate ? { approximate: true } : {}),
  source: c.source ?? c.origin,
  doc: c.doc,
  ...(c.date ? { date: c.date } : {}),
});

/** A linked claim as the story shows it: where it comes from once chains and credits are followed, and how it stands. */
const storyClaim = (l: LinkedRecord, names: SourceNames): StoryClaim => ({
  ...l.record,
  ...(l.outlet ? { outlet: l.outlet } : {}),
  ...(l.echoOf ? { echoOf: l.echoOf } : {}),
  origin: originOf(l, names),
  stance: stanceOf(l.record),
});

// ── A proposition, one claim at a time ──
// Each figure of a proposition is a count, an "any", or the first or last of something in the story's
// order of its claims, so it can be kept as claims arrive, in any order: a stored summary takes in a
// new member without reading the others again (summaries.ts), and the whole story folds each
// proposition's members the same way.

/** A claim's place in the story's order: its date ("" undated, first), its document, its sentence. */
type Place = [date: string, doc: string, index: number];

const placeOf = (c: { date?: string; doc: string; index: number }): Place => [c.date ?? "", c.doc, c.index];

/** Date, then document, in the story's order (order.ts), as the store hands members over. */
const byDocument = (a: Place, b: Place): number => byDateThenDoc(a[0], a[1], b[0], b[1]);

/** The story's order of claims: by date and document, then by sentence (members arrive in that order, and the sort was stable). */
const byPlace = (a: { at: Place }, b: { at: Place }): number => byDocument(a.at, b.at) || a.at[2] - b.at[2];

/** A figure of a claim at its place; `q` is its position among the claim's figures. */
interface Figure {
  at: Place;
  q: number;
}

const byFigure = (a: Figure, b: Figure): number => byPlace(a, b) || a.q - b.q;

/** The latest figure of one origin for one counted thing. */
interface Latest extends Figure {
  bounds: Bounds;
}

interface SeriesValue extends Figure {
  value: QuantityValue;
}

/** One counted thing's values, by dedupe key, and the figure that named it first (whose `of` the series shows). */
interface Counted extends Figure {
  of: string;
  values: Map<string, SeriesValue>;
}

/** A PropositionFold as JSON: what it keeps, each map as its entries. */
export interface FoldState {
  claims: number;
  /** The earliest claim: its sentence is the summary when no claim supports, its date the first seen. */
  first?: { at: Place; sentence: string };
  /** The earliest claim that supports. */
  lead?: { at: Place; sentence: string };
  /** The earliest claim that does not deny. */
  stated?: { at: Place; origin: string };
  /** Origin key → the earliest claim of that origin that names it (states it and does not merely relay it). */
  named: [string, { at: Place; origin: string }][];
  /** The predicates (class, else lemma; "" for none) that claims deny, and those that the others state. */
  denied?: string[];
  asserted?: string[];
  /** Whether any claim denies: a state stored before `denied` was kept, read as a denial of anything stated. */
  denies?: boolean;
  counterAccount: boolean;
  /** Counted key → origin key → the latest figure not denied. */
  latest: [string, [string, Latest][]][];
  /** Counted key → its series. */
  series: [string, Omit<Counted, "values"> & { values: [string, SeriesValue][] }][];
  /** Values whose counted thing went unsaid, by dedupe key. */
  unnamed: [string, SeriesValue][];
}

/** Keeps under `key` whichever of the kept and the offered comes first by `order`. */
function keepFirst<T>(map: Map<string, T>, key: string, offered: T, order: (a: T, b: T) => number): void {
  const kept = map.get(key);
  if (kept === undefined || order(offered, kept) < 0) map.set(key, offered);
}

const earlier = <T extends { at: Place }>(kept: T | undefined, offered: T): T => (kept && byPlace(kept, offered) < 0 ? kept : offered);

/**
 * A proposition's figures kept as its claims are added one at a time, in any order: each first or
 * last by the story's order of claims (`byPlace`), so that any order of adding gives the same
 * proposition. `state()` is JSON to store, from which a new fold goes on.
 */
export class PropositionFold {
  #claims = 0;
  #first?: FoldState["first"];
  #lead?: FoldState["lead"];
  #stated?: FoldState["stated"];
  #named = new Map<string, { at: Place; origin: string }>();
  #denied = new Set<string>();
  #asserted = new Set<string>();
  #counterAccount = false;
  #latest = new Map<string, Map<string, Latest>>();
  #series = new Map<string, Counted>();
  #unnamed = new Map<string, SeriesValue>();

  constructor(state?: FoldState) {
    if (!state) return;
    this.#claims = state.claims;
    this.#first = state.first;
    this.#lead = state.lead;
    this.#stated = state.stated;
    this.#named = new Map(state.named);
    this.#denied = new Set(state.denied ?? (state.denies ? [""] : []));
    this.#asserted = new Set(state.asserted ?? []);
    this.#counterAccount = state.counterAccount;
    this.#latest = new Map(state.latest.map(([counted, byOrigin]) => [counted, new Map(byOrigin)]));
    this.#series = new Map(state.series.map(([counted, s]) => [counted, { ...s, values: new Map(s.values) }]));
    this.#unnamed = new Map(state.unnamed);
  }

  get claimCount(): number {
    return this.#claims;
  }

  /** Takes in one member; returns it as the story shows it. */
  add(member: LinkedRecord, names: SourceNames): StoryClaim {
    const c = storyClaim(member, names);
    const at = placeOf(c);
    this.#claims++;
    this.#first = earlier(this.#first, { at, sentence: c.sentence });
    if (c.stance === "supports") this.#lead = earlier(this.#lead, { at, sentence: c.sentence });
    if (c.stance === "denies") this.#denied.add(predicateKey(c));
    else {
      // "So why didn't Donald Trump pay his?" states the negative a denial does: nothing to dispute
      if (!c.frame?.negated && c.certainty !== "denied") this.#asserted.add(predicateKey(c));
      this.#stated = earlier(this.#stated, { at, origin: c.origin });
      if (!relays(member) && !UNRESOLVED.test(c.origin)) keepFirst(this.#named, sourceKey(c.origin), { at, origin: c.origin }, byPlace);
    }
    if (COUNTER_ACCOUNT.test(c.sentence)) this.#counterAccount = true;
    c.quantities.forEach((q, i) => this.#addFigure(c, q, { at, q: i }));
    return c;
  }

  #addFigure(c: StoryClaim, q: Quantity, figure: Figure): void {
    const counted = countedOf(q);
    if (c.stance !== "denies") {
      if (!this.#latest.has(counted)) this.#latest.set(counted, new Map());
      const { min, max, bound, approximate } = q;
      // the latest is the first in the reverse order
      keepFirst(this.#latest.get(counted)!, sourceKey(c.origin), { ...figure, bounds: { min, max, bound, approximate } }, (a, b) => byFigure(b, a));
    }
    const value: SeriesValue = { ...figure, value: quantityValue(c, q) };
    if (!counted) return keepFirst(this.#unnamed, dedupeKey(value.value), value, byFigure);
    const series = this.#series.get(counted);
    if (!series) this.#series.set(counted, { ...figure, of: q.of, values: new Map([[dedupeKey(value.value), value]]) });
    else {
      if (byFigure(figure, series) < 0) Object.assign(series, { at: figure.at, q: figure.q, of: q.of });
      keepFirst(series.values, dedupeKey(value.value), value, byFigure);
    }
  }

  /** The proposition as the claims added so far make it, without its claims. */
  proposition(id: number): Omit<Proposition, "claims"> {
    if (!this.#first) throw new Error(`proposition ${id} has no claims`);
    const origins = this.#origins();
    return {
      id,
      summary: (this.#lead ?? this.#first).sentence,
      status: this.#status(origins.length),
      independentSources: origins.length,
      origins,
      ...(this.#first.at[0] ? { firstSeen: this.#first.at[0] } : {}),
      quantities: this.#quantities(),
    };
  }

  // Independent origins are the parties the statements trace back to. An outlet's unattributed report
  // relays them and adds none; only when nobody is named do the outlets' reports stand for the origin,
  // counted once: five papers reporting an election result in their own words is one result reported.
  #origins(): string[] {
    if (this.#named.size) return [...this.#named.values()].sort(byPlace).map((n) => n.origin);
    return this.#stated ? [this.#stated.origin] : [];
  }

  #status(independent: number): PropositionStatus {
    // a denial disputes whatever else is said of the proposition, asserted or hedged
    if (this.#deniesWhatIsStated() || this.#counterAccount || this.#numbersConflict()) return "disputed";
    return independent >= 2 ? "agreed" : "single-source";
  }

  /**
   * Whether a claim denies what another states: the same predicate ("KCNA denies sending troops" against
   * "North Korea has sent troops"), not a negative the proposition merely holds ("noted that Trump has
   * not paid anything in federal income taxes" beside "not paying taxes makes me smart"). A denial with
   * no predicate, or a statement with none, may be of anything.
   */
  #deniesWhatIsStated(): boolean {
    if (!this.#stated) return false;
    for (const key of this.#denied) if (key === "" || this.#asserted.has(key)) return true;
    return false;
  }

  /** Whether the latest values of different origins for one counted thing cannot all be true. */
  #numbersConflict(): boolean {
    for (const byOrigin of this.#latest.values()) {
      const values = [...byOrigin.values()].map((l) => interval(l.bounds));
      for (let i = 0; i < values.length; i++)
        for (let j = i + 1; j < values.length; j++) if (values[i][1] < values[j][0] || values[j][1] < values[i][0]) return true;
    }
    return false;
  }

  /** One series per counted thing, in the order each was first counted, each value once, by date. */
  #quantities(): QuantitySeries[] {
    const counted = [...this.#series.values()].sort(byFigure);
    const series = counted.map((s) => ({ of: s.of, values: [...s.values.values()].sort(byFigure) }));
    if (this.#unnamed.size) {
      // a number whose counted thing went unsaid ("the ministry says 38") counts what the others count,
      // after their own values, and not again when they have it
      const unnamed = [...this.#unnamed].filter(([key]) => counted.length !== 1 || !counted[0].values.has(key)).map(([, v]) => v).sort(byFigure);
      if (counted.length === 1) series[0].values.push(...unnamed);
      else series.push({ of: "", values: unnamed });
    }
    // by date and document, the order above kept within one (a stable sort)
    return series.map((s) => ({ of: s.of, values: s.values.sort((a, b) => byDocument(a.at, b.at)).map((v) => v.value) }));
  }

  /** What to store, and to go on from with `new PropositionFold(state)`. */
  state(): FoldState {
    return {
      claims: this.#claims,
      first: this.#first,
      lead: this.#lead,
      stated: this.#stated,
      named: [...this.#named],
      denied: [...this.#denied],
      asserted: [...this.#asserted],
      counterAccount: this.#counterAccount,
      latest: [...this.#latest].map(([counted, byOrigin]) => [counted, [...byOrigin]]),
      series: [...this.#series].map(([counted, s]) => [counted, { ...s, values: [...s.values] }]),
      unnamed: [...this.#unnamed],
    };
  }
}

/** What a claim states, for telling a denial of it: its predicate's class, else its lemma ("" when it has none). */
const predicateKey = (c: StoryClaim): string => c.frame?.predicateClass ?? c.frame?.predicate ?? "";

/** A proposition made from all its members at once: the fold of them, and its claims in the story's order. */
function proposition(id: number, members: LinkedRecord[], names: SourceNames): Proposition {
  const fold = new PropositionFold();
  const claims = members.map((l) => ({ at: placeOf(l.record), claim: fold.add(l, names) })).sort(byPlace);
  const { quantities, ...rest } = fold.proposition(id);
  return { ...rest, claims: claims.map((c) => c.claim), quantities };
}

/** What a claim says about sources, its names resolved: the sources view tallies these (source-tally.ts). */
export const sourceEvent = (l: LinkedRecord, names: SourceNames): SourceEvent => ({
  speaker: speaker(l, names),
  chain: l.record.chain.map((c) => names.canonical(c.source, l.record.doc, l.record.index)),
  publisher: l.outlet ?? l.record.doc,
  ...(l.wire ? { wire: l.wire } : {}),
  doc: l.record.doc,
  ...(l.record.date ? { date: l.record.date } : {}),
  index: l.record.index,
  certainty: l.record.certainty,
});

function sources(linked: LinkedRecord[], names: SourceNames): SourceSummary[] {
  const tally = new SourceTally();
  for (const l of linked) tally.add(sourceEvent(l, names));
  return tally.summaries();
}

/** The names of the whole story: its claims', its outlets' and its wires'. */
export function storyNames(linked: LinkedRecord[]): SourceNames {
  const names = new SourceNames();
  for (const l of linked) {
    names.add(l.record);
    for (const n of [l.outlet, l.wire]) if (n) names.addName(n, l.record.doc);
  }
  return names;
}

/** Propositions, most attested first, and the sources behind them. */
export function buildStory(linked: LinkedRecord[]): Story {
  const names = storyNames(linked);
  const groups = new Map<number, LinkedRecord[]>();
  for (const l of linked) {
    const members = groups.get(l.proposition);
    if (members) members.push(l);
    else groups.set(l.proposition, [l]);
  }
  const propositions = [...groups.entries()]
    .map(([id, members]) => proposition(id, members, names))
    .sort((a, b) => b.independentSources - a.independentSources || b.claims.length - a.claims.length || a.id - b.id);
  return { propositions, sources: sources(linked, names) };
}

// the story pages (summaries.ts) make each proposition with the same function as the whole story
export { proposition };
