// Propositions folded one claim at a time (story.ts's PropositionFold): the same proposition whatever
// the order the claims arrive in; and the store's summaries, which add each document's claims to
// their propositions' stored folds, against the story made from every claim at once, on each engine.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import fc from "fast-check";
import { createDoc, type SourceDoc } from "../src/doc.ts";
import { defaultPipeline, toClaimRecords } from "../src/extract/index.ts";
import { ingest } from "../src/ingest/index.ts";
import { LinkSession, buildStory, storyOf, summaryPage, type LinkedRecord } from "../src/link/index.ts";
import { PropositionFold, storyNames, type FoldState } from "../src/link/story.ts";
import { storedTimeline, timeline } from "../src/link/timeline.ts";
import type { SourceNames } from "../src/link/names.ts";
import { openStore, type Store } from "../src/store/index.ts";
import type { StaleProposition } from "../src/store/types.ts";
import { ENGINES, sqlRows } from "./support/stores.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function exampleDocuments(): Promise<SourceDoc[]> {
  const docs: SourceDoc[] = [];
  for await (const r of ingest([EXAMPLES], { detectLanguage: false })) if (r.ok) docs.push(r.doc);
  return docs;
}

const pipeline = defaultPipeline();

async function add(store: Store, source: SourceDoc): Promise<void> {
  const doc = pipeline.run(createDoc(source));
  await store.addDocument(doc, toClaimRecords(doc));
}

/** Folds members in this order, going on from a stored state after the first `split`. */
function folded(id: number, members: LinkedRecord[], names: SourceNames, split: number) {
  const first = new PropositionFold();
  for (const m of members.slice(0, split)) first.add(m, names);
  const fold = new PropositionFold(JSON.parse(JSON.stringify(first.state())) as FoldState);
  for (const m of members.slice(split)) fold.add(m, names);
  return { ...fold.proposition(id), claimCount: fold.claimCount };
}

describe("a proposition folded one claim at a time", () => {
  let linked: LinkedRecord[];

  before(async () => {
    const store = await openStore(await ENGINES[0].location());
    for (const doc of await exampleDocuments()) await add(store, doc);
    await new LinkSession(store).linkNew();
    linked = await store.linkedRecords();
    await store.close();
  });

  test("members folded in any order, stopping midway and going on from the stored state, make the same proposition", () => {
    const names = storyNames(linked);
    const groups = new Map<number, LinkedRecord[]>();
    for (const l of linked) groups.set(l.proposition, [...(groups.get(l.proposition) ?? []), l]);
    // every example claim in one proposition besides: many documents of one day, named and unnamed
    // counts, denials, relays and conflicting numbers in one fold
    const cases = [...[...groups].filter(([, members]) => members.length > 1), [-1, linked] as const];
    for (const [id, members] of cases) {
      const whole = folded(id, members, names, members.length);
      assert.equal(whole.claimCount, members.length);
      fc.assert(
        fc.property(fc.shuffledSubarray(members, { minLength: members.length }), fc.nat({ max: members.length }), (order, split) => {
          assert.deepEqual(folded(id, order, names, split), whole);
        }),
        { numRuns: 20, seed: id },
      );
      assert.deepEqual(folded(id, [...members].reverse(), names, 0), whole, `proposition ${id} folded backwards`);
    }
  });
});

