// Query semantics on a fixture site built by the real binary: ranking, prefix, typos, filters.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildSite, fixture } from "./support.mjs";

let site;
before(async () => { site = await buildSite(fixture("search")); });
after(() => site.remove());

const urls = async (query, options = {}) => (await site.engine().search(query, { limit: 50, ...options })).results.map((r) => r.url);

test("a competency inside a level is its own result, linked to its anchor", async () => {
  const { results } = await site.engine().search("delegation");
  assert.equal(results[0].url, "/engineering/l3/#delegation");
  assert.equal(results[0].title, "L3 Senior Engineer");
  assert.equal(results[0].heading, "Delegation");
  assert.equal(results[0].track, "Engineering");
  assert.equal(results[0].level, "L3");
});

test("ranking: title above heading above body", async () => {
  const found = await urls("mentoring");
  assert.equal(found[0], "/mentoring/", "the page titled Mentoring comes first");
  assert.deepEqual(found.slice(1, 3).sort(), ["/engineering/l2/#mentoring", "/engineering/l3/#mentoring"]);
  assert.equal(found[3], "/guide/", "a mention in body text comes last");
  assert.equal(found.length, 4);
});

test("every word must match, in the same section", async () => {
  assert.deepEqual(await urls("owns risk"), ["/engineering/l3/#ownership"]);
  assert.deepEqual(await urls("ownership zebra"), []);
});

test("the last word matches as a prefix, the others do not", async () => {
  assert.deepEqual(await urls("deleg"), ["/engineering/l3/#delegation"]);
  assert.deepEqual(await urls("hands deleg"), ["/engineering/l3/#delegation"]);
  assert.deepEqual(await urls("deleg hands"), []);
  // One letter is too little to expand; it still matches a whole word.
  assert.deepEqual(await urls("x"), ["/guide/"]);
});

test("typo tolerance: one edit from 4 characters, two from 8", async () => {
  assert.deepEqual(await urls("risk"), ["/engineering/l3/#ownership", "/guide/#escalation"]);
  assert.ok((await urls("rsk")).length === 0, "3 characters: no typo allowed");
  assert.ok((await urls("rosk")).includes("/engineering/l3/#ownership"), "4 characters: one edit");
  assert.ok((await urls("polihsed")).includes("/design/d1/"), "a swap of two letters is one edit");
  assert.ok((await urls("delgaton")).includes("/engineering/l3/#delegation"), "8 characters: two edits");
  assert.deepEqual(await urls("delgton"), [], "7 characters: two edits are too many");
  assert.deepEqual(await urls("owmrsjip"), [], "three edits never match");
});

test("exact matches outrank typos and prefixes", async () => {
  // "owns" (exact) in L3 Ownership and D1 Ownership; "own" / "owner" would be typos, "ownership" not.
  const { results } = await site.engine().search("owns");
  const exact = results.filter((r) => r.snippet.some((s) => s.hit && s.text.toLowerCase() === "owns"));
  assert.equal(exact.length, 2);
  assert.deepEqual(results.slice(0, 2), exact);
  for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score >= results[i].score);
});

test("filters by track and by level", async () => {
  const engineering = await urls("impact", { track: "engineering" });
  assert.equal(engineering.length, 3);
  assert.ok(engineering.every((u) => u.startsWith("/engineering/l")));
  assert.deepEqual(await urls("impact", { track: "engineering", level: "L3" }), ["/engineering/l3/#impact"]);
  assert.deepEqual(await urls("impact", { track: "design" }), ["/design/d1/#impact"]);
  assert.deepEqual(await urls("impact", { level: "d1" }), ["/design/d1/#impact"]);
  assert.deepEqual(await urls("impact", { track: "nonexistent" }), []);
});

test("snippets mark the matched words and keep index text as text", async () => {
  const { results } = await site.engine().search("paste");
  assert.equal(results[0].url, "/guide/");
  const marked = results[0].snippet.filter((s) => s.hit).map((s) => s.text);
  assert.deepEqual(marked, ["paste"]);
  assert.ok(results[0].snippet.map((s) => s.text).join("").includes("<img src=x onerror=alert(1)>"));
});

test("a small site answers from the always-loaded file and one text chunk", async () => {
  const engine = site.engine();
  await engine.search("ownership");
  assert.deepEqual(site.fetched.map((f) => f.path.replace(/\.[0-9a-f]+\.json$/, "")), ["/search/index", "/search/text"]);
});

test("accents and case do not matter, in the index (Swift) or the query (JavaScript)", async () => {
  assert.deepEqual(await urls("cafe zoe"), ["/guide/"]);
  assert.deepEqual(await urls("CAFÉ Zoë"), ["/guide/"]);
  const { results } = await site.engine().search("cafe");
  assert.deepEqual(results[0].snippet.filter((s) => s.hit).map((s) => s.text), ["Café"]);
  // Quotes, backslashes, dashes and line separators survive the index's JSON.
  assert.ok(results[0].text.includes('Fridays — "bring snacks", says C:\\snacks\u2028\u2029.'), results[0].text);
});

test("results are in a stable order: score, then document order", async () => {
  const first = await urls("impact");
  const second = await urls("impact");
  assert.deepEqual(first, second);
  assert.equal(first.length, 4);
});

test("a file that failed to load is fetched again by the next query", async () => {
  const { readFileSync } = await import("node:fs");
  let failures = 1;
  const engine = new site.core.SearchEngine(`http://site.test/search/${site.meta}`, async (url) => {
    const path = new URL(url).pathname;
    if (path.startsWith("/search/text.") && failures-- > 0) throw new Error("network down");
    return JSON.parse(readFileSync(site.public + path, "utf8"));
  });
  await assert.rejects(engine.search("delegation"), /network down/);
  assert.equal((await engine.search("delegation")).results[0].url, "/engineering/l3/#delegation");
});
