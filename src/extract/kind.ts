import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function kind(): Annotator {
  return {
    name: "kind",
    requires: ["sentences", "attribution", "certainty", "quantities", "entities"],
    provides: ["kind"],
    run(doc) {
      doc.layers.kind = [];
    },
  };
}
