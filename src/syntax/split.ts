import type { Span, Token } from "../doc.ts";

// Syntactic words as Universal Dependencies counts them, cut from the text layer's tokens: a negation
// or verb clitic is a word of its own ("do|n't", "ca|n't", "I|'m", "can|not", "gon|na"), and so is
// each part of a hyphenated compound or range ("well|-|known", "3,000|-|5,000"), except after a prefix
// written with a hyphen ("e-mail", "co-workers", "re-read") or in a code of several hyphens
// of digits ("713-853-3989"). Every word is a span of the text, so every finding the parse gives keeps its
// place in the original.

export interface WordSpan extends Span {
  /** The index in `doc.tokens` of the token the word was cut from. */
  token: number;
}

const CLITIC_ENDINGS = ["n't", "n’t", "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"];
/** Contractions written without the apostrophe, and words EWT cuts in two: form → length of the first word. */
const WHOLE: Record<string, number> = {
  cannot: 3,
  gonna: 3,
  wanna: 3,
  gotta: 3,
  dont: 2,
  didnt: 3,
  doesnt: 4,
  isnt: 2,
  wasnt: 3,
  arent: 3,
  werent: 4,
  couldnt: 5,
  wouldnt: 5,
  shouldnt: 6,
  havent: 4,
  hasnt: 3,
  hadnt: 3,
};
const HYPHEN_PREFIXES = new Set("e co pre post non semi re anti multi mid sub inter ex un over self x".split(" "));

/** The syntactic words of `tokens[from..to)`, in order. */
export function syntacticWords(text: string, tokens: readonly Token[], from = 0, to = tokens.length, out: WordSpan[] = []): WordSpan[] {
  for (let t = from; t < to; t++) {
    const { start, end, lower } = tokens[t];
    const cut = cliticCut(lower);
    if (cut > 0) {
      out.push({ start, end: start + cut, token: t }, { start: start + cut, end, token: t });
      continue;
    }
    if (lower.includes("-") && end - start > 2) {
      splitHyphens(text, start, end, t, out);
      continue;
    }
    out.push({ start, end, token: t });
  }
  return out;
}

/** Where a clitic starts in `lower`, or 0 when the token is one word. */
function cliticCut(lower: string): number {
  const whole = WHOLE[lower];
  if (whole !== undefined) return whole;
  if (lower.length < 3) return 0;
  for (const ending of CLITIC_ENDINGS) if (lower.length > ending.length && lower.endsWith(ending)) return lower.length - ending.length;
  return 0;
}

function splitHyphens(text: string, start: number, end: number, token: number, out: WordSpan[]): void {
  const word = text.slice(start, end);
  const parts = word.split("-");
  const code = parts.length >= 3 && parts.every((p) => /^\d+$/.test(p));
  if (code || parts.some((p) => !p) || HYPHEN_PREFIXES.has(parts[0].toLowerCase())) {
    out.push({ start, end, token });
    return;
  }
  let at = start;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.push({ start: at, end: at + 1, token });
      at++;
    }
    out.push({ start: at, end: at + part.length, token });
    at += part.length;
  });
}
