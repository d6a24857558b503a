import type { ParsedSentence, Span, SyntaxWord } from "../doc.ts";

// A parsed sentence as rules read it: by word, never by index arithmetic. "Who is the subject of
// this verb?", "which clause holds this number?", "what does this word govern?".

/** Relations whose dependent heads a clause of its own. */
const CLAUSAL = new Set(["root", "ccomp", "xcomp", "advcl", "acl", "csubj", "parataxis"]);

/** The universal part of a relation: "nsubj:pass" → "nsubj". */
export const universal = (deprel: string): string => {
  const colon = deprel.indexOf(":");
  return colon < 0 ? deprel : deprel.slice(0, colon);
};

/** Whether `deprel` is one of `relations`, each matching itself and its subtypes ("obl" matches "obl:tmod"). */
const isOneOf = (deprel: string, relations: readonly string[]): boolean =>
  relations.length === 0 || relations.includes(deprel) || relations.includes(universal(deprel));

const built = new WeakMap<ParsedSentence, Tree>();

export class Tree {
  readonly words: readonly SyntaxWord[];
  #children: SyntaxWord[][];

  /** The Tree of a parsed sentence, built once however many rules read it. */
  static of(parsed: ParsedSentence): Tree {
    let tree = built.get(parsed);
    if (!tree) built.set(parsed, (tree = new Tree(parsed)));
    return tree;
  }

  constructor(parsed: ParsedSentence | readonly SyntaxWord[]) {
    this.words = "words" in parsed ? parsed.words : parsed;
    this.#children = this.words.map(() => []);
    for (const w of this.words) if (w.head >= 0) this.#children[w.head].push(w);
  }

  /** The word the sentence hangs from. */
  get root(): SyntaxWord | undefined {
    return this.words.find((w) => w.head < 0);
  }

  head(word: SyntaxWord): SyntaxWord | undefined {
    return word.head >= 0 ? this.words[word.head] : undefined;
  }

  /** The word's dependents in text order, only those of the given relations when any are named. */
  children(word: SyntaxWord, ...relations: string[]): SyntaxWord[] {
    const all = this.#children[word.index];
    return relations.length ? all.filter((c) => isOneOf(c.deprel, relations)) : all;
  }

  /** The first dependent of the given relations, if any. */
  child(word: SyntaxWord, ...relations: string[]): SyntaxWord | undefined {
    return this.#children[word.index].find((c) => isOneOf(c.deprel, relations));
  }

  /** The word's heads, nearest first. */
  ancestors(word: SyntaxWord): SyntaxWord[] {
    const out: SyntaxWord[] = [];
    for (let h = this.head(word); h && out.length < this.words.length; h = this.head(h)) out.push(h);
    return out;
  }

  /**
   * The subject of a predicate: its own nsubj or csubj (passive ones too), else, for a verb that
   * shares it (an xcomp, or a conjunct of a verb), the subject of the verb it hangs from.
   */
  subject(predicate: SyntaxWord): SyntaxWord | undefined {
    for (let p: SyntaxWord | undefined = predicate, steps = 0; p && steps < this.words.length; steps++) {
      const own = this.child(p, "nsubj", "csubj", "expl");
      if (own) return own;
      if (!isOneOf(p.deprel, ["xcomp", "conj"])) return undefined;
      p = this.head(p);
    }
    return undefined;
  }

  /** The head of the smallest clause that holds the word (the word itself when it heads one). */
  clause(word: SyntaxWord): SyntaxWord {
    for (let w: SyntaxWord | undefined = word, steps = 0; w && steps <= this.words.length; w = this.head(w), steps++) {
      if (CLAUSAL.has(universal(w.deprel))) return w;
      // a conjunct of a clause's head heads a clause of its own (UD hangs every conjunct from the first)
      const head = this.head(w);
      if (universal(w.deprel) === "conj" && head && CLAUSAL.has(universal(head.deprel))) return w;
    }
    return this.root ?? word;
  }

  /** Whether `word` is `ancestor` or lies under it. */
  dominates(ancestor: SyntaxWord, word: SyntaxWord): boolean {
    return word === ancestor || this.ancestors(word).includes(ancestor);
  }

  /** The words under `word`, itself included, in text order. */
  subtree(word: SyntaxWord): SyntaxWord[] {
    const out: SyntaxWord[] = [];
    const stack = [word];
    while (stack.length) {
      const w = stack.pop()!;
      out.push(w);
      for (const c of this.#children[w.index]) stack.push(c);
    }
    return out.sort((a, b) => a.index - b.index);
  }

  /** The span of text from the first to the last word under `word`. */
  span(word: SyntaxWord): Span {
    const words = this.subtree(word);
    return { start: words[0].start, end: words[words.length - 1].end };
  }

  /** The word that covers character `offset` of the text, if any. */
  wordAt(offset: number): SyntaxWord | undefined {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.words[mid];
      if (offset < w.start) hi = mid - 1;
      else if (offset >= w.end) lo = mid + 1;
      else return w;
    }
    return undefined;
  }
}
