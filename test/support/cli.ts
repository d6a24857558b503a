import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would from a shell, and collects what it printed. */
export async function runCli(args: string[], stdin = ""): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  out.on("data", (c: Buffer) => chunks.stdout.push(c));
  err.on("data", (c: Buffer) => chunks.stderr.push(c));
  const input = new PassThrough();
  input.end(stdin);
  const code = await main(args, { stdout: out, stderr: err, stdin: input, progress: false });
  return { code, stdout: Buffer.concat(chunks.stdout).toString("utf8"), stderr: Buffer.concat(chunks.stderr).toString("utf8") };
}

export const tempDir = (name = "triangulate-test-"): string => mkdtempSync(join(tmpdir(), name));

export const jsonLines = <T = Record<string, unknown>>(text: string): T[] =>
  text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
