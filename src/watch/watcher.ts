// Polls feeds, analyses each new or changed item once, links it, and reports alerts. Conditional
// requests (ETag, Last-Modified) make an unchanged feed cost one empty 304; an item seen before has
// the same id and text, so the store recognises it and it is not analysed again. A feed that fails
// (garbage, an HTTP error, a redirect loop, a body over the size limit) is named and skipped, and the
// watch goes on.
import { analyzeDocuments } from "../analyze.ts";
import { errorMessage } from "../errors.ts";
import { defaultPipeline } from "../extract/index.ts";
import { fetchedDocuments, fetchUrl, identifyLanguage, resolveLimits, type IngestOptions, type IngestResult, type Validators } from "../ingest/index.ts";
import { LinkSession, storyOf } from "../link/index.ts";
import type { Store } from "../store/types.ts";
import { alertsFor, statuses, type Alert } from "./alerts.ts";

export interface WatchOptions {
  everyMs: number;
  /** Stop after this many rounds (default: until the signal). */
  rounds?: number;
  ingest?: IngestOptions;
  alert: (alert: Alert) => void | Promise<void>;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export interface RoundReport {
  feeds: number;
  unchanged: number;
  failed: number;
  analysed: number;
}

export async function watchFeeds(store: Store, feeds: string[], options: WatchOptions): Promise<void> {
  const limits = resolveLimits(options.ingest);
  const pipeline = defaultPipeline();
  const links = new LinkSession(store);
  const validators = new Map<string, Validators>();
  await links.linkNew();
  for (let round = 1; !options.signal?.aborted; round++) {
    const fresh: Extract<IngestResult, { ok: true }>[] = [];
    const report: RoundReport = { feeds: feeds.length, unchanged: 0, failed: 0, analysed: 0 };
    for (const feed of feeds) {
      try {
        const fetched = await fetchUrl(feed, limits, validators.get(feed));
        validators.set(feed, { etag: fetched.etag, lastModified: fetched.lastModified });
        if (fetched.status === 304) {
          report.unchanged++;
          continue;
        }
        for (const item of fetchedDocuments(feed, fetched, "feed")) {
          if (!item.ok) {
            options.log(`skipped: ${item.input}: ${item.error}`);
            if (item.input === feed) report.failed++;
          } else if (!(await store.has(item.doc))) fresh.push(item);
        }
      } catch (e) {
        report.failed++;
        options.log(`skipped feed ${feed}: ${errorMessage(e)}`);
      }
    }
    if (fresh.length) {
      for (const item of fresh) if (limits.detectLanguage) item.doc.meta.language ??= await identifyLanguage(item.doc.text);
      const before = statuses(await storyOf(store));
      const added = new Set<string>();
      for await (const r of analyzeDocuments(fresh, store, { pipeline })) {
        if (r.status === "failed") options.log(`error: ${r.input}: ${r.error}`);
        else if (r.status === "added" || r.status === "updated") added.add(r.doc.id);
      }
      report.analysed = added.size;
      await links.linkNew();
      if (added.size) for (const alert of alertsFor(await storyOf(store), before, added)) await options.alert(alert);
    }
    options.log(`round ${round}: ${report.feeds} feeds, ${report.unchanged} unchanged, ${report.failed} failed, ${report.analysed} new articles`);
    if (options.rounds !== undefined && round >= options.rounds) break;
    await pause(options.everyMs, options.signal);
  }
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), done()), { once: true });
  });
