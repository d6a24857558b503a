import { createDoc, type SourceDoc } from "./doc.ts";
import { errorMessage } from "./errors.ts";
import { defaultPipeline, toClaimRecords, type ClaimRecord, type Pipeline } from "./extract/index.ts";
import { ingest, type IngestOptions, type IngestResult } from "./ingest/index.ts";
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
  options: Pick<AnalyzeOptions, "pipeline" | "languages"> = {},
): AsyncGenerator<AnalyzeResult> {
  const pipeline = options.pipeline ?? defaultPipeline();
  const languages = options.languages ?? ["en"];
  for await (const item of items) {
    if (!item.ok) {
      yield { status: "failed", input: item.input, error: item.error };
      continue;
    }
    const source = item.doc;
    try {
      const reason = skipReason(source, languages);
      if (reason) {
        await store.addSkipped(source, reason);
        yield { status: "skipped", input: item.input, doc: source, reason };
      } else if (await store.has(source)) {
        yield { status: "unchanged", input: item.input, doc: source, records: await store.claims({ doc: source.id }) };
      } else {
        const doc = pipeline.run(createDoc(source));
        const records = toClaimRecords(doc);
        const status = await store.addDocument(doc, records);
        yield { status, input: item.input, doc: { id: doc.id, text: doc.text, meta: doc.meta }, records };
      }
    } catch (e) {
      yield { status: "failed", input: item.input, error: `${source.id}: ${errorMessage(e)}` };
    }
  }
}
