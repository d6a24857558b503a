#!/usr/bin/env node
// The CLI is written in TypeScript. `npm install` compiles it to dist/ (npm run build:cli); without
// that build (a fresh clone, a developer's edit in progress) tsx compiles src/ on load instead.
import { readdirSync, statSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

// V8 lets the old heap grow to as much as four times what survived its last full collection before
// collecting again, and what linking and summarising leave behind is mostly short-lived garbage that
// got promoted: linking 20k articles peaked at 606 MB that way and at 307 MB with 1.2 times, in the
// same time (analysing 840 PolNeAR articles: 456 → 326 MB, same CPU time). Flags are the process's, so
// the entry point sets them, not the library; scripts/bench.ts does the same to measure what users get.
setFlagsFromString("--heap-growing-percent=20");

// `triangulate claims | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const compiled = new URL("../dist/cli/main.js", import.meta.url);
const source = new URL("../src/cli/main.ts", import.meta.url);

/** Whether dist/ was built after the last change to any file in src/ (a stale build would run old code). */
function fresh() {
  let built;
  try {
    built = statSync(new URL("../dist/.built", import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
  const src = new URL("../src/", import.meta.url);
  return readdirSync(src, { recursive: true }).every((f) => statSync(new URL(f, src)).mtimeMs <= built);
}
let main;
if (!process.env.TRIANGULATE_FROM_SOURCE && fresh()) ({ main } = await import(compiled.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(source.href));
}
process.exitCode = await main(process.argv.slice(2));
