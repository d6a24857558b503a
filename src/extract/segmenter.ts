import type { Annotator } from "./pipeline.ts";
import { segment } from "../text/index.ts";

/** Sentences and tokens: the layer every other annotator reads. */
export function segmenter(): Annotator {
  return { name: "segmenter", requires: [], provides: ["sentences"], run: segment };
}
