// Ingest: files, folders, stdin and URLs → SourceDocs. Each input (or each record of a multi-record
// file) yields its own result, and a bad one yields `{ok:false}` with the reason: nothing here throws
// for bad input, so one broken file never stops a batch.
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { errorMessage } from "../errors.ts";
import { charsetOf, decodeText, InputError } from "./decode.ts";
import { looksLikeFeed } from "./feed.ts";
import { fetchUrl, type FetchedBody } from "./fetch.ts";
import { jsonFeedDocuments } from "./jsonfeed.ts";
import { documentsFrom, FORMAT_BY_EXTENSION, sniffFormat, type Format, type IngestResult, type Source } from "./formats.ts";
import { identifyLanguage } from "./language.ts";
import { readStreamCapped, resolveLimits, tooBig, type IngestOptions, type Limits } from "./limits.ts";
import { urlSlug } from "./meta.ts";

export { extractHtml } from "./html.ts";
export { identifyLanguage } from "./language.ts";
export type { IngestOptions } from "./limits.ts";
export { recordDocument, type IngestResult } from "./formats.ts";
export { fetchUrl, type FetchedBody, type Validators } from "./fetch.ts";
export { resolveLimits } from "./limits.ts";

export async function* ingest(
  inputs: string[],
  options?: IngestOptions,
  stdin?: NodeJS.ReadableStream,
): AsyncGenerator<IngestResult> {
  const limits = resolveLimits(options);
  const usedIds = new Set<string>();
  for (const input of inputs) {
    for await (const result of readInput(input, limits, stdin)) {
      if (result.ok) {
        result.doc.id = uniqueId(result.doc.id, usedIds);
        if (limits.detectLanguage) {
          const language = await identifyLanguage(result.doc.text);
          if (language) result.doc.meta.language = language;
        }
      }
      yield result;
    }
  }
}

/** Two files called `report.txt` in different folders must not overwrite each other downstream. */
function uniqueId(id: string, used: Set<string>): string {
  let unique = id;
  for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
  used.add(unique);
  return unique;
}

async function* readInput(input: string, limits: Limits, stdin: NodeJS.ReadableStream | undefined): AsyncGenerator<IngestResult> {
  // process.stdin is touched only when asked for: merely opening it can keep the process alive.
  if (input === "-") yield* guarded("stdin", () => readStdin(stdin ?? process.stdin, limits));
  else if (/^https?:\/\//i.test(input)) yield* guarded(input, () => readUrl(input, limits));
  else yield* readPath(input, limits);
}

/** Runs one reader, turning whatever it throws into a failed result for `input`. */
async function* guarded(input: string, read: () => Promise<IngestResult[]>): AsyncGenerator<IngestResult> {
  let results: IngestResult[];
  try {
    results = await read();
  } catch (e) {
    results = [{ ok: false, input, error: e instanceof InputError ? e.message : describeFsError(e) }];
  }
  yield* results;
}

async function* readPath(path: string, limits: Limits): AsyncGenerator<IngestResult> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (e) {
    yield { ok: false, input: path, error: describeFsError(e) };
    return;
  }
  if (!isDirectory) {
    yield* guarded(path, () => readFileInput(path, FORMAT_BY_EXTENSION[extname(path).toLowerCase()], limits));
    return;
  }
  let found = 0;
  for await (const file of readableFiles(path)) {
    found++;
    yield* guarded(file, () => readFileInput(file, FORMAT_BY_EXTENSION[extname(file).toLowerCase()], limits));
  }
  if (!found) yield { ok: false, input: path, error: `no readable files (${Object.keys(FORMAT_BY_EXTENSION).join(" ")})` };
}

/**
 * Files under `dir` with an extension we read, depth first in name order. Names starting with `.`
 * or `_` are skipped (drafts, metadata); symbolic links to folders are not followed, so no cycles.
 */
async function* readableFiles(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable subfolder is skipped like any file we do not read
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* readableFiles(path);
    else if ((entry.isFile() || entry.isSymbolicLink()) && FORMAT_BY_EXTENSION[extname(entry.name).toLowerCase()]) yield path;
  }
}

/** A file of a known format, or of an unknown one (named explicitly) whose content is sniffed. */
async function readFileInput(path: string, format: Format | undefined, limits: Limits): Promise<IngestResult[]> {
  const bytes = await readFileCapped(path, limits.maxBytes);
  const charset = format === "html" ? charsetOf(headOf(bytes)) : undefined;
  const text = decodeText(bytes, charset);
  const name = basename(path, extname(path));
  return documentsFrom(text, format ?? sniffFormat(text), { input: path, id: name });
}

async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new InputError("not a regular file");
    if (info.size > maxBytes) throw tooBig("file", info.size, maxBytes);
    return await file.readFile();
  } finally {
    await file.close();
  }
}

async function readStdin(stdin: NodeJS.ReadableStream, limits: Limits): Promise<IngestResult[]> {
  const text = decodeText(await readStreamCapped(stdin, limits.maxBytes));
  return documentsFrom(text, sniffFormat(text), { input: "stdin", id: "stdin" });
}

async function readUrl(url: string, limits: Limits): Promise<IngestResult[]> {
  return fetchedDocuments(url, await fetchUrl(url, limits));
}

/**
 * The documents in a fetched body: decoded by its declared or sniffed charset, read by its format.
 * With `only: "feed"` (a watched feed), a body that is no RSS, Atom or JSON feed is a failure.
 */
export function fetchedDocuments(url: string, fetched: FetchedBody, only?: "feed"): IngestResult[] {
  const headerCharset = charsetOf(fetched.contentType);
  const format = formatOfContentType(fetched.contentType);
  const charset = headerCharset ?? (format !== "text" ? charsetOf(headOf(fetched.bytes)) : undefined);
  const text = decodeText(fetched.bytes, charset);
  if (only === "feed" && !looksLikeFeed(text))
    return jsonFeedDocuments(text, url, urlSlug(url)) ?? [{ ok: false, input: url, error: "not an RSS, Atom or JSON feed" }];
  // A server may call a feed "text/xml" or even "text/html"; the body has the last word on feeds.
  const chosen = looksLikeFeed(text) ? "feed" : format ?? sniffFormat(text);
  return documentsFrom(text, chosen, { input: url, id: urlSlug(url), url: fetched.url });
}

function formatOfContentType(contentType: string): Format | undefined {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (type === "text/markdown") return "markdown";
  return undefined; // XML, feeds and anything unlabelled are sniffed
}

/** The first KB as Latin-1, enough to find a `<meta charset>` before decoding. */
const headOf = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(1024, bytes.byteLength)).toString("latin1");

/** "no such file or directory" rather than Node's "ENOENT: no such file or directory, stat 'x'". */
function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return errorMessage(e);
}
