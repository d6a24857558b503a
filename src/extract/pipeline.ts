import type { Doc, LayerName } from "../doc.ts";
import { TriangulateError } from "../errors.ts";

/**
 * A named pipeline component, spaCy-style: it declares the layers it reads and the ones it writes,
 * is configured once when it is made, and then runs synchronously on each Doc.
 */
export interface Annotator {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: Doc): void;
}

/** An ordered list of annotators, checked when it is built so a missing layer fails before any document runs. */
export class Pipeline {
  #components: Annotator[];

  constructor(components: Annotator[]) {
    this.#components = [...components];
    this.#check();
  }

  /** Component names in run order. */
  get names(): string[] {
    return this.#components.map((c) => c.name);
  }

  get(name: string): Annotator | undefined {
    return this.#components.find((c) => c.name === name);
  }

  /** A new pipeline with the named component swapped for another that gives the same layers. */
  replace(name: string, component: Annotator): Pipeline {
    const i = this.#components.findIndex((c) => c.name === name);
    if (i < 0) throw new TriangulateError("PIPELINE_UNKNOWN_COMPONENT", `no component named "${name}"`, `known: ${this.names.join(", ")}`);
    const next = [...this.#components];
    next[i] = component;
    return new Pipeline(next);
  }

  /** A new pipeline without the named components (their dependants must go too, or it throws). */
  without(...names: string[]): Pipeline {
    return new Pipeline(this.#components.filter((c) => !names.includes(c.name)));
  }

  run(doc: Doc): Doc {
    for (const c of this.#components) c.run(doc);
    return doc;
  }

  #check(): void {
    const given = new Set<LayerName>();
    for (const c of this.#components) {
      for (const need of c.requires)
        if (!given.has(need))
          throw new TriangulateError(
            "PIPELINE_MISSING_LAYER",
            `component "${c.name}" requires layer "${need}", which no earlier component provides`,
            `order now: ${this.names.join(" → ")}`,
          );
      for (const p of c.provides) given.add(p);
    }
  }
}
