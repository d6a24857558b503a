#!/usr/bin/env node
// The CLI is written in TypeScript. `npm install` compiles it to dist/ (npm run build:cli); without
// that build (a fresh clone, a developer's edit in progress) tsx compiles src/ on load instead.
import { readdirSync, statSync } from "node:fs";

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
