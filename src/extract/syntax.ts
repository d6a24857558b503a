import type { Annotator } from "./pipeline.ts";
import { defaultSyntaxModel, parseSentences, type SyntaxModel } from "../syntax/index.ts";

/** UD words with their tags, lemmas and dependency tree, sentence by sentence (`doc.layers.syntax`). */
export function syntax(options: { model?: SyntaxModel } = {}): Annotator {
  const model = options.model ?? defaultSyntaxModel();
  return {
    name: "syntax",
    requires: ["sentences"],
    provides: ["syntax"],
    run(doc) {
      doc.layers.syntax = parseSentences(doc, doc.sentences, model);
    },
  };
}
