import { ORDINAL_WORDS, SCALE_WORDS, SMALL_NUMBERS } from "./lexicon.ts";
import type { Piece } from "./pieces.ts";

// Spelled-out numbers: "three thousand", "one hundred and twenty", "half a million", "two point five",
// and the fractions and ordinals built from them ("two thirds", "one and a half", "twenty-first").

/** A number read from words: pieces [start, end) hold it. */
export interface WordNumber {
  value: number;
  start: number;
  end: number;
  ordinal: boolean;
}

type Atom =
  | { type: "small"; n: number; piece: number }
  | { type: "scale"; n: number; piece: number }
  | { type: "ordinal"; n: number; word: string; piece: number }
  | { type: "and" | "a" | "point" | "half"; piece: number };

const isNumberWord = (w: string): boolean => SMALL_NUMBERS.has(w) || SCALE_WORDS.has(w) || ORDINAL_WORDS.has(w);

/** Whether a piece can begin a spelled number (cheap test before `readWordNumber`). */
export const startsWordNumber = (p: Piece): boolean =>
  p.type === "word" && (SMALL_NUMBERS.has(p.lower) || p.lower === "a" || p.lower === "an" || p.lower === "half" || SCALE_WORDS.has(p.lower) || ORDINAL_WORDS.has(p.lower));

/** Reads the spelled number starting at piece `i`, if there is one. */
export function readWordNumber(pieces: readonly Piece[], i: number): WordNumber | undefined {
  const atoms = collectAtoms(pieces, i);
  if (!atoms.length) return undefined;
  const read = evaluate(atoms);
  if (!read) return undefined;
  return { value: read.value, start: pieces[atoms[0].piece].start, end: atoms[read.used - 1].piece + 1, ordinal: read.ordinal };
}

/** The run of number words from piece `i`; hyphens and "and" are kept only between number words. */
function collectAtoms(pieces: readonly Piece[], i: number): Atom[] {
  const atoms: Atom[] = [];
  for (let k = i; k < pieces.length && atoms.length < MAX_ATOMS; k++) {
    const w = pieces[k].lower;
    const next = pieces[k + 1]?.lower ?? "";
    if (SMALL_NUMBERS.has(w)) atoms.push({ type: "small", n: SMALL_NUMBERS.get(w)!, piece: k });
    else if (SCALE_WORDS.has(w)) atoms.push({ type: "scale", n: SCALE_WORDS.get(w)!, piece: k });
    else if (w === "half" && (next === "a" || next === "an" || (!atoms.length && SCALE_WORDS.has(next)))) {
      if (atoms.length === 1 && atoms[0].type === "a") atoms.pop(); // "a half a million" is "half a million"
      else if (atoms.length) break;
      atoms.push({ type: "half", piece: k });
    } else if (ORDINAL_WORDS.has(w) && (!SECONDS.has(w) || !atoms.length)) {
      atoms.push({ type: "ordinal", n: ORDINAL_WORDS.get(w)!, word: w, piece: k });
      const scale = NOT_AFTER_A.has(w) ? undefined : scaleAfterFraction(pieces, k + 1);
      if (scale) atoms.push(scale);
      break;
    } else if ((w === "a" || w === "an") && (SCALE_WORDS.has(next) || (ORDINAL_WORDS.has(next) && !NOT_AFTER_A.has(next)))) atoms.push({ type: "a", piece: k });
    else if (atoms.length && (w === "and" || w === "point") && (SMALL_NUMBERS.has(next) || next === "a" || (w === "and" && ORDINAL_WORDS.has(next)))) atoms.push({ type: w, piece: k });
    else if (atoms.length && w === "-" && isNumberWord(next)) continue;
    else break;
    // a number word glued by a hyphen to an ordinary word is part of a compound ("one-time", "half-hearted")
    const after = pieces[k + 2];
    if (next === "-" && pieces[k + 1].glued && after?.type === "word" && after.glued && !isNumberWord(after.lower)) {
      if (w === "half") atoms.pop();
      break;
    }
  }
  while (atoms.length && (atoms[atoms.length - 1].type === "and" || atoms[atoms.length - 1].type === "point" || atoms[atoms.length - 1].type === "a")) atoms.pop();
  return atoms;
}

/**
 * No spelled number runs longer than this ("nine hundred ninety-nine thousand nine hundred ninety-nine"
 * is 12 atoms); the cap keeps a long run of number words ("one two one two …") from being re-read whole
 * from every word in it, which would be quadratic.
 */
const MAX_ATOMS = 32;

/** "a quarter million", "two thirds of a million": the big scale a fraction word multiplies. */
function scaleAfterFraction(pieces: readonly Piece[], k: number): Atom | undefined {
  if (pieces[k]?.lower === "of" && (pieces[k + 1]?.lower === "a" || pieces[k + 1]?.lower === "an")) k += 2;
  const n = pieces[k] && SCALE_WORDS.get(pieces[k].lower);
  return n && n >= 1000 ? { type: "scale", n, piece: k } : undefined;
}

