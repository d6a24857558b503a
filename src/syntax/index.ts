// Syntax: UD words cut from the tokens, tagged, lemmatised and parsed by models trained here.
import type { Doc, ParsedSentence, Sentence, SyntaxWord } from "../doc.ts";
import { SyntaxModel, SYNTAX_MODEL_PATH } from "./model.ts";
import { syntacticWords } from "./split.ts";

export { SyntaxModel, SYNTAX_MODEL_PATH, type Analysis } from "./model.ts";
export { Tree, universal } from "./tree.ts";
export { syntacticWords, type WordSpan } from "./split.ts";
export { readConllu, writeConllu, type ConlluSentence, type ConlluWord } from "./conllu.ts";

let shared: SyntaxModel | undefined;
/** The model file `defaultSyntaxModel` reads: the shipped one, or $TRIANGULATE_SYNTAX_MODEL's (for comparing a candidate model in the benchmarks). */
export const syntaxModelPath = (): string => process.env.TRIANGULATE_SYNTAX_MODEL || SYNTAX_MODEL_PATH;

/** The shipped model, read on first use and kept for the process. */
export const defaultSyntaxModel = (): SyntaxModel => (shared ??= SyntaxModel.load(syntaxModelPath()));

/** Sentences of `doc` cut into syntactic words and parsed, in one `analyseAll` (faster than one by one). */
export function parseSentences(doc: Doc, sentences: readonly Sentence[], model: SyntaxModel): ParsedSentence[] {
  const spans = sentences.map((s) => syntacticWords(doc.text, doc.tokens, s.tokenStart, s.tokenEnd));
  const analyses = model.analyseAll(spans.map((words) => words.map((w) => doc.text.slice(w.start, w.end))));
  return sentences.map((sentence, k) => {
    const a = analyses[k];
    const words: SyntaxWord[] = spans[k].map((s, i) => ({
      start: s.start,
      end: s.end,
      index: i,
      token: s.token,
      upos: a.upos[i],
      xpos: a.xpos[i],
      lemma: a.lemma[i],
      head: a.head[i],
      deprel: a.deprel[i],
    }));
    return { start: sentence.start, end: sentence.end, sentence: sentence.index, annotator: "syntax", evidence: [], words };
  });
}

/** One sentence of `doc` cut into syntactic words and parsed. */
export function parseSentence(doc: Doc, sentence: Sentence, model: SyntaxModel): ParsedSentence {
  return parseSentences(doc, [sentence], model)[0];
}
