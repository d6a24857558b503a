// A synthetic story corpus with known propositions, for measuring linking at scale.
// Each article reports a few propositions (an actor did something to something somewhere) in one of
// several phrasings, through one of several sources, with its own numbers, plus filler sentences of its
// own. As in real coverage, a proposition is news for a while: an article picks among the propositions
// of its moment (a window of 5% of the corpus around it), so each one's reports cluster in time.
// Articles are sometimes re-run by another outlet with a credit line (echoes). Deterministic.

export interface SyntheticArticle {
  id: string;
  outlet: string;
  date: string;
  text: string;
  /** The true proposition of each sentence that states one, in sentence order; -1 for filler. */
  truth: number[];
}

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = "ka lo mer vin dra sel tor bal ris han quo pel fen dal mor tis gar ulo ven bry".split(" ");
const ACTIONS = [
  ["shelled", "was shelled by"], ["evacuated", "was evacuated by"], ["seized", "was seized by"], ["blockaded", "was blockaded by"],
  ["reinforced", "was reinforced by"], ["surrounded", "was surrounded by"], ["bombed", "was bombed by"], ["inspected", "was inspected by"],
  ["closed", "was closed by"], ["reopened", "was reopened by"], ["flooded", "was flooded by"], ["mined", "was mined by"],
];
const TARGETS = "bridge depot airfield dam pipeline port hospital school station refinery barracks warehouse checkpoint crossing".split(" ");
const COUNTED = "soldiers civilians refugees workers residents prisoners vehicles tanks".split(" ");
const SOURCES = ["the defence ministry", "the regional governor", "Radio Sever", "the health office", "police officials", "the army", "aid groups", "the interior ministry"];
const CUES = ["said", "reported", "told reporters", "announced"];
const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${i + 1}`);
const FILLER = "market weather festival council budget election railway harvest museum concert stadium library tax".split(" ");

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

function name(rnd: () => number, syllables: number): string {
  let s = "";
  for (let i = 0; i < syllables; i++) s += pick(rnd, SYLLABLES);
  return capital(s);
}

interface Proposition {
  actor: string;
  action: string[];
  target: string;
  place: string;
  counted: string;
  base: number;
}

function render(rnd: () => number, p: Proposition): string {
  const n = Math.round(p.base * (0.6 + rnd() * 0.8));
  const source = pick(rnd, SOURCES);
  const cue = pick(rnd, CUES);
  const count = `${n.toLocaleString("en-US")} ${p.counted}`;
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return `${p.actor} forces ${p.action[0]} the ${p.target} in ${p.place} with ${count}, ${source} ${cue}.`;
    case 1:
      return `The ${p.target} in ${p.place} ${p.action[1]} ${p.actor} forces, involving ${count}, according to ${source}.`;
    case 2:
      return `${capital(source)} ${cue} that ${p.actor} forces had ${p.action[0]} the ${p.place} ${p.target}, with some ${count} involved.`;
    default:
      return `In ${p.place}, ${p.actor} troops ${p.action[0]} the ${p.target}; ${count} took part, ${source} ${cue}.`;
  }
}

/**
 * `articles` articles over `propositions` true propositions, made one at a time so a benchmark holds
 * no more of the corpus than it needs; echoes re-run one of the last 50 originals.
 */
export function* syntheticArticles(articles: number, propositions: number, seed = 1): Generator<SyntheticArticle> {
  const rnd = random(seed);
  const actors = Array.from({ length: Math.max(20, propositions / 20) }, () => name(rnd, 3));
  const places = Array.from({ length: Math.max(50, propositions / 5) }, () => name(rnd, 2));
  const props: Proposition[] = Array.from({ length: propositions }, () => ({
    actor: pick(rnd, actors),
    action: pick(rnd, ACTIONS),
    target: pick(rnd, TARGETS),
    place: pick(rnd, places),
    counted: pick(rnd, COUNTED),
    base: 50 + Math.floor(rnd() * 5000),
  }));
  const recent: SyntheticArticle[] = [];
  for (let i = 0; i < articles; i++) {
    const date = new Date(Date.UTC(2026, 2, 1) + Math.floor((i / articles) * 30) * 86400000).toISOString().slice(0, 10);
    const outlet = pick(rnd, OUTLETS);
    if (i > 10 && rnd() < 0.1) {
      const original = recent[recent.length - 1 - Math.floor(rnd() * recent.length)];
      yield { id: `a${i}`, outlet, date, text: `${original.text}\n(${original.outlet})`, truth: [...original.truth] };
      continue;
    }
    const sentences: string[] = [];
    const truth: number[] = [];
    const k = 3 + Math.floor(rnd() * 4);
    const now = (i / articles) * propositions;
    const window = Math.max(50, propositions * 0.05);
    for (let j = 0; j < k; j++) {
      const id = Math.min(propositions - 1, Math.max(0, Math.floor(now + (rnd() - 0.5) * window)));
      sentences.push(render(rnd, props[id]));
      truth.push(id);
    }
    const fillers = 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < fillers; j++) {
      sentences.push(`The ${pick(rnd, FILLER)} in ${name(rnd, 2)} drew a ${pick(rnd, ["large", "small", "quiet", "noisy"])} crowd of ${name(rnd, 3)} visitors on the weekend.`);
      truth.push(-1);
    }
    const article = { id: `a${i}`, outlet, date, text: sentences.join(" "), truth };
    recent.push(article);
    if (recent.length > 50) recent.shift();
    yield article;
  }
}

/** The whole synthetic corpus as an array, for small runs and tests. */
export const syntheticCorpus = (articles: number, propositions: number, seed = 1): SyntheticArticle[] => [...syntheticArticles(articles, propositions, seed)];

/**
 * Pairwise precision and recall of predicted clusters against true ones, from the contingency
 * counts (no pairs enumerated). Items with truth -1 are their own singleton clusters.
 */
export function pairwiseScores(items: { truth: number; predicted: number }[]): { precision: number; recall: number } {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = (key: (x: { truth: number; predicted: number }, i: number) => string) => {
    const m = new Map<string, number>();
    items.forEach((x, i) => m.set(key(x, i), (m.get(key(x, i)) ?? 0) + 1));
    let total = 0;
    for (const n of m.values()) total += pairs(n);
    return total;
  };
  const truthKey = (x: { truth: number }, i: number) => (x.truth < 0 ? `s${i}` : `t${x.truth}`);
  const both = count((x, i) => `${truthKey(x, i)}|${x.predicted}`);
  const predicted = count((x) => `${x.predicted}`);
  const truth = count(truthKey);
  return { precision: predicted ? both / predicted : 1, recall: truth ? both / truth : 1 };
}
