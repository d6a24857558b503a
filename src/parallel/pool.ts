// Worker threads that run the default pipeline, so that analysing many documents uses every core:
// the pipeline is synchronous CPU work, while reading, storing and linking stay on the main thread.
import { Worker } from "node:worker_threads";
import { createDoc, type Doc, type Sentence, type SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";

export type AnalysisReply =
  | { id: number; ok: true; sentences: Sentence[]; entities: NonNullable<Doc["layers"]["entities"]>; records: ClaimRecord[] }
  | { id: number; ok: false; error: string };

interface Pending {
  resolve: (value: { doc: Doc; records: ClaimRecord[] }) => void;
  reject: (error: Error) => void;
  source: SourceDoc;
}

// run from src/ under tsx, the thread registers tsx before loading the TypeScript; from dist/, it
// loads the JavaScript directly
const fromSource = import.meta.url.endsWith(".ts");
const ENTRY = new URL(`./analysis-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
const startThread = (): Worker =>
  fromSource ? new Worker(new URL("./tsx-thread.mjs", import.meta.url), { workerData: { entry: ENTRY.href } }) : new Worker(ENTRY);

export class AnalysisPool {
  readonly size: number;
  #threads: { worker: Worker; busy: number }[] = [];
  #pending = new Map<number, Pending>();
  #next = 0;

  constructor(size: number) {
    this.size = size;
    for (let i = 0; i < size; i++) {
      const worker = startThread();
      const thread = { worker, busy: 0 };
      worker.on("message", (reply: AnalysisReply) => {
        thread.busy--;
        const pending = this.#pending.get(reply.id)!;
        this.#pending.delete(reply.id);
        if (!reply.ok) return pending.reject(new Error(reply.error));
        const doc = createDoc(pending.source);
        doc.sentences = reply.sentences;
        doc.layers.entities = reply.entities;
        pending.resolve({ doc, records: reply.records });
      });
      worker.on("error", (e) => {
        for (const p of this.#pending.values()) p.reject(e);
        this.#pending.clear();
      });
      this.#threads.push(thread);
    }
  }

  /** The document analysed by the least busy thread: its sentences and entity types, and its claim records. */
  analyse(source: SourceDoc): Promise<{ doc: Doc; records: ClaimRecord[] }> {
    const id = this.#next++;
    const thread = this.#threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    thread.busy++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, source });
      thread.worker.postMessage({ id, source });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}
