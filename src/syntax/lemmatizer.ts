// Lemmas from the treebank: a word seen in training with its tag takes the lemma it had most often
// there ("was VBD" → "be", "better JJR" → "good"); any other word is rewritten by the suffix rule
// that its tag and its longest known ending chose most often in training ("-ies NNS" → "-y",
// "-pped VBD" → "-p"). Proper nouns keep their capitals; other words are lower-cased first.

export interface LemmaData {
  /** "form XPOS" (form lower-cased unless the tag keeps case) → lemma. */
  exceptions: Record<string, string>;
  /** "XPOS ending" → [characters to cut, text to add]. */
  rules: Record<string, [number, string]>;
  /** XPOS tags whose lemmas keep the form's capitals (NNP, NNPS). */
  cased: string[];
}

export const LONGEST_ENDING = 5;

export class Lemmatizer {
  readonly data: LemmaData;
  #cased: Set<string>;
  #exceptions: Map<string, string>;
  #rules: Map<string, [number, string]>;

  constructor(data: LemmaData) {
    this.data = data;
    this.#cased = new Set(data.cased);
    this.#exceptions = new Map(Object.entries(data.exceptions));
    this.#rules = new Map(Object.entries(data.rules));
  }

  /** The form a lemma is made from: lower-cased unless the tag keeps case. */
  base(form: string, xpos: string): string {
    return this.#cased.has(xpos) ? form : form.toLowerCase();
  }

  lemma(form: string, xpos: string): string {
    const base = this.base(form, xpos);
    const known = this.#exceptions.get(`${base} ${xpos}`);
    if (known !== undefined) return known;
    for (let k = Math.min(LONGEST_ENDING, base.length - 1); k >= 1; k--) {
      const rule = this.#rules.get(`${xpos} ${base.slice(-k)}`);
      if (rule) return base.slice(0, base.length - rule[0]) + rule[1];
    }
    return base;
  }
}

/** The rule that turns `base` into `lemma`: how many final characters to cut and what to add. */
export function suffixRule(base: string, lemma: string): [number, string] {
  let common = 0;
  while (common < base.length && common < lemma.length && base[common] === lemma[common]) common++;
  return [base.length - common, lemma.slice(common)];
}