/** A store whose stale propositions are recorded as the summaries read them: which took in new members, which were made again. */
function recording(store: Store): { store: Store; stale: StaleProposition[] } {
  const stale: StaleProposition[] = [];
  const recorded = new Proxy(store, {
    get(target, key) {
      if (key === "stalePropositions")
        return async (limit: number) => {
          const rows = await target.stalePropositions(limit);
          stale.push(...rows);
          return rows;
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store: recorded, stale };
}

const appended = (stale: StaleProposition[]) => stale.filter((s) => s.fold !== undefined).map((s) => s.id);
const rebuilt = (stale: StaleProposition[]) => stale.filter((s) => s.fold === undefined).map((s) => s.id);

for (const engine of ENGINES) {
  describe(`summaries folded one document at a time (${engine.name})`, { skip: engine.skip }, () => {
    let kept: Store;
    let store: Store;
    let stale: StaleProposition[];
    let session: LinkSession;

    before(async () => {
      kept = await openStore(await engine.location());
      ({ store, stale } = recording(kept));
      session = new LinkSession(store);
    });
    after(() => kept.close());

    /** Links what was added, then checks every stored summary and timeline entry against the story made at once. */
    async function linkAndCheck(what: string): Promise<void> {
      stale.length = 0;
      await session.linkNew();
      const whole = plain(buildStory(await store.linkedRecords()));
      const summaries = whole.propositions.map(({ claims, ...rest }) => ({ ...rest, claimCount: claims.length }));
      assert.deepEqual(plain((await summaryPage(store)).summaries), summaries, what);
      assert.deepEqual(plain((await storedTimeline(store)).events), plain(timeline(whole).events), what);
      const [unfolded] = await sqlRows<{ n: number }>(store, "SELECT count(*) AS n FROM claims WHERE proposition IS NOT NULL AND NOT folded");
      assert.equal(Number(unfolded.n), 0, `${what}: every linked claim is folded`);
    }

    test("documents linked one at a time, latest first, have their claims added to the stored folds", async () => {
      const docs = (await exampleDocuments()).sort((a, b) => (b.meta.date ?? "").localeCompare(a.meta.date ?? "") || a.id.localeCompare(b.id));
      let appends = 0;
      for (const doc of docs) {
        await add(store, doc);
        await linkAndCheck(`after ${doc.id}`);
        appends += appended(stale).length;
      }
      assert.ok(appends >= 5, `propositions that gained members took them in without being made again (${appends})`);
      assert.deepEqual(plain(await store.linkedRecords().then(buildStory)), plain(await storyOf(store)));
    });

    test("a linked document replaced by another text has its propositions made again from all their members", async () => {
      const [doc] = (await exampleDocuments()).filter((d) => d.id === "post-ministry-denial");
      const linkedTo = await sqlRows<{ proposition: number }>(
        store,
        "SELECT DISTINCT c.proposition FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = $1 AND c.proposition IS NOT NULL ORDER BY c.proposition",
        [doc.id],
      );
      await add(store, { ...doc, text: `${doc.text}\n\nThe ministry said on Wednesday that 64 people were unaccounted for.` });
      const marked = await sqlRows<{ id: number; rebuild: unknown }>(store, "SELECT id, rebuild FROM stale_propositions ORDER BY id");
      assert.deepEqual(marked.map((r) => [r.id, Boolean(r.rebuild)]), linkedTo.map((r) => [r.proposition, true]), "its propositions are to be made again");
      await linkAndCheck("after the replaced document");
      for (const r of linkedTo) assert.ok(rebuilt(stale).includes(r.proposition), `proposition ${r.proposition} is made again`);
    });

    test("a name that comes to mean another source has its propositions made again, and they then take in new members again", async () => {
      const article = (id: string, date: string, text: string): SourceDoc => ({ id, text, meta: { title: `The ${id} report`, outlet: `The ${id} Post`, date } });
      await add(store, article("early", "2026-03-02", "Comey said the inquiry into the bridge collapse had found no wrongdoing."));
      await linkAndCheck("after Comey");
      await add(store, article("late", "2026-03-03", "James Comey said on Tuesday that the inquiry into the bridge collapse had found no wrongdoing."));
      await linkAndCheck("after James Comey");
      const [renamed] = await sqlRows<{ proposition: number }>(store, "SELECT c.proposition FROM claims c JOIN documents d ON d.id = c.doc WHERE d.doc_id = 'early'");
      assert.ok(rebuilt(stale).includes(renamed.proposition), "Comey's proposition is made again");
      // an earlier-dated report joins it: a member that arrives out of date order
      await add(store, article("earliest", "2026-03-01", "Comey said the inquiry into the bridge collapse found no wrongdoing."));
      await linkAndCheck("after an earlier Comey");
      assert.ok(appended(stale).includes(renamed.proposition), "and then takes in a new member");
    });
  });
}
