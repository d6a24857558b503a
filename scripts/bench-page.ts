// The page bench: a store of ≥100,000 synthetic claims, analysed, stored and linked, served for real
// on loopback, and the Story view opened in headless Chromium. First render is the time from
// navigation to the first page of propositions drawn (the server has built the story at start, as
// `serve` does); filter is the time from choosing a status to the filtered list drawn. Medians.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDoc } from "../src/doc.ts";
import { defaultPipeline, toClaimRecords } from "../src/extract/index.ts";
import { linkStore } from "../src/link/index.ts";
import { startServer } from "../src/serve/index.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import type { Store } from "../src/store/types.ts";
import { launchBrowser } from "../test/support/browser.ts";
import { syntheticArticles } from "./synthetic.ts";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function fillStore(store: Store, claims: number): Promise<number> {
  const pipeline = defaultPipeline();
  let stored = 0;
  const articles = Math.ceil(claims / 5);
  for (const a of syntheticArticles(articles * 2, Math.round(articles / 5), 13)) {
    const doc = pipeline.run(createDoc({ id: a.id, text: a.text, meta: { outlet: a.outlet, date: a.date } }));
    const records = toClaimRecords(doc);
    await store.addDocument(doc, records);
    stored += records.length;
    if (process.stderr.isTTY && a.id.endsWith("000")) process.stderr.write(`\r  stored ${stored} claims`);
    if (stored >= claims) break;
  }
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  return stored;
}

export async function pageStage(claims: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-page-"));
  const store = new SqliteStore(join(dir, "page.db"));
  const t0 = performance.now();
  const stored = await fillStore(store, claims);
  await linkStore(store);
  const t1 = performance.now();
  const server = await startServer(store, { host: "127.0.0.1", port: 0 });
  console.log(`  ${stored} claims stored and linked in ${((t1 - t0) / 1000).toFixed(1)} s; story built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const browser = await launchBrowser();
  try {
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(new URL("#/story", server.url).href);
      await page.waitForFunction(() => window.__rendered?.view === "story", undefined, { timeout: 60_000 });
      firsts.push(await page.evaluate(() => window.__rendered!.at));
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(new URL("#/story", server.url).href);
    await page.waitForFunction(() => window.__rendered?.view === "story", undefined, { timeout: 60_000 });
    const filters: number[] = [];
    for (const status of ["disputed", "agreed", "single-source", "", "disputed", "agreed", ""]) {
      const count = await page.evaluate(() => window.__rendered!.count);
      const started = await page.evaluate((value) => {
        const select = document.querySelector<HTMLSelectElement>("select[name=status]")!;
        const at = performance.now();
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        return at;
      }, status);
      await page.waitForFunction((n) => window.__rendered!.count > n, count, { timeout: 60_000 });
      filters.push((await page.evaluate(() => window.__rendered!.at)) - started);
    }
    const shown = await page.locator("li.proposition").count();
    console.log(`  first render runs ${firsts.map((t) => t.toFixed(0)).join(", ")} ms; filter runs ${filters.map((t) => t.toFixed(0)).join(", ")} ms; ${shown} propositions on the first page`);
    console.log(`page: first render ${median(firsts).toFixed(0)} ms, filter ${median(filters).toFixed(0)} ms (${Math.round(stored / 1000)}k claims stored)`);
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
