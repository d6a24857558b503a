import { boilerplateOf, type BoilerplateKind } from "./boilerplate.ts";
import { claimFrame, type ClaimFrame } from "./frames.ts";
import { bySentence, spanText, type Attribution, type CertaintyLabel, type ClaimKind, type Doc, type EntityType, type Span } from "../doc.ts";

/** A quantity as a claim record carries it: the scorer's fields plus how it was said. */
export interface ClaimQuantity {
  min: number;
  max: number;
  of: string;
  kind: string;
  approximate: boolean;
  bound?: "upper" | "lower";
  unit?: string;
  text: string;
  /** Who gives this figure, when it is not the record's source: "the ministry said 3,000 …, while Kyiv said 10,000 …". */
  source?: string;
}

/** One link of an attribution chain as text, the original speaker first. */
export interface ChainLink {
  source: string;
  cue: string;
}

/**
 * The claim record of `../shared/eval/README.md` (doc, sentence, kind, source, cue, certainty,
 * quantities, entities) plus where it stands and why each label was given.
 */
export interface ClaimRecord {
  doc: string;
  sentence: string;
  kind: ClaimKind;
  source: string | null;
  cue: string | null;
  certainty: CertaintyLabel;
  quantities: ClaimQuantity[];
  entities: string[];
  /** Each entity's type (country, place, person, organization, group); absent in records stored before it was kept. */
  entityTypes?: Record<string, EntityType>;
  /** The sentence's index in the document and its character offsets. */
  index: number;
  start: number;
  end: number;
  /** The document's date, and the dates the sentence mentions, resolved. */
  date?: string;
  dates: string[];
  chain: ChainLink[];
  direct: boolean;
  /** The words behind each label. */
  evidence: { certainty: string[]; attribution: string[]; kind: string[] };
  checkworthy: number;
  /** Who does what to what, how many, where and when, from the parse (src/extract/frames.ts); absent in records stored before it was kept. */
  frame?: ClaimFrame;
  /** Set when the sentence is page furniture (a section label, a byline, a photo credit…): not a statement. */
  boilerplate?: BoilerplateKind;
}

const texts = (doc: Doc, spans: Span[]): string[] => spans.map((s) => spanText(doc, s));

/** One record per sentence of an analysed Doc, in document order. */
export function toClaimRecords(doc: Doc): ClaimRecord[] {
  const kinds = bySentence(doc.layers.kind);
  const attributions = bySentence(doc.layers.attribution);
  const certainties = bySentence(doc.layers.certainty);
  const quantities = bySentence(doc.layers.quantities);
  const entities = bySentence(doc.layers.entities);
  const dates = bySentence(doc.layers.dates);

  return doc.sentences.map((s) => {
    const kind = kinds.get(s.index)?.[0];
    const sentenceAttributions = attributions.get(s.index) ?? [];
    const attribution = sentenceAttributions[0];
    const certainty = certainties.get(s.index)?.[0];
    const boilerplate = boilerplateOf(spanText(doc, s));
    const chain: ChainLink[] = (attribution?.chain ?? []).map((l) => ({
      source: l.resolved ?? spanText(doc, l.source),
      cue: spanText(doc, l.cue),
    }));
    return {
      doc: doc.id,
      sentence: spanText(doc, s),
      kind: kind?.kind ?? "claim",
      source: chain[0]?.source ?? null,
      cue: chain[0]?.cue ?? null,
      certainty: certainty?.label ?? "asserted",
      quantities: (quantities.get(s.index) ?? []).map((q) => ({
        min: q.min,
        max: q.max,
        of: q.of,
        kind: q.kind,
        approximate: q.approximate,
        ...(q.bound ? { bound: q.bound } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
        text: spanText(doc, q),
        ...quantitySource(doc, sentenceAttributions, attribution, q),
      })),
      entities: [...new Set((entities.get(s.index) ?? []).map((e) => e.canonical))],
      entityTypes: Object.fromEntries((entities.get(s.index) ?? []).map((e) => [e.canonical, e.type])),
      index: s.index,
      start: s.start,
      end: s.end,
      ...(doc.meta.date ? { date: doc.meta.date } : {}),
      dates: [...new Set((dates.get(s.index) ?? []).map((d) => d.date))],
      chain,
      direct: attribution?.direct ?? false,
      evidence: {
        certainty: texts(doc, certainty?.evidence ?? []),
        attribution: texts(doc, attribution?.evidence ?? []),
        kind: texts(doc, kind?.evidence ?? []),
      },
      checkworthy: kind?.checkworthy ?? 0,
      frame: claimFrame(doc, s, { attribution, quantities: quantities.get(s.index) ?? [], entities: entities.get(s.index) ?? [], dates: dates.get(s.index) ?? [] }),
      ...(boilerplate ? { boilerplate } : {}),
    };
  });
}

/** The speaker of the attribution whose content holds the figure, when another than the record's own. */
function quantitySource(doc: Doc, attributions: readonly Attribution[], main: Attribution | undefined, q: Span): { source?: string } {
  const holder = attributions.find((a) => a.start <= q.start && q.end <= a.end);
  if (!holder || holder === main) return {};
  const speaker = holder.chain[0];
  return { source: speaker.resolved ?? spanText(doc, speaker.source) };
}
