import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function dates(): Annotator {
  return {
    name: "dates",
    requires: ["sentences"],
    provides: ["dates"],
    run(doc) {
      doc.layers.dates = [];
    },
  };
}
