// Near-synonym classes of predicates (`predicates.txt`, one class a line): the frame's predicate class,
// so that "send", "deploy" and "dispatch" or "kill", "death" and "dead" compare as one.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const CLASS_OF = new Map<string, string>();
for (const line of readFileSync(join(import.meta.dirname, "predicates.txt"), "utf8").split("\n")) {
  const m = /^([\w-]+):\s*(.+)$/.exec(line.trim());
  if (!m) continue;
  for (const lemma of m[2].split(/\s+/)) if (!CLASS_OF.has(lemma)) CLASS_OF.set(lemma, m[1]);
}

/** The class of near-synonyms a lemma belongs to, if any. */
export const predicateClass = (lemma: string): string | undefined => CLASS_OF.get(lemma.toLowerCase());
