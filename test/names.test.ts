import { test } from "node:test";
import assert from "node:assert/strict";
import { SourceNames } from "../src/link/names.ts";

const record = (doc: string, index: number, sources: string[], entities: string[] = []) => ({ doc, index, chain: sources.map((source) => ({ source, cue: "said" })), entities });

test("one word is the one longer name it ends, and stays itself when two names end with it", () => {
  const names = new SourceNames();
  names.add(record("a", 0, ["James Comey", "The New York Times"], ["Hillary Clinton", "Bill Clinton"]));
  assert.equal(names.canonical("Comey", "b", 0), "James Comey");
  assert.equal(names.canonical("The Times", "b", 0), "New York Times");
  assert.equal(names.canonical("Clinton", "b", 0), "Clinton");
});

test("one word is, first, the one longer name of its own document that it ends", () => {
  const names = new SourceNames();
  names.add(record("a", 0, ["The New York Times"]));
  names.add(record("b", 0, ["The Los Angeles Times"]));
  names.add(record("c", 0, ["Bernie Sanders"], ["New York Times"]));
  // the story knows two Times; the third document named one of them
  assert.equal(names.canonical("The Times", "c", 1), "New York Times");
  assert.equal(names.canonical("The Times", "d", 0), "Times");
});

test("a spokesperson speaks for the body named before the role", () => {
  const names = new SourceNames();
  names.add(record("a", 0, ["the State Department", "the Ministry of the Interior"]));
  assert.equal(names.canonical("a State Department spokesman", "a", 1), "State Department");
  assert.equal(names.canonical("a ministry spokeswoman", "a", 1), "Ministry of the Interior");
  // a title before the role names no body
  assert.equal(names.canonical("Deputy Press Secretary Jane Roe", "a", 1), "Deputy Press Secretary Jane Roe");
});
