import { createDoc, type Doc, type SourceDoc } from "./doc.ts";
import { errorMessage } from "./errors.ts";
import { defaultPipeline, toClaimRecords, type ClaimRecord, type Pipeline } from "./extract/index.ts";
import { ingest, type IngestOptions, type IngestResult } from "./ingest/index.ts";
import type { AnalysisPool } from "./parallel/pool.ts";
import type { Store, StoreAction } from "./store/types.ts";

/** What became of one input: analysed and stored, read but skipped, or failed with a reason. */
export type AnalyzeResult =
  | { status: StoreAction; input: string; doc: SourceDoc; records: ClaimRecord[] }
  | { status: "skipped"; input: string; doc: SourceDoc; reason: string }
  | { status: "failed"; input: string; error: string };

export interface AnalyzeOptions extends IngestOptions {
  pipeline?: Pipeline;
  /** Language codes analysed; documents identified as another language are stored and skipped. */
  languages?: string[];
  stdin?: NodeJS.ReadableStream;
  /** Threads analysing at once (the default pipeline only); 1 analyses here, one document at a time. */
  jobs?: number;
}

/** Why a document is not analysed, or undefined when it should be. */
function skipReason(doc: SourceDoc, languages: string[]): string | undefined {
  const lang = doc.meta.language;
  if (lang && !languages.includes(lang)) return `language is "${lang}", not ${languages.join(" or ")}: stored, not analysed`;
  return undefined;
}

/**
 * Source → Document → pipeline → claim records → store, one input at a time. Each document is its own
 * transaction, and a failure (bad input or an annotator throwing) is reported and the batch goes on.
 */
export async function* analyze(inputs: string[], store: Store, options: AnalyzeOptions = {}): AsyncGenerator<AnalyzeResult> {
  yield* analyzeDocuments(ingest(inputs, options, options.stdin), store, options);
}

/** The same for documents already read (a record posted to the API): each analysed, stored or reported. */
export async function* analyzeDocuments(
  items: AsyncIterable<IngestResult> | Iterable<IngestResult>,
  store: Store,
  options: Pick<AnalyzeOptions, "pipeline" | "languages" | "jobs"> = {},
): AsyncGenerator<AnalyzeResult> {
  const languages = options.languages ?? ["en"];
  // the default pipeline can run in worker threads, a caller's own pipeline only here
  const jobs = options.pipeline ? 1 : Math.max(1, options.jobs ?? 1);
  let pipeline = options.pipeline;
  let pool: Promise<AnalysisPool> | undefined;
  let analysed = 0;
  const run = async (source: SourceDoc): Promise<{ doc: Doc; records: ClaimRecord[] }> => {
    // the first document here, the rest in threads started for the second: one document needs none
    if (jobs > 1 && analysed++ > 0) return (await (pool ??= import("./parallel/pool.ts").then((m) => new m.AnalysisPool(jobs)))).analyse(source);
    const doc = (pipeline ??= defaultPipeline()).run(createDoc(source));
    return { doc, records: toClaimRecords(doc) };
  };
  /** Everything up to the store write, which happens in input order once the analysis is back. */
  const prepare = async (item: IngestResult): Promise<Prepared> => {
    if (!item.ok) return { result: { status: "failed", input: item.input, error: item.error } };
    const source = item.doc;
    try {
      const reason = skipReason(source, languages);
      if (reason) return { item, reason };
      if (await store.has(source)) return { result: { status: "unchanged", input: item.input, doc: source, records: await store.claims({ doc: source.id }) } };
      return { item, analysis: await run(source) };
    } catch (e) {
      return { result: { status: "failed", input: item.input, error: `${source.id}: ${errorMessage(e)}` } };
    }
  };
  const finish = async (p: Prepared): Promise<AnalyzeResult> => {
    if ("result" in p) return p.result;
    const { input, doc: source } = p.item;
    try {
      if ("reason" in p) {
        await store.addSkipped(source, p.reason);
        return { status: "skipped", input, doc: source, reason: p.reason };
      }
      const { doc, records } = p.analysis;
      const status = await store.addDocument(doc, records);
      return { status, input, doc: { id: doc.id, text: doc.text, meta: doc.meta }, records };
    } catch (e) {
      return { status: "failed", input, error: `${source.id}: ${errorMessage(e)}` };
    }
  };
  // a window of documents in analysis keeps every thread busy while results are stored in order
  const window: Promise<Prepared>[] = [];
  try {
    for await (const item of items) {
      window.push(prepare(item));
      if (window.length >= jobs * 4 || jobs === 1) yield await finish(await window.shift()!);
    }
    while (window.length) yield await finish(await window.shift()!);
  } finally {
    await (await pool)?.close();
  }
}

type Prepared =
  | { result: AnalyzeResult }
  | { item: Extract<IngestResult, { ok: true }>; reason: string }
  | { item: Extract<IngestResult, { ok: true }>; analysis: { doc: Doc; records: ClaimRecord[] } };
