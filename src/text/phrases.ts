import type { Token } from "../doc.ts";
import { tokenize } from "./tokens.ts";

/** A lexicon hit: which entry matched and the token range it covers (end exclusive). */
export interface PhraseMatch<V> {
  value: V;
  tokenStart: number;
  tokenEnd: number;
}

/** Every node is made with both fields, `value` undefined until an entry ends there: one object shape keeps the walk fast. */
interface Node<V> {
  next: Map<string, Node<V>>;
  value: V | undefined;
}

/**
 * Multi-word lexicon lookup over lower-cased tokens: a trie keyed by token, so finding every entry
 * in a sentence costs one walk per token however large the lexicon. Longest match wins, left to right.
 * Phrases are tokenized with the same tokenizer as documents, so "U.S." or "Russia's" line up.
 */
export class PhraseMatcher<V> {
  #root: Node<V> = { next: new Map(), value: undefined };
  #size = 0;

  constructor(entries: Iterable<[phrase: string, value: V]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a phrase; a phrase added twice keeps its first value. */
  add(phrase: string, value: V): this {
    const keys = tokenize(phrase).map((t) => t.lower);
    if (!keys.length) return this;
    let node = this.#root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), value: undefined }));
      node = child;
    }
    if (node.value === undefined) {
      node.value = value;
      this.#size++;
    }
    return this;
  }

  /** The longest entry starting at token `i`, if any. */
  matchAt(tokens: readonly Token[], i: number, end = tokens.length): PhraseMatch<V> | undefined {
    let node: Node<V> | undefined = this.#root;
    let bestEnd = -1;
    let bestValue: V | undefined;
    for (let j = i; j < end && node; j++) {
      node = node.next.get(tokens[j].lower);
      if (node?.value !== undefined) {
        bestEnd = j + 1;
        bestValue = node.value;
      }
    }
    return bestEnd < 0 ? undefined : { value: bestValue!, tokenStart: i, tokenEnd: bestEnd };
  }

  /** Every non-overlapping longest match in tokens[start, end). */
  findAll(tokens: readonly Token[], start = 0, end = tokens.length): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    for (let i = start; i < end; ) {
      const m = this.matchAt(tokens, i, end);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
