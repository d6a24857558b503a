import type { Token } from "../../doc.ts";
import { PhraseMatcher } from "../../text/phrases.ts";

// The features of one sentence for the linear check-worthiness and subjectivity models. Training and
// inference share this one extractor and differ only in the sink that receives the features, so a
// model can never see features at run time that it was not trained on.
//
// Families: `w` lower-cased word unigrams (any token holding a digit becomes `#num`) and `c` their
// character n-grams, `b` bigrams (with `<s>` before the first word), `d` dense cues (lexicon classes
// and shape cues, each fired once per sentence at its first occurrence). Words and their n-grams count
// every occurrence. A model's weights file names features `family:key`.

export interface FeatureSink {
  /** The word (lower-cased, numbers folded) at token i, which brings the features `wordFeatures(word)` names. */
  word(word: string, i: number): void;
  /** The bigram `first second` fired on tokens [from, to); given as two words so that inference can
   * look it up without building the joined string. */
  pair(first: string, second: string, from: number, to: number): void;
  /** Dense cue `key` fired on tokens [from, to) of the sentence's token array. */
  dense(key: string, from: number, to: number): void;
}

/**
 * The value of one word, n-gram or bigram firing in a sentence of `tokens` tokens, for a model that
 * divides them by the sentence length to the power `lengthPower` (0: plain counts): a long sentence's
 * many words then do not outvote its few cues. Dense cues always count 1.
 */
export const wordValue = (tokens: number, lengthPower: number): number => (lengthPower ? Math.max(1, tokens) ** -lengthPower : 1);

/** The one word every token holding a digit becomes. */
const NUMBER = "#num";
/** Character n-grams of ` word ` (spaces mark its edges) from this length … */
const MIN_GRAM = 2;
/** … to this one: the suffixes, prefixes and stems that let a model weigh words it never saw. */
const MAX_GRAM = 5;

/**
 * The names of the features a word brings wherever it stands: its unigram `w:word` and the character
 * n-grams `c:…` of ` word `, one entry per occurrence. They depend on the word alone, which is what
 * lets inference sum them once per distinct word. Numbers and one-character tokens have no n-grams.
 */
export function wordFeatures(word: string): string[] {
  const names = [`w:${word}`];
  if (word === NUMBER || word.length < 2) return names;
  const padded = ` ${word} `;
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= padded.length; i++) names.push(`c:${padded.slice(i, i + n)}`);
  return names;
}

