import { bySentence, type Attribution, type CertaintyFinding, type CertaintyLabel, type Doc, type Sentence, type Span, type SyntaxWord, type Token } from "../doc.ts";
import { Tree, universal } from "../syntax/tree.ts";
import { PhraseMatcher } from "../text/phrases.ts";
import type { Annotator } from "./pipeline.ts";
import {
  CERTAINTY_CUES,
  CLAUSE_BREAKS,
  CLAUSE_OPENERS,
  COMPLEMENT_VERBS,
  CUE_RANK,
  DENIAL_NOT_AFTER,
  NOUN_READING_BEFORE,
  REPORTING_CUES,
  TRAILING_MARKS,
  cueEntries,
  type CueKind,
} from "./lexicons/certainty.ts";

// How sure each sentence says its main claim is. The sentence is read left to right once; cues in
// an embedded clause (relative clause, "because …", "the fact that …") are skipped until the next
// comma, so only the main line of the sentence counts: the matrix clause, the attribution's cue
// ("X denied …", "X predicted …") and the reported content. Of the cues left, the kind listed first
// in CUE_KINDS decides, except that a final "?" always makes the sentence a question.

const LABEL: Record<CueKind, CertaintyLabel | undefined> = {
  question: "questioned",
  denial: "denied",
  condition: "conditional",
  hedge: "hedged",
  prediction: "predicted",
  forecastVerb: "predicted",
  beliefVerb: "hedged",
  negation: "denied",
  booster: "asserted",
  neutral: undefined,
};

interface Cue {
  kind: CueKind;
  span: Span;
}

/** Where the main line of a sentence restarts: the attribution's cue and the start of its content. */
interface AttributionMarks {
  /** Start offset of each cue, and whether its attribution quotes the speaker's words. */
  cueStarts: Map<number, boolean>;
  contentStarts: Set<number>;
  contents: Array<Span & { direct: boolean }>;
}

/** The lexicon as read in running text, at an attribution cue, and at the cue of a quotation. */
interface CueReadings {
  cues: PhraseMatcher<CueKind>;
  attributionCues: PhraseMatcher<CueKind>;
  quotationCues: PhraseMatcher<CueKind>;
}

const BREAKS = new Set(CLAUSE_BREAKS);
const OPENERS = new Set(CLAUSE_OPENERS);
const COMPLEMENT = new Set(COMPLEMENT_VERBS);
const NOUN_BEFORE = new Set(NOUN_READING_BEFORE);
const NOT_DENIAL_BEFORE = new Set(DENIAL_NOT_AFTER);
const TRAILING = new Set(TRAILING_MARKS);
const QUOTES = new Set(['"', "“", "”", "‘", "’", "'"]);
/** "Should Russia attack, …", "Were they to …", "Had it known, …": inverted conditionals. */
const INVERTED_CONDITIONALS = new Set(["should", "were", "had"]);
/** Frequency adverbs after "would" that make it the past of habit, not of "will". */
const HABITUAL = new Set(["sometimes", "often", "always", "usually", "frequently", "regularly", "routinely", "occasionally", "typically", "constantly"]);
/** Conjunctions and focus adverbs that may precede a clause-initial cue ("But should …", "Especially if …"). */
const LEADING_CONJUNCTIONS = new Set(["but", "and", "yet", "so", "or", "especially", "particularly", "only"]);

export function certainty(): Annotator {
  const cues = new PhraseMatcher(cueEntries(CERTAINTY_CUES));
  // An attribution cue is read with the reporting verbs first: "rejected" there is a denial. Asking is a
  // question only when it quotes ("“…,” she asked"), not in an indirect "asked the court to …".
  const attributionCues = new PhraseMatcher([...cueEntries({ denial: REPORTING_CUES.denial }), ...cueEntries(CERTAINTY_CUES)]);
  const quotationCues = new PhraseMatcher([...cueEntries(REPORTING_CUES), ...cueEntries(CERTAINTY_CUES)]);
  const readings = { cues, attributionCues, quotationCues };

  return {
    name: "certainty",
    requires: ["sentences", "attribution", "syntax"],
    provides: ["certainty"],
    run(doc) {
      const attributions = bySentence(doc.layers.attribution);
      doc.layers.certainty = doc.sentences.map((s) => {
        const cues = governingCues(doc, s, marksOf(attributions.get(s.index)), readings);
        const parsed = doc.layers.syntax?.[s.index];
        return label(s, parsed && cues.some((c) => PARSE_CHECKED.has(c.kind)) ? inScope(Tree.of(parsed), cues) : cues);
      });
    },
  };
}

