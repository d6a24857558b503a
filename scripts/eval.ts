// Scores extraction on the seed corpus: `triangulate analyze` into a temporary database, its claim
// records (JSON Lines) handed to ../shared/eval/score.mjs.
// Usage: npm run eval [-- --details] [-- --json] [-- --keep out/claims.jsonl]
import { createWriteStream, existsSync, mkdtempSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";

const shared = resolve(import.meta.dirname, "../../shared");
const seeds = join(shared, "corpus/seeds");
const gold = join(shared, "eval/gold/seeds.jsonl");
if (!existsSync(seeds) || !existsSync(gold)) {
  console.log(`eval: ${shared} is not here (it sits beside the project in the team's workplace); nothing to score`);
  process.exit(0);
}

const args = process.argv.slice(2);
const tmp = mkdtempSync(join(tmpdir(), "triangulate-eval-"));
const out = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : join(tmp, "claims.jsonl");
const file = createWriteStream(out);
const status = await main(["analyze", seeds, "--db", join(tmp, "eval.db"), "--format", "jsonl"], {
  stdout: file,
  stderr: process.stderr,
  stdin: new PassThrough(),
  progress: false,
});
file.end();
await once(file, "finish");
if (status !== 0) process.exit(status);
const passOn = args.filter((a) => a === "--details" || a === "--json");
const scorer = spawnSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", gold, "--pred", out, ...passOn], { stdio: "inherit" });
process.exit(scorer.status ?? 1);
