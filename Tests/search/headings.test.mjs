// A section whose heading is what the reader typed comes first, even with a typo, and results are
// titled with their page and section ("L3 Senior Engineer › Ownership"). Built by the real binary.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite } from "./support.mjs";

let site;
before(async () => {
  site = await buildSite((folder) => {
    const write = (path, text) => {
      mkdirSync(join(folder, "content", path, ".."), { recursive: true });
      writeFileSync(join(folder, "content", path), text);
    };
    write("site.yml", "title: Heading ranking\n");
    // A short section that says "ownership" six times, and the Ownership section, which never does.
    write("eng/l3.md", `---
level: L3
title: Senior Engineer
---
## Responsibilities
Ownership of services, ownership of incidents, ownership of budgets. Ownership, ownership, ownership.

## Ownership
Carries work from an idea to production and keeps it healthy afterwards: the on-call rota, the runbook,
the dashboards and the follow-up work nobody asked for, for as long as the service runs.

## Impact
Leads projects that change how the team works, and measures whether they did.
`);
    write("eng/l2.md", `---
level: L2
title: Engineer
---
## Impact
Delivers features that customers use, with help on the larger pieces of work.
`);
  });
});
after(() => site.remove());

for (const query of ["ownership", "ownrship", "onwership"]) {
  test(`"${query}": the Ownership section ranks above a section that repeats the word`, async () => {
    const { results } = await site.engine().search(query, { limit: 10 });
    assert.ok(results.length >= 2, JSON.stringify(results.map((r) => r.url)));
    assert.equal(results[0].url, "/eng/l3/#ownership");
    assert.equal(results[1].url, "/eng/l3/#responsibilities");
  });
}

test("a result is titled with its page and its section", async () => {
  const { results } = await site.engine().search("ownrship", { limit: 1 });
  assert.equal(site.core.resultTitle(results[0]), "L3 Senior Engineer › Ownership");
  const page = (await site.engine().search("senior", { limit: 1 })).results[0];
  assert.equal(page.url, "/eng/l3/");
  assert.equal(site.core.resultTitle(page), "L3 Senior Engineer", "a page's own result has no section");
});
