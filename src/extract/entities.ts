import type { Annotator } from "./pipeline.ts";

// STUB: to be implemented.
export function entities(): Annotator {
  return {
    name: "entities",
    requires: ["sentences"],
    provides: ["entities"],
    run(doc) {
      doc.layers.entities = [];
    },
  };
}
