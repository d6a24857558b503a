// The Doc is what flows through the pipeline: the text, its metadata, its sentences and tokens, and
// every annotation layer the annotators add. Every finding is a span into `doc.text` (end exclusive,
// JavaScript string indices); its words are always `doc.text.slice(start, end)`, never a copy.

export interface Span {
  start: number;
  end: number;
}

export interface DocMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** Publication date, ISO `YYYY-MM-DD` (or a full ISO timestamp). */
  date?: string;
  url?: string;
  /** Where the document came from: a path, a URL, `stdin`, or `file.jsonl:12`. */
  origin?: string;
  /** ISO 639-1 code found by language identification. */
  language?: string;
}

/** A document as ingest hands it over: text plus metadata, nothing analysed yet. */
export interface SourceDoc {
  id: string;
  text: string;
  meta: DocMeta;
}

export interface Token extends Span {
  /** Lower-cased token text, cached because every lexicon lookup needs it. */
  lower: string;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the sentence's first token in `doc.tokens`, and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

/** Something an annotator found in one sentence, with the words that made it say so. */
export interface Finding extends Span {
  sentence: number;
  annotator: string;
  evidence: Span[];
}

export type ClaimKind = "claim" | "opinion";
export const CERTAINTY_LABELS = ["asserted", "hedged", "conditional", "predicted", "denied", "questioned"] as const;
export type CertaintyLabel = (typeof CERTAINTY_LABELS)[number];

/** Check-worthiness of a sentence; the span is the sentence, evidence the features that decided. */
export interface KindFinding extends Finding {
  kind: ClaimKind;
  /** Probability that the sentence is a check-worthy claim, 0..1. */
  checkworthy: number;
  /** Probability that the sentence is subjective, 0..1. */
  subjective: number;
}

/** One link of an attribution chain: who said it, through which cue. */
export interface AttributionLink {
  source: Span;
  cue: Span;
  /** Canonical name when the source resolved to a known entity or an earlier named person. */
  resolved?: string;
}

/** "X said Y": the span is the content; chain[0] is the original speaker, the last is the reporter. */
export interface Attribution extends Finding {
  chain: AttributionLink[];
  direct: boolean;
}

export interface CertaintyFinding extends Finding {
  label: CertaintyLabel;
}

export type QuantityKind = "count" | "percent" | "money" | "measure";

/** A number in the text; the span covers the number words, `ofSpan` the counted thing. */
export interface Quantity extends Finding {
  min: number;
  max: number;
  kind: QuantityKind;
  /** "about", "some", "nearly": the writer gives it as a round figure. */
  approximate: boolean;
  /** "up to", "at most" (upper) or "more than", "at least" (lower). */
  bound?: "upper" | "lower";
  unit?: string;
  /** The counted thing as a short noun phrase ("soldiers", "percent", "USD"). */
  of: string;
  ofSpan?: Span;
}

export type EntityType = "country" | "person" | "organization" | "place" | "group";

export interface EntityMention extends Finding {
  canonical: string;
  type: EntityType;
}

export interface DateMention extends Finding {
  /** Resolved calendar date, `YYYY-MM-DD`; `--MM-DD` when neither the text nor the document's date gives the year. */
  date: string;
}

/** A syntactic word as Universal Dependencies counts them ("do" and "n't" of "don't"), with its analysis. */
export interface SyntaxWord extends Span {
  /** Position among its sentence's words. */
  index: number;
  /** The `doc.tokens` index of the token it was cut from. */
  token: number;
  upos: string;
  xpos: string;
  lemma: string;
  /** Index of the head word among the sentence's words; -1 for the sentence's root. */
  head: number;
  /** UD relation to the head ("nsubj", "obl:tmod", "root"). */
  deprel: string;
}

/** One sentence's dependency parse; the span is the sentence. Read it through `Tree` (src/syntax/tree.ts). */
export interface ParsedSentence extends Finding {
  words: SyntaxWord[];
}

/** The annotation layers a Doc can carry; each annotator declares which it needs and which it gives. */
export interface Layers {
  syntax: ParsedSentence[];
  kind: KindFinding[];
  attribution: Attribution[];
  certainty: CertaintyFinding[];
  quantities: Quantity[];
  entities: EntityMention[];
  dates: DateMention[];
}
export type LayerName = keyof Layers | "sentences";

export interface Message {
  severity: "info" | "warning" | "error";
  text: string;
  place?: Span;
  source: string;
}

export interface Doc extends SourceDoc {
  sentences: Sentence[];
  tokens: Token[];
  layers: Partial<Layers>;
  messages: Message[];
}

export function createDoc(source: SourceDoc): Doc {
  return { ...source, sentences: [], tokens: [], layers: {}, messages: [] };
}

export const spanText = (doc: { text: string }, span: Span): string => doc.text.slice(span.start, span.end);

export const sentenceTokens = (doc: Doc, sentence: Sentence): Token[] =>
  doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);

/** Findings of one layer grouped by sentence index (annotators produce them in sentence order). */
export function bySentence<T extends Finding>(findings: readonly T[] | undefined): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const f of findings ?? []) {
    const list = out.get(f.sentence);
    if (list) list.push(f);
    else out.set(f.sentence, [f]);
  }
  return out;
}
