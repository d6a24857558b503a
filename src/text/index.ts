import type { Doc } from "../doc.ts";
import { splitSentences } from "./sentences.ts";
import { tokenize } from "./tokens.ts";

export { splitSentences } from "./sentences.ts";
export { tokenize } from "./tokens.ts";
export { PhraseMatcher, type PhraseMatch } from "./phrases.ts";

/** Fills `doc.sentences` and `doc.tokens`: the text layer every annotator reads. */
export function segment(doc: Doc): Doc {
  doc.sentences = [];
  doc.tokens = [];
  for (const span of splitSentences(doc.text)) {
    const tokens = tokenize(doc.text, span);
    const tokenStart = doc.tokens.length;
    for (const t of tokens) doc.tokens.push(t);
    doc.sentences.push({ index: doc.sentences.length, start: span.start, end: span.end, tokenStart, tokenEnd: doc.tokens.length });
  }
  return doc;
}