/** Most sentences have no attribution: they all share these empty marks. */
const NO_MARKS: AttributionMarks = { cueStarts: new Map(), contentStarts: new Set(), contents: [] };

function marksOf(attributions: Attribution[] | undefined): AttributionMarks {
  if (!attributions) return NO_MARKS;
  const marks: AttributionMarks = { cueStarts: new Map(), contentStarts: new Set(), contents: [] };
  for (const a of attributions) {
    marks.contentStarts.add(a.start);
    marks.contents.push(a);
    for (const link of a.chain) marks.cueStarts.set(link.cue.start, a.direct);
  }
  return marks;
}

/** The cues on the main line of the sentence, in order. */
function governingCues(doc: Doc, sentence: Sentence, marks: AttributionMarks, readings: CueReadings): Cue[] {
  const tokens = doc.tokens;
  const { tokenStart: first, tokenEnd: end } = sentence;
  const found: Cue[] = [];
  const question = finalQuestionMark(tokens, first, end);
  if (question) found.push({ kind: "question", span: question });

  let embedded = false;
  let clauseStart = first;
  for (let i = first; i < end; ) {
    const token = tokens[i];
    const cueQuotes = marks.cueStarts.get(token.start); // undefined when no attribution cue starts here
    if (cueQuotes !== undefined || marks.contentStarts.has(token.start)) {
      embedded = false;
      clauseStart = i;
    }
    if (BREAKS.has(token.lower)) {
      embedded = false;
      clauseStart = ++i;
      continue;
    }
    const matcher = cueQuotes === undefined ? readings.cues : cueQuotes ? readings.quotationCues : readings.attributionCues;
    const match = matcher.matchAt(tokens, i, end);
    if (match) {
      const span = { start: token.start, end: tokens[match.tokenEnd - 1].end };
      if (!embedded && isCueHere(doc, match.value, i, match.tokenEnd, clauseStart, first, end)) found.push({ kind: match.value, span });
      if (match.value === "condition") embedded = true; // the "if" clause itself is subordinate
      i = match.tokenEnd;
      continue;
    }
    const extra = embedded ? undefined : contextualCue(doc, i, first, marks, question !== undefined);
    if (extra) found.push({ kind: extra, span: { start: token.start, end: token.end } });
    if (opensClause(tokens, i, clauseStart, marks)) embedded = true;
    else if (token.lower === "that") clauseStart = i + 1; // the reported content starts a clause of its own
    i++;
  }
  return found;
}

/** Cue words with a second, non-cue reading that the neighbouring tokens rule out. */
function isCueHere(doc: Doc, kind: CueKind, i: number, matchEnd: number, clauseStart: number, first: number, end: number): boolean {
  const tokens = doc.tokens;
  const word = tokens[i].lower;
  const next = i + 1 < end ? tokens[i + 1].lower : "";
  // a condition holds for the whole sentence only when its clause comes first ("If …, …", "said that if …");
  // a trailing "if" usually restricts a noun or a verb phrase of the main clause
  if (kind === "condition") return atClauseStart(tokens, i, clauseStart) && !isConcessiveIf(tokens, i, end);
  const previous = i > first ? tokens[i - 1].lower : "";
  if (word === "plan" || word === "plans") return !NOUN_BEFORE.has(previous);
  if (matchEnd - i > 1) return true;
  if (kind === "denial") return !NOT_DENIAL_BEFORE.has(previous);
  if (word === "may") return !isMonthMay(doc, i, first, end);
  if (word === "will" || word === "might") return !NOUN_BEFORE.has(previous) && next !== "of";
  if (word === "no") return next !== "." && next !== ","; // "No. 10", "No, …"
  if (kind === "hedge" && isInGerundPhrase(tokens, i, first, end)) return false;
  return kind !== "neutral";
}

