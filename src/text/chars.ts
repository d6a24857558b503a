// Character classes for the hot loops (tokenizer, capitalisation checks): Unicode properties looked
// up in a table filled as text is read, so each distinct character costs one regular expression ever.

/** White space (`\s`). */
export const SPACE = 1;
/** A letter (`\p{L}`). */
export const LETTER = 2;
/** A number (`\p{N}`). */
export const NUMBER = 4;
/** An upper-case letter (`\p{Lu}`). */
export const UPPER = 8;
/** The class has been worked out (the table starts empty). */
const KNOWN = 16;

const classOf = (char: string): number =>
  KNOWN |
  (/\s/u.test(char) ? SPACE : 0) |
  (/\p{L}/u.test(char) ? LETTER : 0) |
  (/\p{N}/u.test(char) ? NUMBER : 0) |
  (/\p{Lu}/u.test(char) ? UPPER : 0);

const BMP_CLASSES = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP_CLASSES[c] = classOf(String.fromCharCode(c));

/** The class of the single code unit at `i` (a surrogate half has none). */
export function unitClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let kind = BMP_CLASSES[c];
  if (!kind) BMP_CLASSES[c] = kind = classOf(text[i]);
  return kind;
}

/** The class of the code point at `i`: a surrogate pair counts as one, unless `end` cuts it. */
export function codePointClass(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classOf(text.slice(i, i + 2));
  }
  return unitClass(text, i);
}

/** Code units in the code point at `i`: 2 for a surrogate pair inside [.., end), else 1. */
export function codePointWidth(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Whether the code unit at `i` is a regular-expression word character, [A-Za-z0-9_]: what `\b` looks at. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
