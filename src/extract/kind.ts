import { bySentence, type CertaintyFinding, type CertaintyLabel, type Doc, type KindFinding, type Sentence, type Span } from "../doc.ts";
import type { Annotator } from "./pipeline.ts";
import { LinearModel, scoreSentence, strongest, type Scored } from "./classifier/model.ts";

// Claim or opinion, per sentence. Two linear models give the evidence of the words: check-worthiness
// (trained on debate sentences) and subjectivity (trained on news sentences). What the other
// annotators found then moves the decision, following the claim rules of ../shared/eval/README.md:
// what someone said is a claim, numbers, dates and named actors make a sentence verifiable, and a
// question the writer asks, or a guess they make, in their own voice is rhetoric or speculation, not a claim.

/** How far each finding of another layer moves the decision, in log-odds. */
const PUSH: Record<keyof Cues, number> = {
  attribution: 1.5,
  quantity: 1,
  date: 0.5,
  entity: 0.25,
  ownQuestion: -2,
  ownSpeculation: -1,
};
/** Certainty labels that, in the writer's own voice, make a sentence speculation rather than a report. */
const SPECULATIVE = new Set<CertaintyLabel>(["hedged", "conditional", "predicted"]);
/** How many of the words that pushed hardest towards the decision become its evidence. */
const EVIDENCE_WORDS = 3;

interface Models {
  checkworthy: LinearModel;
  subjectivity: LinearModel;
}
let shipped: Models | undefined;
/** The shipped models, read once per process however many pipelines are built. */
const loadModels = (): Models =>
  (shipped ??= { checkworthy: LinearModel.load("checkworthy"), subjectivity: LinearModel.load("subjectivity") });

const logit = (p: number): number => Math.log(p / (1 - p));

/** What the other layers found in one sentence, as the spans that show it. */
interface Cues {
  attribution?: Span;
  quantity?: Span;
  date?: Span;
  entity?: Span;
  ownQuestion?: Span;
  ownSpeculation?: Span;
}

export function kind(): Annotator {
  const models = loadModels();
  return {
    name: "kind",
    requires: ["sentences", "attribution", "certainty", "quantities", "entities"],
    provides: ["kind"],
    run(doc) {
      const attributions = bySentence(doc.layers.attribution);
      const quantities = bySentence(doc.layers.quantities);
      const entities = bySentence(doc.layers.entities);
      const certainties = bySentence(doc.layers.certainty);
      // dates are read when the dates annotator ran before this one (it does in the default pipeline)
      const dates = bySentence(doc.layers.dates);
      doc.layers.kind = doc.sentences.map((sentence) => {
        const attribution = attributions.get(sentence.index)?.[0];
        const cues: Cues = {
          attribution: attribution?.chain[0]?.cue,
          quantity: quantities.get(sentence.index)?.[0],
          date: dates.get(sentence.index)?.[0],
          entity: entities.get(sentence.index)?.[0],
          ownQuestion: attribution ? undefined : ownQuestion(doc, sentence),
          ownSpeculation: attribution ? undefined : speculation(certainties.get(sentence.index)?.[0]),
        };
        return classify(doc, sentence, cues, models);
      });
    },
  };
}

/** The closing "?" of a sentence that no one else is said to have asked. */
function ownQuestion(doc: Doc, sentence: Sentence): Span | undefined {
  for (let i = sentence.tokenEnd - 1; i >= sentence.tokenStart; i--) {
    const word = doc.tokens[i].lower;
    if (word === "?") return doc.tokens[i];
    if (!/^["'”’)\]]$/.test(word)) return undefined;
  }
  return undefined;
}

/** The words that make a sentence hedged, conditional or predicted. */
function speculation(certainty: CertaintyFinding | undefined): Span | undefined {
  return certainty && SPECULATIVE.has(certainty.label) ? (certainty.evidence[0] ?? certainty) : undefined;
}

function classify(doc: Doc, sentence: Sentence, cues: Cues, models: Models): KindFinding {
  const { tokenStart, tokenEnd } = sentence;
  const [check, subjective] = scoreSentence([models.checkworthy, models.subjectivity], doc.text, doc.tokens, tokenStart, tokenEnd);
  // each model's log-odds measured from its own threshold, so 0 is where it would change its mind
  let margin =
    logit(check.probability) - logit(models.checkworthy.threshold) -
    (logit(subjective.probability) - logit(models.subjectivity.threshold));
  const pushes: Array<{ span: Span; push: number }> = [];
  for (const [cue, push] of Object.entries(PUSH) as Array<[keyof Cues, number]>) {
    const span = cues[cue];
    if (!span) continue;
    margin += push;
    pushes.push({ span: { start: span.start, end: span.end }, push });
  }
  // an attributed figure is a claim whatever the tone around it
  const isClaim = (cues.attribution !== undefined && cues.quantity !== undefined) || margin > 0;
  const towardsDecision = pushes.filter(({ push }) => push > 0 === isClaim).map(({ span }) => span);
  return {
    start: sentence.start,
    end: sentence.end,
    sentence: sentence.index,
    annotator: "kind",
    kind: isClaim ? "claim" : "opinion",
    checkworthy: check.probability,
    subjective: subjective.probability,
    evidence: [...towardsDecision, ...strongestWords(doc, check, subjective, isClaim)],
  };
}

/** The words whose weights pushed hardest towards the decision, over both models (subjectivity counts against a claim). */
function strongestWords(doc: Doc, check: Scored, subjective: Scored, isClaim: boolean): Span[] {
  const both: Scored = {
    probability: 0,
    from: [...check.from, ...subjective.from],
    to: [...check.to, ...subjective.to],
    weight: [...check.weight, ...subjective.weight.map((w) => -w)],
  };
  const spans: Span[] = [];
  for (const { from, to } of strongest(both, isClaim, EVIDENCE_WORDS * 2)) {
    const span = { start: doc.tokens[from].start, end: doc.tokens[to - 1].end };
    if (!spans.some((s) => s.start === span.start && s.end === span.end)) spans.push(span);
    if (spans.length === EVIDENCE_WORDS) break;
  }
  return spans;
}
