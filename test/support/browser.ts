// A real browser for the page's tests: Debian's Chromium driven by playwright-core, a fresh profile
// each run, no network beyond what the page itself asks of its own server.
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { tempDir } from "./cli.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTEFACTS = resolve(import.meta.dirname, "../../test-artifacts/browser");

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser tests cannot run here, or undefined when they can (.ci/run installs Chromium and sets TRIANGULATE_REQUIRE_BROWSER, so there they never skip). */
export const browserMissing = (): string | undefined =>
  existsSync(CHROMIUM) || process.env.TRIANGULATE_REQUIRE_BROWSER ? undefined : `${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)`;

export async function launchBrowser(): Promise<BrowserContext> {
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launchPersistentContext(tempDir("triangulate-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
}

export const screenshotPath = (name: string): string => join(ARTEFACTS, `${name}.png`);

declare global {
  /** What the page sets when a view has drawn (web/src/parts/rendered.ts). */
  interface Window {
    __rendered?: { view: string; at: number; count: number };
  }
}