/** Lexicon classes: small hand lists of general English cue words, looked up as phrases. */
const LEXICON: Record<string, string[]> = {
  report: [
    "said", "says", "say", "told", "tells", "according to", "reported", "reports", "announced", "stated",
    "claimed", "claims", "added", "confirmed", "denied", "warned", "insisted", "noted", "explained",
    "argued", "estimated", "acknowledged", "revealed", "wrote", "asserted", "alleged", "admitted",
    "testified", "declared", "quoted", "cited", "disclosed", "briefed", "spokesman", "spokeswoman",
    "spokesperson", "statement",
  ],
  "first-person": ["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "i'm", "i've", "i'd", "we're", "we've", "we'd", "i'll", "we'll"],
  "second-person": ["you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll"],
  modal: ["may", "might", "could", "would", "should", "must", "ought", "can", "cannot", "can't", "couldn't", "wouldn't", "shouldn't"],
  future: ["will", "won't", "going to", "is expected to", "are expected to", "plans to"],
  evaluative: [
    "good", "bad", "great", "terrible", "horrible", "wonderful", "awful", "disgraceful", "shameful", "absurd",
    "ridiculous", "outrageous", "appalling", "alarming", "troubling", "disturbing", "worrying", "shocking",
    "astonishing", "astounding", "remarkable", "brilliant", "excellent", "poor", "foolish", "stupid",
    "dangerous", "reckless", "irresponsible", "unacceptable", "unfair", "unjust", "wrong", "tragic", "sad",
    "unfortunate", "crucial", "vital", "essential", "important", "dire", "grim", "bleak", "naive",
    "cynical", "hypocritical", "pathetic", "pointless", "meaningless", "useless", "incompetent",
    "disastrous", "catastrophic", "hopeful", "optimistic", "pessimistic", "perplexing", "bizarre",
    "strange", "weird", "silly", "nice", "beautiful", "ugly", "brave", "cowardly", "evil", "noble",
    "fragile", "profound", "striking", "stunning", "unsettling", "admirable", "deplorable", "misguided",
    "inevitable", "interesting", "fascinating", "boring", "worthless", "valuable", "fair", "reasonable",
    "unreasonable", "sensible", "smart", "clever", "dumb", "insane", "crazy", "amazing", "incredible",
    "fantastic", "genius", "mistake", "disaster", "shame", "nonsense", "irony", "ironic",
  ],
  stance: [
    "clearly", "obviously", "surely", "undoubtedly", "certainly", "frankly", "sadly", "unfortunately",
    "hopefully", "arguably", "perhaps", "maybe", "apparently", "of course", "indeed", "simply", "merely",
    "truly", "honestly", "admittedly", "ironically", "thankfully", "luckily", "presumably", "seemingly",
  ],
  feeling: [
    "feel", "feels", "felt", "believe", "think", "thought", "hope", "fear", "fears", "worry", "love",
    "hate", "wish", "want", "seems", "seem", "appears", "imagine", "suspect", "doubt", "guess",
  ],
  intensifier: ["very", "extremely", "really", "deeply", "utterly", "incredibly", "so", "too", "entirely", "absolutely", "totally", "quite", "rather", "even"],
  superlative: [
    "best", "worst", "most", "least", "greatest", "biggest", "largest", "highest", "lowest", "smallest",
    "strongest", "weakest", "fastest", "first", "last", "only", "ever", "never", "always", "every",
  ],
  negation: ["not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor"],
  amount: ["%", "$", "€", "£", "percent", "per cent", "million", "billion", "trillion", "thousand", "hundred", "dollars", "half", "double", "twice", "tripled", "doubled"],
  date: [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "last week", "last year", "last month", "this year", "this week",
  ],
  quote: ['"', "“", "”"],
  question: ["?"],
  exclamation: ["!"],
};

/** Each phrase with every class it is in: a phrase may sit in several ("may" is a modal and a month). */
const lexicon = new PhraseMatcher(classesByPhrase(LEXICON));

function classesByPhrase(classes: Record<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [cls, phrases] of Object.entries(classes))
    for (const p of phrases) out.set(p, [...(out.get(p) ?? []), cls]);
  return out;
}

/** Length buckets as fixed names, so the extractor builds no string for them. */
const LENGTH_BUCKETS = ["len:short", "len:medium", "len:long", "len:verylong"] as const;
const lengthBucket = (n: number): string => LENGTH_BUCKETS[n < 8 ? 0 : n < 16 ? 1 : n < 32 ? 2 : 3];

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (token: Token): boolean => {
  const c = token.lower.charCodeAt(0);
  return (c >= 97 && c <= 122) || c > 127;
};
/** Lower-casing changed the first character: the word is capitalised in the text. */
const isCapitalised = (text: string, token: Token): boolean => text.charCodeAt(token.start) !== token.lower.charCodeAt(0);
const hasDigit = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
};
/** A regular past tense or participle: "-ed" words of five letters or more ("reported", not "red"). */
const isPastTense = (lower: string): boolean => lower.length >= 5 && lower.endsWith("ed");

/**
 * Sends every feature of the sentence tokens[start, end) to `sink`. `text` is the string the token
 * offsets point into, read only to see capitals.
 */
export function extractFeatures(text: string, tokens: readonly Token[], start: number, end: number, sink: FeatureSink): void {
  const fired = new Set<string>();
  const dense = (key: string, from: number, to: number): void => {
    if (fired.has(key)) return;
    fired.add(key);
    sink.dense(key, from, to);
  };

  let prev = "<s>";
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    const word = hasDigit(token.lower) ? NUMBER : token.lower;
    sink.word(word, i);
    sink.pair(prev, word, i === start ? i : i - 1, i + 1);
    prev = word;

    if (word === NUMBER) dense("number", i, i + 1);
    else if (isPastTense(word)) dense("past", i, i + 1);
    if (i > start && isLetter(token) && token.lower.length > 1 && isCapitalised(text, token)) {
      dense("propn", i, i + 1);
      const next = tokens[i + 1];
      if (i + 1 < end && isLetter(next) && isCapitalised(text, next)) dense("propn-run", i, i + 2);
    }
  }
  for (let i = start; i < end; ) {
    const match = lexicon.matchAt(tokens, i, end);
    if (!match) {
      i++;
      continue;
    }
    for (const cls of match.value) dense(cls, match.tokenStart, match.tokenEnd);
    i = match.tokenEnd;
  }
  dense(lengthBucket(end - start), start, start);
}

