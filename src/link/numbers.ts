import { sourceKey } from "./names.ts";
import { quantityValue, type QuantityValue, type Story, type StoryClaim } from "./story.ts";
import { countedKey } from "./terms.ts";
import { byDateThenDoc } from "./order.ts";

// The numbers view: every figure of the story grouped by what it counts, each with who gave it,
// when, whether as a range or a bound, and whether the one quoting it denies it. "64 people remain
// unaccounted for" and "38 people have died" both count "people"; the state the sentence gives them
// (missing, dead, evacuated…) keeps them apart.

/** State words a sentence gives its counted people or things, most telling first. */
const STATES: [string, RegExp][] = [
  ["dead", /\b(?:dead|died|die|killed|death toll|deaths|lost their lives|bodies|fatalities|perished)\b/i],
  ["missing", /\b(?:missing|unaccounted|not been found|still searching for)\b/i],
  ["injured", /\b(?:injured|injuries|wounded|hurt|treated)\b/i],
  ["evacuated", /\b(?:evacuated|evacuation|fled|displaced|housed|shelters?|homeless|rescued)\b/i],
];

/** A figure as the story gives it (who, where, when, bound), with its sentence, proposition and stance. */
export interface NumberValue extends QuantityValue {
  sentence: number;
  proposition: number;
  /** The one quoting it denies it: "the ministry denied that more than 200 were missing". */
  denied: boolean;
  text: string;
}

export interface NumberSeries {
  /** What is counted, with its state: "people · dead". */
  label: string;
  counted: string;
  state?: string;
  values: NumberValue[];
  /** Sources that gave more than one different figure, in date order: their revisions. */
  revisedBy: string[];
}

const stateIn = (words: string): string | undefined => STATES.find(([, pattern]) => pattern.test(words))?.[0];

/** Where one clause ends: "11 citizens had died and 3,000 people had fled" holds two. */
const CLAUSE_END = /[,;:()—–]|\s(?:and|but|while|whereas|after|before)\s/i;

/**
 * The state a figure's own clause gives it: the words after the figure up to the clause's end
 * ("38 people have died"), else the words before it back to the clause's start ("the death toll
 * rose to 71").
 */
function stateOf(sentence: string, figure: string): string | undefined {
  const clause = clauseOf(sentence, figure);
  return clause ? (stateIn(clause.after) ?? stateIn(clause.before)) : stateIn(sentence);
}

/** The figure's own clause: its words before the figure and after it; undefined when the figure is not in the sentence. */
function clauseOf(sentence: string, figure: string): { before: string; after: string } | undefined {
  const at = sentence.indexOf(figure);
  if (at < 0) return undefined;
  const after = sentence.slice(at + figure.length);
  const end = after.search(CLAUSE_END);
  const before = sentence.slice(0, at);
  const starts = [...before.matchAll(new RegExp(CLAUSE_END.source, "gi"))];
  const start = starts.length ? starts[starts.length - 1].index! + starts[starts.length - 1][0].length : 0;
  return { before: before.slice(start), after: end < 0 ? after : after.slice(0, end) };
}

/** "…denied reports that more than 200 were missing, saying 64 were unaccounted for": the 64 is the denier's own figure. */
const OWN_FIGURE = /\b(?:saying|said|says|adding|added|instead|put|puts|putting|gave|giving|counted|counts)\b/i;

const deniedIn = (c: StoryClaim, figure: string): boolean => c.stance === "denies" && !OWN_FIGURE.test(clauseOf(c.sentence, figure)?.before ?? "");

const byDate = (a: NumberValue, b: NumberValue): number => byDateThenDoc(a.date ?? "", a.doc, b.date ?? "", b.doc);

const valueOf = (c: StoryClaim, q: StoryClaim["quantities"][number], proposition: number): NumberValue => ({
  ...quantityValue(c, q),
  // the speaker under the one name the story gives them ("SCPS" is the State Civil Protection Service)
  source: c.origin,
  sentence: c.index,
  proposition,
  denied: deniedIn(c, q.text),
  text: q.text,
});

/** Every figure of the story, one series per counted thing and state, the most reported first. */
export function numbersOf(story: Story): NumberSeries[] {
  const out = new Map<string, NumberSeries>();
  const seen = new Set<string>();
  const wordings = new Map<NumberSeries, Map<string, number>>();
  for (const p of story.propositions)
    for (const c of p.claims)
      for (const q of c.quantities) {
        const counted = q.kind === "percent" ? "percent" : q.of || "unnamed count";
        const state = q.kind === "count" ? stateOf(c.sentence, q.text) : undefined;
        const key = `${q.kind === "percent" ? "percent" : countedKey(q.of)}|${state ?? ""}`;
        // a wire copy repeats its original's figure: one value per source, figure, date and stance
        const once = `${key}|${sourceKey(c.origin)}|${q.min}|${q.max}|${c.date ?? ""}|${deniedIn(c, q.text)}`;
        if (seen.has(once)) continue;
        seen.add(once);
        let series = out.get(key);
        if (!series) out.set(key, (series = { label: "", counted, ...(state ? { state } : {}), values: [], revisedBy: [] }));
        series.values.push(valueOf(c, q, p.id));
        const said = wordings.get(series) ?? new Map<string, number>();
        said.set(counted, (said.get(counted) ?? 0) + 1);
        wordings.set(series, said);
      }
  for (const s of out.values()) {
    // a series goes by the word most of its figures count in ("people", beside "residents" and "civilians"), not by whichever came first
    s.counted = [...wordings.get(s)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    s.label = s.state ? `${s.counted} · ${s.state}` : s.counted;
    s.values.sort(byDate);
    const figures = new Map<string, Set<string>>();
    for (const v of s.values) {
      if (v.denied) continue;
      const key = sourceKey(v.source);
      if (!figures.has(key)) figures.set(key, new Set());
      figures.get(key)!.add(`${v.min}-${v.max}`);
    }
    s.revisedBy = [...new Set(s.values.filter((v) => (figures.get(sourceKey(v.source))?.size ?? 0) > 1).map((v) => v.source))];
  }
  return [...out.values()].sort((a, b) => b.values.length - a.values.length || a.label.localeCompare(b.label));
}
