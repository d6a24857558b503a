// Derives the attribution cue vocabulary from PolNeAR train (../shared/data/attribution/polnear/train):
// counts the words annotators marked as Cue, normalised (lower case, leading auxiliaries and adverbs
// dropped, trailing punctuation dropped), and keeps the frequent short ones. Writes
// src/extract/lexicons/cues.json; `cues.ts` merges it with a small curated list and assigns frames.
// A phrase is kept when it was marked often enough and when most of its occurrences in the train
// texts are marked (its precision as a cue), so "said" stays and "in", "support" or "for" go.
// Usage: node --import tsx scripts/learn-cues.ts [--min 6] [--precision 0.4]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tokenize } from "../src/text/index.ts";
import { PhraseMatcher } from "../src/text/phrases.ts";

const train = resolve(import.meta.dirname, "../../shared/data/attribution/polnear/train");
const root = join(train, "attributions");
const out = resolve(import.meta.dirname, "../src/extract/lexicons/cues.json");
const args = process.argv.slice(2);
const minCount = args.includes("--min") ? Number(args[args.indexOf("--min") + 1]) : 6;
const minPrecision = args.includes("--precision") ? Number(args[args.indexOf("--precision") + 1]) : 0.4;
const MAX_WORDS = 3;

// Words that ride along in a cue span but do not carry the attribution ("has said", "also told").
const FILLER = new Set(
  ("will would could should can may might must has have had is are was were be been being do does did also then later " +
    "just not n't never again further previously recently repeatedly publicly first often once still even already only " +
    "didn't doesn't don't both generally memorably widely began new monday tuesday wednesday thursday friday saturday sunday yesterday today tonight")
    .split(" "),
);
// PolNeAR marks every attribution of an act or a wish ("endorsed", "called for", "hoping"). A claim record
// keeps what a party says, praises, blames, wants or expects: those name the party whose view the sentence
// reports. It leaves out what a party does ("voted", "declined", "named") and the writer's own "seems":
// kept as cues, those lost precision on news-dev and the seeds and gained little on PolNeAR dev.
const ACTS = (
  "decided decide decides endorsed endorses supported supporting voted nominated ordered restricting struck voided " +
  "continued declined sought seeks refused refuse refuses offered named promoted listed titled unveiled"
).split(" ");
const WRITER = "seemed seems appears sounded reads".split(" ");
// What a party talked about is a topic, not a statement ("spoke about his years in the army"), and
// agreeing on something is a deed ("will agree on a joint inquiry"; "agreed that" is kept below).
const TOPICS = "discussed discuss discussing talked talks talking spoke agree".split(" ");
// Words annotators sometimes marked as a cue that are cues only inside a longer phrase.
const FRAGMENTS = "for on to questions".split(" ");
const EXCLUDED = new Set([...ACTS, ...WRITER, ...TOPICS, ...FRAGMENTS]);
// Cues of a stance: praising, blaming, wishing. What follows them is their target ("criticized Clinton's
// email use"), never a speaker put after the verb as in "…, said Lopez": in PolNeAR train, none of these
// has its source right after it more than once.
const STANCES = new Set(
  ("want wants wanted hope hopes hoped hoping need needs needed plan plans planned try tries tried like likes liked love " +
    "loves see saw seen sees seeing look looks looked know knows knew known feel feels felt wish wishes wished expect " +
    "expects expected expecting going intend intends prefer eager envision convinced worried wondering wonder thanked " +
    "invoked requested praised praises touting touted attacked blasted slammed slams knocked mocked mocks eviscerated " +
    "assailed condemned denounced denouncing decried railed bemoaned lamented criticized criticizing bragging chanted " +
    "shouted recited complaints contention calling called calls critical referring referenced pointing point pointed")
    .split(" "),
);
// A phrase goes when it or its first word is excluded, unless it is one of these, which report a statement.
const KEPT_ANYWAY = new Set(["pointed out", "points out", "pointing out", "agreed"]);

/** The cue words of one span, normalised, or undefined when nothing is left to learn from. */
function normalise(text: string): string | undefined {
  const words = tokenize(text)
    .map((t) => t.lower.replace(/’/g, "'"))
    .filter((w) => /[\p{L}]/u.test(w));
  while (words.length && FILLER.has(words[0])) words.shift();
  while (words.length && FILLER.has(words[words.length - 1])) words.pop();
  if (!words.length || words.length > MAX_WORDS || words[0] === "'s") return undefined;
  return words.join(" ");
}

const counts = new Map<string, number>();
let files = 0;
for (const name of readdirSync(root)) {
  if (!name.endsWith(".ann")) continue;
  files++;
  for (const line of readFileSync(join(root, name), "utf8").split("\n")) {
    const [id, info, text] = line.split("\t");
    if (!id?.startsWith("T") || !info?.startsWith("Cue ") || text === undefined) continue;
    const cue = normalise(text);
    if (cue) counts.set(cue, (counts.get(cue) ?? 0) + 1);
  }
}

const candidates = [...counts].filter(([cue, n]) => n >= minCount && (KEPT_ANYWAY.has(cue) || !(EXCLUDED.has(cue) || EXCLUDED.has(cue.split(" ")[0]))));
const seen = occurrences(candidates.map(([cue]) => cue));
const kept = candidates
  .filter(([cue, n]) => n / Math.max(n, seen.get(cue) ?? 0) >= minPrecision)
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const lexicon = {
  source: "PolNeAR 1.0 train (Newell, Margolin, Ruths, LREC 2018), Cue spans; derived by scripts/learn-cues.ts",
  minCount,
  minPrecision,
  cues: Object.fromEntries(kept),
  stances: kept.map(([cue]) => cue).filter((cue) => STANCES.has(cue) || (STANCES.has(cue.split(" ")[0]) && cue.includes(" "))),
};
writeFileSync(out, JSON.stringify(lexicon, null, 1) + "\n");
console.log(`learn-cues: ${files} files, ${counts.size} distinct cues, kept ${kept.length} (count ≥ ${minCount}) → ${out}`);

/** How often each phrase occurs anywhere in the train texts (matched over tokens, as the annotator does). */
function occurrences(phrases: string[]): Map<string, number> {
  const matcher = new PhraseMatcher(phrases.map((p) => [p, p] as [string, string]));
  const seen = new Map<string, number>();
  const texts = join(train, "text");
  for (const name of readdirSync(texts)) {
    const text = readFileSync(join(texts, name), "utf8").replace(/’/g, "'");
    for (const m of matcher.findAll(tokenize(text))) seen.set(m.value, (seen.get(m.value) ?? 0) + 1);
  }
  return seen;
}
