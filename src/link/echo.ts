// Echoes: a document that is a copy of another (a wire story re-run with small edits) adds no
// independent source. Two signals: near-duplicate text, found with MinHash over word 5-shingles and
// locality-sensitive hashing (so a new document is compared with a handful of candidates, not all),
// and a wire credit in the text ("MOSCOW, 24 Oct (AFP) —", "Reporting by … for Meridian Press").

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
/** Estimated Jaccard similarity of shingle sets at or above which a document is an echo. */
export const ECHO_THRESHOLD = 0.5;

// Fixed odd multipliers and offsets: signatures must be the same in every run to be stored.
const SEEDS = Array.from({ length: HASHES }, (_, i) => [(Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0, Math.imul(i + 7, 0x85ebca6b) >>> 0]);

/** FNV-1a of `words[from..to)` joined by single spaces, without building the joined string. */
function fnv1aWords(words: string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 32, 0x01000193);
    const s = words[w];
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** The MinHash signature of a text's word 5-shingles. */
export function minhash(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv1aWords(words, i, Math.min(words.length, i + SHINGLE));
    for (let k = 0; k < HASHES; k++) {
      const v = (Math.imul(h, SEEDS[k][0]) + SEEDS[k][1]) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

export const similarity = (a: Uint32Array, b: Uint32Array): number => {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
};

/** Finds, for each new document, the earliest stored document it nearly duplicates. */
export class EchoIndex {
  // a document in each of its 16 bands: numbers for keys and the lone id for a band only one document
  // has (nearly all of them) rather than strings and arrays, which took some 240 MB of 100k articles' links
  #bands = new Map<number, string | string[]>();
  /** Each document's signature and the order it was added in. */
  #signatures = new Map<string, { sig: Uint32Array; seq: number }>();

  /** The earlier documents `sig` nearly duplicates, first added first; then adds it under `id`. */
  add(id: string, sig: Uint32Array): string[] {
    const echoes = this.find(sig);
    this.index(id, sig);
    return echoes;
  }

  /** Adds a document without looking for what it duplicates (one linked before, whose echoes are known). */
  index(id: string, sig: Uint32Array): void {
    // a document analysed again keeps its place in the order
    this.#signatures.set(id, { sig, seq: this.#signatures.get(id)?.seq ?? this.#signatures.size });
    for (const key of bandKeys(sig)) {
      const held = this.#bands.get(key);
      if (held === undefined) this.#bands.set(key, id);
      else if (typeof held === "string") this.#bands.set(key, [held, id]);
      else held.push(id);
    }
  }

  find(sig: Uint32Array): string[] {
    const candidates = new Set<string>();
    for (const key of bandKeys(sig)) {
      const held = this.#bands.get(key);
      if (typeof held === "string") candidates.add(held);
      else for (const id of held ?? []) candidates.add(id);
    }
    return [...candidates]
      .map((id) => ({ id, ...this.#signatures.get(id)! }))
      .filter((c) => similarity(sig, c.sig) >= ECHO_THRESHOLD)
      .sort((a, b) => a.seq - b.seq)
      .map((c) => c.id);
  }
}

/**
 * Each band's rows as one number: the band above 32 bits, a hash of its rows below. Two bands that
 * share a hash but not their rows (about one pair per band in 100k documents) only add a candidate,
 * which the similarity test then drops.
 */
function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) {
      h = Math.imul(h ^ sig[r], 0xcc9e2d51);
      h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
    }
    keys.push(b * 2 ** 32 + (h >>> 0));
  }
  return keys;
}

const NAME = String.raw`[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4}`;
const CREDITS = [
  // dateline credit: "TOWN, 12 March (AFP) —", "WASHINGTON (Reuters) -"
  new RegExp(String.raw`^[A-Z][A-Za-z .'’-]{1,40}(?:,[^()\n]{1,30})? \((${NAME})\) ?[-—–]`, "m"),
  // "Reporting by Jane Doe for Meridian Press", "Reporting by Jane Doe; editing by … (Reuters)"
  new RegExp(String.raw`Reporting by [^\n]{1,120}? (?:for|of) (${NAME})`),
  // "This story first appeared in The Daily Courier"
  new RegExp(String.raw`(?:first|originally) (?:appeared|published|ran) (?:in|on|by) (?:the )?(${NAME})`),
  // a credit line of its own: "(AFP)"
  new RegExp(String.raw`^\s*\((${NAME})\)\s*$`, "m"),
];

/** The agency a story is credited to, if the text credits one. */
export function wireCredit(text: string): string | undefined {
  for (const re of CREDITS) {
    const m = re.exec(text);
    if (m) return m[1].replace(/[.,]$/, "");
  }
  return undefined;
}
