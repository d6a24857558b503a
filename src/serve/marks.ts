// A document's findings as marks on its text, for the Document view: each claim's sentence, and in
// it the source, the attribution cue, the certainty cues, the quantities and the entities, each with
// the words behind its label. Records keep the words, not their offsets, so each is found again in
// its own sentence; inner marks never overlap, the more telling kind winning a contested stretch.
import { isStatement } from "../extract/boilerplate.ts";
import type { StoredClaim } from "../store/sqlite.ts";
import type { MARK_TYPES } from "./schemas.ts";

export interface Mark {
  type: (typeof MARK_TYPES)[number];
  start: number;
  end: number;
  sentence: number;
  label: string;
  evidence: string[];
}

const range = (q: { min: number; max: number; of: string; bound?: string }): string =>
  `${q.bound === "lower" ? "at least " : q.bound === "upper" ? "up to " : ""}${q.min === q.max ? q.min : `${q.min}–${q.max}`} ${q.of}`.trim();

/** Where `words` stand in the sentence that starts at `offset`, ignoring case; undefined when they do not. */
function locate(sentence: string, offset: number, words: string | null | undefined): { start: number; end: number } | undefined {
  if (!words?.trim()) return undefined;
  const at = sentence.toLowerCase().indexOf(words.toLowerCase());
  return at < 0 ? undefined : { start: offset + at, end: offset + at + words.length };
}

function innerMarks(c: StoredClaim): Mark[] {
  const out: Mark[] = [];
  const add = (type: Mark["type"], words: string | null | undefined, label: string, evidence: string[]) => {
    const at = locate(c.sentence, c.start, words);
    if (at) out.push({ type, ...at, sentence: c.index, label, evidence });
  };
  const chainSource = c.chain[0]?.source;
  add("source", c.source, `source: ${c.source ?? chainSource ?? ""}`, c.evidence.attribution);
  if (c.source && !out.length && chainSource !== c.source) add("source", chainSource, `source: ${c.source}`, c.evidence.attribution);
  for (const link of c.chain.slice(1)) add("source", link.source, `cited by: ${link.source}`, [link.cue]);
  add("cue", c.cue, `attribution cue: ${c.cue ?? ""}`, c.evidence.attribution);
  for (const words of c.evidence.certainty) add("certainty", words, `certainty: ${c.certainty}`, c.evidence.certainty);
  for (const q of c.quantities) add("quantity", q.text, `number: ${range(q)}`, [q.text]);
  for (const e of c.entities) add("entity", e, `entity: ${e}${c.entityTypes?.[e] ? ` (${c.entityTypes[e]})` : ""}`, [e]);
  // earlier kinds win: a source named by an entity is marked as the source
  const kept: Mark[] = [];
  for (const m of out) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** The marks of a document's statements, in text order; a claim's mark spans its whole sentence. */
export function documentMarks(claims: readonly StoredClaim[]): Mark[] {
  const out: Mark[] = [];
  for (const c of claims) {
    if (!isStatement(c)) continue;
    if (c.kind === "claim")
      out.push({ type: "claim", start: c.start, end: c.end, sentence: c.index, label: `claim, ${c.certainty}${c.source ? `, from ${c.source}` : ""}`, evidence: c.evidence.kind });
    out.push(...innerMarks(c));
  }
  return out;
}
