// After `tsc -p tsconfig.build.json`: the files src/ reads at run time beside its code (gazetteer
// lists, the web page) copied into dist/ at the same places, so compiled modules find them.
import { cpSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const src = resolve(import.meta.dirname, "../src");
const dist = resolve(import.meta.dirname, "../dist");
cpSync(src, dist, { recursive: true, filter: (from) => !from.endsWith(".ts") });
// bin/triangulate.js runs dist/ only while no file in src/ is newer than this stamp
writeFileSync(resolve(dist, ".built"), new Date().toISOString());
