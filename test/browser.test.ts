// The web page in a real browser: Debian's Chromium (playwright-core) against `triangulate serve`
// running for real on loopback over the example story and a corpus of hostile articles. Each view
// loads and draws, the Story filters work and live in the address, a document opens with its marks,
// and nothing in an article's text or metadata runs. Screenshots go to test-artifacts/browser/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { WEB_DIST } from "../src/serve/static.ts";
import { browserMissing, launchBrowser, screenshotPath } from "./support/browser.ts";
import { runCli, tempDir } from "./support/cli.ts";
import { startServe, type ServeProcess } from "./support/serve.ts";

const ROOT = resolve(import.meta.dirname, "..");
const skip = browserMissing();
let server: ServeProcess;
let browser: BrowserContext;
let page: Page;
const offSite: string[] = [];
const pageErrors: string[] = [];

before(async () => {
  if (skip) return;
  // npm install builds the page (prepare); build it here when a checkout has not
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    const built = spawnSync("npm", ["run", "build:web"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(built.status, 0, built.stderr);
  }
  const db = join(tempDir(), "browser.db");
  const run = await runCli(["analyze", join(ROOT, "examples"), join(ROOT, "test/hostile"), "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  server = await startServe(db);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) offSite.push(r.url());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // a blocked script or style (CSP), a failed request: the page's console says so
  page.on("console", (m) => m.type() === "error" && pageErrors.push(`console: ${m.text()}`));
  page.on("dialog", (d) => (pageErrors.push(`dialog: ${d.message()}`), d.dismiss()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a view by its address and waits until it says it has drawn. */
async function open(hash: string, view: string): Promise<void> {
  // a fresh load each time: a hash change alone would keep the last view's focus and state
  await page.goto("about:blank");
  await page.goto(new URL(hash, server.url).href);
  await page.waitForFunction((v) => window.__rendered?.view === v, view, { timeout: 20_000 });
}

const waitRendered = (count: number) => page.waitForFunction((n) => (window.__rendered?.count ?? 0) > n, count, { timeout: 20_000 });
const renders = () => page.evaluate(() => window.__rendered?.count ?? 0);

test("Story view: propositions by independent origins, the disputed death toll drawn, who asserts and who denies", { skip }, async () => {
  await open("#/story", "story");
  const cards = page.locator("li.proposition");
  assert.ok((await cards.count()) > 10);
  const origins = await page.locator("li.proposition .facts strong").allTextContents();
  const counts = origins.map((t) => Number(t.split(" ")[0]));
  for (let i = 1; i < counts.length; i++) assert.ok(counts[i - 1] >= counts[i], "most independent origins first");
  await page.locator(".disputed-numbers [role=img] svg").first().waitFor();
  const label = (await page.locator(".disputed-numbers [role=img]").first().getAttribute("aria-label")) ?? "";
  assert.match(label, /people · dead/);
  assert.match(label, /38 by /);
  assert.match(label, /71 by /);
  assert.ok((await page.locator(".disputed-numbers svg circle").count()) >= 2, "the figures are drawn as dots");
  assert.ok((await page.locator("li.proposition.status-disputed").count()) > 0);
  assert.ok((await page.locator(".stance-denies dd").count()) > 0, "who denies is named");
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /^World$/m, "no section label as a statement");
  assert.doesNotMatch(text, /By Ana Petrel/, "no byline as a statement");
  await page.screenshot({ path: screenshotPath("story"), fullPage: false });
});

test("Story filters: status, source, entity, words and dates narrow the list and stay in a shareable address", { skip }, async () => {
  await open("#/story", "story");
  const all = await page.locator("li.proposition").count();
  let n = await renders();
  await page.selectOption("select[name=status]", "disputed");
  await waitRendered(n);
  const statuses = await page.locator("li.proposition").evaluateAll((els) => els.map((e) => e.className));
  assert.ok(statuses.length > 0 && statuses.every((c) => c.includes("status-disputed")), statuses.join());
  assert.match(page.url(), /status=disputed/);
  n = await renders();
  await page.fill("input[name=source]", "Reyl");
  await waitRendered(n);
  assert.match(page.url(), /source=Reyl/);
  const withReyl = await page.locator("li.proposition").count();
  assert.ok(withReyl > 0 && withReyl < all);
  // the address opens the same list in a fresh tab
  const shared = page.url();
  const other = await browser.newPage();
  await other.goto(shared);
  await other.waitForFunction(() => window.__rendered?.view === "story");
  assert.equal(await other.locator("li.proposition").count(), withReyl);
  assert.equal(await other.inputValue("input[name=source]"), "Reyl");
  await other.close();
  await open("#/story?entity=Tarvonia", "story");
  assert.ok((await page.locator("li.proposition").count()) > 0);
  await open("#/story?q=unaccounted", "story");
  const words = await page.locator("li.proposition").allTextContents();
  assert.ok(words.length > 0 && words.every((t) => /unaccounted/i.test(t)));
  await open("#/story?from=2026-03-13&to=2026-03-13", "story");
  const dated = await page.locator("li.proposition").count();
  assert.ok(dated > 0 && dated < all);
  await open("#/story?q=nothing-matches-this", "story");
  assert.equal(await page.locator("li.proposition").count(), 0);
  assert.match(await page.locator(".list-footer").innerText(), /0 of 0 propositions/);
});

test("Document view: the article's text with claims, sources, cues, certainty, numbers and entities marked, evidence on focus", { skip }, async () => {
  await open("#/documents", "documents");
  await page.locator("tbody a").first().click();
  await page.waitForFunction(() => window.__rendered?.view === "document");
  assert.match(page.url(), /#\/document\//);
  await open("#/document/post-ministry-denial", "document");
  for (const type of ["claim", "source", "cue", "quantity", "entity"]) assert.ok((await page.locator(`.doc-text .m-${type}`).count()) > 0, type);
  const figure = page.locator(".doc-text mark.m-quantity").first();
  await figure.focus();
  const panel = await page.locator("aside.evidence").innerText();
  assert.match(panel, /number:/);
  // the keyboard reaches the marks
  await page.locator(".doc-text mark").first().focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "MARK");
  await page.screenshot({ path: screenshotPath("document"), fullPage: false });
  // a sentence address focuses that sentence
  await open("#/document/interior-ministry-statement?s=4", "document");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "sentence-4");
  await page.uncheck("fieldset.legend input >> nth=4");
  assert.ok(await page.locator("section.hide-quantity").count());
});

test("Numbers view: each counted thing charted per source over time, ranges as ranges, denied figures marked", { skip }, async () => {
  await open("#/numbers", "numbers");
  const series = page.locator("article.series");
  assert.ok((await series.count()) > 3);
  await page.locator("article.series [role=img] svg").first().waitFor();
  const labels = await page.locator("article.series h3").allTextContents();
  assert.ok(labels.includes("people · dead") && labels.includes("people · missing"), labels.join(" | "));
  assert.ok((await page.locator("tr.denied").count()) > 0, "a denied figure is marked");
  assert.ok((await page.locator("tr.denied del").count()) > 0);
  await page.screenshot({ path: screenshotPath("numbers"), fullPage: false });
});

test("Sources view: the citation graph and each source's claims and typical certainty; a source opens its story", { skip }, async () => {
  await open("#/sources", "sources");
  assert.ok((await page.locator("svg.graph line").count()) > 0, "citations drawn");
  assert.ok((await page.locator("svg.graph circle").count()) > 1);
  const rows = page.locator("tbody tr");
  assert.ok((await rows.count()) > 5);
  await page.screenshot({ path: screenshotPath("sources"), fullPage: false });
  await page.locator("tbody th a", { hasText: "Tomas Reyl" }).first().click();
  await page.waitForFunction(() => window.__rendered?.view === "story");
  assert.match(page.url(), /source=Tomas/);
  assert.ok((await page.locator("li.proposition").count()) > 0);
});

test("Timeline view: claims by day with the per-day chart drawn", { skip }, async () => {
  await open("#/timeline", "timeline");
  await page.locator("main [role=img] svg").first().waitFor();
  assert.ok((await page.locator("main svg rect").count()) > 0, "bars drawn");
  const days = await page.locator("section.day h3").allTextContents();
  assert.ok(days.length >= 3);
  assert.deepEqual([...days].sort(), days, "in date order");
  await page.screenshot({ path: screenshotPath("timeline"), fullPage: false });
});

test("keyboard: the skip link comes first and moves focus to the content", { skip }, async () => {
  await open("#/story", "story");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
});

test("hostile article text and metadata stay inert: no script runs, no handler or javascript: link is made", { skip }, async () => {
  for (const [hash, view] of [
    ["#/document/hostile-script", "document"],
    ["#/document/hostile-html", "document"],
    ["#/story?q=rescued", "story"],
    ["#/documents", "documents"],
    ["#/timeline", "timeline"],
    ["#/sources", "sources"],
    ["#/numbers", "numbers"],
  ]) {
    await open(hash, view);
    await page.locator("main mark, main a").first().hover().catch(() => {});
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      scripts: document.querySelectorAll("script").length,
      handlers: [...document.querySelectorAll("main *")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      images: document.querySelectorAll("main img").length,
    }));
    assert.deepEqual(found, { pwned: undefined, scripts: 1, handlers: 0, jsLinks: 0, images: 0 }, hash);
  }
  await open("#/document/hostile-script", "document");
  const text = await page.locator("main").innerText();
  assert.match(text, /<script>window.__pwned = 'text'<\/script>/, "the markup shows as text");
  assert.match(text, /javascript:window.__pwned='url'/, "a javascript: address shows as text, not a link");
  await page.screenshot({ path: screenshotPath("hostile"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(offSite, [], "the page asks nothing of any other host");
});

test("a server with a token: the page takes it from #token= and shows the story; without it the API answers 401", { skip }, async () => {
  const token = "browser-test-token-0123456789";
  const guarded = await startServe(join(tempDir(), "token.db"), ["--token", token]);
  const tab = await browser.newPage();
  try {
    const bare = await tab.request.get(new URL("api/propositions", guarded.url).href);
    assert.equal(bare.status(), 401);
    await tab.goto(new URL("#/story", guarded.url).href);
    await tab.locator("[role=alert]").first().waitFor();
    assert.match(await tab.locator("[role=alert]").first().innerText(), /authorization/);
    await tab.goto(new URL(`#token=${token}`, guarded.url).href);
    await tab.waitForFunction(() => window.__rendered?.view === "story");
    assert.doesNotMatch(tab.url(), /token/, "the token leaves the address");
    assert.equal(await tab.locator("[role=alert]").count(), 0);
  } finally {
    await tab.close();
    await guarded.stop();
  }
});