/** "second" is a unit of time as often as an ordinal, so it is never a fraction's denominator. */
const SECONDS: ReadonlySet<string> = new Set(["second", "seconds"]);
/** "a first", "a second": not fractions. */
const NOT_AFTER_A: ReadonlySet<string> = new Set(["first", "second", "seconds"]);
/** Fraction words that are not ordinals when they stand alone. */
const NOT_ALONE: ReadonlySet<string> = new Set(["quarter", "quarters", "halves", "seconds"]);

interface Reading {
  value: number;
  used: number;
  ordinal: boolean;
}

/** Evaluates atoms as a fraction or ordinal when an ordinal word ends them, else as a cardinal. */
function evaluate(atoms: Atom[]): Reading | undefined {
  let last = atoms[atoms.length - 1];
  if (last.type === "scale" && atoms[atoms.length - 2]?.type === "ordinal") {
    const read = fraction(atoms, atoms.length - 2, last.n);
    if (read) return read;
    atoms = atoms.slice(0, -1); // "the twenty-first million": an ordinal, and the scale is not its
    last = atoms[atoms.length - 1];
  }
  if (last.type === "ordinal") {
    const read = fraction(atoms, atoms.length - 1);
    if (read) return read;
  }
  const card = cardinal(atoms, 0);
  if (card.used === 0) return undefined;
  if (card.used < atoms.length) {
    // "twenty twenty fifths", "one one hundred fifth": a number, then a spelled ordinal denominator
    const rest = cardinal(atoms, card.used);
    let k = card.used + rest.used;
    if (atoms[k]?.type === "and") k++;
    const ord = atoms[k];
    if (ord?.type === "ordinal" && rest.used > 0) return { value: card.value / ordinalValue(rest.value, ord.n), used: k + 1, ordinal: false };
  }
  return { value: card.value, used: card.used, ordinal: false };
}

/** "twenty" + "fifth" = 25, "one hundred" + "fifth" = 105, "two" + "hundredth" = 200. */
const ordinalValue = (prefix: number, ord: number): number => (prefix === 0 ? ord : ord >= 100 && prefix < ord ? prefix * ord : prefix + ord);

/**
 * The atoms before ordinal atom `k`: a numerator (a fraction), a compound ordinal, or nothing.
 * `scale` is a big scale word after the fraction ("a quarter million"), 1 if none.
 */
function fraction(atoms: Atom[], k: number, scale = 1): Reading | undefined {
  const ord = atoms[k] as Extract<Atom, { type: "ordinal" }>;
  const used = scale > 1 ? k + 2 : k + 1;
  const plural = ord.word.endsWith("s");
  if (k === 0) {
    if (ord.word === "half" || (scale > 1 && ord.word === "quarter")) return { value: scale / ord.n, used, ordinal: false };
    return NOT_ALONE.has(ord.word) || scale > 1 ? undefined : { value: ord.n, used, ordinal: true };
  }
  const before = atoms.slice(0, k);
  const last = before[before.length - 1];
  const mixed = mixedNumber(before, ord.n);
  if (mixed) return { value: mixedValue(mixed, scale), used, ordinal: false };
  // "one hundred thirty fifths" = 100/35, but "twenty fifths" = 20/5 and "one hundred and thirty fifths" = 130/5
  const prev = before[before.length - 2];
  const tens = last.type === "small" && last.n >= 20 && last.n % 10 === 0 && ord.n < 10 ? last.n : 0;
  if (tens && prev && prev.type !== "and") {
    const num = numerator(before, before.length - 1);
    if (num) return { value: (scale * num) / (tens + ord.n), used, ordinal: false };
  }
  // "twenty-first" is an ordinal; "one fifth", "a fifth", "three fifths", "twenty fifths" are fractions
  if (tens && before.length === 1 && !plural) return scale > 1 ? undefined : { value: tens + ord.n, used, ordinal: true };
  const num = numerator(before, before.length);
  return num === undefined ? undefined : { value: (scale * num) / ord.n, used, ordinal: false };
}

/**
 * "one hundred and three quarters", "two and fifty-four hundredths": a whole number, "and", then a proper
 * fraction (numerator below the denominator, else "one hundred and thirty fifths" is 130/5). `scale` is
 * the big scale word just before "and", which the fraction is a part of ("two million and a half").
 */
function mixedNumber(before: Atom[], denominator: number): { whole: number; part: number; scale: number } | undefined {
  let j = before.length - 2;
  while (j > 0 && before[j].type !== "and") j--;
  if (j <= 0) return undefined;
  const num = numerator(before.slice(j + 1), before.length - j - 1);
  if (num === undefined || num >= denominator) return undefined;
  const whole = cardinal(before, 0, j);
  if (whole.used !== j) return undefined;
  const scale = before[j - 1];
  return { whole: whole.value, part: num / denominator, scale: scale.type === "scale" && scale.n >= 1000 ? scale.n : 1 };
}

