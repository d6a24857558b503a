#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on load, so the repo runs without a build step.
import { register } from "tsx/esm/api";

// `triangulate claims | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
