// One worker: takes jobs from the queue, analyses and stores each document, marks the job, and links
// what was stored about once a second.
// Several workers, on one machine or many, share the queue; linking takes the store's link lock and
// first catches up with what the others linked (see LinkSession), so propositions stay consistent.
import { hostname } from "node:os";
import { analyzeDocuments } from "../analyze.ts";
import { errorMessage } from "../errors.ts";
import { defaultPipeline } from "../extract/index.ts";
import { LinkSession } from "../link/index.ts";
import { isConnectionError } from "../store/postgres.ts";
import { MAX_ATTEMPTS, type Job, type JobQueue } from "./jobs.ts";

export interface WorkerOptions {
  /** How long a taken job stays this worker's without a renewal. */
  leaseMs?: number;
  /** Pause between looks at an empty queue. */
  pollMs?: number;
  /** End once nothing is queued or running, instead of waiting for more. */
  exitWhenIdle?: boolean;
  /** Progress and trouble, one line each. */
  log?: (line: string) => void;
  /** Set to stop after the job in hand. */
  signal?: AbortSignal;
}

/** Longest a stored document waits to be linked while the queue is busy. */
const LINK_EVERY_MS = 1000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function runWorker(queue: JobQueue, options: WorkerOptions = {}): Promise<{ done: number; failed: number }> {
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? (() => {});
  const name = `${hostname()}:${process.pid}`;
  const pipeline = defaultPipeline();
  const links = new LinkSession(queue.store);
  const tally = { done: 0, failed: 0 };
  // one linker at a time, and a link links every unlinked document, this worker's and any other's:
  // done once per batch of stored documents (LINK_EVERY_MS) rather than after each, and skipped
  // while another worker links (it takes these too), so workers do not queue for the lock; when the
  // queue runs dry, and on the way out, a worker waits its turn so nothing it stored stays unlinked
  let unlinked = 0;
  let linkedAt = Date.now();
  const link = async (wait: boolean) => {
    if (unlinked && !(wait ? await links.linkNew() : await links.linkNewIfFree())) return;
    unlinked = 0;
    linkedAt = Date.now();
  };
  while (!options.signal?.aborted) {
    try {
      if (unlinked && Date.now() - linkedAt >= LINK_EVERY_MS) await link(false);
      const job = await queue.take(name, leaseMs);
      if (!job) {
        await link(true);
        if (options.exitWhenIdle && !(await queue.pending())) break;
        await sleep(pollMs);
        continue;
      }
      const error = await work(job);
      if (error) {
        await queue.fail(job.id, error);
        tally.failed++;
        log(`failed: ${job.input}: ${error}`);
      } else {
        await queue.finish(job.id);
        tally.done++;
        unlinked++;
      }
    } catch (e) {
      // the server restarting or out of reach: the job in hand goes back to the queue when its lease
      // runs out; this worker waits and carries on
      if (!isConnectionError(e)) throw e;
      log(`lost the database (${errorMessage(e)}); retrying`);
      await sleep(pollMs);
    }
  }
  await link(true).catch((e) => log(`linking on the way out failed (${errorMessage(e)}); the next worker links those documents`));
  return tally;

  /** Analyses, stores and links one job's document under a renewed lease; the failure's reason, if any. */
  async function work(job: Job): Promise<string | undefined> {
    if (job.attempts > MAX_ATTEMPTS) return `gave up after ${MAX_ATTEMPTS} attempts: each one's worker stopped before it finished`;
    const renewal = setInterval(() => void queue.renew(job.id, name, leaseMs).catch(() => {}), leaseMs / 3);
    try {
      let error: string | undefined;
      for await (const r of analyzeDocuments([{ ok: true, input: job.input, doc: job.doc }], queue.store, { pipeline }))
        if (r.status === "failed") error = r.error;
      return error;
    } finally {
      clearInterval(renewal);
    }
  }
}
