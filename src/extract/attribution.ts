import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function attribution(): Annotator {
  return {
    name: "attribution",
    requires: ["sentences", "entities"],
    provides: ["attribution"],
    run(doc) {
      doc.layers.attribution = [];
    },
  };
}
