import { hashString } from "./hash.ts";

// What the tagger and the parser know of a word before they look at its neighbours: integer hashes of
// its lower-cased form (numbers by their shape, so "3,000" and "4,500" are one word to them), its
// affixes and its shape, computed once per sentence.

export interface WordInfo {
  /** `normalForm` of each word: the key of the models' dictionaries. */
  normal: string[];
  /** Lower-cased form; a form with a digit stands as its shape ("#d,ddd"). */
  word: Int32Array;
  suffix1: Int32Array;
  suffix2: Int32Array;
  suffix3: Int32Array;
  suffix4: Int32Array;
  /** The first character, case kept: capitals tell names apart. */
  prefix1: Int32Array;
  /** The form as written, capitals kept. */
  cased: Int32Array;
  shape: Int32Array;
}

/** "Obama" → "Xxxx", "3,000" → "d,ddd", "U.S." → "X.X.": letters and digits by class, runs cut at four. */
export function wordShape(form: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (let i = 0; i < form.length && out.length < 12; i++) {
    const c = form.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? "X" : c >= 97 && c <= 122 ? "x" : c >= 48 && c <= 57 ? "d" : c > 127 ? (form[i].toLowerCase() !== form[i] ? "X" : form[i].toUpperCase() !== form[i] ? "x" : form[i]) : form[i];
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 4) out += k;
  }
  return out;
}

const hasDigit = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

const normalOf = (form: string, lower: string, shape: string): string => (hasDigit(form) ? `#${shape}` : lower);

/** The normalised form a word is known by in the models and their dictionaries (as `wordInfo` gives it). */
export const normalForm = (form: string): string => normalOf(form, form.toLowerCase(), wordShape(form));

export function wordInfo(forms: readonly string[]): WordInfo {
  const n = forms.length;
  const info: WordInfo = {
    normal: new Array<string>(n),
    word: new Int32Array(n),
    suffix1: new Int32Array(n),
    suffix2: new Int32Array(n),
    suffix3: new Int32Array(n),
    suffix4: new Int32Array(n),
    prefix1: new Int32Array(n),
    cased: new Int32Array(n),
    shape: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const form = forms[i];
    const lower = form.toLowerCase();
    const shape = wordShape(form);
    const normal = normalOf(form, lower, shape);
    info.normal[i] = normal;
    info.word[i] = hashString(normal);
    const L = lower.length;
    info.suffix1[i] = hashString(lower, L - 1);
    info.suffix2[i] = hashString(lower, L - 2);
    info.suffix3[i] = hashString(lower, L - 3);
    info.suffix4[i] = hashString(lower, L - 4);
    info.prefix1[i] = form.length ? Math.imul(0x811c9dc5 ^ form.charCodeAt(0), 0x01000193) | 0 : hashString("");
    info.cased[i] = lower === form && normal === lower ? info.word[i] : hashString(form);
    info.shape[i] = hashString(shape);
  }
  return info;
}
