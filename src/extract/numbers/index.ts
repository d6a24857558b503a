// The number parser: pure functions over text, used by the `quantities` annotator and usable alone.
export { parseNumbers, parseTokens, type NumberMention, type NumberKind, type NumberRole } from "./parse.ts";
export { countedThing, thingAfterOf } from "./counted.ts";
export { readNumeral } from "./numerals.ts";
export { TIME_UNITS } from "./lexicon.ts";
