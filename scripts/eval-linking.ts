// Scores cross-document linking on linking-dev: the 108 articles through `triangulate analyze` into a
// fresh database, the story as JSON, handed to ../shared/eval/linking.mjs, which prints one line a case
// and the table (cases right, linked, members in their case's best proposition).
// Usage: npm run eval:linking [-- --keep DIR] [-- --quiet]
import { mkdirSync, mkdtempSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";

const shared = resolve(import.meta.dirname, "../../shared");
const corpus = join(shared, "corpus/linking-dev");
const gold = join(shared, "eval/gold/linking-dev.json");
if (!existsSync(corpus) || !existsSync(gold)) {
  console.log(`eval:linking: ${corpus} is not here (it sits beside the project in the team's workplace); nothing to score`);
  process.exit(0);
}
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dir = flag("keep") ?? mkdtempSync(join(tmpdir(), "triangulate-eval-linking-"));
mkdirSync(dir, { recursive: true });
const db = join(dir, "linking-dev.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });

/** Runs a CLI command in-process and returns what it printed. */
async function run(argv: string[]): Promise<{ status: number; out: string }> {
  let out = "";
  const stdout = new Writable({ write(chunk, _enc, done) { out += chunk; done(); } });
  const status = await main(argv, { stdout, stderr: process.stderr, stdin: new PassThrough(), progress: false });
  return { status, out };
}

const analysed = await run(["analyze", corpus, "--db", db]);
if (analysed.status !== 0) console.log(`linking-dev: some inputs failed (exit ${analysed.status}); the rest are scored`);
const story = await run(["story", "--db", db, "--format", "json"]);
const storyFile = join(dir, "story.json");
writeFileSync(storyFile, story.out);
const scorer = spawnSync(process.execPath, [join(shared, "eval/linking.mjs"), "--gold", gold, "--story", storyFile, ...(args.includes("--quiet") ? [] : ["--verbose"])], { stdio: "inherit" });
process.exit(Math.max(analysed.status, story.status, scorer.status ?? 1));
