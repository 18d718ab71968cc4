// The search page's own JavaScript stays small and dependency-free (issue 4: at most 15 KB, readable).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./support.mjs";

const files = ["search-core.js", "search.js"].map((name) => readFileSync(join(repo, "templates", "assets", name), "utf8"));
// The "/" key handler every page carries, inline in the header.
const header = readFileSync(join(repo, "templates", "partials", "header.mustache"), "utf8");
files.push(header.match(/<script>([\s\S]*?)<\/script>/)[1]);

test("search JavaScript is at most 15,000 bytes in all, the header's inline script included", () => {
  const bytes = files.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  assert.ok(bytes <= 15000, `${bytes} bytes`);
});

test("it imports nothing but its own module and is not minified", () => {
  for (const text of files) {
    for (const [, from] of text.matchAll(/^import .* from "([^"]+)";$/gm)) assert.equal(from, "./search-core.js");
    assert.ok(text.split("\n").every((line) => line.length <= 160), "no minified lines");
  }
});
