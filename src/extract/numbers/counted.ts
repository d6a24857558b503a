import type { Span, Token } from "../../doc.ts";
import { PLURAL_NOUNS, TIME_UNITS } from "./lexicon.ts";

// The counted thing: the short noun phrase a number counts ("10,000 North Korean troops" → "North
// Korean troops"). Token shapes and a small list of function words are enough: the phrase runs from
// the number to its first plural noun, or stops at a preposition, verb, or punctuation.

/** Words that end a noun phrase: prepositions, conjunctions, determiners, pronouns, common verbs. */
const STOP: ReadonlySet<string> = new Set([
  "of", "in", "on", "at", "to", "from", "by", "with", "for", "into", "onto", "over", "under", "near", "across", "along", "against",
  "among", "between", "during", "since", "until", "per", "about", "around", "via", "toward", "towards", "inside", "outside", "within",
  "without", "through", "behind", "beyond", "after", "before", "like", "than", "as", "and", "or", "but", "so", "nor", "yet", "that",
  "which", "who", "whom", "whose", "while", "if", "because", "when", "where", "the", "a", "an", "this", "these", "those", "its", "their",
  "his", "her", "our", "my", "your", "them", "they", "it", "he", "she", "we", "you", "us", "i", "is", "are", "was", "were", "be", "been",
  "being", "have", "has", "had", "do", "does", "did", "will", "would", "could", "should", "may", "might", "must", "can", "shall", "not",
  "say", "says", "said", "also", "already", "now", "still", "just", "only", "even", "each", "apiece", "every", "there", "here", "then",
  "reportedly", "allegedly", "remain", "remains", "remained", "more", "most", "less", "all", "both", "some", "any", "no", "such", "what",
  // a time adverbial after the number ("its estimate of 400 last week") is not what it counts
  "last", "next", "earlier", "later", "ago",
]);

/** Words between a number and its noun that say how many, not what: "10,000 more troops". */
const QUANTITY_ADJECTIVES: ReadonlySet<string> = new Set(["more", "additional", "extra", "further", "other", "fewer", "less", "odd", "plus", "+"]);

const WORD = /^[\p{L}][\p{L}'’.\-]*$/u;

export const isPluralWord = (w: string): boolean =>
  PLURAL_NOUNS.has(w) || (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && !STOP.has(w));

/**
 * The counted thing for a number ending before token `after` in tokens [from, to) of a sentence:
 * the noun phrase that follows (or follows "of the"), else the nearest plural noun phrase before it.
 */
export function countedThing(tokens: readonly Token[], numberStart: number, after: number, from: number, to: number): Span | undefined {
  return phraseAfter(tokens, after, to) ?? phraseBefore(tokens, numberStart, from);
}

/** The thing stated after a sum of money ("$2bn of weapons", "$5m worth of aid"), if any. */
export function thingAfterOf(tokens: readonly Token[], after: number, to: number): Span | undefined {
  let j = after;
  if (tokens[j]?.lower === "worth") j++;
  if (tokens[j]?.lower !== "of") return undefined;
  return phraseAfter(tokens, j, to);
}

function phraseAfter(tokens: readonly Token[], j: number, to: number): Span | undefined {
  if (tokens[j]?.lower === "of") {
    j++;
    while (j < to && DETERMINERS.has(tokens[j].lower)) j++;
  }
  while (j < to && QUANTITY_ADJECTIVES.has(tokens[j].lower)) j++;
  const start = j;
  for (; j < to && j - start < 4; j++) {
    const t = tokens[j];
    if (STOP.has(t.lower) || !WORD.test(t.lower)) break;
    if (j > start && /(?:ed|ing)$/.test(t.lower)) break; // "force crossed", "troops fighting"
    if (isPluralWord(t.lower)) {
      j++;
      break;
    }
  }
  return j > start ? { start: tokens[start].start, end: tokens[j - 1].end } : undefined;
}

const DETERMINERS: ReadonlySet<string> = new Set(["the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "all"]);

const LOOK_BACK = 12;

/** The nearest plural noun before the number, with up to two words that modify it ("North Korean soldiers"). */
function phraseBefore(tokens: readonly Token[], numberStart: number, from: number): Span | undefined {
  // a counted noun stands within a short clause of its number; looking further would be quadratic
  for (let j = numberStart - 1; j >= Math.max(from, numberStart - LOOK_BACK); j--) {
    const w = tokens[j].lower;
    if (!isPluralWord(w) || !WORD.test(w) || TIME_UNITS.has(w)) continue;
    let s = j;
    while (s > from && j - s < 2 && WORD.test(tokens[s - 1].lower) && !STOP.has(tokens[s - 1].lower) && !isPluralWord(tokens[s - 1].lower)) s--;
    return { start: tokens[s].start, end: tokens[j].end };
  }
  return undefined;
}
