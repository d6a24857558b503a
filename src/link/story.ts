import type { ClaimRecord } from "../extract/claims.ts";
import { SourceNames, sourceKey } from "./names.ts";
import { countedKey } from "./terms.ts";
import { SourceTally, type SourceEvent } from "./source-tally.ts";

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

/** Whether a claim is an outlet's unattributed report: it names no source and its publisher is press. */
const relays = (l: LinkedRecord): boolean => !l.record.chain.length && !speaksForItself(l.wire ?? l.outlet);

const byDate = (a: { date?: string; doc: string }, b: { date?: string; doc: string }): number =>
  (a.date ?? "").localeCompare(b.date ?? "") || a.doc.localeCompare(b.doc);

/** The interval a value stands for: bounds open one side, round figures get a little slack. */
function interval(q: ClaimRecord["quantities"][number]): [number, number] {
  const slack = q.approximate ? 0.1 : 0;
  const lo = q.bound === "upper" ? 0 : q.min * (1 - slack);
  const hi = q.bound === "lower" ? Infinity : q.max * (1 + slack);
  return [lo, hi];
}

/** Whether the latest values of different origins for one counted thing cannot all be true. */
function numbersConflict(claims: StoryClaim[]): boolean {
  const latest = new Map<string, Map<string, [number, number]>>(); // counted thing → origin → interval
  for (const c of [...claims].sort(byDate)) {
    if (c.stance === "denies") continue;
    for (const q of c.quantities) {
      const key = countedOf(q);
      if (!latest.has(key)) latest.set(key, new Map());
      latest.get(key)!.set(sourceKey(c.origin), interval(q));
    }
  }
  for (const byOrigin of latest.values()) {
    const values = [...byOrigin.values()];
    for (let i = 0; i < values.length; i++)
      for (let j = i + 1; j < values.length; j++) if (values[i][1] < values[j][0] || values[j][1] < values[i][0]) return true;
  }
  return false;
}

/**
 * A sentence that sets another account against what it reports: "contradicting the police's earlier
 * claim that…", "…shows his hands in the air, but Shelby said he refused". The writer reports a
 * dispute even when every member of the proposition asserts ("disputed" as a verb only: "the disputed
 * region" reports no one's account).
 */
const COUNTER_ACCOUNT = /\b(?:contradict(?:s|ed|ing)?|refut(?:es|ed|ing)|disput(?:es|ing)|disputed (?:that|the|a|an|his|her|its|their)|at odds with)\b|,\s+but\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:said|says|insisted|insists|maintained|maintains|countered|counters|denied|denies)\b/u;

function statusOf(claims: StoryClaim[], independent: number): PropositionStatus {
  // a denial disputes whatever else is said of the proposition, asserted or hedged
  const denies = claims.some((c) => c.stance === "denies");
  const others = claims.some((c) => c.stance !== "denies");
  if ((denies && others) || numbersConflict(claims) || claims.some((c) => COUNTER_ACCOUNT.test(c.sentence))) return "disputed";
  return independent >= 2 ? "agreed" : "single-source";
}

const countedOf = (q: ClaimRecord["quantities"][number]): string => (q.kind === "percent" ? "percent" : countedKey(q.of));

/** One value per source, figure and date: copies of a wire story repeat its numbers, they do not add to them. */
function dedupe(values: QuantityValue[]): QuantityValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = `${sourceKey(v.source)}|${v.min}|${v.max}|${v.date ?? ""}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** One figure of a claim as the story gives it: the value, its bound, who gave it, where and when. */
export const quantityValue = (c: StoryClaim, q: ClaimRecord["quantities"][number]): QuantityValue => ({
  min: q.min,
  max: q.max,
  ...(q.bound ? { bound: q.bound } : {}),
  ...(q.approximate ? { approximate: true } : {}),
  source: c.source ?? c.origin,
  doc: c.doc,
  ...(c.date ? { date: c.date } : {}),
});

function series(claims: StoryClaim[]): QuantitySeries[] {
  const out = new Map<string, QuantitySeries>();
  const unnamed: QuantityValue[] = [];
  for (const c of claims)
    for (const q of c.quantities) {
      const value = quantityValue(c, q);
      const key = countedOf(q);
      if (!key) {
        unnamed.push(value);
        continue;
      }
      if (!out.has(key)) out.set(key, { of: q.of, values: [] });
      out.get(key)!.values.push(value);
    }
  // a number whose counted thing went unsaid ("the ministry says 38") counts what the others count
  if (unnamed.length) {
    if (out.size === 1) out.values().next().value!.values.push(...unnamed);
    else out.set("", { of: "", values: unnamed });
  }
  for (const s of out.values()) s.values = dedupe(s.values).sort(byDate);
  return [...out.values()];
}

function proposition(id: number, members: LinkedRecord[], names: SourceNames): Proposition {
  const relayed = new Set<StoryClaim>();
  const claims: StoryClaim[] = members
    .map((l) => {
      const claim: StoryClaim = {
        ...l.record,
        ...(l.outlet ? { outlet: l.outlet } : {}),
        ...(l.echoOf ? { echoOf: l.echoOf } : {}),
        origin: originOf(l, names),
        stance: stanceOf(l.record),
      };
      if (relays(l)) relayed.add(claim);
      return claim;
    })
    .sort(byDate);
  // Independent origins are the parties the statements trace back to. An outlet's unattributed report
  // relays them and adds none; only when nobody is named do the outlets' reports stand for the origin,
  // counted once: five papers reporting an election result in their own words is one result reported.
  const stated = claims.filter((c) => c.stance !== "denies");
  const named = stated.filter((c) => !relayed.has(c));
  const origins = new Map<string, string>();
  for (const c of named.length ? named : stated.slice(0, 1)) if (!origins.has(sourceKey(c.origin))) origins.set(sourceKey(c.origin), c.origin);
  const lead = claims.find((c) => c.stance === "supports") ?? claims[0];
  return {
    id,
    summary: lead.sentence,
    status: statusOf(claims, origins.size),
    independentSources: origins.size,
    origins: [...origins.values()],
    ...(claims[0].date ? { firstSeen: claims[0].date } : {}),
    claims,
    quantities: series(claims),
  };
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

/** Propositions, most attested first, and the sources behind them. */
export function buildStory(linked: LinkedRecord[]): Story {
  const names = new SourceNames();
  for (const l of linked) {
    names.add(l.record);
    for (const n of [l.outlet, l.wire]) if (n) names.addName(n, l.record.doc);
  }
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

// the store's summaries (summaries.ts) make each proposition with the same function as the whole story
export { proposition };
