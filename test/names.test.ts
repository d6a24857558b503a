import { test } from "node:test";
import assert from "node:assert/strict";
import { SourceNames } from "../src/link/names.ts";

const record = (doc: string, index: number, ...sources: string[]) => ({ doc, index, chain: sources.map((source) => ({ source, cue: "said" })), entities: [] });

test("a short name that stands in several longer ones is their source when they all are one: Interior Ministry, Norvessan Interior Ministry", () => {
  const names = new SourceNames();
  names.addName("Ministry of the Interior of Norvessa", "statement");
  names.add(record("post", 0, "Interior Ministry"));
  names.add(record("post", 1, "Ministry of the Interior"));
  names.add(record("today", 0, "Norvessan Interior Ministry"));
  for (const name of ["Interior Ministry", "Ministry of the Interior", "Norvessan Interior Ministry"])
    assert.equal(names.canonical(name, "post", 2), "Ministry of the Interior of Norvessa", name);
});

test("names that stand in different sources stay apart, and a word's adjective is only its place's", () => {
  const names = new SourceNames();
  names.addName("Ministry of Foreign Affairs of Tarvonia", "t");
  names.addName("Ministry of Foreign Affairs of Norvessa", "n");
  names.add(record("x", 0, "Foreign Ministry"));
  assert.equal(names.canonical("Foreign Ministry", "x", 0), "Foreign Ministry", "two ministries hold its words");
  names.add(record("x", 1, "Tarvonian Foreign Ministry"));
  assert.equal(names.canonical("Tarvonian Foreign Ministry", "x", 1), "Ministry of Foreign Affairs of Tarvonia");
  names.add(record("x", 2, "Health Office"));
  names.addName("Regional Health Office", "r");
  assert.equal(names.canonical("Health Office", "x", 2), "Regional Health Office");
});
