// Scores extraction on the seed corpus and on the twelve real news articles of news-dev: each through
// `triangulate analyze` into a temporary database, its claim records (JSON Lines) handed to
// ../shared/eval/score.mjs. Prints one table a corpus and how many inputs failed.
// Usage: npm run eval [-- --details] [-- --json] [-- --keep DIR] [-- --only seeds|news-dev]
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";

const shared = resolve(import.meta.dirname, "../../shared");
const CORPORA = [
  { name: "seeds", corpus: join(shared, "corpus/seeds"), gold: join(shared, "eval/gold/seeds.jsonl") },
  { name: "news-dev", corpus: join(shared, "corpus/news-dev"), gold: join(shared, "eval/gold/news-dev.jsonl") },
];
if (!existsSync(CORPORA[0].corpus)) {
  console.log(`eval: ${shared} is not here (it sits beside the project in the team's workplace); nothing to score`);
  process.exit(0);
}

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dir = flag("keep") ?? mkdtempSync(join(tmpdir(), "triangulate-eval-"));
mkdirSync(dir, { recursive: true });
const passOn = args.filter((a) => a === "--details" || a === "--json");
let worst = 0;
for (const { name, corpus, gold } of CORPORA) {
  if (flag("only") && flag("only") !== name) continue;
  if (!existsSync(corpus) || !existsSync(gold)) {
    console.log(`\n== ${name}: not here, skipped`);
    continue;
  }
  console.log(`\n== ${name}`);
  const out = join(dir, `${name}.jsonl`);
  const file = createWriteStream(out);
  const status = await main(["analyze", corpus, "--db", join(dir, `${name}.db`), "--format", "jsonl"], {
    stdout: file,
    stderr: process.stderr,
    stdin: new PassThrough(),
    progress: false,
  });
  file.end();
  await once(file, "finish");
  if (status !== 0) console.log(`${name}: some inputs failed (exit ${status}); the rest are scored`);
  const scorer = spawnSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", gold, "--pred", out, ...passOn], { stdio: "inherit" });
  worst = Math.max(worst, status, scorer.status ?? 1);
}
process.exit(worst);
