// The seed corpus's story (../shared/corpus/seeds): the troop counts of the different pieces and who
// gave each, and Putin's remark on the satellite images traced to Putin whoever carried it.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../src/cli/main.ts";
import { storyOf, type Story } from "../src/link/index.ts";
import { openStore } from "../src/store/index.ts";
import { PassThrough } from "node:stream";

const SEEDS = resolve(import.meta.dirname, "../../shared/corpus/seeds");
const present = existsSync(SEEDS);
let story: Story;

before(async () => {
  if (!present) return;
  const db = join(mkdtempSync(join(tmpdir(), "triangulate-seeds-")), "seeds.db");
  const quiet = new PassThrough().resume();
  assert.equal(await main(["analyze", SEEDS, "--db", db], { stdout: quiet, stderr: quiet, stdin: new PassThrough(), progress: false }), 0);
  const store = await openStore(db);
  story = await storyOf(store);
  await store.close();
});

/** Every number given for a counted thing, with the source the story credits it to. */
const values = () => story.propositions.flatMap((p) => p.quantities.flatMap((q) => q.values.map((v) => ({ ...v, of: q.of, proposition: p.id }))));

test("each piece's troop counts stand in the story with the right source", { skip: !present && "../shared is absent" }, () => {
  const counts = values();
  const find = (min: number, max: number) => counts.find((v) => v.min === min && v.max === max);
  assert.equal(find(10000, 12000)?.source, "Zero Hedge");
  assert.equal(find(10000, 12000)?.doc, "002_5cbaa17706d8b98d");
  for (const [min, max] of [[3000, 3000], [10000, 10000]]) assert.equal(find(min, max)?.doc, "004_ca6764d78cd6b4a0", `${min}-${max}`);
  // a reader telling the writer "you are correct that … there is no military significance to an added
  // 3000-5000 KPA soldiers" gives a view of others' figures, not a claim: it stays out of the propositions
  assert.equal(find(3000, 5000), undefined);
  const writer = find(3000, 3000)!;
  assert.equal(writer.source, "004_ca6764d78cd6b4a0", "a count in the writer's own voice is credited to the piece");
});

test("Putin's remark on the satellite images has one origin, Putin", { skip: !present && "../shared is absent" }, () => {
  const remark = story.propositions.filter((p) => p.claims.some((c) => c.doc.startsWith("003") && /images/.test(c.sentence) && c.source));
  assert.ok(remark.length > 0);
  for (const p of remark) {
    const carried = p.claims.filter((c) => /images/.test(c.sentence));
    for (const c of carried) assert.equal(c.origin, "Vladimir Putin", c.sentence);
    assert.deepEqual(p.origins, ["Vladimir Putin"]);
  }
});
