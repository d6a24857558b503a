// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root at the
// end of the buffer (Ballesteros and Nivre 2013). Words 0..n-1; index n is the root. A sentence of
// n words takes exactly 2n transitions, so parsing is linear in its length.
//   SHIFT  moves the buffer's first word onto the stack;
//   LEFT   makes the buffer's first word the head of the stack's top, which is popped;
//   RIGHT  makes the second word on the stack the head of the top, which is popped.
// Only one word may attach to the root: LEFT from the root is allowed when the stack holds one word.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const TRANSITIONS = 3;

const NO = -1;

export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  depth = 0;
  /** The buffer's first word (n is the root). */
  front = 0;
  readonly heads: Int32Array;
  readonly leftmost: Int32Array;
  readonly leftmost2: Int32Array;
  readonly rightmost: Int32Array;
  readonly rightmost2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    const filled = () => new Int32Array(n + 1).fill(NO);
    this.heads = filled();
    this.leftmost = filled();
    this.leftmost2 = filled();
    this.rightmost = filled();
    this.rightmost2 = filled();
    this.leftCount = new Int32Array(n + 1);
    this.rightCount = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.front === this.n && this.depth === 0;
  }

  /** The stack's i-th word from the top, or -1. */
  s(i: number): number {
    return this.depth > i ? this.stack[this.depth - 1 - i] : NO;
  }

  /** The buffer's i-th word (the root counts), or -1 past it. */
  b(i: number): number {
    return this.front + i <= this.n ? this.front + i : NO;
  }

  /** The one legal transition when there is only one (an empty stack, or the buffer down to the root), else -1. */
  get forced(): number {
    if (this.depth === 0) return SHIFT;
    if (this.front === this.n) return this.depth === 1 ? LEFT : RIGHT;
    return -1;
  }

  canDo(t: number): boolean {
    if (t === SHIFT) return this.front < this.n;
    if (t === LEFT) return this.depth > 0 && (this.front < this.n || this.depth === 1);
    return this.depth > 1;
  }

  apply(t: number): void {
    if (t === SHIFT) {
      this.stack[this.depth++] = this.front++;
      return;
    }
    const dependent = this.stack[--this.depth];
    this.#attach(t === LEFT ? this.front : this.stack[this.depth - 1], dependent);
  }

  #attach(head: number, dependent: number): void {
    this.heads[dependent] = head;
    if (dependent < head) {
      this.leftCount[head]++;
      if (this.leftmost[head] === NO || dependent < this.leftmost[head]) {
        this.leftmost2[head] = this.leftmost[head];
        this.leftmost[head] = dependent;
      } else if (this.leftmost2[head] === NO || dependent < this.leftmost2[head]) this.leftmost2[head] = dependent;
    } else {
      this.rightCount[head]++;
      if (this.rightmost[head] === NO || dependent > this.rightmost[head]) {
        this.rightmost2[head] = this.rightmost[head];
        this.rightmost[head] = dependent;
      } else if (this.rightmost2[head] === NO || dependent > this.rightmost2[head]) this.rightmost2[head] = dependent;
    }
  }
}

/**
 * How many arcs of the gold tree (`gold[i]` the head of word i, n for the root) transition `t` would
 * make unreachable (Goldberg and Nivre 2013): zero-cost transitions are the dynamic oracle's answer.
 */
export function transitionCost(state: ParseState, gold: Int32Array, t: number): number {
  const { n, front } = state;
  let cost = 0;
  if (t === SHIFT) {
    const s0 = state.s(0);
    for (let k = 0; k < state.depth; k++) {
      const d = state.stack[k];
      if (gold[d] === front) cost++;
      if (gold[front] === d && d !== s0) cost++;
    }
    return cost;
  }
  const s0 = state.s(0);
  for (let d = front; d < n; d++) if (gold[d] === s0) cost++;
  const head = gold[s0];
  if (t === LEFT) {
    if (head !== front && (head === state.s(1) || head > front)) cost++;
  } else if (head >= front) cost++;
  return cost;
}

/** Gold heads made projective by lifting each crossing arc to the head's head (shortest arcs first). */
export function projectivize(heads: Int32Array): Int32Array {
  const h = Int32Array.from(heads);
  const n = h.length;
  const dominates = (a: number, d: number): boolean => {
    for (let x = d, steps = 0; x !== n && steps <= n; x = h[x], steps++) if (x === a) return true;
    return a === n;
  };
  for (let guard = 0; guard < n * n; guard++) {
    let worst = -1;
    let worstSpan = Infinity;
    for (let d = 0; d < n; d++) {
      const lo = Math.min(d, h[d]);
      const hi = Math.max(d, h[d]);
      if (hi - lo >= worstSpan) continue;
      for (let k = lo + 1; k < hi; k++)
        if (!dominates(h[d], k)) {
          worst = d;
          worstSpan = hi - lo;
          break;
        }
    }
    if (worst < 0) return h;
    h[worst] = h[h[worst]];
  }
  return h;
}
