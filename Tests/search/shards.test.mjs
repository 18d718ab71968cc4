// A site too big for one file: the index is sharded and a query fetches only what it needs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite } from "./support.mjs";

// Deterministic pseudo-words ("bakito", "remuso", …), so the vocabulary is large and spread over letters.
function* words(seed) {
  const consonants = "bcdfghklmnprstvw", vowels = "aeiou";
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    let w = "";
    for (let k = 0, n = 2 + (x % 3); k < n; k++) w += consonants[(x >> (4 + k * 3)) % 16] + vowels[(x >> (7 + k * 5)) % 5];
    yield w;
  }
}

const SECTIONS = ["Impact", "Craft", "Ownership", "Communication", "Mentoring"];

function writeSite(folder) {
  const gen = words(7);
  const put = (path, text) => {
    mkdirSync(join(folder, "content", ...path.split("/").slice(0, -1)), { recursive: true });
    writeFileSync(join(folder, "content", path), text);
  };
  for (let t = 1; t <= 3; t++) {
    for (let l = 1; l <= 40; l++) {
      let body = `---\nlevel: L${l}\ntitle: Rung ${l} of track ${t}\n---\n`;
      for (const section of SECTIONS) {
        const text = Array.from({ length: 40 }, () => gen.next().value);
        if (t === 2 && l === 7 && section === "Craft") text[20] = "zanzibar";
        body += `## ${section}\n${text.join(" ")}.\n\n`;
      }
      put(`t${t}/l${l}.md`, body);
    }
  }
}

let site;
before(async () => { site = await buildSite(writeSite); });
after(() => site.remove());

test("the index is sharded by term range, with a vocabulary file per first letter", async () => {
  const meta = await site.engine().meta();
  assert.ok(meta.shards.length > 3, `expected several term shards, got ${meta.shards?.length}`);
  assert.equal(meta.terms, undefined, "terms are not inline on a large site");
  assert.ok(meta.vocab.z);
  assert.ok(meta.chunks.length > 3);
  const firsts = meta.shards.map((s) => s[0]);
  assert.deepEqual([...firsts].sort(), firsts, "shards are in term order");
});

test("a query fetches the always-loaded file, one vocabulary, one shard and one text chunk", async () => {
  const engine = site.engine();
  const { results } = await engine.search("zanzibar");
  assert.deepEqual(results.map((r) => r.url), ["/t2/l7/#craft"]);
  // The word's own shard is fetched alongside its vocabulary, so the order of the middle two varies.
  assert.deepEqual(site.fetched.map((f) => f.path.replace(/\.[0-9a-f]+\.json$/, "")).sort(),
    ["/search/index", "/search/terms", "/search/text", "/search/vocab"]);
  assert.equal(site.fetched[0].path.replace(/\.[0-9a-f]+\.json$/, ""), "/search/index");
  // Results carry their title and heading from the text chunk when the always-loaded file has none.
  assert.equal(results[0].title, "L7 Rung 7 of track 2");
  assert.equal(results[0].heading, "Craft");
});

test("prefix, typo and filters work across shards", async () => {
  const urls = async (q, o = {}) => (await site.engine().search(q, o)).results.map((r) => r.url);
  assert.deepEqual(await urls("zanzi"), ["/t2/l7/#craft"]);
  assert.deepEqual(await urls("zanzibr"), ["/t2/l7/#craft"]);
  assert.deepEqual(await urls("zanzibar", { track: "t1" }), []);
  assert.deepEqual(await urls("zanzibar", { track: "t2", level: "L7" }), ["/t2/l7/#craft"]);
  assert.deepEqual(await urls("zanzibar", { track: "t2", level: "L8" }), []);
});

test("a common word finds every section that has it, whichever shard holds it", async () => {
  const engine = site.engine();
  const { total, results } = await engine.search("craft", { limit: 200 });
  assert.equal(total, 120, "every level has a Craft section");
  assert.ok(results.every((r) => r.url.endsWith("#craft")));
});
