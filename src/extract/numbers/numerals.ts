// Numbers written in digits: "10,000", "1.5", "3,000.50", "1 234 567", ".08", "1e10", "1.3x10^6", "2.5^-1",
// "12,34,567.89" (Indian grouping), "1,3" (decimal comma). Lists like "22,24,26" or "192.168.1.2"
// are several numbers: the reading stops at the first separator that cannot be grouping or decimal.

// Digit groups separated by spaces ("40 000") must be exact thousands; the sticky flag keeps every
// match anchored, so nothing here scans ahead of the number.
const NUMERAL = /(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+(?![\p{L}\d])|[x×]10\^[+-]?\d+|\^[+-]*\d+(?:\.\d+)?)?/uy;
/** Spaces that group digits ("40 000"). */
const GROUP_SPACES = /[ \u00A0\u202F]/g;
const POWER = /^(.*?)(?:(?:[eE]|[x×]10\^)([+-]?\d+)|\^([+-]*)(\d+(?:\.\d+)?))$/;

export interface Numeral {
  value: number;
  end: number;
  /** Written with thousands separators or a decimal part: never a year or a name. */
  formatted: boolean;
  integer: boolean;
  digits: number;
}

/** Reads the numeral at `at` in `text`, if one starts there. */
export function readNumeral(text: string, at: number): Numeral | undefined {
  NUMERAL.lastIndex = at;
  const m = NUMERAL.exec(text);
  if (!m) return undefined;
  const power = POWER.exec(m[0]);
  const body = power ? power[1] : m[0];
  const compact = body.replace(GROUP_SPACES, "");
  const spaced = body.length !== compact.length;
  const plain = readBody(compact, spaced);
  if (!plain) return undefined;
  let value = plain.value;
  let end = at + plain.length;
  if (power && plain.length >= compact.length) {
    if (power[2] !== undefined) value *= 10 ** Number(power[2]);
    else value **= (power[3].split("-").length % 2 ? 1 : -1) * Number(power[4]); // "^--2" = "^2"
    end = at + m[0].length;
  } else if (spaced) end = at + body.length;
  const integer = Number.isInteger(value);
  return { value, end, formatted: plain.formatted, integer, digits: plain.digits };
}

/** The value of digits with separators, and how many characters of them make one number. */
function readBody(s: string, spaced: boolean): { value: number; length: number; formatted: boolean; digits: number } | undefined {
  if (s.startsWith(".")) return { value: Number("0" + s), length: s.length, formatted: true, digits: 0 };
  const groups = s.split(/[.,]/);
  const seps = s.match(/[.,]/g) ?? [];
  if (!seps.length) return whole(s, spaced, s.length);
  const commas = seps.filter((c) => c === ",").length;
  const periods = seps.length - commas;
  const tail = groups.slice(1);
  if (commas && periods) {
    // the last separator is the decimal one, the others group ("1,674,200.5", "12,34,567.89")
    const decimal = seps[seps.length - 1];
    if (seps.slice(0, -1).some((c) => c === decimal)) return first(groups);
    const intPart = groups.slice(0, -1).join("");
    return { value: Number(intPart + "." + groups[groups.length - 1]), length: s.length, formatted: true, digits: intPart.length };
  }
  const sep = seps[0];
  if (tail.every((g) => g.length === 3) && (sep === "," || tail.length > 1)) return whole(s, true, groups.join("").length);
  if (sep === "," && isIndianGrouping(groups)) return whole(s, true, groups.join("").length);
  // one separator that cannot be grouping is a decimal point ("4.800", "1,3")
  if (tail.length === 1) return { value: Number(groups[0] + "." + groups[1]), length: s.length, formatted: true, digits: groups[0].length };
  return first(groups);
}

/** Digits whose separators (if any) all group: read as one whole number. */
const whole = (s: string, formatted: boolean, digits: number) => ({ value: Number(s.replace(/[ ,.]/g, "")), length: s.length, formatted, digits });
const first = (groups: string[]) => ({ value: Number(groups[0]), length: groups[0].length, formatted: false, digits: groups[0].length });
const isIndianGrouping = (groups: string[]): boolean =>
  groups.length > 2 && groups[groups.length - 1].length === 3 && groups.slice(1, -1).every((g) => g.length === 2);
