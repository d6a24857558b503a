import type { AnalyzeResult } from "../../analyze.ts";
import type { ClaimRecord } from "../../extract/claims.ts";
import { linkStore } from "../../link/index.ts";
import { availableParallelism } from "node:os";
import { TriangulateError } from "../../errors.ts";
import { tightenHeapGrowth } from "../heap.ts";
import { common, storeOf, str, write, type Command } from "../command.ts";
import { documentReport } from "../format.ts";
import { ingestFlags, ingestOptions } from "./ingest-flags.ts";

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "Read articles (files, folders, URLs, feeds, - for stdin), extract their claims and store them.",
  usage: "triangulate analyze <path|url|->... [--db FILE] [--format text|jsonl|json]",
  options: {
    db: common.db,
    format: common.format,
    jobs: { type: "string", short: "j", valueName: "N", description: "documents analysed at once, in threads (default: the number of cores)" },
    ...ingestFlags,
    help: common.help,
  },
  async run(values, inputs, io) {
    if (!inputs.length) {
      write(io.stderr, "analyze: name at least one file, folder, URL, or - for stdin (see 'triangulate analyze --help')");
      return 2;
    }
    const format = str(values.format) ?? "text";
    // the pipeline and its models load only here, not for every command's start
    const { analyze } = await import("../../analyze.ts");
    const store = await storeOf(values);
    const tally = { added: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
    const all: AnalyzeResult[] = [];
    let linked = { documents: 0, claims: 0, propositions: 0 };
    try {
      for await (const result of analyze(inputs, store, { ...ingestOptions(values), stdin: io.stdin, jobs: jobsOf(str(values.jobs)) })) {
        tally[result.status]++;
        if (io.progress) io.stderr.write(`\r\x1b[K${Object.values(tally).reduce((a, b) => a + b)} read: ${result.input}`);
        if (format === "json") all.push(result);
        else report(result, format, io);
      }
      tightenHeapGrowth();
      linked = await linkStore(store);
    } finally {
      await store.close();
    }
    if (io.progress) io.stderr.write("\r\x1b[K");
    if (format === "json") io.stdout.write(JSON.stringify(asJson(all), null, 2) + "\n");
    const done = tally.added + tally.updated + tally.unchanged;
    write(
      io.stderr,
      `analysed ${done} document${done === 1 ? "" : "s"} (${tally.added} new, ${tally.updated} updated, ${tally.unchanged} unchanged), ` +
        `${tally.skipped} skipped, ${tally.failed} failed; ${linked.claims} claims linked into ${linked.propositions} propositions → ${store.path}`,
    );
    return tally.failed ? 1 : 0;
  },
};

function jobsOf(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new TriangulateError("BAD_OPTION", `--jobs takes a whole number from 1, not "${value}"`);
  return Number(value);
}

function report(result: AnalyzeResult, format: string, io: Parameters<Command["run"]>[2]): void {
  if (result.status === "failed") return write(io.stderr, `error: ${result.input}: ${result.error}`);
  if (result.status === "skipped") return write(io.stderr, `skipped: ${result.input}: ${result.reason}`);
  if (format === "jsonl") for (const r of result.records) io.stdout.write(JSON.stringify(r) + "\n");
  else io.stdout.write(documentReport(result.doc.id, result.doc.meta, result.records) + "\n");
}

function asJson(results: AnalyzeResult[]) {
  const claims: ClaimRecord[] = [];
  const documents = [];
  const failures = [];
  for (const r of results) {
    if (r.status === "failed") failures.push({ input: r.input, error: r.error });
    else if (r.status === "skipped") documents.push({ id: r.doc.id, input: r.input, status: r.status, reason: r.reason, ...r.doc.meta });
    else {
      documents.push({ id: r.doc.id, input: r.input, status: r.status, claims: r.records.length, ...r.doc.meta });
      for (const record of r.records) claims.push(record);
    }
  }
  return { documents, claims, failures };
}