/**
 * The fraction is a part of the scale word nearest it: "one million and a half" is 1.5 million, "five and
 * a half million" 5.5 million, "one billion and a half million" 1,000.5 million.
 */
function mixedValue(mixed: { whole: number; part: number; scale: number }, scaleAfter: number): number {
  if (scaleAfter === 1) return mixed.whole + mixed.part * mixed.scale;
  return mixed.whole >= scaleAfter ? mixed.whole + mixed.part * scaleAfter : (mixed.whole + mixed.part) * scaleAfter;
}

/** The value of atoms [0, to) read as a whole number, "a" alone being one. */
function numerator(atoms: Atom[], to: number): number | undefined {
  if (to === 1 && atoms[0].type === "a") return 1;
  const read = cardinal(atoms, 0, to);
  return read.used === to ? read.value : undefined;
}

type Position = "start" | "unit" | "teen" | "tens" | "hundred" | "big" | "and" | "a" | "half" | "dozen";

/**
 * The usual reading of spelled cardinals: `current` is the part below the last big scale, `tail` the
 * part since the last "hundred" (so "three hundred and two dozen" is 300 + 24). Stops at the first
 * atom that cannot continue the number, so "three four" is two numbers.
 */
function cardinal(atoms: Atom[], from: number, to = atoms.length): { value: number; used: number } {
  let total = 0, current = 0, tail = 0, lastBig = Infinity, half = 1;
  let last: Position = "start";
  let beforeAnd: Position = "start";
  let k = from;
  let value = () => (total + current) * half;
  for (; k < to; k++) {
    const a = atoms[k];
    if (a.type === "small") {
      const ok =
        last === "start" || last === "hundred" || last === "big" ||
        (last === "tens" && a.n > 0 && a.n < 10) ||
        (last === "and" && (beforeAnd === "hundred" || beforeAnd === "big" || (beforeAnd === "tens" && a.n < 10)));
      if (!ok) break;
      const joinsTens = last === "tens" || (last === "and" && beforeAnd === "tens");
      current += a.n;
      tail = joinsTens ? tail + a.n : a.n;
      last = a.n < 10 ? "unit" : a.n < 20 ? "teen" : "tens";
    } else if (a.type === "scale" && a.n === 100) {
      if (last === "a" || last === "start") {
        const bigScaleNext = k + 1 < to && atoms[k + 1].type === "scale" && (atoms[k + 1] as { n: number }).n >= 1000;
        if (last === "start" && !bigScaleNext) break; // "hundred thousand", but not "hundred" alone
        current = 100;
      } else if (last === "unit" || last === "teen" || last === "tens") current = current - tail + tail * 100;
      else break;
      tail = 0;
      last = "hundred";
    } else if (a.type === "scale" && a.n === 12) {
      if (last === "a" || last === "half") current = 12;
      else if (last === "unit" || last === "teen" || last === "tens") current = current - tail + tail * 12;
      else break;
      last = "dozen";
    } else if (a.type === "scale") {
      if (last === "big" && current === 0 && a.n > lastBig) total *= a.n; // "three lakh crore"
      else if (last === "start" || last === "and" || last === "big" || last === "dozen" || a.n >= lastBig) break;
      else {
        total += (current || 1) * a.n;
        current = 0;
      }
      tail = 0;
      lastBig = Math.min(lastBig, a.n);
      last = "big";
    } else if (a.type === "a") {
      if (last !== "start" && last !== "half" && last !== "and") break;
      last = "a";
    } else if (a.type === "half") {
      if (last !== "start") break;
      half = 0.5;
      last = "half";
    } else if (a.type === "and") {
      beforeAnd = last;
      last = "and";
    } else if (a.type === "point") {
      if (last === "start" || last === "a") break;
      const decimals = readDecimals(atoms, k + 1, to);
      if (!decimals.digits) break;
      current += Number("0." + decimals.digits);
      k = decimals.end;
      // "two point five million"
      const scale = atoms[k];
      if (scale?.type === "scale" && scale.n >= 1000) {
        total = (total + current) * scale.n;
        current = 0;
        k++;
      }
      return { value: value(), used: k - from };
    } else break;
  }
  while (k > from && (atoms[k - 1].type === "and" || atoms[k - 1].type === "a")) k--;
  return { value: value(), used: k - from };
}

/** "point zero three" → "03", "point seventy-one" → "71". */
function readDecimals(atoms: Atom[], from: number, to: number): { digits: string; end: number } {
  let digits = "";
  let k = from;
  while (k < to && atoms[k].type === "small") {
    const a = atoms[k] as Extract<Atom, { type: "small" }>;
    let n = a.n;
    const next = atoms[k + 1];
    if (n >= 20 && next?.type === "small" && next.n < 10 && next.n > 0) {
      n += next.n;
      k++;
    }
    digits += String(n);
    k++;
  }
  return { digits, end: k };
}
