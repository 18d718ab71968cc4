// The search page's own JavaScript stays small and dependency-free (issue 4: at most 15 KB, readable).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./support.mjs";

// The "/" key handler every page loads is a file too (the theme's Content-Security-Policy allows no inline script).
const files = ["search-core.js", "search.js", "search-shortcut.js"].map((name) => readFileSync(join(repo, "templates", "assets", name), "utf8"));
const header = readFileSync(join(repo, "templates", "partials", "header.mustache"), "utf8");
assert.ok(header.includes("assets/search-shortcut.js") && !header.includes("<script>"), "the header loads the shortcut, inline nothing");

// 15 KiB: 15,000 bytes until the script's words came from the page in its language (issue 33), which
// took the few lines that fill them in and choose a plural.
test("search JavaScript is at most 15 KiB (15,360 bytes) in all, the header's shortcut script included", () => {
  const bytes = files.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  assert.ok(bytes <= 15360, `${bytes} bytes`);
});

test("it imports nothing but its own module and is not minified", () => {
  for (const text of files) {
    for (const [, from] of text.matchAll(/^import .* from "([^"]+)";$/gm)) assert.equal(from, "./search-core.js");
    assert.ok(text.split("\n").every((line) => line.length <= 160), "no minified lines");
  }
});
