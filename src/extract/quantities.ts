import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function quantities(): Annotator {
  return {
    name: "quantities",
    requires: ["sentences"],
    provides: ["quantities"],
    run(doc) {
      doc.layers.quantities = [];
    },
  };
}
