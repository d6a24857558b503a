// The limits ingest works within, checked once, and the size cap applied to files and streams.
import { TriangulateError } from "../errors.ts";
import { InputError } from "./decode.ts";

export interface IngestOptions {
  /** Allow URLs that resolve to private/loopback/link-local addresses (default false). */
  allowPrivate?: boolean;
  /** Per URL fetch, redirects and body included; default 15000. */
  timeoutMs?: number;
  /** Per file or response body; default 20 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default true: sets doc.meta.language. */
  detectLanguage?: boolean;
}

export type Limits = Required<IngestOptions>;

const DEFAULTS: Limits = {
  allowPrivate: false,
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  detectLanguage: true,
};

/** Options with defaults filled in; a nonsense value is a caller's mistake and throws. */
export function resolveLimits(options: IngestOptions = {}): Limits {
  const limits = { ...DEFAULTS, ...withoutUndefined(options) };
  for (const key of ["timeoutMs", "maxBytes"] as const) {
    if (!(Number.isFinite(limits[key]) && limits[key] > 0)) {
      throw new TriangulateError("BAD_OPTION", `ingest option ${key} must be a positive number, got ${limits[key]}`);
    }
  }
  if (!(Number.isInteger(limits.maxRedirects) && limits.maxRedirects >= 0)) {
    throw new TriangulateError("BAD_OPTION", `ingest option maxRedirects must be a whole number ≥ 0, got ${limits.maxRedirects}`);
  }
  return limits;
}

const withoutUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** "20 MiB", "50.0 MiB", "512 bytes": sizes as errors name them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KiB"] : [bytes / (1024 * 1024), "MiB"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

export function tooBig(what: string, bytes: number, maxBytes: number): InputError {
  return new InputError(`${what} is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit (maxBytes)`);
}

/** Reads a whole stream (stdin), refusing it once it passes `maxBytes`. */
export async function readStreamCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buffer.byteLength;
    if (total > maxBytes) throw new InputError(`input is over the ${formatBytes(maxBytes)} limit (maxBytes)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
