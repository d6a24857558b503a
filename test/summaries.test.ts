// The story's stored summaries (src/link/summaries.ts) against the story made from every claim at
// once (`buildStory`), on each engine: after linking in batches that arrive out of date order, after
// a name comes to mean another source, after a store linked before summaries were kept is
// summarised; and the pages the views read.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { refreshSummaries, storedSources, storedStory, storyOf, storyPage } from "../src/link/index.ts";
import { storedTimeline, timeline } from "../src/link/timeline.ts";
import { openStore, type Store } from "../src/store/index.ts";
import { jsonLines, runCli, tempDir } from "./support/cli.ts";
import { ENGINES, sqlRows } from "./support/stores.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");

/** The example files split in two folders, alternately, so that the second batch holds documents dated before the first's. */
function twoBatches(): [string, string] {
  const dir = tempDir("triangulate-batches-");
  const folders: [string, string] = [join(dir, "a"), join(dir, "b")];
  for (const f of folders) mkdirSync(f);
  readdirSync(EXAMPLES)
    .sort()
    .forEach((f, i) => copyFileSync(join(EXAMPLES, f), join(folders[i % 2], f)));
  return folders;
}

/** Writes one dated article of one outlet, in a folder of its own, so that each can be analysed alone. */
const articleWriter = (dir: string) => (name: string, date: string, text: string) => {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, `${name}.md`), `---\ntitle: The ${name} report\noutlet: The ${name} Post\ndate: ${date}\n---\n\n${text}\n`);
};

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function analyse(folder: string, location: string): Promise<void> {
  const run = await runCli(["analyze", folder, "--db", location]);
  assert.equal(run.code, 0, run.stderr);
}

for (const engine of ENGINES) {
  describe(`stored summaries (${engine.name})`, { skip: engine.skip }, () => {
    let location: string;
    let store: Store;

    before(async () => {
      location = await engine.location();
      const [a, b] = twoBatches();
      await analyse(a, location);
      await analyse(b, location);
      store = await openStore(location);
    });
    after(() => store.close());

    test("after a second batch is linked, the summaries give the story made from every claim at once", async () => {
      const whole = plain(await storyOf(store));
      assert.ok(whole.propositions.length > 20 && whole.sources.length > 10);
      assert.deepEqual(plain(await storedStory(store)), whole);
      assert.deepEqual(plain(await storedTimeline(store)), { ...plain(timeline(whole)), total: whole.propositions.reduce((n, p) => n + p.claims.length, 0) });
    });

    test("a store whose summaries are made again from scratch gives the same story", async () => {
      const whole = plain(await storyOf(store));
      await store.resetSummaries("all");
      assert.equal((await sqlRows<{ n: number }>(store, "SELECT count(*) AS n FROM source_names"))[0].n, 0);
      await store.exclusive(() => refreshSummaries(store));
      assert.deepEqual(plain(await storedStory(store)), whole);
    });

    test("pages of propositions, sources and timeline are slices of the whole, in its order", async () => {
      const whole = plain(await storyOf(store));
      const events = plain(timeline(whole).events);
      for (const [offset, limit] of [[0, 5], [5, 7], [whole.propositions.length - 3, 10], [whole.propositions.length + 4, 3]]) {
        const page = await storyPage(store, { offset, limit });
        assert.equal(page.total, whole.propositions.length);
        assert.deepEqual(plain(page.propositions), whole.propositions.slice(offset, offset + limit), `propositions ${offset}+${limit}`);
        const sources = await storedSources(store, { offset, limit });
        assert.equal(sources.total, whole.sources.length);
        assert.deepEqual(plain(sources.sources), whole.sources.slice(offset, offset + limit), `sources ${offset}+${limit}`);
        assert.deepEqual(plain((await storedTimeline(store, { offset, limit })).events), events.slice(offset, offset + limit), `timeline ${offset}+${limit}`);
      }
      const twice = await storyPage(store, { minClaims: 2 });
      assert.deepEqual(plain(twice.propositions), whole.propositions.filter((p) => p.claims.length >= 2));
      const disputed = await storyPage(store, { status: "disputed", limit: 3 });
      assert.deepEqual(plain(disputed.propositions), whole.propositions.filter((p) => p.status === "disputed").slice(0, 3));
    });

    test("the CLI pages the story, sources and timeline with --limit and --offset", async () => {
      const whole = plain(await storyOf(store));
      const story = await runCli(["story", "--db", location, "--format", "jsonl", "--limit", "4", "--offset", "3"]);
      assert.equal(story.code, 0, story.stderr);
      assert.deepEqual(jsonLines(story.stdout), whole.propositions.slice(3, 7));
      const json = await runCli(["story", "--db", location, "--format", "json", "--limit", "2"]);
      assert.deepEqual(JSON.parse(json.stdout), { propositions: whole.propositions.slice(0, 2), sources: whole.sources });
      const sources = await runCli(["sources", "--db", location, "--format", "json", "--limit", "3", "--offset", "1"]);
      assert.deepEqual(JSON.parse(sources.stdout), whole.sources.slice(1, 4));
      const events = await runCli(["timeline", "--db", location, "--format", "jsonl", "--limit", "5", "--offset", "2"]);
      assert.deepEqual(jsonLines(events.stdout), plain(timeline(whole).events).slice(2, 7));
      const bad = await runCli(["story", "--db", location, "--offset", "1.5"]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--offset takes a whole number from 0/);
    });
  });

  describe(`names that come to mean another source (${engine.name})`, { skip: engine.skip }, () => {
    test("a name said before the fuller name arrives is folded into it, in the summaries as in the whole story", async () => {
      const location = await engine.location();
      const dir = tempDir("triangulate-rename-");
      const write = articleWriter(dir);
      write("early", "2026-03-02", "Comey said the inquiry into the bridge collapse had found no wrongdoing.");
      write("late", "2026-03-03", "James Comey said on Tuesday that the inquiry into the bridge collapse had found no wrongdoing.");
      await analyse(join(dir, "early"), location);
      const store = await openStore(location);
      try {
        assert.ok((await storedSources(store)).sources.some((s) => s.name === "Comey"), "alone, Comey is Comey");
        await analyse(join(dir, "late"), location);
        const whole = plain(await storyOf(store));
        assert.ok(whole.sources.some((s) => s.name === "James Comey") && !whole.sources.some((s) => s.name === "Comey"), "the whole story folds Comey into James Comey");
        assert.deepEqual(plain(await storedStory(store)), whole);
      } finally {
        await store.close();
      }
    });

    test("an acronym said first goes by the body that spells it once that body is named, and its chain of names follows", async () => {
      const location = await engine.location();
      const dir = tempDir("triangulate-acronym-");
      const write = articleWriter(dir);
      write("first", "2026-03-02", "The SCPS said 40 people were missing after the flood in Lindor.");
      write("second", "2026-03-03", "The State Civil Protection Service said on Tuesday that 40 people were missing after the flood in Lindor.");
      write("third", "2026-03-04", "The Norvessan State Civil Protection Service said 24 people had been found alive in Lindor.");
      for (const name of ["first", "second", "third"]) await analyse(join(dir, name), location);
      const store = await openStore(location);
      try {
        const whole = plain(await storyOf(store));
        assert.ok(!whole.sources.some((s) => s.name === "SCPS"), `the acronym is folded: ${whole.sources.map((s) => s.name)}`);
        assert.deepEqual(plain(await storedStory(store)), whole);
      } finally {
        await store.close();
      }
    });
  });
}
