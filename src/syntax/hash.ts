// Features are 32-bit integers: a template number mixed with the integer ids of the values it reads
// (a word's hash, a tag, a distance). Nothing is looked up in a vocabulary while parsing; a model is
// a table from these integers to weights. Two features share an integer about once in a billion pairs,
// which the linear models absorb like any other noise.

/** FNV-1a over the UTF-16 code units of `s` from `from` (the same as hashing `s.slice(from)`). */
export function hashString(s: string, from = 0): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, from); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** One more value folded into a feature hash (murmur3's mixing steps). */
export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}

/** The final scramble of a feature hash; never 0, which marks an empty slot in a model's table. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

export const feature1 = (template: number, a: number): number => finish(mix(mix(template, a), 0));
export const feature2 = (template: number, a: number, b: number): number => finish(mix(mix(mix(template, a), b), 1));
export const feature3 = (template: number, a: number, b: number, c: number): number => finish(mix(mix(mix(mix(template, a), b), c), 2));
