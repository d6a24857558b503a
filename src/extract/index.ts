import { Pipeline } from "./pipeline.ts";
import { segmenter } from "./segmenter.ts";
import { syntax } from "./syntax.ts";
import { entities } from "./entities.ts";
import { dates } from "./dates.ts";
import { quantities } from "./quantities.ts";
import { attribution } from "./attribution.ts";
import { certainty } from "./certainty.ts";
import { kind } from "./kind.ts";

export { Pipeline, type Annotator } from "./pipeline.ts";
export { toClaimRecords, type ClaimRecord } from "./claims.ts";

/** The standard pipeline: text → syntax → entities → dates → quantities → attribution → certainty → kind. */
export function defaultPipeline(): Pipeline {
  return new Pipeline([segmenter(), syntax(), entities(), dates(), quantities(), attribution(), certainty(), kind()]);
}
