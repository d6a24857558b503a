import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../src/text/tokens.ts";
test("tokenize keeps numbers with separators whole", () => {
  assert.deepEqual(tokenize("10,000 troops").map((t) => t.lower), ["10,000", "troops"]);
});
