import type { Doc } from "../doc.ts";
import { splitSentences } from "./sentences.ts";
import { tokenizeInto } from "./tokens.ts";

export { splitSentences, TITLE_ABBREVIATIONS } from "./sentences.ts";
export { tokenize } from "./tokens.ts";
export { PhraseMatcher, type PhraseMatch } from "./phrases.ts";

/** Fills `doc.sentences` and `doc.tokens`: the text layer every annotator reads. */
export function segment(doc: Doc): Doc {
  doc.sentences = [];
  doc.tokens = [];
  for (const span of splitSentences(doc.text)) {
    const tokenStart = doc.tokens.length;
    tokenizeInto(doc.text, span.start, span.end, doc.tokens);
    doc.sentences.push({ index: doc.sentences.length, start: span.start, end: span.end, tokenStart, tokenEnd: doc.tokens.length });
  }
  return doc;
}
