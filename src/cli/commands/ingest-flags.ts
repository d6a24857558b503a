import type { IngestOptions } from "../../ingest/index.ts";
import { TriangulateError } from "../../errors.ts";
import { str, type OptionSpec, type Values } from "../command.ts";

/** Flags of the commands that read inputs (analyze, extract). */
export const ingestFlags = {
  "allow-private": { type: "boolean", description: "allow URLs on private, loopback and link-local addresses" },
  timeout: { type: "string", valueName: "MS", description: "time limit per URL fetch in milliseconds (default 15000)" },
  "max-bytes": { type: "string", valueName: "N", description: "largest file or download read, in bytes (default 20 MiB)" },
} satisfies Record<string, OptionSpec>;

const positive = (flag: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new TriangulateError("BAD_OPTION", `--${flag} takes a positive number, not "${v}"`);
  return n;
};

export const ingestOptions = (values: Values): IngestOptions => ({
  allowPrivate: values["allow-private"] === true,
  timeoutMs: positive("timeout", str(values.timeout)),
  maxBytes: positive("max-bytes", str(values["max-bytes"])),
});
