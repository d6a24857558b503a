import { before, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { storyOf } from "../src/link/index.ts";
import { openStore } from "../src/store/index.ts";
import { runCli, tempDir } from "./support/cli.ts";

const ROOT = resolve(import.meta.dirname, "..");
let db: string;
let propositions: number;

before(async () => {
  db = join(tempDir(), "report.db");
  const run = await runCli(["analyze", join(ROOT, "examples"), join(ROOT, "test/hostile"), "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  const store = await openStore(db);
  propositions = (await storyOf(store)).propositions.length;
  await store.close();
});

test("report --format md: a briefing with the figures in dispute as SVG images and every claim linked to its sentence", async () => {
  const run = await runCli(["report", "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^# Story briefing/);
  assert.match(run.stdout, /## Figures in dispute\n\n### people · dead/, "the death toll is charted first");
  const images = [...run.stdout.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)];
  assert.ok(images.length >= 1);
  assert.match(Buffer.from(images[0][1], "base64").toString(), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const claims = run.stdout.split("\n").filter((l) => /^- (supports|hedges|denies): /.test(l));
  assert.ok(claims.length > 20);
  for (const line of claims) assert.match(line, /\]\(<http:\/\/127\.0\.0\.1:8410\/#\/document\/[^?]+\?s=\d+>\)/, line);
  assert.ok(claims.some((l) => /\[original\]\(<https:\/\/[^>]+#:~:text=/.test(l)), "a link to the sentence in the original article");
  assert.doesNotMatch(run.stdout, /\n- [^\n]*“World”/, "no section label as a claim");
});

test("report --format html: charts inline as SVG, claims as links, article markup escaped", async () => {
  const run = await runCli(["report", "--db", db, "--format", "html", "--page", "https://desk.example/triangulate/"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^<!doctype html>/);
  assert.ok((run.stdout.match(/<svg /g) ?? []).length >= 1);
  assert.match(run.stdout, /<a href="https:\/\/desk\.example\/triangulate\/#\/document\/[^"]+\?s=\d+">/);
  assert.doesNotMatch(run.stdout, /<script|<img|on(?:error|load|mouseover|click)="|href="javascript:/i, "hostile text stays text");
  assert.match(run.stdout, /&lt;script&gt;window.__pwned/);
  const bad = await runCli(["report", "--db", db, "--page", "javascript:alert(1)"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--page must be an http\(s\) address/);
});

test("export --format claimreview: schema.org ClaimReview JSON-LD, one per proposition, with its claims, authors and dates", async () => {
  const run = await runCli(["export", "--db", db, "--format", "claimreview"]);
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as { "@context": string; "@graph": Record<string, any>[] };
  assert.equal(doc["@context"], "https://schema.org");
  assert.equal(doc["@graph"].length, propositions);
  for (const review of doc["@graph"]) {
    assert.equal(review["@type"], "ClaimReview");
    assert.ok(review.claimReviewed);
    assert.ok(["agreed", "disputed", "single-source"].includes(review.reviewRating.alternateName));
    assert.equal(review.itemReviewed["@type"], "Claim");
    for (const a of review.itemReviewed.appearance) {
      assert.ok(a.text && a.author?.name, "each appearance names its text and author");
      if (a.url) assert.match(a.url, /^https?:\/\//, "no javascript: address");
    }
  }
  const denied = doc["@graph"].find((r) => r.reviewRating.alternateName === "disputed" && /Denied by/.test(r.reviewRating.ratingExplanation));
  assert.ok(denied, "a disputed proposition says who denies it");
  assert.ok(doc["@graph"].some((r) => r.itemReviewed.appearance.some((a: { datePublished?: string }) => a.datePublished)));
});
