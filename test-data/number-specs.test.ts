// Runs the number parser on Microsoft Recognizers-Text's English specs (../shared/data/numbers) and
// checks the values it reads. Every entry counts, NotSupported ones too (those mark only what Microsoft's
// own JavaScript library misses). Set SPEC_DETAILS=1 to print every entry that fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseNumbers, type NumberMention } from "../src/extract/numbers/index.ts";

const dir = resolve(import.meta.dirname, "../../shared/data/numbers/recognizers-specs");
const present = existsSync(dir);

interface SpecEntry {
  Input: string;
  NotSupported?: string;
  Results: { Text: string; TypeName: string; Resolution?: { value?: string | null } }[];
}

/** What the spec expects and what the parser gives, each as a sorted list of comparable strings. */
interface Model {
  file: string;
  threshold?: number;
  expected(result: SpecEntry["Results"][number]): string | undefined;
  found(m: NumberMention): string | undefined;
}

const num = (n: number | null): string => (n === null ? "" : String(Number(n.toPrecision(12))));
const specNumber = (s: string | null | undefined): string | undefined => (s == null ? undefined : num(Number(s)));

/** "[10,20)", "(20,)", "(,100]" → "10..20", "20..", "..100": bracket kinds aside, the ends must agree. */
function interval(s: string): string {
  const [lo, hi] = s.slice(1, -1).split(",");
  return `${lo ? num(Number(lo)) : ""}..${hi ? num(Number(hi)) : ""}`;
}

function mentionInterval(m: NumberMention): string {
  if (m.bound === "lower") return `${num(m.min)}..`;
  if (m.bound === "upper") return `..${num(m.max)}`;
  return `${num(m.min)}..${num(m.max)}`;
}

const COUNTED_ROLES = new Set(["quantity", "name", "list", "year"]);
const models: Model[] = [
  {
    file: "Number-English-NumberModel.json",
    threshold: 0.9,
    expected: (r) => (r.TypeName === "number" ? specNumber(r.Resolution?.value) : undefined),
    found: (m) => (COUNTED_ROLES.has(m.role) && m.kind !== "measure" && m.kind !== "percent" && m.min === m.max ? num(m.min) : undefined),
  },
  {
    file: "Number-English-NumberRangeModel.json",
    threshold: 0.9,
    expected: (r) => (r.Resolution?.value ? interval(r.Resolution.value) : undefined),
    found: (m) => (m.role === "quantity" && (m.bound || m.exact || m.min !== m.max) ? mentionInterval(m) : undefined),
  },
  {
    file: "Number-English-PercentModel.json",
    threshold: 0.9,
    expected: (r) => specNumber(r.Resolution?.value?.replace("%", "")),
    found: (m) => (m.kind === "percent" ? num(m.min) : undefined),
  },
  {
    file: "NumberWithUnit-English-CurrencyModel.json",
    threshold: 0.9,
    expected: (r) => specNumber(r.Resolution?.value),
    found: (m) => (m.kind === "money" ? num(m.min) : undefined),
  },
  {
    file: "Number-English-OrdinalModel.json",
    expected: (r) => (r.TypeName === "ordinal" ? specNumber(r.Resolution?.value) : `relative:${r.Text}`),
    found: (m) => (m.kind === "ordinal" ? num(m.min) : undefined),
  },
];

const sorted = (xs: (string | undefined)[]): string[] => xs.filter((x): x is string => x !== undefined).sort();

for (const model of models) {
  test(`the parser reads ${model.file.replace(/\.json$/, "")} as the specs do`, { skip: !present && "../shared is not here" }, () => {
    const entries = JSON.parse(readFileSync(resolve(dir, model.file), "utf8")) as SpecEntry[];
    const rate = (list: SpecEntry[], details = false) => {
      let pass = 0;
      for (const e of list) {
        const want = sorted(e.Results.map(model.expected));
        const got = sorted(parseNumbers(e.Input).map(model.found));
        if (JSON.stringify(want) === JSON.stringify(got)) pass++;
        else if (details && process.env.SPEC_DETAILS) console.log(`  miss ${JSON.stringify(e.Input)}: want ${want.join(" ")} got ${got.join(" ")}`);
      }
      return { pass, total: list.length, share: list.length ? pass / list.length : 1 };
    };
    const supported = rate(entries.filter((e) => !/javascript/i.test(e.NotSupported ?? "")));
    const all = rate(entries, true);
    console.log(`${model.file}: ${supported.pass}/${supported.total} supported (${(100 * supported.share).toFixed(1)}%), ${all.pass}/${all.total} of all entries (${(100 * all.share).toFixed(1)}%)`);
    if (model.threshold) assert.ok(all.share >= model.threshold, `${model.file}: ${(100 * all.share).toFixed(1)}% of all entries < ${100 * model.threshold}%`);
  });
}
