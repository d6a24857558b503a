import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Span } from "../doc.ts";

// wink-nlp with only sentence boundary detection: its tokenizer and SBD are fast and handle
// abbreviations ("U.S.", "Gen.") and quotes well. Lines are split first because news text uses line
// breaks as hard boundaries (headlines, datelines, list items) that carry no final punctuation.
const nlp = winkNLP(model, ["sbd"]);
const its = nlp.its;

/** Sentence spans of `text`, trimmed of surrounding white space, in order. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const line = /[^\n\r]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (!/\S/.test(m[0])) continue;
    for (const s of splitLine(m[0])) out.push({ start: m.index + s.start, end: m.index + s.end });
  }
  return out;
}

function splitLine(line: string): Span[] {
  const spans: Span[] = [];
  const sentences = nlp.readDoc(line).sentences().out(its.value) as string[];
  let cursor = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (!sentence) continue;
    // wink is lossless, so each sentence stands verbatim in the line; indexOf only skips white space
    let at = line.indexOf(sentence, cursor);
    if (at < 0) at = skipSpace(line, cursor);
    const end = Math.min(line.length, at + sentence.length);
    spans.push({ start: at, end });
    cursor = end;
  }
  if (!spans.length) {
    const start = skipSpace(line, 0);
    spans.push({ start, end: line.trimEnd().length });
  }
  return spans;
}

const skipSpace = (s: string, i: number): number => {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
};