/** Prepositions whose object may be a gerund phrase: "the implications of North Korea possibly deploying". */
const GERUND_PREPOSITIONS = new Set(["of", "about", "over", "on", "for", "against"]);
/**
 * A hedging adverb before the "-ing" verb of a phrase that a preposition governs hedges that phrase,
 * not the sentence: "to assess the implications of North Korea possibly deploying to Russia".
 */
function isInGerundPhrase(tokens: readonly Token[], i: number, first: number, end: number): boolean {
  const next = i + 1 < end ? tokens[i + 1].lower : "";
  if (!tokens[i].lower.endsWith("ly") || next.length < 5 || !next.endsWith("ing")) return false;
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) if (GERUND_PREPOSITIONS.has(tokens[k].lower)) return true;
  return false;
}

/** "in May", "May 5": the month, not the modal. */
function isMonthMay(doc: Doc, i: number, first: number, end: number): boolean {
  if (doc.text[doc.tokens[i].start] !== "M") return false;
  return i > first || (i + 1 < end && /^\d/.test(doc.tokens[i + 1].lower));
}

/** "systematically, if slowly, being pushed": "if" before a lone adverb concedes, it sets no condition. */
function isConcessiveIf(tokens: readonly Token[], i: number, end: number): boolean {
  return i + 2 < end && tokens[i + 1].lower.endsWith("ly") && BREAKS.has(tokens[i + 2].lower);
}

/** Cues that depend on position rather than on the words: inverted conditionals, "would", "Whether …". */
function contextualCue(doc: Doc, i: number, first: number, marks: AttributionMarks, isQuestion: boolean): CueKind | undefined {
  const tokens = doc.tokens;
  const word = tokens[i].lower;
  if (INVERTED_CONDITIONALS.has(word) && !isQuestion && atClauseStart(tokens, i, first)) return "condition";
  if (i === first && word === "whether") return "question";
  // "said it would …": in reported speech "would" is the past of "will"; elsewhere, a speaker's own words
  // included ("“So I would just simply say …”"), it is too vague to call
  // "would sometimes dismiss her proposals": with a frequency adverb it tells what used to happen
  if (word === "would" && !HABITUAL.has(tokens[i + 1]?.lower) && marks.contents.some((c) => !c.direct && c.start <= tokens[i].start && tokens[i].end <= c.end)) return "prediction";
  return undefined;
}

/** First in its clause, or after a leading "but" / "and". */
function atClauseStart(tokens: readonly Token[], i: number, clauseStart: number): boolean {
  let before = i - 1;
  while (before >= clauseStart && QUOTES.has(tokens[before].lower)) before--;
  return before < clauseStart || (before === clauseStart && LEADING_CONJUNCTIONS.has(tokens[before].lower));
}

/** Does token i open a clause whose cues do not govern the sentence? */
function opensClause(tokens: readonly Token[], i: number, clauseStart: number, marks: AttributionMarks): boolean {
  const word = tokens[i].lower;
  if (OPENERS.has(word)) return true;
  if (i === clauseStart) return false; // "That is why …": a demonstrative
  const previous = tokens[i - 1].lower;
  // "that" after a noun starts a relative or noun-complement clause; after "said" it starts the content
  if (word === "that") return !COMPLEMENT.has(previous) && !marks.contentStarts.has(tokens[i].start);
  // ", adding …", ", creating …": a participle phrase tacked on after the main clause
  return previous === "," && word.length > 4 && word.endsWith("ing");
}

/** The span of a final "?" (before any closing quotes or brackets), if the sentence ends with one. */
function finalQuestionMark(tokens: readonly Token[], first: number, end: number): Span | undefined {
  let i = end - 1;
  while (i >= first && TRAILING.has(tokens[i].lower)) i--;
  if (i >= first && tokens[i].lower === "?") return { start: tokens[i].start, end: tokens[i].end };
  // "“How many times …?” Clinton said.": a quoted question that only its speaker's words follow
  for (let k = i - 1; k >= first && k >= i - 6; k--)
    if (tokens[k].lower === "?" && QUOTE_CLOSERS.has(tokens[k + 1].lower)) return { start: tokens[k].start, end: tokens[k].end };
  return undefined;
}
const QUOTE_CLOSERS = new Set(['"', "”", "’", "'", "»"]);

/** The cue kinds whose reading the parse confirms. */
const PARSE_CHECKED = new Set<CueKind>(["negation", "prediction"]);

