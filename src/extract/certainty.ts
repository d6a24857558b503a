import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function certainty(): Annotator {
  return {
    name: "certainty",
    requires: ["sentences", "attribution"],
    provides: ["certainty"],
    run(doc) {
      doc.layers.certainty = [];
    },
  };
}
