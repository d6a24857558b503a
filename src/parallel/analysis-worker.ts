// A worker thread's side of the analysis pool: the default pipeline, built once per thread, run on
// each document sent; back go the parts the store keeps (sentences, entity types, claim records).
import { parentPort } from "node:worker_threads";
import { createDoc, type SourceDoc } from "../doc.ts";
import { errorMessage } from "../errors.ts";
import { defaultPipeline, toClaimRecords } from "../extract/index.ts";
import type { AnalysisReply } from "./pool.ts";

const pipeline = defaultPipeline();

parentPort!.on("message", ({ id, source }: { id: number; source: SourceDoc }) => {
  let reply: AnalysisReply;
  try {
    const doc = pipeline.run(createDoc(source));
    reply = { id, ok: true, sentences: doc.sentences, entities: doc.layers.entities ?? [], records: toClaimRecords(doc) };
  } catch (e) {
    reply = { id, ok: false, error: errorMessage(e) };
  }
  parentPort!.postMessage(reply);
});