/** The cues the parse confirms: a negation of the main predicate, a "plan to" or "will" that is a verb's, not a noun ("the best plan to …"). */
function inScope(tree: Tree, cues: Cue[]): Cue[] {
  return cues.filter((c) => {
    if (c.kind === "negation") return negatesMainPredicate(tree, c.span);
    if (c.kind === "prediction") return !isNounWithClause(tree, tree.wordAt(c.span.start));
    return true;
  });
}

/** "the best plan to correct …": a noun whose "to" clause modifies it (acl), where "X plans to …" governs it as a verb (xcomp). */
function isNounWithClause(tree: Tree, word: SyntaxWord | undefined): boolean {
  return !!word && word.upos === "NOUN" && !!tree.child(word, "acl") && !tree.child(word, "xcomp");
}

/** Relations by which a predicate carries on the sentence's main line: a coordinated verb, the content of a report. */
const MAIN_LINE = new Set(["conj", "ccomp", "parataxis", "xcomp"]);
/** Conjunctions that set a coordinated clause against the one before it. */
const CONTRASTING = new Set(["but", "yet"]);
/** Negative words that deny their predicate as its subject or determiner ("Nobody was hurt", "no troops crossed"), not as an object ("knows nothing"). */
const NEGATIVE_ARGUMENTS = new Set(["nsubj", "nsubj:pass", "expl"]);

/**
 * Whether a negation cue denies the sentence's claim, read from the parse: the negated predicate is the
 * root or carries on from it (a coordinated verb, a reported clause), and is not an order ("Don't get
 * hung up on …", "Play fair or don't play"). Negation in a relative clause, an adverbial clause, a
 * noun's complement or a clause after "but", and "to no avail" or "knows nothing", deny nothing the sentence claims.
 */
function negatesMainPredicate(tree: Tree, cue: Span): boolean {
  const word = tree.wordAt(cue.start);
  if (!word) return true;
  let predicate = tree.head(word);
  if (!predicate) return true;
  const relation = universal(word.deprel);
  if (relation === "det") {
    // "no troops crossed": the determiner's noun is the argument that must be the subject
    if (!NEGATIVE_ARGUMENTS.has(predicate.deprel) && universal(predicate.deprel) !== "obj") return false;
    predicate = tree.head(predicate);
  } else if (relation !== "advmod" && relation !== "aux" && relation !== "cc") {
    if (!NEGATIVE_ARGUMENTS.has(word.deprel)) return false;
  }
  for (let p = predicate, steps = 0; p && steps < 6; p = tree.head(p), steps++) {
    if (p.head < 0) return !isImperative(tree, p);
    if (!MAIN_LINE.has(universal(p.deprel))) return false;
    // "…said the troops arrived, but did not say how many": a clause set against the claim by "but" denies
    // what it says, not the claim
    if (universal(p.deprel) === "conj" && tree.children(p, "cc").some((c) => CONTRASTING.has(c.lemma))) return false;
  }
  return false;
}

/** A root with no subject, in its base form or after a base-form "do": an order, which asserts nothing. */
function isImperative(tree: Tree, root: SyntaxWord): boolean {
  if (tree.subject(root)) return false;
  const auxiliaries = tree.children(root, "aux");
  // "Don't get hung up": an order's "do" comes first, in its base form
  if (auxiliaries.some((a) => a.lemma === "do" && a.xpos === "VB")) return true;
  return root.upos === "VERB" && root.xpos === "VB" && !auxiliaries.some((a) => a.xpos === "MD" || a.xpos === "TO");
}

/** The label of the highest-ranked cue, with every cue that gives that label as evidence. */
function label(sentence: Sentence, cues: Cue[]): CertaintyFinding {
  let best: Cue | undefined;
  for (const cue of cues) if (LABEL[cue.kind] && (!best || CUE_RANK[cue.kind] < CUE_RANK[best.kind])) best = cue;
  const labelled = best ? LABEL[best.kind]! : "asserted";
  const evidence = cues.filter((c) => LABEL[c.kind] === labelled).map((c) => ({ start: c.span.start, end: c.span.end }));
  return { start: sentence.start, end: sentence.end, sentence: sentence.index, annotator: "certainty", label: labelled, evidence };
}
